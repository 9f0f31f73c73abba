"""Rule tests of the events component: what a consultation is about is no party to it.

"The envoys discussed imposing new tariffs on Japan": Japan is talked about, not talked with. The object and
the complement of a verb of talking about something, and the purpose clause of a meeting, name the topic; the
partner is the verb's actor object or its "with"/"to" phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _consults(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "CONSULT"]


def test_consult_topics_a_name_in_the_topic_is_no_partner(analyze_text: Analyze) -> None:
    """A name inside the object, the complement or the purpose clause is what is talked about."""
    for text, topic in (
        ("The trade envoys discussed imposing new tariffs on Japan.", "Japan"),
        ("Senators debated new sanctions against Venezuela on Tuesday.", "Venezuela"),
        ("The defense ministers met in Brussels to discuss Iran's missile program.", "Iran"),
        ("The finance ministers met on Monday to discuss the debt crisis in Greece.", "Greece"),
    ):
        pairs = _consults(analyze_text(text))
        assert all(t is None or topic not in t for _, t in pairs), (text, pairs)


def test_consult_topics_the_partner_is_still_named(analyze_text: Analyze) -> None:
    """The "with" phrase and the actor object stay the partner."""
    for text, partner in (
        (
            "The chancellor discussed new sanctions against Venezuela with the Brazilian president.",
            "president",
        ),
        (
            "The defense minister met Stoltenberg in Brussels to discuss Iran's missile program.",
            "Stoltenberg",
        ),
    ):
        pairs = _consults(analyze_text(text))
        assert any(t is not None and partner in t for _, t in pairs), (text, pairs)
