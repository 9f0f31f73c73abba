"""Rule tests of the events component: a group another component made (a quote's speaker, "Kenyan
officials said") gets, as an event's actor, the sector and country its words give, as a group the
events component makes has."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_group_types_a_quoted_speaker_group(analyze_text: Analyze) -> None:
    a = analyze_text('"We will never accept this deal," Kenyan officials said on Monday.')
    sources = [a.entity(i) for e in a.events for i in e.source]
    typed = [(g.name, g.sector, g.country) for g in sources if g is not None and g.type == "GROUP"]
    assert typed == [("Kenyan officials", "government", "KE")]
