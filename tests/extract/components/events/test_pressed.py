"""Rule tests of the events component: a conditional threat presses the subject of its condition.

"threatened to strike if the airline does not raise wages", "… unless Mexico pays", "will retaliate if the
neighbours attack us": with no target named, the one the condition is about is the threat's target; the
threat's own doer in the condition ("unless he is given more money") is none.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _threats(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "THREATEN"]


def test_pressed_the_subject_of_an_if_or_unless_condition_is_the_target(analyze_text: Analyze) -> None:
    """The condition of the threat verb, of its content clause, or of a future act of harm."""
    for text, pair in (
        ("The union threatened to strike if the airline does not raise wages.", ("The union", "the airline")),
        (
            "The president threatened to cut off aid to the region unless Mexico pays for the fence.",
            ("The president", "Mexico"),
        ),
        (
            "The rebels warned that they would kill the captured soldiers if the government did not free "
            "their commanders.",
            ("The rebels", "the government"),
        ),
        ("If the neighbours attack us, then the army will retaliate.", ("the army", "the neighbours")),
    ):
        assert _threats(analyze_text(text)) == [pair], text


def test_pressed_the_threats_own_doer_in_the_condition_is_no_target(analyze_text: Analyze) -> None:
    """ "threatened to resign if he loses the vote": he is the one threatening."""
    assert _threats(analyze_text("The governor threatened to resign if he loses the vote.")) == [
        ("The governor", None)
    ]


def test_pressed_the_subject_of_a_passive_condition_is_no_target(analyze_text: Analyze) -> None:
    """ "unless the mayor is paid": the one paid is not the one pressed to pay; a "by" doer is."""
    for text, target in (
        ("The militia threatened to burn the depot unless the mayor is paid a ransom.", None),
        (
            "The militia threatened to burn the depot unless the prisoners are freed by the army.",
            "the army",
        ),
    ):
        assert [t for _s, t in _threats(analyze_text(text))] == [target], text
