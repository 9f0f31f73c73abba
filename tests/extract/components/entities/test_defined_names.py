"""An organisation's full name read back from the acronym the article defines after it."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _names(analysis: Analysis) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions if m.kind == "name"] for e in analysis.entities}


def test_bracketed_acronym_rebuilds_a_name_split_at_its_place(analyze_text: Analyze) -> None:
    # spaCy ends the organisation before "in Leeds" and types Leeds a place: the acronym's
    # initials say the place is part of the name
    text = (
        "The complaint came from Parents for Safety and Fairness in Leeds (PSFL), a small charity. "
        "PSFL wants the school closed."
    )
    names = _names(analyze_text(text, clean=False))
    assert names.get("Parents for Safety and Fairness in Leeds") == [
        "Parents for Safety and Fairness in Leeds",
        "PSFL",
        "PSFL",
    ], names


def test_bracketed_acronym_after_common_words_makes_no_name(analyze_text: Analyze) -> None:
    # a thing written in lower case is no organisation's name, whatever its initials spell
    text = "Doctors moved the driver to the intensive care unit (ICU) of Leeds General Infirmary."
    names = _names(analyze_text(text, clean=False))
    assert not any("care unit" in name for name in names), names


def test_bracketed_acronym_after_a_possessive_is_linked(analyze_text: Analyze) -> None:
    # spaCy stops at "Fisheries" and the possessive stands between the name and its acronym
    text = (
        "Staff at the Ministry of Fisheries and Oceans' (MFO) laboratory tested the catch. "
        "The MFO banned sales."
    )
    names = _names(analyze_text(text, clean=False))
    assert names.get("Ministry of Fisheries and Oceans") == [
        "Ministry of Fisheries and Oceans",
        "MFO",
        "MFO",
    ], names
