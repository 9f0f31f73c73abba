"""Rule tests of the events component: an event's place is a name in a place phrase.

A place name that is a subject, an object, a possessor of a person or a thing, or the object of a
preposition other than a locative one names a party or a topic of the sentence, not where the act
happened; a name in an "in"/"at"/"near" phrase, or standing for such a phrase's noun, is the place.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _event(analysis: Analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.type) for e in analysis.events]
    return found[0]


def test_place_phrases_a_party_or_topic_name_is_no_place(analyze_text: Analyze) -> None:
    """A "from" object of another word (an origin) or a "by" object (a doer) is no event place."""
    for text, trigger in (
        ("The council rejected the plan to import beef from Brazil.", "rejected"),
        ("The union protested against a plan drafted by Portugal.", "protested"),
    ):
        event = _event(analyze_text(text), trigger)
        assert event.place_text is None, (text, event.place_text)


def test_place_phrases_a_name_in_a_place_phrase_is_the_place(analyze_text: Analyze) -> None:
    """A name in a locative phrase stays the place, also when it stands for the phrase's noun."""
    for text, trigger, place in (
        ("Thousands of farmers marched in Mali on Sunday.", "marched", "Mali"),
        ("Police arrested two men on the streets of Lagos.", "arrested", "Lagos"),
        ("Thousands of farmers protested in Kenya's Nakuru county on Friday.", "protested", "Kenya"),
        ("The students marched through Nairobi on Monday.", "marched", "Nairobi"),
    ):
        event = _event(analyze_text(text), trigger)
        assert event.place_text is not None and place in event.place_text, (text, event.place_text)
