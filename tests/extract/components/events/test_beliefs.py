"""Rule tests of the events component: an act inside what someone believes, denies or does not show is no
established act; it is kept as a weak reading, under 0.5. The belief's or the denial's own event stays."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_beliefs_a_believed_act_is_not_established(analyze_text: Analyze) -> None:
    """ "the farmers believe the militia burned their village": a belief, not a deed."""
    for text in (
        "The farmers believe the militia burned their village last spring.",
        "The widow thinks that soldiers shot her husband at the checkpoint.",
        "Local officials suspect the rebels attacked the convoy near the border.",
        "The governor is believed to have ordered the arrest of the journalist.",
    ):
        assert confident_triggers(analyze_text(text)) == [], text


def test_beliefs_a_disputed_or_unproven_act_is_not_established(analyze_text: Analyze) -> None:
    """ "disputes that X attacked", "would not prove that X planned to bomb": what is disputed or not shown is
    no deed."""
    for text in (
        "The government disputes that its troops attacked the convoy.",
        "The video does not show that the police attacked the students.",
        "The defense said the recordings would not prove that the accused planned to bomb the embassy.",
    ):
        assert confident_triggers(analyze_text(text)) == [], text


def test_beliefs_stated_facts_and_the_denial_itself_stay(analyze_text: Analyze) -> None:
    """A fact shown stays ("the footage showed that police attacked"), so does disbelief at a fact ("could not
    believe that the bank was evicting"), a doubt denied ("no one doubts that") and the denial's own event."""
    for text, event in (
        (
            "The footage showed that police attacked the students outside the ministry.",
            ("ASSAULT", "attacked"),
        ),
        ("The farmer could not believe that the bank was evicting his family.", ("COERCE", "evicting")),
        ("No one doubts that the army shelled the camp.", ("ASSAULT", "shelled")),
        ("The army denied that its soldiers shelled the refugee camp on Tuesday.", ("REJECT", "denied")),
        # the believers do the urging: "have" cannot agree with "the new tax", whatever the parse joins it to
        (
            "Many residents believe the new tax is unfair and have been urging the council to repeal it.",
            ("REQUEST", "urging"),
        ),
    ):
        assert event in confident_triggers(analyze_text(text)), text
