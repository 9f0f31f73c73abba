"""Rule tests of the events component: harm done by no one to things only is no event, unless a word of
violence implies a doer."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _harm(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events if e.type in ("ASSAULT", "COERCE")]


def test_thing_harm_damage_with_no_doer_to_things_is_no_event(analyze_text: Analyze) -> None:
    for text in (
        '"His patience is shot," the mayor said of the minister.',
        "Their trust in the new scheme is shot, the farmers said.",
        '"Investor confidence has been shot to pieces," the broker said.',
        "He said bridges and dams have been destroyed and the main hospital was inundated.",
    ):
        assert _harm(analyze_text(text)) == [], text


def test_thing_harm_a_word_of_violence_keeps_the_event(analyze_text: Analyze) -> None:
    """An attack implies its doer; a violence word elsewhere in the sentence keeps the harm an event."""
    for text, trigger in (
        ("The fuel convoy came under attack near the border on Tuesday.", "attack"),
        ("Two bridges were destroyed during heavy shelling on Monday.", "destroyed"),
    ):
        assert any(trigger in t for t in _harm(analyze_text(text))), text


def test_thing_harm_people_harmed_and_deeds_keep_the_event(analyze_text: Analyze) -> None:
    """Harm done to people with no doer named is still an assault; a deed no hazard does ("demolished",
    "looted") is someone's act."""
    for text, trigger in (
        ("Three villagers were killed near the market on Sunday.", "killed"),
        ("Two soldiers died and several others were wounded in the clash.", "wounded"),
        ("He spoke of churchgoers killed at a chapel in Ohio last year.", "killed"),
        ("Several homes were demolished in the old quarter last week.", "demolished"),
        ("Two warehouses were burned and shops were looted overnight.", "looted"),
    ):
        assert trigger in _harm(analyze_text(text)), text
