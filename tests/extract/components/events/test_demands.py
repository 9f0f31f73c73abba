"""Rule tests of the events component: what one party asks or wishes of another has not happened.

The demand or the wish is the event; the act it asks for is no deed and no intent of the one asked,
and who is to undergo that act is not the one asked.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_demands_a_bare_conjunct_shares_the_wished_infinitive(analyze_text: Analyze) -> None:
    """ "expects X to respect … and release …": "release" is under the same "to" as "respect"."""
    for text, trigger in (
        (
            "Ankara expects the Syrian government to respect the truce and release the detained journalists.",
            "release",
        ),
        ("Brussels expects Belgrade to honour the deal and recognize Kosovo.", "recognize"),
    ):
        assert [t for _type, t in confident_triggers(analyze_text(text)) if t == trigger] == [], text


def test_demands_a_wish_for_another_party_is_not_its_intent(analyze_text: Analyze) -> None:
    """ "the mayor wants the police to arrest …" is the mayor's wish, not a threat by the police; a
    party's own intent ("the rebels want to attack") stays."""
    assert (
        confident_triggers(
            analyze_text("The mayor wants the police to stop the march and arrest its organizers.")
        )
        == []
    )
    assert (
        confident_triggers(analyze_text("Russia wants Turkey to close its borders to radical groups.")) == []
    )
    assert ("THREATEN", "attack") in confident_triggers(
        analyze_text("The rebels want to attack the capital.")
    )


def test_demands_who_is_to_be_acted_on_is_not_asked(analyze_text: Analyze) -> None:
    """ "demanded that the activists be freed by the military": the doer ("by X") is asked, and an active
    clause's subject ("that the governor release …") is the one asked. With no one asked, the one to be
    acted on is the target (`test_acted_on.py`)."""
    events = analyze_text(
        "Human Rights Watch has asked that the detained reporters be freed by the military."
    ).events
    assert [(e.type, e.target_text) for e in events] == [("REQUEST", "the military")]
    events = analyze_text("The union demanded that the governor release the miners.").events
    assert [(e.type, e.target_text) for e in events] == [("REQUEST", "the governor")]


def test_demands_the_asked_acts_phrases_name_no_one_asked(analyze_text: Analyze) -> None:
    """ "demanded that the aid go to the refugees": whom the asked act touches is not asked; a named
    party as the clause's subject is ("demanded that the United States match …")."""
    for text in (
        "The president demanded that fuel prices fall in Nigeria.",
        "The mayor demanded that the aid go to the refugees from Syria.",
    ):
        events = [e for e in analyze_text(text).events if e.type == "REQUEST"]
        assert [e.target_text for e in events] == [None], text
    events = analyze_text("Turkey demanded on Friday that the United States extradite the cleric.").events
    assert ("REQUEST", "the United States") in [(e.type, e.target_text) for e in events]
