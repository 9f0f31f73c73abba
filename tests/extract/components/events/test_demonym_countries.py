"""Rule tests of the events component: a demonym that owns a thing an act is aimed at names its country
("tariffs on Brazilian and Argentine beef": Brazil ; Argentina), when the article names the country;
people of a demonym stay a group, and a country the article never names stays the demonym."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import side_names

Analyze = Callable[..., Analysis]


def test_demonym_countries_each_demonym_of_the_goods_is_its_country(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Brazil and Argentina complained at the talks. "
        "The United States imposed steep tariffs on Brazilian and Argentine beef."
    )
    assert side_names(analysis, "imposed") == (["United States"], ["Brazil", "Argentina"])


def test_demonym_countries_a_refused_thing_is_its_country_s(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Kenya raised objections to the dam in March. Ethiopia rejected Kenyan concerns about the project."
    )
    assert side_names(analysis, "rejected") == (["Ethiopia"], ["Kenya"])


def test_demonym_countries_people_stay_a_group(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Syria closed the crossing in May. The ministry imposed heavy fines on Syrian traders at the border."
    )
    _, targets = side_names(analysis, "imposed")
    assert targets and "Syria" not in targets


def test_demonym_countries_an_unnamed_country_stays_the_demonym(analyze_text: Analyze) -> None:
    analysis = analyze_text("The United States imposed steep tariffs on Canadian lumber on Tuesday.")
    assert side_names(analysis, "imposed") == (["United States"], ["Canadian"])
