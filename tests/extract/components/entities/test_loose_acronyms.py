"""Acronyms the article uses without brackets, tied to the organisation they stand for."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.components.entities.loose_acronyms import abbreviates
from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _names(analysis: Analysis) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions if m.kind == "name"] for e in analysis.entities}


def _holder(names: dict[str, list[str]], word: str) -> list[str]:
    return [name for name, texts in names.items() if word in texts]


def test_initials_of_a_named_organisation_join_it(analyze_text: Analyze) -> None:
    # the article names the group in full, then uses its initials, which spaCy leaves untagged
    text = (
        "The Islamic Front claimed the bombing on Tuesday. Police said two IF fighters were arrested "
        "near the border, and the IF leader escaped."
    )
    names = _names(analyze_text(text, clean=False))
    assert _holder(names, "IF") == ["Islamic Front"], names
    assert names["Islamic Front"].count("IF") == 2, names


def test_acronym_after_a_name_in_commas_joins_it(analyze_text: Analyze) -> None:
    # a syllable acronym, not the initials: the name, then the word set off by commas
    text = (
        "Soldiers of the Nordic Union Training Mission in Lindora, NUTMIL, guarded the road on Monday. "
        "NUTMIL said the area was calm."
    )
    names = _names(analyze_text(text, clean=False))
    holders = _holder(names, "NUTMIL")
    assert len(holders) == 1 and holders[0].startswith("Nordic Union Training Mission"), names
    assert names[holders[0]].count("NUTMIL") == 2, names


def test_acronym_before_a_description_is_an_organisation(analyze_text: Analyze) -> None:
    # spaCy reads the word as a person; the description after the comma says what it is
    text = (
        "Moscow wants to end the presence of BALFOR, the Baltic Alliance's peacekeeping force in "
        "Latvia, at the vote. New troops arrived to bolster those of BALFOR."
    )
    analysis = analyze_text(text, clean=False)
    found = [e for e in analysis.entities if e.name == "BALFOR"]
    assert len(found) == 1 and found[0].type == "ORG" and len(found[0].mentions) == 2, _names(analysis)


def test_capitals_headline_and_places_make_no_organisation(analyze_text: Analyze) -> None:
    # "IS" is a verb in a capitals headline and in a shouted phrase, though the Island Society's
    # initials spell it; "US" is a country even beside the Union of Students
    text = (
        "ISLAND SOCIETY SAYS PLAN IS DEAD\n"
        "The Island Society said on Friday that the plan was dead. Its members chanted THE PLAN IS DEAD "
        "outside the hall. The Union of Students agreed, and US officials did not comment."
    )
    names = _names(analyze_text(text, clean=False))
    assert not _holder(names, "IS"), names
    assert not _holder(names, "US") or "US" not in names.get("Union of Students", []), names


def test_abbreviation_test() -> None:
    assert abbreviates("EUFOR", "European Union's peacekeeping force")
    assert abbreviates("AUSSOM", "African Union Support and Stabilization Mission in Somalia")
    assert not abbreviates("TV", "NBC affiliate in Roanoke")
    assert not abbreviates("PAC", "group set up to highlight")


def test_acronym_spelled_out_in_brackets_after_it_is_not_reread(analyze_text: Analyze) -> None:
    # "DS" spells the Department of Security's initials, but the article says what DS is
    text = (
        "The Department of Security met on Monday. Two DS (Diplomatic Service) agents were sent to the "
        "port, and DS said more agents would follow."
    )
    names = _names(analyze_text(text, clean=False))
    assert "DS" not in names.get("Department of Security", []), names
