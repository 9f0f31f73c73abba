"""The compiled Phoenix knowledge base: actor, agent and discard lookups, longest match, the build."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.knowledge import (
    DatedCode,
    actor_dictionary,
    discard_scope,
    is_discard,
    longest_agent_match,
    longest_match,
    lookup,
    lookup_agent,
    lookup_all,
    phrase_key,
    word_keys,
)
from newsgraph.knowledge.actors import choose_code
from tests.support.paths import ROOT


def _scan(words: list[str], on: str | None = None) -> list[tuple[str, str, str]]:
    """Greedy left-to-right scan: (matched text, actor name, code) for each actor found."""
    found: list[tuple[str, str, str]] = []
    i = 0
    while i < len(words):
        match = longest_match(words, i, on=on)
        if match is None:
            i += 1
            continue
        end, actor = match
        found.append((" ".join(words[i:end]), actor.name, actor.code))
        i = end
    return found


def test_knowledge_phrase_key_normalizes_case_dots_hyphens_apostrophes_and_the() -> None:
    assert phrase_key("The U.N.'s") == "un"
    assert phrase_key("BAN_KI-MOON_") == phrase_key("Ban Ki-moon") == "ban ki moon"
    assert phrase_key("Sudan People’s Liberation Movement") == "sudan people liberation movement"
    assert phrase_key("Médecins Sans Frontières") == "medecins sans frontieres"
    assert phrase_key("AT&T") == "at&t"
    assert phrase_key("the") == "the"  # a lone "the" is a word, not a prefix
    assert word_keys("Ki-moon") == ("ki", "moon")
    assert word_keys("-") == word_keys("'s") == ()


def test_knowledge_country_and_its_adjective_are_one_actor() -> None:
    country = lookup("Afghanistan")
    adjective = lookup("Afghan")
    plural = lookup("Afghans")
    assert country is not None and adjective is not None and plural is not None
    assert (country.code, country.country, country.kind, country.entity_type) == (
        "AFG",
        "AF",
        "country",
        "GPE",
    )
    assert country.sector is None
    assert adjective.entity_type == plural.entity_type == "NORP"
    assert adjective.actor_id == plural.actor_id == country.actor_id
    assert lookup("AFGHANISTAN") == lookup("afghanistan") == country


def test_knowledge_capital_in_a_country_block_is_its_own_place() -> None:
    kabul = lookup("Kabul")
    afghanistan = lookup("Afghanistan")
    assert kabul is not None and afghanistan is not None
    assert (kabul.kind, kabul.entity_type, kabul.country, kabul.code) == ("place", "GPE", "AF", "AFG")
    assert kabul.actor_id != afghanistan.actor_id


def test_knowledge_american_is_the_united_states() -> None:
    american = lookup("American")
    assert american is not None
    assert (american.name, american.entity_type, american.country) == (
        "United States of America",
        "NORP",
        "US",
    )


def test_knowledge_igo_has_no_country() -> None:
    for phrase in ("U.N.", "UN", "the United Nations", "United Nations"):
        record = lookup(phrase)
        assert record is not None, phrase
        assert (record.code, record.country, record.kind, record.entity_type) == (
            "IGOUNO",
            None,
            "international",
            "ORG",
        )
        assert record.sector == "international"


def test_knowledge_person_code_follows_the_date() -> None:
    # HAMID_KARZAI_: [AFGELI 750101-000101] [AFGGOV >011222] [AFGELI]
    assert lookup("Hamid Karzai", on="1990-06-01").code == "AFGELI"  # type: ignore[union-attr]
    karzai = lookup("President Karzai", on="2005-06-01")
    assert karzai is not None
    assert (karzai.name, karzai.code, karzai.sector, karzai.roles) == (
        "Hamid Karzai",
        "AFGGOV",
        "government",
        ("GOV",),
    )
    assert (karzai.kind, karzai.entity_type, karzai.country) == ("person", "PERSON", "AF")
    assert lookup("Hamid Karzai").code == "AFGELI"  # type: ignore[union-attr]  # no date: the undated code
    assert DatedCode("AFGGOV", dt.date(2001, 12, 22), None) in karzai.codes


def test_knowledge_date_prefers_the_actor_in_office() -> None:
    # Ban Ki-moon: a Korean minister (Countries file) and UN Secretary-General from 2007 (International)
    assert lookup("Ban Ki-moon", on="2010-03-01").code == "IGOUNO"  # type: ignore[union-attr]
    assert lookup("Ban Ki-moon", on="2005-03-01").country == "KR"  # type: ignore[union-attr]
    assert [r.kind for r in lookup_all("Ban Ki-moon")] == ["person", "person"]
    with pytest.raises(ValueError, match="ISO date"):
        lookup("Ban Ki-moon", on="last Tuesday")


def test_knowledge_choose_code_without_a_valid_date_takes_the_latest() -> None:
    codes = (
        DatedCode("AFGGOVAGR", dt.date(2003, 1, 1), dt.date(2004, 12, 31)),
        DatedCode("AFGGOV", dt.date(2008, 11, 1), None),
    )
    assert choose_code(codes, dt.date(2004, 1, 1)) == "AFGGOVAGR"
    assert choose_code(codes, dt.date(1999, 1, 1)) == "AFGGOV"
    assert choose_code((*codes, DatedCode("AFGELI")), dt.date(1999, 1, 1)) == "AFGELI"


def test_knowledge_armed_group_from_milnonstate() -> None:
    group = lookup("Abu Nidal Organization")
    synonym = lookup("Fatah Revolutionary Council")
    assert group is not None and synonym is not None
    assert (group.code, group.kind, group.entity_type, group.sector) == (
        "IMGMUSALQ",
        "armed_group",
        "ORG",
        "rebel",
    )
    assert group.country is None
    assert synonym.actor_id == group.actor_id
    taliban = lookup("Taliban")
    assert taliban is not None and (taliban.kind, taliban.country, taliban.sector) == (
        "armed_group",
        "AF",
        "rebel",
    )


def test_knowledge_office_is_not_a_person() -> None:
    office = lookup("US Secretary of State")
    assert office is not None and (office.kind, office.code) == ("office", "USAGOV")


def test_knowledge_agents_singular_plural_and_compound() -> None:
    police = lookup_agent("police")
    protesters = lookup_agent("protesters")
    assert police is not None and protesters is not None
    assert (police.code, police.sector, police.entity_type) == ("~COP", "police", "GROUP")
    assert (protesters.name, protesters.plural, protesters.roles) == ("protester", True, ("OPP",))
    assert lookup_agent("protester") == dataclasses.replace(protesters, plural=False)
    assert lookup_agent("rebels").sector == "rebel"  # type: ignore[union-attr]
    assert lookup_agent("lawmakers").sector == "legislature"  # type: ignore[union-attr]
    assert lookup_agent("ministry").sector == "government"  # type: ignore[union-attr]
    assert lookup_agent("Riot Police").code == "~COP"  # type: ignore[union-attr]
    assert lookup_agent("congresswomen").code == "~LEG"  # type: ignore[union-attr]  # CONGRESS!PERSON!
    assert lookup_agent("Afghanistan") is None
    assert police.combine("AFG") == "AFGCOP"
    assert police.combine(None) == "COP"


def test_knowledge_discards() -> None:
    assert is_discard("Bird Flu")
    assert discard_scope("bird flu") == "sentence"
    assert discard_scope("Champions League") == "story"
    assert not is_discard("Afghanistan")


def test_knowledge_longest_match_over_a_sentence() -> None:
    # tokens as spaCy splits them: hyphens between letters are tokens of their own
    text = (
        "U.N. Secretary - General Ban Ki - moon met Afghan President Hamid Karzai and riot police in Kabul ."
    )
    words = text.split(" ")
    assert _scan(words, on="2010-05-01") == [
        ("U.N. Secretary - General Ban Ki - moon", "Ban Ki-Moon", "IGOUNO"),
        ("Afghan", "Afghanistan", "AFG"),
        ("Hamid Karzai", "Hamid Karzai", "AFGGOV"),
        ("Kabul", "Kabul", "AFG"),
    ]
    assert longest_agent_match(words, words.index("riot")) == (
        words.index("police") + 1,
        lookup_agent("riot police"),
    )


def test_knowledge_longest_match_stops_at_punctuation_and_needs_capitals_for_common_words() -> None:
    assert longest_match(["Afghanistan", ",", "Pakistan"], 0) == (1, lookup("Afghanistan"))
    assert longest_match(["the", "United", "Nations"], 0) is None  # starts exactly at `start`
    assert longest_match(["the", "United", "Nations"], 1) == (3, lookup("United Nations"))
    assert longest_match(["Afghanistan", "'s"], 0) == (1, lookup("Afghanistan"))
    assert longest_match(["let", "us", "go"], 1) is None  # proper names need a capital
    assert longest_match(["US", "troops"], 0) == (1, lookup("U.S."))
    taliban = lookup("Taliban")
    assert taliban is not None and taliban.common_word  # WordNet lists it
    assert longest_match(["the", "taliban"], 1) is None
    assert longest_match(["al", "-", "Shabab", "fighters"], 0) == (3, lookup("al-Shabaab"))
    assert longest_match([], 0) is None


def test_knowledge_one_word_english_synonyms_and_non_acronym_parentheses_are_left_out() -> None:
    # MilNonState: EL_RUKN_ ... +FOUNDATION_; Countries: +GEORGIA_(COUNTRY)_
    assert lookup("Foundation") is None
    assert lookup("country") is None
    assert lookup("Georgia (country)") == lookup("Georgia")
    # ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_: an acronym of the name's initials is a name of it
    assert lookup("AAIA") == lookup("Aden-Abyan Islamic Army")


def test_knowledge_counts() -> None:
    counts = actor_dictionary().counts()
    assert counts["person"] > 15_000
    assert counts["country"] > 190
    assert counts["organization"] > 5_000
    assert counts["armed_group"] > 800
    assert counts["agent_forms"] > 4_000
    assert counts["discards"] > 400


def test_knowledge_imports_only_models_and_the_standard_library() -> None:
    package = resources.files("newsgraph.knowledge")
    for module in package.iterdir():
        if not module.name.endswith(".py"):
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                top = name.split(".")[0]
                assert name.startswith(("newsgraph.models", "newsgraph.knowledge")) or (
                    top in sys.stdlib_module_names or top == "__future__"
                ), f"{module.name} imports {name}"


@pytest.mark.shared
def test_knowledge_build_reproduces_the_shipped_file(shared: Path, tmp_path: Path) -> None:
    source = shared / "data" / "petrarch2"
    if not (source / "Phoenix.Countries.actors.txt").is_file():
        pytest.skip("../shared/data/petrarch2 is not present")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_knowledge.py"),
            "--source",
            str(source),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    shipped = resources.files("newsgraph.data").joinpath("phoenix.json.gz").read_bytes()
    assert (tmp_path / "phoenix.json.gz").read_bytes() == shipped, (
        "phoenix.json.gz is out of date: run .venv/bin/python scripts/build_knowledge.py"
    )
