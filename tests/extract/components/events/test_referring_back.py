"""Rule tests of the events component: a bare description refers back to the party the article just named.

"the government" after "the Bolivian government" is that country's government; "the agency" just after
"the European Medicines Agency" is that agency even when another agency was named further back; "the prime
ministers" are the two prime ministers named just before. Several candidates in reach: no guess."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident

Analyze = Callable[..., Analysis]


def _country(analysis: Analysis, ids: list[str]) -> list[str | None]:
    by_id = {e.id: e for e in analysis.entities}
    return [by_id[i].country for i in ids]


def test_bare_government_is_the_country_government_named_before(analyze_text: Analyze) -> None:
    """ "the government" after "the Bolivian government" (or "Peru's government") is that government."""
    a = analyze_text(
        "Miners have protested for weeks, but the Bolivian government has ignored their complaints. "
        "Last month, the government banned all marches near the mine."
    )
    (ban,) = confident(a, "COERCE")
    assert ban.source_text == "Bolivian government"
    assert _country(a, ban.source) == ["BO"]
    b = analyze_text(
        "Farmers say Peru's government has done little about the drought. "
        "The government, which faces an election in May, promised new subsidies on Tuesday."
    )
    (promise,) = confident(b, "AGREE")
    assert _country(b, promise.source) == ["PE"]


def test_bare_government_after_two_countries_governments_stays(analyze_text: Analyze) -> None:
    """Two countries' governments named in reach, or words of its own: no guess."""
    a = analyze_text(
        "The Bolivian government and the Peruvian government disagree about the lake. "
        "Last month, the government banned all fishing near the shore."
    )
    assert [e.source_text for e in confident(a, "COERCE")] == ["the government"]
    b = analyze_text(
        "Miners have protested for weeks, but the Bolivian government has ignored their complaints. "
        "Last month, the local government banned all marches near the mine."
    )
    assert [e.source_text for e in confident(b, "COERCE")] == ["the local government"]


def test_bare_agency_is_the_agency_named_just_before(analyze_text: Analyze) -> None:
    """ "the agency" just after the European Medicines Agency is it, another agency named far back."""
    text = (
        "The International Atomic Energy Agency inspected the plant in 2019. "
        "Engineers later found cracks in two of the reactors. Repairs took most of the following year. "
        "The plant reopened in March. Its owners say the fuel is safe. "
        "Drug makers nearby worry about their licences, according to the European Medicines Agency. "
        "The agency called for an independent review of the site."
    )
    (call,) = confident(analyze_text(text), "REQUEST")
    assert call.source_text == "European Medicines Agency"


def test_bare_agency_with_two_agencies_just_before_stays(analyze_text: Analyze) -> None:
    """Both agencies named in the sentence before: no guess."""
    a = analyze_text(
        "The International Atomic Energy Agency and the European Medicines Agency inspected the plant. "
        "The agency called for an independent review of the site."
    )
    assert [e.source_text for e in confident(a, "REQUEST")] == ["The agency"]


def test_uncounted_title_plural_is_the_two_holders_named_before(analyze_text: Analyze) -> None:
    """ "the prime ministers" are the two prime ministers the sentence before names; three: no guess."""
    a = analyze_text(
        "Prime Minister Anna Berg of Norway hosted Prime Minister Lars Holm of Denmark in Oslo. "
        "On Friday the prime ministers signed a fishing accord."
    )
    (sign,) = confident(a, "SUPPORT")
    assert {sign.source_text, sign.target_text} == {"Anna Berg", "Lars Holm"}
    b = analyze_text(
        "Prime Minister Anna Berg of Norway hosted Prime Minister Lars Holm of Denmark and Prime Minister "
        "Eva Lind of Sweden in Oslo. On Friday the prime ministers signed a fishing accord."
    )
    assert [e.source_text for e in confident(b, "SUPPORT")] == ["the prime ministers"]


def test_bare_noun_after_a_named_body_is_the_name(analyze_text: Analyze) -> None:
    """ "the militia" after "the Syrian Kurdish militia, the YPG," is the YPG, not a new Syrian group."""
    a = analyze_text(
        "Turkey launched an offensive against the Syrian Kurdish militia, the YPG, in March. "
        "On Sunday the militia attacked a Turkish border post."
    )
    attacks = [e for e in confident(a, "ASSAULT") if e.trigger.text == "attacked"]
    assert [e.source_text for e in attacks] == ["YPG"]
