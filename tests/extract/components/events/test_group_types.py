"""Rule tests of the events component: a group another component made (a quote's speaker, "Kenyan
officials said") gets, as an event's actor, the sector and country its words give, as a group the
events component makes has."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.components.events._actor_types import same_group
from newsgraph.models import Analysis, Entity

Analyze = Callable[..., Analysis]


def test_group_types_a_quoted_speaker_group(analyze_text: Analyze) -> None:
    a = analyze_text('"We will never accept this deal," Kenyan officials said on Monday.')
    sources = [a.entity(i) for e in a.events for i in e.source]
    typed = [(g.name, g.sector, g.country) for g in sources if g is not None and g.type == "GROUP"]
    assert typed == [("Kenyan officials", "government", "KE")]


def test_group_types_one_office_of_two_countries_is_two_groups(analyze_text: Analyze) -> None:
    a = analyze_text(
        "The six nurses landed in Sofia on Tuesday. The president of Moldova promptly pardoned them. "
        "The president of Portugal said that Portugal paid no money to Libya. He also said he would "
        "visit Libya on Wednesday."
    )
    by_trigger = {e.trigger.text: [a.entity(i) for i in e.source] for e in a.events}
    pardon, visit = by_trigger["pardoned"], by_trigger["visit"]
    assert [(g.name, g.country) for g in pardon if g is not None] == [("president", "MD")]
    # Portugal's president (a group of country PT, or the description spaCy names), never Moldova's
    visitors = [g for g in visit if g is not None]
    assert visitors and all(g.country == "PT" or "Portugal" in g.name for g in visitors)


def test_same_group_keys_an_office_by_its_country() -> None:
    bulgaria = Entity(id="e1", name="president", type="GROUP", country="BG")
    assert same_group(bulgaria, "president", lambda: (None, "BG"))
    assert not same_group(bulgaria, "president", lambda: ("government", "FR"))  # "the president of France"
    assert same_group(bulgaria, "president", lambda: (None, None))  # a bare "the president"
    assert not same_group(bulgaria, "minister", lambda: (None, "BG"))
