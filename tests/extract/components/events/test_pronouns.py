"""Rule tests of the events component: a first person inside quotation marks is the quote's speaker,
never a name inside the quoted words or the subject of an earlier sentence, and a two-sided "they"
stands for the last pair of sides only when that pair is in its sentence or the one before."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_ and e.confidence >= 0.5]


def test_pronouns_quoted_we_is_the_speaker_after_the_quote(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Officials in Accra accused Togo of sheltering the smugglers. "
        "“We strongly reject these accusations,” the Togolese foreign minister Kossi Amegah told reporters."
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


def test_pronouns_they_stands_for_no_pair_sentences_back(analyze_text: Analyze) -> None:
    meeting = "President Alder Mwangi of Kenya met President Joseph Okello of Uganda in Nairobi on Monday. "
    far = analyze_text(
        meeting + "Heavy rain fell across the region on Tuesday. "
        "On Wednesday the water kept rising around the tents of the Red Cross volunteers. "
        "They are cooperating closely with the army."
    )
    assert all("Mwangi" not in (e.source_text or "") for e in _confident(far, "COOPERATE"))
    near = analyze_text(meeting + "They agreed to reopen the border.")  # the pair just named
    assert [(e.source_text, e.target_text) for e in _confident(near, "AGREE")] == [
        ("President Alder Mwangi of Kenya", "President Joseph Okello of Uganda")
    ]
