"""Rule tests of the events component: a reaction to an act is aimed at its doer, not at its victim.

Condemning, criticizing, opposing or welcoming an act a noun names ("X's arrest", "violence against X",
"sanctions against X") reacts to whoever did it: the one it was done to is no target. The doer named in
the noun's own phrase ("by the police", "Russia's aggression") is the target; with none, there is no target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _targets(analysis: Analysis, type_: str) -> list[str | None]:
    return [
        e.target_text for e in analysis.events if e.type == type_ and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_reacted_acts_the_victim_of_the_act_is_no_target(analyze_text: Analyze) -> None:
    """The one arrested, killed or aimed at by the act condemned is not the one condemned."""
    for text in (
        "The European Union condemned Lydia Marsh's arrest on Tuesday.",
        "Human rights groups have condemned the journalist's detention.",
        "The United Nations condemned the killing of the farmer near the border.",
        "The opposition party strongly condemned violence against election officials.",
    ):
        assert _targets(analyze_text(text), "ACCUSE") == [None], text


def test_reacted_acts_the_doer_named_in_the_act_is_the_target(analyze_text: Analyze) -> None:
    """A doer the act's own phrase names takes the victim's place."""
    targets = _targets(analyze_text("The senator condemned Russia's aggression against Ukraine."), "ACCUSE")
    assert targets == ["Russia"], targets


def test_reacted_acts_the_act_itself_or_the_one_blamed_stays(analyze_text: Analyze) -> None:
    """Not a reaction to an act: the one a lawsuit is filed against, the one blamed "on", a party to talks."""
    for text, type_, target in (
        ("The families filed a lawsuit against the state.", "ACCUSE", "the state"),
        ("The governor blamed the bombing on rebel fighters.", "ACCUSE", "rebel fighters"),
        ("The minister welcomed the talks with the rebels.", "SUPPORT", "the rebels"),
        ("The union condemned the arrest of two reporters by the police.", "ACCUSE", "the police"),
    ):
        assert _targets(analyze_text(text), type_) == [target], text
