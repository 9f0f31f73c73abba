"""Tests of the quantities component: values, units, ranges, approximations, claimants, exclusions."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.extract.components.quantities import Quantities
from newsgraph.extract.extensions import get_quantities, get_quotes
from newsgraph.models import Analysis, Quantity, Quote

Analyze = Callable[..., Analysis]


def _check_offsets(analysis: Analysis) -> None:
    for q in analysis.quantities:
        assert analysis.text[q.start : q.end] == q.text
        assert 0 <= q.sentence < max(1, len(analysis.sentences))


def _find(analysis: Analysis, value: float) -> Quantity:
    found = [q for q in analysis.quantities if q.value is not None and abs(q.value - value) < 1e-9]
    assert found, f"no quantity {value} in {[(q.text, q.value) for q in analysis.quantities]}"
    return found[0]


def _values(analysis: Analysis) -> list[float | None]:
    return [q.value for q in analysis.quantities]


def test_quantities_counted_nouns_are_singular(analyze_text: Analyze) -> None:
    text = (
        "Rescue teams evacuated 1,250 residents from 14 villages on Tuesday. "
        "Officials said seven European countries had sent 36 firefighters."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 1250).unit == "resident"
    assert _find(a, 14).unit == "village"
    assert _find(a, 7).unit.lower() == "european country"  # type: ignore[union-attr]
    assert _find(a, 36).unit == "firefighter"
    assert all(q.kind == "count" for q in a.quantities)
    _check_offsets(a)


def test_quantities_skip_a_quoted_adjective(analyze_text: Analyze) -> None:
    text = "The army said its units had killed 312 “enemy” fighters in the province."
    q = _find(analyze_text(text, clean=False), 312)
    assert q.unit == "fighter"
    assert q.approximate is False


def test_quantities_money_with_currency_and_scale(analyze_text: Analyze) -> None:
    text = (
        "The company will pay $800 million in fines, while its European arm set aside €2.5bn "
        "and the British unit £6m. Shares rose 19 cents to US$58.24 a share."
    )
    a = analyze_text(text, clean=False)
    usd = _find(a, 800_000_000)
    assert (usd.unit, usd.kind, usd.currency) == ("dollar", "money", "USD")
    eur = _find(a, 2_500_000_000)
    assert (eur.unit, eur.currency) == ("euro", "EUR")
    gbp = _find(a, 6_000_000)
    assert (gbp.unit, gbp.currency) == ("pound sterling", "GBP")
    assert _find(a, 19).unit == "cent"
    assert _find(a, 58.24).unit == "dollar per share"
    _check_offsets(a)


def test_quantities_percentages_and_measures(analyze_text: Analyze) -> None:
    text = (
        "Turnout fell to 41.5% from 78 per cent, and winds of 155mph tore through a 6.1-mile "
        "stretch where temperatures hit minus 12 degrees Celsius."
    )
    a = analyze_text(text, clean=False)
    assert (_find(a, 41.5).unit, _find(a, 41.5).kind) == ("percent", "percent")
    assert _find(a, 78).unit == "percent"
    assert _find(a, 155).unit == "mile per hour"
    assert _find(a, 6.1).unit == "mile"
    assert _find(a, -12).unit == "degree celsius"


def test_quantities_ranges_keep_both_ends(analyze_text: Analyze) -> None:
    text = "Shares were priced between $62 and $68 per share, and cars get 14-18 mpg in town."
    a = analyze_text(text, clean=False)
    price = _find(a, 62)
    assert (price.low, price.high, price.unit) == (62, 68, "dollar per share")
    mpg = _find(a, 14)
    assert (mpg.low, mpg.high, mpg.unit) == (14, 18, "mile per gallon")


def test_quantities_words_fractions_and_approximations(analyze_text: Analyze) -> None:
    text = (
        "The rebels now control roughly half of the nation's 400 districts after nearly two decades "
        "of war. A dozen aid workers and some 300 residents were evacuated, and thousands fled."
    )
    a = analyze_text(text, clean=False)
    half = _find(a, 0.5)
    assert (half.unit, half.kind, half.approximate) == ("fraction", "fraction", True)
    assert half.base == "the nation's 400 districts"
    assert half.text == "roughly half"
    decades = _find(a, 20)
    assert (decades.unit, decades.approximate) == ("year", True)
    assert _find(a, 12).unit == "aid worker"
    some = _find(a, 300)
    assert some.approximate is True and some.unit == "resident"
    thousands = _find(a, 1000)
    assert (thousands.low, thousands.high) == (1000, 10000)
    _check_offsets(a)


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 landed safely after the G7 summit.",
        "COVID-19 cases rose along Interstate 95.",
        "The law was passed in 2019 and amended on Aug. 14.",
        "The meeting starts at 9:35 p.m. on the 22nd floor.",
        "Music of the 1990s filled the hall; call (202) 555-0143 for tickets.",
        "Arsenal beat Chelsea 2-1 in the final of Euro 2020.",
    ],
)
def test_quantities_names_dates_and_codes_are_not_quantities(analyze_text: Analyze, text: str) -> None:
    assert analyze_text(text, clean=False).quantities == []


def test_quantities_scales_and_compound_words(analyze_text: Analyze) -> None:
    text = (
        "The state will spend Rs 500 crore on roads after half a million people marched. "
        "Each family got a one-time payment, and one in five adults said 9/11 changed them."
    )
    a = analyze_text(text, clean=False)
    rupees = _find(a, 5_000_000_000)
    assert (rupees.unit, rupees.currency) == ("indian rupee", "INR")
    assert _find(a, 500_000).unit == "people"
    fifth = _find(a, 0.2)
    assert fifth.kind == "fraction"
    assert [q.text for q in a.quantities if q.value in (1, 9, 11)] == []


def test_quantities_currency_prefixes_and_transliterated_signs(analyze_text: Analyze) -> None:
    text = (
        "The miner expects earnings of $US160 million, and the service costs AU $89.99 per year. "
        "He got a PS6m golden hello and a bonus of Y=50 billion went to the board; "
        "the shop sells PS4 consoles."
    )
    a = analyze_text(text, clean=False)
    assert (_find(a, 160e6).unit, _find(a, 160e6).currency) == ("dollar", "USD")
    assert _find(a, 89.99).unit == "australian dollar per year"
    assert _find(a, 6e6).currency == "GBP"  # '£' written 'PS' by an ASCII transliteration
    assert _find(a, 50e9).currency == "JPY"
    assert 4.0 not in _values(a)  # "PS4": a console, not £4


def test_quantities_hundred_after_digits_and_decimal_abbreviations(analyze_text: Analyze) -> None:
    a = analyze_text("There were 4 hundred million people, and the album sold 4.3M copies.", clean=False)
    assert _find(a, 400e6).unit == "people"
    assert _find(a, 4.3e6).unit == "copy"


def test_quantities_ranges_and_changes(analyze_text: Analyze) -> None:
    text = (
        "The deficit increased by $43.6 billion to $419.2 billion. The yen traded at 110 JPY to 1 USD. "
        "Bitcoin fell from $36,040 late on Monday to $34,935, and he went from 208 pounds to 193."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 43.6e9).low is None and _find(a, 419.2e9).low is None  # a change and a level
    assert _find(a, 110).unit == "japanese yen" and _find(a, 1).unit == "dollar"  # two currencies
    bitcoin = _find(a, 36040)
    assert (bitcoin.low, bitcoin.high) == (34935, 36040)
    weight = _find(a, 208)
    assert (weight.low, weight.high, weight.unit) == (193, 208, "pound")


def test_quantities_units_rates_and_fractions(analyze_text: Analyze) -> None:
    text = (
        "The engine makes 640 bhp. Seas could rise 11 feet per century by 2120. "
        "One fourth of the population lives there. The city has 400 charging stations. "
        "We had 22 residential burglaries, compared with an average of 20 per week."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 640).unit == "brake horsepower"
    assert _find(a, 11).unit == "foot per century"
    assert 2120 not in _values(a)  # a year
    fourth = _find(a, 0.25)
    assert (fourth.kind, fourth.base) == ("fraction", "the population")
    assert _find(a, 400).unit == "station"  # a participle before the noun is left out
    assert _find(a, 20).unit == "residential burglary per week"


def test_quantities_age_after_a_name(analyze_text: Analyze) -> None:
    text = "The manager, Joe Maddon, 66, said he had lost 15 pounds since spring."
    a = analyze_text(text, clean=False)
    age = _find(a, 66)
    assert age.unit == "year of age"
    assert _find(a, 15).unit == "pound"


def test_quantities_unit_carries_to_a_parallel_bare_number(analyze_text: Analyze) -> None:
    text = "The developer sold 435 homes by open sale and 187 by tender on Saturday."
    a = analyze_text(text, clean=False)
    assert _find(a, 187).unit == "home"


def test_quantities_claimant_is_the_quote_speaker(nlp: Language) -> None:
    text = (
        "A spokesman for the security forces said that government troops had conducted "
        "244 operations, killing 967 fighters. The region has 12 districts."
    )
    doc = nlp(text)
    content_start = text.index("government")
    content_end = text.index(" The region")
    quotes = get_quotes(doc)
    quotes.clear()
    quotes.append(
        Quote(
            id="q1",
            kind="indirect",
            start=content_start,
            end=content_end,
            text=text[content_start:content_end],
            speaker="e9",
        )
    )
    get_quantities(doc).clear()
    Quantities()(doc)
    by_value = {q.value: q for q in get_quantities(doc)}
    assert (by_value[244].claimant, by_value[244].quote) == ("e9", "q1")
    assert (by_value[967].claimant, by_value[967].quote) == ("e9", "q1")
    assert by_value[12].claimant is None and by_value[12].quote is None


def test_quantities_example_article_claimants(analyze_text: Analyze, shared: Path) -> None:
    text = (shared / "examples" / "doha-talks.txt").read_text(encoding="utf-8")
    a = analyze_text(text, published="2021-07-18")
    _check_offsets(a)
    for value, unit in ((244, "operation"), (967, "fighter"), (24, "district"), (400, "district")):
        assert _find(a, value).unit == unit
    if a.quotes:
        spokesman = [q for q in a.quotes if "244 operations" in q.text]
        if spokesman and spokesman[0].speaker:
            assert _find(a, 244).claimant == spokesman[0].speaker
            assert _find(a, 967).claimant == spokesman[0].speaker


def test_quantities_pathological_input_stays_linear(nlp: Language) -> None:
    # CPU seconds of this process, which other jobs on a shared machine do not inflate
    component = Quantities()
    small = nlp.make_doc("1 2 3 4 5 6 7 8 9 10 " * 200)
    t0 = time.process_time()
    component(small)
    small_time = time.process_time() - t0
    big = nlp.make_doc("1 2 3 4 5 6 7 8 9 10 " * 2000)
    t0 = time.process_time()
    component(big)
    big_time = time.process_time() - t0
    assert len(get_quantities(big)) > 0
    assert big_time < max(0.5, small_time * 40)
    long_line = nlp.make_doc("9" * 200_000 + " apples " + "5% of $6m, " * 4_000)
    t0 = time.process_time()
    component(long_line)
    assert time.process_time() - t0 < 5


def test_quantities_evaluation_writes_a_share_as_newsquant_does() -> None:
    from newsgraph.evaluate.quantities import predict

    share = Quantity(start=0, end=10, text="One fourth", value=0.25, kind="fraction", unit="fraction",
                     base="the US population", sentence=0)  # fmt: skip
    count = Quantity(start=14, end=20, text="3 cars", value=3, unit="car", sentence=0)
    text = "One fourth of 3 cars"  # the offsets above point into it
    line = predict({"id": "s1"}, Analysis(id="s1", hash="", text=text, quantities=[share, count]))
    assert [q["unit"] for q in line["quantities"]] == ["% US population", "car"]


# -- issue 20, third pass: counted nouns and shares (sentences written for these tests) ------------


def _unit(analysis: Analysis, text: str) -> str | None:
    found = [q for q in analysis.quantities if q.text == text]
    assert found, f"no quantity {text!r} in {[(q.text, q.unit) for q in analysis.quantities]}"
    return found[0].unit


def test_quantities_hyphened_participles_stay_adverbs_and_quantifiers_go(analyze_text: Analyze) -> None:
    text = (
        "Officials reported 1,795 laboratory-confirmed cases and 138 newly confirmed cases, "
        "after 11,654 intelligence-based operations. Two more cases were found on Friday."
    )
    a = analyze_text(text, clean=False)
    assert _unit(a, "1,795 laboratory-confirmed cases") == "laboratory-confirmed case"
    assert _unit(a, "138 newly confirmed cases") == "case"  # not "newly case"
    assert _unit(a, "11,654 intelligence-based operations") == "intelligence-based operation"
    assert _unit(a, "Two more cases") == "case"
    _check_offsets(a)


def test_quantities_one_of_a_set_keeps_what_makes_the_set(analyze_text: Analyze) -> None:
    text = (
        "It was one of the most spectacular catches of the season. The index was one of the few "
        "markets to rise. The mechanic has repaired dozens of Kia and Hyundai vehicles."
    )
    a = analyze_text(text, clean=False)
    units = [q.unit for q in a.quantities]
    assert "spectacular catch" in units  # without "most"
    assert "market" in units  # "few" says how many, not what
    assert _unit(a, "dozens") == "Kia Hyundai vehicle"


def test_quantities_suspended_hyphens_and_a_noun_or_two(analyze_text: Analyze) -> None:
    text = "The maker offers four-, five- and six-cylinder engines. It may take a week or two."
    a = analyze_text(text, clean=False)
    assert [q.unit for q in a.quantities if q.value in (4, 5, 6)] == ["cylinder"] * 3
    assert _find(a, 2).unit == "week"


def test_quantities_shares_without_of(analyze_text: Analyze) -> None:
    text = "Half the condos have sold. One in five voters say the tax is too high."
    a = analyze_text(text, clean=False)
    assert _find(a, 0.5).base == "the condos"
    assert _find(a, 0.2).base == "voters"


def test_quantities_a_number_after_age_is_an_age(analyze_text: Analyze) -> None:
    text = "The singer died at the age of 56. Children under age five and a patient aged 86 were hurt."
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [(v, "year of age") for v in (56, 5, 86)]


def test_quantities_iso_codes_and_hyphenated_scales(analyze_text: Analyze) -> None:
    text = (
        "The utility raised CNY860 million from bondholders, and its Singapore partner paid SGD 1.75 "
        "a share. A rival bid of $2.4-billion was rejected on Monday."
    )
    a = analyze_text(text, clean=False)
    yuan = _find(a, 860e6)
    assert (yuan.unit, yuan.currency, yuan.text) == ("chinese yuan", "CNY", "CNY860 million")
    sgd = _find(a, 1.75)
    assert (sgd.unit, sgd.currency) == ("singapore dollar per share", "SGD")
    bid = _find(a, 2.4e9)
    assert (bid.unit, bid.text) == ("dollar", "$2.4-billion")
    _check_offsets(a)


def test_quantities_scaled_number_after_a_name(analyze_text: Analyze) -> None:
    text = (
        "Toyota's 1.8 million recalled cars dwarf the rest, and Honda sold 3.4 million vehicles. "
        "A Boeing 737 landed while the Standard & Poor's 500 index fell."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 1.8e6).text.startswith("1.8 million")
    assert _find(a, 3.4e6).text.startswith("3.4 million")
    assert 1e6 not in _values(a)  # no bare "million" left over
    assert 737 not in _values(a) and 500 not in _values(a)
    _check_offsets(a)


def test_quantities_a_tally_gives_its_value_the_counted_noun(analyze_text: Analyze) -> None:
    text = (
        "The number of stranded hikers rose to 34 on Sunday. Rangers said the death toll stands at 12, "
        "and 300 are still missing. "
        "The toll of the avalanche reached 9. Nobody can measure the loss in the casualty count, which "
        "now stands at 58."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 34).unit == "stranded hiker"
    assert _find(a, 12).unit == "death"
    assert _find(a, 58).unit == "casualty"
    assert _find(a, 300).unit is None  # the missing are not deaths: a tally's noun is not passed on
    b = analyze_text(
        "Between 2001 and 2009, the number of licensed drivers in the province grew from 2 million to "
        "more than 3 million.",
        clean=False,
    )
    assert [q.unit for q in b.quantities] == ["licensed driver", "licensed driver"]
    assert _find(a, 9).unit is None  # "the toll of the avalanche" counts no avalanches
    _check_offsets(a)


def test_quantities_numbers_joined_by_and_share_the_last_unit(analyze_text: Analyze) -> None:
    text = (
        "The club bought 3 vans and 2 buses. Sales of both vans rose 48.5 and 12.2% respectively. "
        "The two drives hold 700 and 1,500 photos."
    )
    a = analyze_text(text, clean=False)
    assert (_find(a, 48.5).unit, _find(a, 48.5).kind) == ("percent", "percent")
    assert _find(a, 700).unit == "photo"
    _check_offsets(a)


def test_quantities_a_duration_is_no_later_numbers_unit(analyze_text: Analyze) -> None:
    text = (
        "The index closed at its lowest level in seven years at 2,914.5 on Friday. "
        "There are 5200 nurses who have waited for one to two years and 3100 who have waited longer."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 2914.5).unit is None
    assert _find(a, 3100).unit == "nurse"
    _check_offsets(a)


def test_quantities_a_year_after_until_and_an_approximation(analyze_text: Analyze) -> None:
    text = "The old ferry will stay in service until at least 2031. About 2031 people signed the petition."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.unit) for q in a.quantities] == [("About 2031 people", "people")]


def test_quantities_several_hundred_is_approximate(analyze_text: Analyze) -> None:
    text = "Several hundred volunteers cleared the beach, and the town spent a few million dollars on it."
    a = analyze_text(text, clean=False)
    volunteers, dollars = _find(a, 100), _find(a, 1e6)
    assert (volunteers.text, volunteers.approximate, volunteers.unit) == (
        "Several hundred volunteers",
        True,
        "volunteer",
    )
    assert (dollars.text, dollars.approximate, dollars.unit) == ("a few million dollars", True, "dollar")
    _check_offsets(a)


def test_quantities_a_prefix_cue_hyphened_to_a_number(analyze_text: Analyze) -> None:
    text = "Landlords say sub-200 sq m shops let fastest, while the F-16 and COVID-19 stay names."
    a = analyze_text(text, clean=False)
    shops = _find(a, 200)
    assert (shops.text, shops.unit, shops.approximate) == ("sub-200 sq m", "square metre", True)
    assert 16 not in _values(a) and 19 not in _values(a)
    _check_offsets(a)


def test_quantities_a_number_set_off_by_commas_after_a_noun_is_an_age(analyze_text: Analyze) -> None:
    text = "A fisherman, 47, was rescued on Monday. Rescuers found 12 boats, 3 of them sunk."
    a = analyze_text(text, clean=False)
    assert _find(a, 47).unit == "year of age"
    assert _find(a, 3).unit != "year of age"  # "boats, 3 of them": no second comma
    _check_offsets(a)


def test_quantities_a_dollar_code_before_the_sign(analyze_text: Analyze) -> None:
    text = "The AUD$2 million Harbour Cup was called off, and the club lost a NZD$450,000 sponsorship."
    a = analyze_text(text, clean=False)
    cup, sponsorship = _find(a, 2e6), _find(a, 450_000)
    assert (cup.text, cup.unit, cup.currency) == ("AUD$2 million", "australian dollar", "AUD")
    assert (sponsorship.unit, sponsorship.currency) == ("new zealand dollar", "NZD")
    _check_offsets(a)


def test_quantities_a_fraction_with_its_count_needs_no_of(analyze_text: Analyze) -> None:
    text = (
        "Two-thirds backed the levy, exports fell by one-third and wages by a fifth, "
        "and fewer than a quarter turned out. A fourth candidate ran on a third-party ticket."
    )
    a = analyze_text(text, clean=False)
    fractions = [(q.text, round(q.value or 0, 3), q.unit) for q in a.quantities if q.kind == "fraction"]
    assert fractions == [
        ("Two-thirds", 0.667, "fraction"),
        ("one-third", 0.333, "fraction"),
        ("a fifth", 0.2, "fraction"),
        ("fewer than a quarter", 0.25, "fraction"),
    ]
    _check_offsets(a)


def test_quantities_a_year_cut_to_two_digits(analyze_text: Analyze) -> None:
    text = "The studio shipped Canvas '19 in May, as it had in ’09 and ’14, and sold 40 licences."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.unit) for q in a.quantities] == [("40 licences", "licence")]


def test_quantities_plus_or_minus_is_a_margin_not_a_sign(analyze_text: Analyze) -> None:
    text = "The survey's margin of error is plus or minus 4.2 percentage points; it was minus 8 degrees."
    a = analyze_text(text, clean=False)
    assert (_find(a, 4.2).text, _find(a, 4.2).unit) == ("4.2 percentage points", "percentage point")
    assert _find(a, -8).text == "minus 8 degrees"
    _check_offsets(a)


def test_quantities_half_a_million_takes_its_currency(analyze_text: Analyze) -> None:
    text = "The festival lost half a million euros, and half a dozen HP engineers quit."
    a = analyze_text(text, clean=False)
    lost = _find(a, 500_000)
    assert (lost.text, lost.unit, lost.kind) == ("half a million euros", "euro", "money")
    assert _find(a, 6).unit == "HP engineer"
    _check_offsets(a)


def test_quantities_a_result_highest_first_is_no_range(analyze_text: Analyze) -> None:
    text = (
        "The governor leads the senator 58 percent to 36 percent, and 49 to 41 percent among men. "
        "The bill passed 71–26. Turnout rose from 52% to 47% and will stay at 40 to 45 percent. "
        "Her lead fell from about 9 points to 4 points."
    )
    a = analyze_text(text, clean=False)
    readings = [(q.text, q.low, q.high, q.unit) for q in a.quantities]
    assert readings == [
        ("58 percent", None, None, "percent"),
        ("36 percent", None, None, "percent"),
        ("49", None, None, "percent"),
        ("41 percent", None, None, "percent"),
        ("52% to 47%", 47, 52, "percent"),
        ("40 to 45 percent", 40, 45, "percent"),
        ("about 9 points to 4 points", 4, 9, "point"),
    ]
    _check_offsets(a)


def test_quantities_identifiers_and_list_labels_are_no_quantities(analyze_text: Analyze) -> None:
    text = (
        "Buyers should quote batch codes 30511872 and 30511873 or call 0412886530.\n"
        "3. Council weighs three options: (1) a levy, (2) a toll or (3) 40 new meters."
    )
    a = analyze_text(text, clean=False)
    assert [(q.text, q.value) for q in a.quantities] == [("three options", 3), ("40 new meters", 40)]


def test_quantities_currencies_of_any_country(analyze_text: Analyze) -> None:
    text = "Fares rose to 45 baht in Bangkok, 9,000 rupiah in Jakarta and 1,500 dinars in Amman."
    a = analyze_text(text, clean=False)
    assert [(q.unit, q.kind) for q in a.quantities] == [
        ("thai baht", "money"),
        ("indonesian rupiah", "money"),
        ("dinar", "money"),
    ]
    _check_offsets(a)


def test_quantities_half_a_unit_is_half_of_that_unit(analyze_text: Analyze) -> None:
    text = "The bank cut rates by half a percentage point within half an hour; half the banks followed."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.value, q.unit) for q in a.quantities] == [
        ("half a percentage point", 0.5, "percentage point"),
        ("half an hour", 0.5, "hour"),
        ("half", 0.5, "fraction"),
    ]
    _check_offsets(a)


def test_quantities_a_hash_for_the_pound_sign(analyze_text: Analyze) -> None:
    text = "Tickets cost #4.50 and the pier #2.3 million, while the band sat at #2 in the charts."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.unit) for q in a.quantities] == [
        ("#4.50", "pound sterling"),
        ("#2.3 million", "pound sterling"),
    ]
    _check_offsets(a)


def test_quantities_upward_of_is_approximate(analyze_text: Analyze) -> None:
    text = "Dock workers can earn upward of $30 an hour."
    a = analyze_text(text, clean=False)
    wage = _find(a, 30)
    assert (wage.text, wage.approximate, wage.unit) == ("upward of $30 an hour", True, "dollar per hour")


def test_quantities_a_house_number_is_no_quantity(analyze_text: Analyze) -> None:
    text = "The bakery at 221 Harbor View Road, near 9 Elm Street, sold 300 loaves to 12 Wall Street firms."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.value) for q in a.quantities] == [("300 loaves", 300), ("12 Wall Street firms", 12)]


def test_quantities_the_noun_a_modifier_qualifies_is_counted(analyze_text: Analyze) -> None:
    # the parse hangs the number on the first noun of a compound; the compound's head is counted
    text = (
        "More than 2 million people live in five drought hotspots in the region. "
        "The firm sold 3 million flu vaccine doses to Canada. "
        "Markets fell after the massive 8.0 magnitude earthquake hit the country. "
        "The group said it had taken more than 50 workers hostage."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 5).unit == "drought hotspot"
    assert _find(a, 3e6).unit == "flu vaccine dose"
    assert _find(a, 8).unit == "magnitude"  # a number with decimals measures, it does not count
    assert _find(a, 50).unit == "worker"  # a plural agrees with its number
    _check_offsets(a)


def test_quantities_a_measure_before_the_counted_noun_is_not_counted(analyze_text: Analyze) -> None:
    text = (
        "The brewer shipped two million 330ml cans last year. "
        "The resort built three 9-hole courses. "
        "Crates hold six 1.5 litre bottles each."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 2e6).unit == "can"
    assert _find(a, 3).unit == "course"
    assert _find(a, 6).unit == "bottle"
    assert (_find(a, 330).unit, _find(a, 9).unit, _find(a, 1.5).unit) == ("millilitre", "hole", "litre")
    _check_offsets(a)


def test_quantities_numbers_joined_before_a_measure_share_it(analyze_text: Analyze) -> None:
    text = "The café sells 12 and 20 ounce cups, and a taxi costs seven or eight dollars."
    a = analyze_text(text, clean=False)
    assert (_find(a, 12).unit, _find(a, 12).kind) == ("ounce", "measure")
    assert (_find(a, 7).unit, _find(a, 7).kind) == ("dollar", "money")
    _check_offsets(a)


def test_quantities_a_quote_mark_after_a_number_is_no_foot(analyze_text: Analyze) -> None:
    text = "The so-called 'big three' met on Friday, and the ''50'' ranking came out. The guard is 6' tall."
    a = analyze_text(text, clean=False)
    assert [(q.text, q.unit) for q in a.quantities if q.value in (3, 50)] == [
        ("three", None),
        ("50", "ranking"),
    ]
    assert _find(a, 6).unit == "foot"
    _check_offsets(a)


def test_quantities_two_ages_joined_by_and(analyze_text: Analyze) -> None:
    text = "Two brothers, 31 and 35, were arrested on Sunday."
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [
        (2, "brother"),
        (31, "year of age"),
        (35, "year of age"),
    ]
    _check_offsets(a)


def test_quantities_doses_are_a_dose(analyze_text: Analyze) -> None:
    a = analyze_text("The clinic gave 300 doses on Monday.", clean=False)
    assert _find(a, 300).unit == "dose"


def test_quantities_a_mark_is_a_level_not_a_unit(analyze_text: Analyze) -> None:
    text = (
        "Flu cases in the county passed the 900 mark on Monday. "
        "The index lost 41.2 points and closed below the 3000 mark at 2987.10."
    )
    a = analyze_text(text, clean=False)
    assert _find(a, 900).unit is None
    assert [_find(a, v).unit for v in (3000, 2987.1)] == ["point", "point"]
    _check_offsets(a)


def test_quantities_score_is_a_number_only_before_of(analyze_text: Analyze) -> None:
    text = (
        "Pupils in the district score higher in reading, and the mayor scores a rare victory. "
        "Lenders check credit scores closely. Scores of farmers marched on the capital."
    )
    a = analyze_text(text, clean=False)
    assert [(q.text, q.unit) for q in a.quantities] == [("Scores", "farmer")]
    _check_offsets(a)


def test_quantities_fewer_and_less_are_quantifiers(analyze_text: Analyze) -> None:
    text = "About two million fewer tourists came this year, leaving one less reason to build the hotel."
    a = analyze_text(text, clean=False)
    assert _find(a, 2e6).unit == "tourist"
    assert _find(a, 1).unit == "reason"
    _check_offsets(a)


def test_quantities_plural_ages(analyze_text: Analyze) -> None:
    text = "The club admits 16-year-olds, and the nursery takes 9-month-olds."
    a = analyze_text(text, clean=False)
    assert (_find(a, 16).unit, _find(a, 16).kind) == ("year of age", "measure")
    assert _find(a, 9).unit == "month of age"
    _check_offsets(a)


def test_quantities_a_unit_of_two_words_hyphened(analyze_text: Analyze) -> None:
    text = (
        "The chain opened a 40,000-square-foot store beside a 2.5-square-mile lake "
        "and a 12 square-metre kiosk."
    )
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit, q.kind) for q in a.quantities] == [
        (40000, "square foot", "measure"),
        (2.5, "square mile", "measure"),
        (12, "square metre", "measure"),
    ]
    _check_offsets(a)


def test_quantities_a_fraction_of_a_million(analyze_text: Analyze) -> None:
    text = (
        "A quarter of a million tenants face eviction, "
        "and the state owes three-quarters of a billion dollars."
    )
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [(250000, "tenant"), (750000000, "dollar")]
    _check_offsets(a)


def test_quantities_turning_an_age(analyze_text: Analyze) -> None:
    text = (
        "The governor turns 64 next week, and pupils may enrol once they turned five. "
        "The hostel turned 30 away, and the port turned 12 of the ships back."
    )
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [
        (64, "year of age"),
        (5, "year of age"),
        (30, None),
        (12, "ship"),
    ]
    _check_offsets(a)


def test_quantities_years_of_age(analyze_text: Analyze) -> None:
    text = "The vaccine is for children under 12 years of age and infants of nine months of age."
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [(12, "year of age"), (9, "month of age")]
    _check_offsets(a)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The carrier plans to save a half-billion dollars by closing depots.", 500_000_000.0),
        ("Protesters blocked a half-dozen bridges across the city.", 6.0),
        ("Its membership grew to nearly half-a-million by winter.", 500_000.0),
        ("Donors gave a half million dollars to the shelter.", 500_000.0),
    ],
)
def test_quantities_half_a_scale_word(analyze_text: Analyze, text: str, value: float) -> None:
    a = analyze_text(text, clean=False)
    assert _values(a) == [value]
    _check_offsets(a)


def test_quantities_and_a_half_is_no_half_of_the_scale(analyze_text: Analyze) -> None:
    a = analyze_text("Some two and a half million people fled the floods.", clean=False)
    assert 500_000.0 not in _values(a) and 0.5 not in _values(a)


# -- issue 20, thirteenth quantities pass: "and a half" (sentences written for these tests) -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly three and a half million voters stayed home.", (3_500_000.0, "voter")),
        ("The ferry fare rose one and a half times after the strike.", (1.5, "times")),
        ("The museum raised a million and a half dollars for its roof.", (1_500_000.0, "dollar")),
        ("The inquiry took six and a half years to report.", (6.5, "year")),
        ("They fenced a nine-and-a-half-acre meadow by the river.", (9.5, "acre")),
    ],
)
def test_quantities_a_number_and_a_half(
    analyze_text: Analyze, text: str, expected: tuple[float, str]
) -> None:
    a = analyze_text(text, clean=False)
    assert [(q.value, q.unit) for q in a.quantities] == [expected]
    _check_offsets(a)


def test_quantities_a_unit_and_a_half(analyze_text: Analyze) -> None:
    text = (
        "The siege lasted a year and a half, the convoy waited an hour and a half at the border, "
        "and refugees walked a mile and a half to the camp. He bought a loaf and a half."
    )
    a = analyze_text(text, clean=False)
    assert [(q.text, q.value, q.unit) for q in a.quantities] == [
        ("a year and a half", 1.5, "year"),
        ("an hour and a half", 1.5, "hour"),
        ("a mile and a half", 1.5, "mile"),
    ]
    _check_offsets(a)


def test_quantities_a_fraction_of_a_unit(analyze_text: Analyze) -> None:
    text = (
        "The index slipped a tenth of a percent, the trail climbs two-thirds of a mile, "
        "and the mayor has led the town for a quarter-century. The hearing took a half-hour. "
        "A third-year pupil ate a third of a pie."
    )
    a = analyze_text(text, clean=False)
    got = [(q.text, round(q.value or 0, 3), q.unit) for q in a.quantities]
    assert got[:4] == [
        ("a tenth of a percent", 0.1, "percent"),
        ("two-thirds of a mile", 0.667, "mile"),
        ("a quarter-century", 25.0, "year"),
        ("a half-hour", 0.5, "hour"),
    ]
    assert all(q.unit != "year" for q in a.quantities[4:])  # "third-year" is an ordinal
    _check_offsets(a)


# -- issue 20, fourteenth quantities pass: a written fraction joined to a whole by "and" (sentences written
# for these tests) --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The levy on fuel rose two and one-half percent in March.",
            ("two and one-half percent", 2.5, "percent"),
        ),
        ("The new ring road is one and one third miles long.", ("one and one third miles", 4 / 3, "mile")),
        (
            "Wages climbed three-and-three-quarters percent.",
            ("three-and-three-quarters percent", 3.75, "percent"),
        ),
        ("The count lasted four and a quarter hours.", ("four and a quarter hours", 4.25, "hour")),
        (
            "The fund lost six and a quarter million dollars.",
            ("six and a quarter million dollars", 6_250_000.0, "dollar"),
        ),
        ("The march covered a mile and three quarters.", ("a mile and three quarters", 1.75, "mile")),
        ("Bond yields fell two and a third percent.", ("two and a third percent", 7 / 3, "percent")),
    ],
)
def test_quantities_a_whole_and_a_written_fraction(
    analyze_text: Analyze, text: str, expected: tuple[str, float, str]
) -> None:
    a = analyze_text(text, clean=False)
    assert [(q.text, round(q.value or 0, 6), q.unit) for q in a.quantities] == [
        (expected[0], round(expected[1], 6), expected[2])
    ]
    _check_offsets(a)


def test_quantities_and_a_third_before_a_noun_is_an_ordinal(analyze_text: Analyze) -> None:
    a = analyze_text("The crew worked a week and a third shift was added.", clean=False)
    assert all(q.unit not in ("week", "fraction") for q in a.quantities)
