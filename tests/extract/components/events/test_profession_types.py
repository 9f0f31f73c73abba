"""Rule tests of the events component: the head noun decides a generic actor's sector. A profession's
modifier names its field ("security analysts" are no soldiers); an office held in a private body takes
the body's sector ("Boeing officials", "officials at the bank" are business, not government)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _source_sectors(a: Analysis) -> list[tuple[str, str | None]]:
    sources = [a.entity(i) for e in a.events for i in e.source]
    return [(g.name, g.sector) for g in sources if g is not None and g.type == "GROUP"]


def test_a_field_modifier_sets_no_sector_of_a_profession(analyze_text: Analyze) -> None:
    a = analyze_text("Security analysts praised the regional bloc for sending troops to Gambia.")
    assert _source_sectors(a) == [("Security analysts", "civilian")]


def test_a_profession_without_a_phoenix_agent_gets_its_own_sector(analyze_text: Analyze) -> None:
    a = analyze_text("Defence experts criticized the ministry for cutting the navy's budget.")
    assert _source_sectors(a) == [("Defence experts", "civilian")]


def test_the_officials_of_a_known_company_are_business(analyze_text: Analyze) -> None:
    a = analyze_text("Boeing officials met the Indian government in Delhi on Monday.")
    assert _source_sectors(a) == [("Boeing officials", "business")]


def test_officials_at_a_bank_are_business(analyze_text: Analyze) -> None:
    a = analyze_text("Officials at the bank accused the government of seizing its assets.")
    assert _source_sectors(a) == [("Officials at the bank", "business")]


def test_church_leaders_are_religious(analyze_text: Analyze) -> None:
    a = analyze_text("Church leaders condemned the army for killing protesters.")
    assert _source_sectors(a) == [("Church leaders", "religious")]


def test_company_officials_blaming_a_contractor_make_no_political_event(analyze_text: Analyze) -> None:
    a = analyze_text("Company officials blamed a contractor for the spill.")
    assert [e.type for e in a.events] == []


def test_a_public_body_keeps_its_office_sector(analyze_text: Analyze) -> None:
    spokesman = analyze_text("A military spokesman accused the rebels of attacking a convoy.")
    bank = analyze_text("Central bank officials met the finance minister on Monday.")
    assert _source_sectors(spokesman) == [("military spokesman", "military")]
    assert _source_sectors(bank) == [("Central bank officials", "government")]


def test_a_company_spokesman_asking_a_contractor_makes_no_political_event(analyze_text: Analyze) -> None:
    a = analyze_text("John Ames, a spokesman for Exxon Mobil, asked the contractor to leave the site.")
    assert [e.type for e in a.events] == []
