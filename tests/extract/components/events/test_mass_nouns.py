"""Rule tests of the events component: bare singular "force" is violence, no side of an event.

"Force" counts armed bodies ("a task force", "the air force"), but bare and singular it is the mass noun,
the violence or strength used: it names no party an event is done to and gets no GROUP entity.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source_text, e.target_text) for e in analysis.events]


def test_mass_nouns_force_used_is_no_target(analyze_text: Analyze) -> None:
    """What is used or demanded ("use force", "more force") is no target, and no group of people."""
    for text, phrase in (
        ("The governor warned that police would use force to clear the square if marchers stayed.", "force"),
        ("The opposition demanded more force from the president against smugglers.", "more force"),
    ):
        analysis = analyze_text(text)
        assert analysis.events, text
        assert all(target != phrase for _, _, target in _sides(analysis)), text
        assert all(e.name.lower() != phrase for e in analysis.entities), text


def test_mass_nouns_counted_forces_still_act(analyze_text: Analyze) -> None:
    """A counted force is a party: a compound ("task force", "air force"), a determiner, a shared one."""
    found = _sides(analyze_text("A joint task force arrested the cartel leader in Sinaloa."))
    assert any(t == "COERCE" and s == "A joint task force" for t, s, _ in found)
    found = _sides(analyze_text("The air force bombed rebel positions near the capital on Sunday."))
    assert any(t == "ASSAULT" and s == "The air force" for t, s, _ in found)
    found = _sides(analyze_text("The army, air force and navy attacked the rebel stronghold."))
    assert any(t == "ASSAULT" and s is not None and "air force" in s for t, s, _ in found)
