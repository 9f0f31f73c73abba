"""Rule tests of the CAMEO dictionary match: a word in a phrase of place is where, not what is acted on."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_dictionary_places_a_place_word_is_no_object(analyze_text: Analyze) -> None:
    """ "seized cigarettes at a warehouse in the city" is no taking of a city; "a surge in defense" is
    no request for defense."""
    seized = confident_triggers(
        analyze_text("Customs officers seized cigarettes at a warehouse in the city on Monday.")
    )
    assert ("ASSAULT", "seized") not in seized
    needs = confident_triggers(
        analyze_text("The minister said the country needs more spending in its defense.")
    )
    assert ("REQUEST", "needs") not in needs


def test_dictionary_places_the_object_still_fits(analyze_text: Analyze) -> None:
    """The same patterns still read the verb's object: a seized city is taken."""
    seized = confident_triggers(analyze_text("Rebel fighters seized the city of Goma on Sunday."))
    assert [t for t, trig in seized if trig == "seized"] == ["ASSAULT"]


def test_dictionary_places_a_second_object_after_a_comma_is_no_object(analyze_text: Analyze) -> None:
    """The parser makes "Manila City" a second object of "seized" after the comma; a verb takes one
    object, so the seized rice at a market is no taking of a city."""
    seized = confident_triggers(
        analyze_text(
            "Police have also arrested five sellers and seized their 1,200 kilos of smuggled rice at "
            "Riverside Market in Tondo, Manila City Friday night."
        )
    )
    assert ("ASSAULT", "seized") not in seized
    assert ("COERCE", "arrested") in seized
