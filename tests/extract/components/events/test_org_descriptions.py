"""Rule tests of the events component: a definite description of an organisation's kind ("the
separatist group", "the regional body", "the rights group") stands for the nearest organisation named
before it that is of that kind; a description that names another entity, a kind the organisation is
not, or a news outlet is left alone."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _source_names(analysis: Analysis, type_: str) -> list[str | None]:
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(e.source[0]) if e.source else None for e in analysis.events if e.type == type_]


def _target_names(analysis: Analysis, type_: str) -> list[str | None]:
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(e.target[0]) if e.target else None for e in analysis.events if e.type == type_]


def test_org_descriptions_an_armed_kind_stands_for_the_armed_group(analyze_text: Analyze) -> None:
    text = (
        "Soldiers clashed with Boko Haram near the border on Monday, a Reuters report said. "
        "The militant group attacked a police station in the town of Dikwa the next day."
    )
    assert _source_names(analyze_text(text), "ASSAULT")[-1] == "Boko Haram"


def test_org_descriptions_a_regional_body_is_the_intergovernmental_one(analyze_text: Analyze) -> None:
    text = (
        "Ministers of the Economic Community of West African States met in Accra on Friday. "
        "Three governments accused the regional body of ignoring their security needs."
    )
    assert _target_names(analyze_text(text), "ACCUSE") == ["Economic Community of West African States"]


def test_org_descriptions_not_a_kind_the_organisation_is_not(analyze_text: Analyze) -> None:
    text = (
        "Ministers of the Economic Community of West African States met in Accra on Friday. "
        "The separatist group attacked a police station in the town of Dikwa the next day."
    )
    names = _source_names(analyze_text(text), "ASSAULT")
    assert "Economic Community of West African States" not in names


def test_org_descriptions_not_a_description_that_names_another(analyze_text: Analyze) -> None:
    text = (
        "Soldiers clashed with Boko Haram near the border on Monday. "
        "The Chadian rebel group attacked a police station in the town of Dikwa the next day."
    )
    assert "Boko Haram" not in _source_names(analyze_text(text), "ASSAULT")[1:]


def test_org_descriptions_a_news_outlet_is_no_antecedent(analyze_text: Analyze) -> None:
    text = (
        "Soldiers clashed with Boko Haram fighters near the border on Monday, "
        "residents told Radio Free Asia. "
        "The group attacked a police station in the town of Dikwa the next day."
    )
    assert _source_names(analyze_text(text), "ASSAULT")[-1] == "Boko Haram"


def test_org_descriptions_one_group_not_several(analyze_text: Analyze) -> None:
    one = (
        "Human Rights Watch published a report on the prisons on Monday. "
        "The rights group accused the government of torture."
    )
    assert _source_names(analyze_text(one), "ACCUSE") == ["Human Rights Watch"]
    several = one.replace("The rights group", "The rights groups")
    assert _source_names(analyze_text(several), "ACCUSE") != ["Human Rights Watch"]


def test_org_descriptions_the_parties_are_several(analyze_text: Analyze) -> None:
    text = (
        "Acme Corporation sued Globex over a patent in May. "
        "In June the parties agreed to settle the case out of court."
    )
    assert "Acme Corporation" not in _source_names(analyze_text(text), "AGREE")


def test_org_descriptions_the_network_may_be_a_news_outlet(analyze_text: Analyze) -> None:
    text = (
        "Senator Tom Reyes wrote to NBC News about the debate last week. "
        "In the letter, Reyes asked the network to donate its profits to charity."
    )
    assert _target_names(analyze_text(text), "REQUEST") == ["NBC News"]
