"""Rule tests of the events component: a bare "the government" or "the country" stands for the one country
the article has just named ("Heavy rains struck Malawi … the government banned …"); two countries in reach,
or none, and it stays."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident, entity_names

Analyze = Callable[..., Analysis]


def test_bare_government_is_the_country_named_before(analyze_text: Analyze) -> None:
    """ "the government" after a sentence that names Malawi alone is Malawi's."""
    a = analyze_text(
        "Heavy rains have flooded hundreds of villages across Malawi since Friday. "
        "On Monday the government banned all travel on the southern highway."
    )
    (ban,) = confident(a, "COERCE")
    assert entity_names(a, ban.source) == ["Malawi"]


def test_bare_country_is_the_country_named_before(analyze_text: Analyze) -> None:
    """ "the country" after a sentence that names Norway alone is Norway."""
    a = analyze_text(
        "Norway sent two cargo planes of tents to the region last week. "
        "On Tuesday the country promised another 40 million dollars in aid."
    )
    (promise,) = confident(a, "AGREE")
    assert entity_names(a, promise.source) == ["Norway"]


def test_two_countries_in_reach_leave_it(analyze_text: Analyze) -> None:
    """Two countries named in reach: "the government" is neither (no guess)."""
    a = analyze_text(
        "Heavy rains have flooded villages in Malawi and Mozambique since Friday. "
        "On Monday the government banned all travel on the southern highway."
    )
    (ban,) = confident(a, "COERCE")
    assert ban.source_text == "the government"
    assert entity_names(a, ban.source) not in (["Malawi"], ["Mozambique"])


def test_government_with_words_of_its_own_stays(analyze_text: Analyze) -> None:
    """ "the local government" is no country's government as a whole."""
    a = analyze_text(
        "Heavy rains have flooded hundreds of villages across Malawi since Friday. "
        "On Monday the local government banned all travel on the southern highway."
    )
    (ban,) = confident(a, "COERCE")
    assert entity_names(a, ban.source) != ["Malawi"]


def test_a_capital_in_reach_stands_for_its_country(analyze_text: Analyze) -> None:
    """A capital in reach names its country: "the government" is Kenya, the state the article names, not
    the city of Nairobi."""
    a = analyze_text(
        "Kenya held a general election in August. "
        "The results were disputed for weeks. "
        "Observers praised the count in most districts. "
        "Thousands of opposition supporters marched through Nairobi on Friday. "
        "The government arrested forty protesters near the parliament."
    )
    (arrest,) = confident(a, "COERCE")
    assert entity_names(a, arrest.source) == ["Kenya"]
