"""Rule tests of the events component: "I" inside quotation marks is the quote's speaker, never a name
inside the quoted words or the subject of an earlier sentence; "he" and "she" stand for no body ("the
government"); "it" stands for no speaker named in the plural ("Authorities say …"), and a
speaker "it" goes on from the "it" the sentence before reports ("… said it had … It later claimed …")."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_ and e.confidence >= 0.5]


def test_pronouns_quoted_i_is_the_speaker_after_the_quote(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Officials in Accra accused Togo of sheltering the smugglers. "
        "“I strongly reject these accusations,” the Togolese foreign minister Kossi Amegah told reporters."
    )
    (rejected,) = _confident(a, "REJECT")
    assert "Amegah" in (rejected.source_text or "")


def test_pronouns_name_inside_the_quote_is_no_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“The city council broke its promise to the workers, and I condemn that decision,” "
        "Senator Ruth Hale said on Monday."
    )
    condemned = [e for e in a.events if e.trigger.text.lower() == "condemn"]
    assert condemned and all("Hale" in (e.source_text or "") for e in condemned)


def test_pronouns_he_is_no_body(analyze_text: Analyze) -> None:
    a = analyze_text(
        "The government raised fuel prices sharply on Monday. He refused to meet the striking drivers."
    )
    assert all(e.source_text != "The government" for e in a.events)


def test_pronouns_it_is_no_plural_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Gunmen stormed a bus station in the north of the country on Monday. "
        "Authorities say the attackers fled into the hills with their captives. "
        "In a message to reporters, a little-known separatist outfit said it had carried out the raid. "
        "It later claimed they were holding 30 hostages."
    )
    claimed = next(q for q in a.quotes if q.speaker_text == "It")
    names = {e.id: e.name for e in a.entities}
    assert names.get(claimed.speaker or "") != "Authorities"
    held = [e for e in a.events if e.trigger.text == "holding"]
    assert all(e.source_text != "Authorities" for e in held)


def test_pronouns_speaker_it_goes_on_from_the_reported_it(analyze_text: Analyze) -> None:
    a = analyze_text(
        "The Free Hills Front claimed responsibility for the raid on Monday. "
        "In a message to reporters, the outfit said it had seized the bus station. "
        "It later claimed they were holding 30 hostages."
    )
    (held,) = [e for e in a.events if e.trigger.text == "holding"]
    assert held.source_text == "The Free Hills Front"
