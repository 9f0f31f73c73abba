"""Tests of the times component: TIMEX3 spans, types and values against the publication date."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components._times_calendar import period
from newsgraph.extract.components.times import Times
from newsgraph.extract.extensions import get_times, set_extensions, set_published
from newsgraph.models import Analysis, Time

Analyze = Callable[..., Analysis]


def _check(analysis: Analysis) -> None:
    for i, t in enumerate(analysis.times, 1):
        assert analysis.text[t.start : t.end] == t.text
        assert t.id == f"t{i}"


def _time(analysis: Analysis, text: str) -> Time:
    found = [t for t in analysis.times if t.text == text]
    assert found, f"no time {text!r} in {[(t.text, t.value) for t in analysis.times]}"
    return found[0]


DOHA_LIKE = (
    "Delegations said in a joint statement on Sunday that they will meet again next week. "
    "The negotiators, who have been in the capital since Saturday, met earlier this month as well. "
    "For months, the two sides have met intermittently, after nearly two decades of war."
)


def test_times_resolve_against_publication_date(analyze_text: Analyze) -> None:
    a = analyze_text(DOHA_LIKE, published="2021-07-18", clean=False)
    _check(a)
    assert _time(a, "Sunday").value == "2021-07-18"
    next_week = _time(a, "next week")
    assert (next_week.type, next_week.value) == ("DATE", "2021-W29")
    assert _time(a, "earlier this month").value == "2021-07"
    assert _time(a, "Saturday").value == "2021-07-17"
    months = _time(a, "months")
    assert (months.type, months.value) == ("DURATION", "PXM")
    decades = _time(a, "nearly two decades")
    assert (decades.type, decades.value, decades.mod) == ("DURATION", "P20Y", "APPROX")
    assert "on Sunday" not in [t.text for t in a.times]  # TempEval spans leave out "on"


def test_times_tense_picks_the_weekday(analyze_text: Analyze) -> None:
    text = "The committee voted on Friday to delay the bill. The full chamber will vote on Friday."
    a = analyze_text(text, published="2021-07-14", clean=False)  # a Wednesday
    past, future = [t for t in a.times if t.text == "Friday"]
    assert past.value == "2021-07-09"
    assert future.value == "2021-07-16"


def test_times_without_publication_date_stay_underspecified(analyze_text: Analyze) -> None:
    text = "Protesters gathered on Sunday and again on Nov. 19, and the talks resume next week."
    a = analyze_text(text, clean=False)
    assert _time(a, "Sunday").value == "XXXX-WXX-7"
    assert _time(a, "Nov. 19").value == "XXXX-11-19"
    assert _time(a, "next week").value is None


def test_times_dates_years_decades_and_offsets(analyze_text: Analyze) -> None:
    text = (
        "The plant opened in 2014, three years ago, after a boom in the 1990s. "
        "Police said the suspect was arrested Nov. 19 and charged last year. "
        "The firm reported third-quarter profit on Sept. 27, 2019, at 2:36 pm."
    )
    a = analyze_text(text, published="2021-01-10", clean=False)
    _check(a)
    assert _time(a, "2014").value == "2014"
    assert _time(a, "three years ago").value == "2018"
    assert _time(a, "the 1990s").value == "199"
    assert _time(a, "Nov. 19").value == "2020-11-19"
    assert _time(a, "last year").value == "2020"
    assert _time(a, "third-quarter").value == "2020-Q3"  # reported (past) in January: last year's
    assert _time(a, "Sept. 27, 2019").value == "2019-09-27"
    clock = _time(a, "2:36 pm")
    assert (clock.type, clock.value) == ("TIME", "2019-09-27T14:36")  # the day just named


def test_times_references_sets_and_parts_of_day(analyze_text: Analyze) -> None:
    text = (
        "Prices are now falling after prices recently jumped. Inspectors visit every week and "
        "publish daily updates. The minister spoke Tuesday night and will return tomorrow."
    )
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert _time(a, "now").value == "PRESENT_REF"
    assert _time(a, "recently").value == "PAST_REF"
    week = _time(a, "every week")
    assert (week.type, week.value) == ("SET", "P1W")
    assert _time(a, "daily").value == "P1D"
    night = _time(a, "Tuesday night")
    assert (night.type, night.value) == ("TIME", "2021-07-13TNI")
    assert _time(a, "tomorrow").value == "2021-07-16"


def test_times_edges_centuries_and_anchored_days(analyze_text: Analyze) -> None:
    text = (
        "The plant will close early next year. Its design dates from the 20th century. "
        "The next day, sales for the first half of 2021 were published."
    )
    a = analyze_text(text, published="2021-07-18", clean=False)
    early = _time(a, "early next year")
    assert (early.value, early.mod) == ("2022", "START")
    assert _time(a, "the 20th century").value == "19"
    assert _time(a, "The next day").value == "2021-07-19"
    assert _time(a, "the first half of 2021").value == "2021-H1"


def test_times_infinitive_and_possessive_take_the_main_verbs_tense(analyze_text: Analyze) -> None:
    text = (
        "Crowds gathered in the capital to celebrate the treaty on Friday. "
        "Lawyers said they would appeal Wednesday's ruling. "
        "The two leaders agreed to meet again on Monday."
    )
    a = analyze_text(text, published="2021-07-17", clean=False)  # a Saturday
    assert _time(a, "Friday").value == "2021-07-16"  # the purpose of a past act, not next Friday
    assert _time(a, "Wednesday").value == "2021-07-14"  # the ruling's day, not the appeal's
    assert _time(a, "Monday").value == "2021-07-19"  # "agreed to meet": ahead


def test_times_the_quarter_an_earnings_report_is_about(analyze_text: Analyze) -> None:
    text = (
        "Acme Corp. said net income rose 12% in the latest quarter. Sales in the quarter were "
        "$2 billion, up from $1.8 billion a year earlier. In the year-ago quarter the company "
        "had a loss, and it expects a profit in next year's first quarter."
    )
    a = analyze_text(text, published="2021-10-27", clean=False)
    assert _time(a, "the latest quarter").value == "2021-Q3"  # the last completed quarter
    assert _time(a, "the quarter").value == "2021-Q3"
    assert _time(a, "a year earlier").value == "2020-Q3"
    assert _time(a, "the year-ago quarter").value == "2020-Q3"
    assert _time(a, "next year's first quarter").value == "2022-Q1"


def test_times_quarter_named_in_january_is_last_years(analyze_text: Analyze) -> None:
    a = analyze_text("The bank lost money in the fourth quarter.", published="2021-01-20", clean=False)
    assert _time(a, "the fourth quarter").value == "2020-Q4"


def test_times_fractions_signals_and_spelled_years(analyze_text: Analyze) -> None:
    text = (
        "The hearing lasted 5 1/2 hours. Three days later, the judge ruled. "
        "The building opened in nineteen ninety-six."
    )
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert _time(a, "5 1/2 hours").value == "PT5H30M"
    three = _time(a, "Three days")  # "later" is a signal, not part of the expression
    assert (three.type, three.value) == ("DURATION", "P3D")
    assert _time(a, "nineteen ninety-six").value == "1996"


def test_times_following_year_counts_from_the_last_named_date(analyze_text: Analyze) -> None:
    text = "The mine opened in 1995. The following year it flooded, and that year it closed."
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert _time(a, "The following year").value == "1996"
    assert _time(a, "that year").value == "1996"


def test_times_future_modifying_a_noun_is_not_a_time(analyze_text: Analyze) -> None:
    text = "The company will cut future payments, but the future looks bright."
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert [(t.text, t.value) for t in a.times] == [("the future", "FUTURE_REF")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials may approve the plan, and the company paid $1,990 for it.",
        "The march drew 2014 people to the square.",
        "Subscriptions cost $5 a month for 300 readers.",
    ],
)
def test_times_money_modals_and_counts_are_not_times(analyze_text: Analyze, text: str) -> None:
    assert analyze_text(text, published="2021-07-15", clean=False).times == []


def test_times_durations_normalize() -> None:
    assert period(2, "D") == "P2D"
    assert period(2, "DE") == "P20Y"
    assert period(1.5, "Y") == "P1Y6M"
    assert period(1.5, "MIN") == "PT1M30S"
    assert period(3, "H") == "PT3H"
    assert period(2, "Q") == "P6M"


def test_times_component_works_without_a_parse(nlp: Language) -> None:
    doc = nlp.make_doc("The vote was held on Monday, June 7, 2021, at 10 a.m. local time.")
    set_published(doc, "2021-06-08")
    Times()(doc)
    values = [t.value for t in get_times(doc)]
    assert "2021-06-07" in values
    assert "2021-06-07T10:00" in values  # the clock time is on the day just named


def test_times_pathological_input_stays_linear(nlp: Language) -> None:
    # CPU seconds of this process, which other jobs on a shared machine do not inflate
    component = Times()
    doc = nlp.make_doc("Monday 2019 next week " * 3000)
    set_published(doc, "2021-07-18")
    t0 = time.process_time()
    component(doc)
    assert time.process_time() - t0 < 20
    assert len(get_times(doc)) >= 9000
    long_line = nlp.make_doc("1" * 300_000 + " " + "in May 2019, " * 20_000)
    t0 = time.process_time()
    component(long_line)
    assert time.process_time() - t0 < 10


def test_times_scheduled_and_passive_present_point_ahead(analyze_text: Analyze) -> None:
    text = (
        "The ruling is expected in December. The agency has scheduled a news conference Thursday "
        "to announce the findings."
    )
    a = analyze_text(text, published="2021-10-27", clean=False)  # a Wednesday
    assert _time(a, "December").value == "2021-12"  # not the past December
    assert _time(a, "Thursday").value == "2021-10-28"  # the conference's day, not last Thursday
    b = analyze_text(
        "The family may lose when the case is heard in May.", published="2021-03-29", clean=False
    )
    assert _time(b, "May").value == "2021-05"  # "is heard": present, not past


def test_times_modal_perfect_is_past(analyze_text: Analyze) -> None:
    text = "Analysts said the storm may have been responsible for the outage on Monday."
    a = analyze_text(text, published="2021-10-27", clean=False)  # a Wednesday
    assert _time(a, "Monday").value == "2021-10-25"


def test_times_date_modifying_an_event_noun_lies_behind(analyze_text: Analyze) -> None:
    text = "The bank is continuing to try to sell itself under a June agreement with its shareholders."
    a = analyze_text(text, published="2021-10-27", clean=False)
    assert _time(a, "June").value == "2021-06"  # the agreement's month, not next June
    b = analyze_text(
        "The April accession will enable the three countries to vote.", published="2021-03-10", clean=False
    )
    assert _time(b, "April").value == "2021-04"  # a future auxiliary keeps it ahead


def test_times_as_soon_as_is_a_conjunction(analyze_text: Analyze) -> None:
    text = "Officials will act as soon as the results arrive and will answer as soon as possible."
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert [t.start for t in a.times if t.text == "soon"] == [text.rindex("soon")]


def test_times_clock_with_its_date_and_sets_of_months(analyze_text: Analyze) -> None:
    text = "The offer was extended until 5 p.m. EST Nov. 9. Marchers parade each July through the town."
    a = analyze_text(text, published="2021-11-02", clean=False)
    clock = _time(a, "5 p.m. EST Nov. 9")
    assert (clock.type, clock.value) == ("TIME", "2021-11-09T17:00")
    july = _time(a, "each July")
    assert (july.type, july.value) == ("SET", "XXXX-07")


def test_times_vague_durations_use_timex_units(analyze_text: Analyze) -> None:
    text = "The fighting went on for hours. The base has been vital for decades, and it took a few minutes."
    a = analyze_text(text, published="2021-07-15", clean=False)
    assert _time(a, "hours").value == "PTXH"
    assert _time(a, "decades").value == "PXY"
    assert _time(a, "a few minutes").value == "PTXM"


# -- issue 20, third pass: tense of a bare weekday (hand-built parses, no model) -------------------


def _parsed(words: str, tags: str, heads: list[int], deps: str, published: str) -> list[Time]:
    """Run the times component on a hand-built parse: words, Penn tags and dependency labels."""
    set_extensions()
    pos = {"VB": "VERB", "VBD": "VERB", "VBZ": "VERB", "VBP": "VERB", "VBN": "VERB", "MD": "AUX"}
    tag_list = tags.split()
    lemmas = {"was": "be", "were": "be", "scheduled": "schedule", "planning": "plan", "adjourned": "adjourn"}
    doc = Doc(
        spacy.blank("en").vocab,
        words=words.split(),
        lemmas=[lemmas.get(w, w.lower()) for w in words.split()],
        tags=tag_list,
        pos=[pos.get(t, "PROPN" if t == "NNP" else "PUNCT" if t == "." else "NOUN") for t in tag_list],
        heads=heads,
        deps=deps.split(),
    )
    set_published(doc, published)
    Times()(doc)
    return get_times(doc)


def test_times_simple_present_weekday_points_ahead() -> None:
    """'The court rules on the appeal Wednesday': a scheduled day, the next one."""
    times = _parsed(
        "The court rules on the appeal Wednesday .",
        "DT NN VBZ IN DT NN NNP .",
        [1, 2, 2, 2, 5, 3, 2, 2],
        "det nsubj ROOT prep det pobj npadvmod punct",
        "2021-10-25",  # a Monday
    )
    assert [t.value for t in times] == ["2021-10-27"]


def test_times_since_a_weekday_lies_behind() -> None:
    """'The road remains closed since Tuesday': present tense, but what began lies behind."""
    times = _parsed(
        "The road remains closed since Tuesday .",
        "DT NN VBZ JJ IN NNP .",
        [1, 2, 2, 2, 2, 4, 2],
        "det nsubj ROOT acomp prep pobj punct",
        "2021-10-27",  # a Wednesday
    )
    assert [t.value for t in times] == ["2021-10-26"]


def test_times_past_and_present_spelled_alike_is_no_present() -> None:
    """'Weakness hurt the index on Friday' tagged VBP: 'hurt' is also the past; not next Friday."""
    times = _parsed(
        "Weakness in stocks hurt the index on Friday .",
        "NN IN NNS VBP DT NN IN NNP .",
        [3, 0, 1, 3, 5, 3, 3, 6, 3],
        "nsubj prep pobj ROOT det dobj prep pobj punct",
        "2021-10-27",  # a Wednesday
    )
    assert [t.value for t in times] == ["2021-10-22"]


def test_times_weekday_after_a_past_verb_is_the_verbs() -> None:
    """'said Sunday Israel will continue …' parsed with Sunday under 'continue': the saying's day."""
    times = _parsed(
        "The minister said Sunday Israel will continue talks .",
        "DT NN VBD NNP NNP MD VB NNS .",
        [1, 2, 2, 6, 6, 6, 2, 6, 2],
        "det nsubj ROOT npadvmod nsubj aux ccomp dobj punct",
        "2021-05-10",  # a Monday
    )
    assert [t.value for t in times] == ["2021-05-09"]


def test_times_coordinated_months_share_the_year(nlp: Language) -> None:
    doc = nlp.make_doc(
        "Between January and May 2008, 149 men were admitted; from September to December 2014, more."
    )
    set_published(doc, "2016-02-08")
    Times()(doc)
    values = {t.text: t.value for t in get_times(doc)}
    assert values["January"] == "2008-01"
    assert values["September"] == "2014-09"


def test_times_plan_under_a_past_be_lies_behind() -> None:
    """'was scheduled to speak Friday' reports a plan as the story stood: mostly the past day.

    A past plan in the active ('were planning to drive … Monday') still points ahead.
    """
    times = _parsed(
        "The minister was scheduled to speak Friday .",
        "DT NN VBD VBN TO VB NNP .",
        [1, 3, 3, 3, 5, 3, 5, 3],
        "det nsubjpass auxpass ROOT aux xcomp npadvmod punct",
        "2016-03-12",  # a Saturday
    )
    assert [t.value for t in times] == ["2016-03-11"]
    times = _parsed(
        "Protesters were planning to drive Monday .",
        "NNS VBD VBG TO VB NNP .",
        [2, 2, 2, 4, 2, 4, 2],
        "nsubj aux ROOT aux xcomp npadvmod punct",
        "2000-01-07",  # a Friday
    )
    assert [t.value for t in times] == ["2000-01-10"]


def test_times_a_delay_or_grant_ends_ahead() -> None:
    """'The court adjourned the trial until Tuesday': past verb, but the new day lies ahead."""
    times = _parsed(
        "The court adjourned the trial until Tuesday .",
        "DT NN VBD DT NN IN NNP .",
        [1, 2, 2, 4, 2, 2, 5, 2],
        "det nsubj ROOT det dobj prep pobj punct",
        "2021-10-27",  # a Wednesday
    )
    assert [t.value for t in times] == ["2021-11-02"]


# -- issue 20, fourth pass -------------------------------------------------------------------------


def test_times_effective_date_is_the_changes_not_the_verbs() -> None:
    """'The bank created an office, effective Feb. 1' (in October): the change starts ahead."""
    times = _parsed(
        "The bank created an office , effective Feb. 1 .",
        "DT NN VBD DT NN , JJ NNP CD .",
        [1, 2, 2, 4, 2, 2, 2, 6, 7, 2],
        "det nsubj ROOT det dobj punct advmod npadvmod nummod punct",
        "1989-10-26",
    )
    assert [t.value for t in times] == ["1990-02-01"]


def test_times_a_capitalised_set_word_inside_a_name_is_no_set(nlp: Language) -> None:
    """'China Daily', 'the Daily Mirror': a newspaper's name; 'daily' and a sentence's 'Weekly' are sets."""
    doc = nlp.make_doc(
        "According to China Daily, the plant makes 500 cars daily. The Daily Mirror agreed. "
        "Weekly meetings resumed."
    )
    set_published(doc, "2009-06-18")
    Times()(doc)
    assert [(t.text, t.value) for t in get_times(doc)] == [("daily", "P1D"), ("Weekly", "P1W")]


def test_times_a_year_with_its_edge_before_a_comma_or_full_stop(nlp: Language) -> None:
    """'mid-2018,' and 'late 2019.' keep their edge: the punctuation ends the year, not a number."""
    doc = nlp.make_doc("Sales slowed in mid-2018, and recovered by late 2019. The end of 2020, too.")
    set_published(doc, "2021-03-01")
    Times()(doc)
    found = [(t.text, t.value, t.mod) for t in get_times(doc)]
    assert found == [
        ("mid-2018", "2018", "MID"),
        ("late 2019", "2019", "END"),
        ("The end of 2020", "2020", "END"),
    ]


def test_times_last_month_name_skips_the_month_just_gone(nlp: Language) -> None:
    """In October, 'last September' is a year back (the month just gone is 'last month');
    'this past September' and 'last May' are this year's."""
    doc = nlp.make_doc(
        "The index closed at a level not seen since last September. Sales rose this past September "
        "and fell last May."
    )
    set_published(doc, "2009-10-12")
    Times()(doc)
    values = [(t.text, t.value) for t in get_times(doc)]
    expected = [("last September", "2008-09"), ("this past September", "2009-09"), ("last May", "2009-05")]
    assert values == expected


def test_times_over_the_past_years_is_a_preposition(nlp: Language) -> None:
    """'over the past 20 years' is during them: the span leaves 'over' out and takes no MORE_THAN;
    'over a week' (no article) is still more than a week."""
    doc = nlp.make_doc("Prices rose over the past 20 years. The tour may last over a week.")
    set_published(doc, "1999-06-07")
    Times()(doc)
    found = [(t.text, t.value, t.mod) for t in get_times(doc)]
    assert found == [("the past 20 years", "P20Y", None), ("over a week", "P1W", "MORE_THAN")]


def test_times_a_programme_title_is_no_time(nlp: Language) -> None:
    """ABC's “This Week” and Fox's “Sunday Morning Futures” are titles; 'this week' and
    'Thanksgiving Day' stay times."""
    doc = nlp.make_doc(
        'Baker, speaking on ABC News\' "This Week," said the talks would resume this week. '
        "He told Fox News’ “Sunday Morning Futures” show he would stay. The boy was found on "
        "Thanksgiving Day."
    )
    set_published(doc, "1999-12-01")
    Times()(doc)
    assert [t.text for t in get_times(doc)] == ["this week", "Thanksgiving Day"]


def test_times_the_quarter_its_end_date_names(nlp: Language) -> None:
    """'the quarter ended July 31' is May to July, the second quarter; 'ending March 31' ahead is
    this year's first; after a fiscal quarter is named, 'the quarter' is that one."""
    doc = nlp.make_doc("In the quarter ended July 31, sales rose.")
    set_published(doc, "1989-10-30")
    Times()(doc)
    assert [t.value for t in get_times(doc)] == ["1989-Q2", "1989-07-31"]
    doc = nlp.make_doc("The company will report results for the quarter ending March 31.")
    set_published(doc, "2013-03-14")
    Times()(doc)
    assert [t.value for t in get_times(doc)] == ["2013-Q1", "2013-03-31"]
    doc = nlp.make_doc("Profit fell in the fiscal first quarter. For the quarter ended Sept. 30, sales rose.")
    set_published(doc, "1989-10-26")
    Times()(doc)
    assert [t.value for t in get_times(doc)] == ["1989-Q1", "1989-Q1", "1989-09-30"]


def test_times_a_quarter_or_a_second_of_something_is_no_time(nlp: Language) -> None:
    """'about a quarter, of its dealers' and 'roughly a quarter from' are fractions, 'for a second
    time' an ordinal; 'for about a quarter' and 'paused for a second,' are durations."""
    doc = nlp.make_doc(
        "It cut 789, or about a quarter, of its dealers. Roughly a quarter came from Chad. "
        "She fell ill for a second time. The plant was shut for about a quarter. He paused for a second, "
        "then spoke."
    )
    set_published(doc, "2009-05-14")
    Times()(doc)
    assert [(t.text, t.value) for t in get_times(doc)] == [("about a quarter", "P3M"), ("a second", "PT1S")]


def test_times_the_verb_last_is_left_out_of_a_duration(nlp: Language) -> None:
    """'meant to last a few months', 'may last months': the verb; 'compared to last year' keeps it."""
    doc = nlp.make_doc(
        "The mission was meant to last a few months. Talks may last months, more than last year."
    )
    set_published(doc, "2021-03-15")
    Times()(doc)
    found = [(t.text, t.value) for t in get_times(doc)]
    assert found == [("a few months", "PXM"), ("months", "PXM"), ("last year", "2020")]


# -- issue 20, eighth pass -------------------------------------------------------------------------


def test_times_the_next_day_follows_the_last_day_named(nlp: Language) -> None:
    """'Shares fell on Tuesday … the next day', 'yesterday … the same day': the day before, not the DCT."""
    doc = nlp.make_doc(
        "Shares fell on Tuesday. Traders sold again the next day. "
        "The mayor resigned yesterday and a deputy took over the same day."
    )
    set_published(doc, "2023-06-09")  # a Friday
    Times()(doc)
    found = [(t.text, t.value) for t in get_times(doc)]
    assert found == [
        ("Tuesday", "2023-06-06"),
        ("the next day", "2023-06-07"),
        ("yesterday", "2023-06-08"),
        ("the same day", "2023-06-08"),
    ]


def test_times_until_after_a_present_verb_lies_ahead() -> None:
    """'has kept the markets closed until Friday', 'is closed until March': the state ends ahead."""
    times = _parsed(
        "The government has kept the markets closed until Friday .",
        "DT NN VBZ VBN DT NNS VBN IN NNP .",
        [1, 3, 3, 3, 5, 6, 3, 6, 7, 3],
        "det nsubj aux ROOT det nsubj ccomp prep pobj punct",
        "2021-08-18",  # a Wednesday
    )
    assert [t.value for t in times] == ["2021-08-20"]
    present, past = (
        _parsed(
            f"The museum {verb} closed until March .",
            f"DT NN {tag} VBN IN NNP .",
            [1, 3, 3, 3, 3, 4, 3],
            "det nsubjpass auxpass ROOT prep pobj punct",
            "2021-08-18",
        )
        for verb, tag in (("is", "VBZ"), ("was", "VBD"))
    )
    assert [t.value for t in present] == ["2022-03"]
    assert [t.value for t in past] == ["2021-03"]


def test_times_a_clock_time_without_a_day_is_on_the_last_day_named(nlp: Language) -> None:
    """'Rebels attacked on Tuesday … began around midday': Tuesday's noon; a day ahead is no anchor."""
    doc = nlp.make_doc(
        "Rebels attacked the town on Tuesday. The fighting began around midday and ended at 9 p.m. "
        "The mayor said he would resign tomorrow. Shares fell 3% by 4 p.m."
    )
    set_published(doc, "2023-06-08")  # a Thursday
    Times()(doc)
    found = [(t.text, t.value) for t in get_times(doc)]
    assert found == [
        ("Tuesday", "2023-06-06"),
        ("midday", "2023-06-06T12:00"),
        ("9 p.m.", "2023-06-06T21:00"),
        ("tomorrow", "2023-06-09"),
        ("4 p.m.", "2023-06-08T16:00"),
    ]


def test_times_a_24_hour_clock_takes_its_weekday_or_date(nlp: Language) -> None:
    """'at 09:40 UTC on Thursday', '18:05 GMT, March 2': one time, on that day (as '5 p.m. Friday')."""
    doc = nlp.make_doc("The ferry sank at 09:40 UTC on Thursday. Rescuers arrived at 18:05 GMT, March 2.")
    set_published(doc, "2017-03-04")  # a Saturday
    Times()(doc)
    found = [(t.text, t.value) for t in get_times(doc)]
    assert found == [
        ("09:40 UTC on Thursday", "2017-03-02T09:40"),
        ("18:05 GMT, March 2", "2017-03-02T18:05"),
    ]


def test_times_an_offset_counts_from_the_date_just_named(nlp: Language) -> None:
    """'in 1971. One year later' is 1972; 'on Monday. One day earlier' the Sunday before it."""
    doc = nlp.make_doc(
        "The band formed in 1971. One year later it released an album. "
        "The council voted on Monday. One day earlier, protesters marched. "
        "Sales fell a year ago and rose a year earlier. The ship sailed a week later than planned."
    )
    set_published(doc, "2023-06-08")  # a Thursday
    Times()(doc)
    found = [(t.text, t.value) for t in get_times(doc)]
    assert found == [
        ("1971", "1971"),
        ("One year later", "1972"),
        ("Monday", "2023-06-05"),
        ("One day earlier", "2023-06-04"),
        ("a year ago", "2022"),
        ("a year earlier", "2022"),  # the same time as the 'a year ago' before it, not one before
    ]


def test_times_an_undated_article_counts_from_the_full_date_its_lede_tells(analyze_text: Analyze) -> None:
    text = (
        "The health ministry reported on March 8, 2011 that the outbreak had ended. "
        "The minister said Tuesday that no case was found last June. "
        "Inspections will continue next year."
    )
    a = analyze_text(text, clean=False)
    _check(a)
    assert (a.published, a.reference_date, a.reference_time) == (None, "2011-03-08", "t1")
    assert _time(a, "Tuesday").value == "2011-03-08"  # March 8, 2011 was a Tuesday
    assert _time(a, "last June").value == "2010-06"
    assert _time(a, "next year").value == "2012"


def test_times_no_reference_date_from_a_bound_a_later_sentence_or_a_date_without_year(
    analyze_text: Analyze,
) -> None:
    bound = "Shops removed products made after January 4, 2009 from their shelves on Friday."
    later = "Officials met on Friday. The first case had been found on May 2, 1998."
    no_year = "The ministry reported on March 8 that the outbreak had ended on Friday."
    for text in (bound, later, no_year):
        a = analyze_text(text, clean=False)
        assert (a.reference_date, a.reference_time) == (None, None), text
        assert _time(a, "Friday").value == "XXXX-WXX-5", text
    dated = analyze_text(
        "The ministry reported on March 8, 2011 that it ended on Friday.", published="2011-03-10"
    )
    assert (dated.reference_date, _time(dated, "Friday").value) == (None, "2011-03-04")


def test_times_the_half_of_a_year_named_by_its_year_or_relative_year(analyze_text: Analyze) -> None:
    text = (
        "The bakery expects its sales to recover in the second half of this year. "
        "Its profit fell in the last half of 2010 and rose in the first half of last year. "
        "Prices stayed flat for the last half hour of trading and in the last half of the 1990s."
    )
    a = analyze_text(text, published="2012-05-02", clean=False)
    _check(a)
    assert _time(a, "the second half of this year").value == "2012-H2"
    assert _time(a, "the last half of 2010").value == "2010-H2"
    assert _time(a, "the first half of last year").value == "2011-H1"
    assert [t.value for t in a.times if t.value and "-H" in t.value] == ["2012-H2", "2010-H2", "2011-H1"]


def test_times_a_part_of_day_alone_is_on_the_last_day_named(analyze_text: Analyze) -> None:
    text = (
        "The ferry company cancelled its crossings on Thursday. Passengers queued in the morning "
        "and by mid-afternoon the port was closed. Tourists usually swim in the morning."
    )
    a = analyze_text(text, published="2022-03-05", clean=False)  # a Saturday
    _check(a)
    assert _time(a, "Thursday").value == "2022-03-03"
    morning = _time(a, "the morning")
    assert (morning.type, morning.value) == ("TIME", "2022-03-03TMO")
    afternoon = _time(a, "mid-afternoon")
    assert (afternoon.value, afternoon.mod) == ("2022-03-03TAF", "MID")
    assert [t.text for t in a.times].count("the morning") == 1  # the habit has no day


def test_times_one_day_before_its_verb_is_an_indefinite_future(analyze_text: Analyze) -> None:
    text = (
        "The mayor said the old harbour will one day be a park, and that one day the ferries might "
        "return. The repairs will last one day. The harbour closed one day after the storm."
    )
    a = analyze_text(text, published="2015-09-01", clean=False)
    _check(a)
    found = [(t.text, t.type, t.value) for t in a.times if t.text == "one day"]
    assert found == [
        ("one day", "DATE", "FUTURE_REF"),
        ("one day", "DATE", "FUTURE_REF"),
        ("one day", "DURATION", "P1D"),  # how long the repairs last
        ("one day", "DURATION", "P1D"),  # how long after the storm
    ]


def test_times_the_previous_year_counts_from_a_year_or_quarter_named_without_a_publication_date(
    analyze_text: Analyze,
) -> None:
    undated = analyze_text(
        "The clinic treated 186 patients in 2009, up from 120 the previous year.", clean=False
    )
    assert undated.published is None
    assert _time(undated, "the previous year").value == "2008"
    quarter = analyze_text(
        "The brewer sold 3 million crates in 2011. In the first quarter, it sold 40% more than the "
        "previous year.",
        published="2013-04-20",
        clean=False,
    )
    assert _time(quarter, "the first quarter").value == "2013-Q1"
    assert _time(quarter, "the previous year").value == "2012"  # the quarter's year before, not 2010


def test_times_a_season_word_before_of_is_no_season_and_a_season_of_last_year_is_that_year(
    analyze_text: Analyze,
) -> None:
    text = (
        "Exports have grown since the fall of the old junta and the fall of prices. "
        "The harbour reopened in the spring of last year and will close in the fall of 2014."
    )
    a = analyze_text(text, published="2013-07-02", clean=False)
    _check(a)
    assert not [t for t in a.times if t.text.lower().startswith("the fall")]  # a collapse, a drop
    assert _time(a, "spring of last year").value == "2012-SP"  # not the spring of 2013, already past
    assert _time(a, "fall of 2014").value == "2014-FA"


def test_times_soon_after_an_event_or_in_a_past_narrative_is_no_time_ahead(analyze_text: Analyze) -> None:
    text = (
        "The miners were rescued soon after the blast. The tunnel was soon closed, and soon after, "
        "the company sold the mine. The ministry will soon publish its report."
    )
    a = analyze_text(text, published="2016-02-10", clean=False)
    _check(a)
    soon = [(t.text, t.value) for t in a.times if t.text.lower() == "soon"]
    assert soon == [("soon", "FUTURE_REF")]  # only the report ahead


def test_times_may_or_march_after_early_late_or_mid_is_the_month(analyze_text: Analyze) -> None:
    text = (
        "The merger is planned for early March, and the ships will stay in port into mid-May. "
        "Support for May grew as the march began."
    )
    a = analyze_text(text, published="2015-01-20", clean=False)
    _check(a)
    assert (_time(a, "early March").value, _time(a, "early March").mod) == ("2015-03", "START")
    assert _time(a, "mid-May").value == "2015-05"
    assert [t.text for t in a.times] == ["early March", "mid-May"]  # no month in "for May", "the march"


def test_times_this_past_belongs_to_the_span(analyze_text: Analyze) -> None:
    text = (
        "The ferry company cut its fares this past Tuesday, after a strike this past weekend. "
        "Bookings rose this past week."
    )
    a = analyze_text(text, published="2018-06-14", clean=False)
    _check(a)
    assert _time(a, "this past Tuesday").value == "2018-06-12"
    assert _time(a, "this past weekend").value == "2018-W23-WE"
    assert _time(a, "this past week").value == "2018-W23"


def test_times_a_year_or_weekday_inside_a_name_is_no_time(analyze_text: Analyze) -> None:
    text = (
        "The venture, called Orion 1980, builds radar sets. The Russell 2000 index rose in 2011, "
        "the Sunday Times reported on Sunday. The Clean Harbours Act 1995 set the fines."
    )
    a = analyze_text(text, published="2012-03-09", clean=False)
    _check(a)
    found = [(t.text, t.value) for t in a.times]
    assert found == [("2011", "2011"), ("Sunday", "2012-03-04"), ("1995", "1995")]  # the day, the act's year


def test_times_a_day_word_inside_a_name_is_no_time(analyze_text: Analyze) -> None:
    text = (
        "The mayor told USA TODAY on Monday that he would resign. A new USA Today/Marist poll "
        "finds him behind. “This is KQRS Today,” the host said. The council votes today. "
        "“Today the town listens,” she said."  # a quotation's first word: the day
    )
    a = analyze_text(text, published="2019-05-08", clean=False)
    _check(a)
    found = [(t.text, t.value) for t in a.times]
    assert found == [("Monday", "2019-05-06"), ("today", "2019-05-08"), ("Today", "2019-05-08")]


def test_times_a_unit_before_or_after_an_event_is_a_duration(analyze_text: Analyze) -> None:
    text = (
        "The advert aired a day before the county primary. The mayor resigned a month after the "
        "raid on his office. His deputy had left a week before."
    )
    a = analyze_text(text, published="2019-05-08", clean=False)
    _check(a)
    found = [(t.text, t.type, t.value) for t in a.times]
    assert found == [
        ("a day", "DURATION", "P1D"),  # the time between two events (TBAQ), not the day before publication
        ("a month", "DURATION", "P1M"),
        ("a week before", "DATE", "2019-W18"),  # nothing follows: a week before the story's time
    ]


def test_times_a_bound_after_the_count_is_a_mod(analyze_text: Analyze) -> None:
    text = (
        "The race will run over the next three-plus months. Officials jailed for two or more years "
        "lose it. The strain resists four or more second line drugs."  # the ordinal "second": no time
    )
    a = analyze_text(text, published="2019-05-08", clean=False)
    _check(a)
    found = [(t.text, t.value, t.mod) for t in a.times]
    assert found == [
        ("the next three-plus months", "P3M", "MORE_THAN"),
        ("two or more years", "P2Y", "EQUAL_OR_MORE"),
    ]


def test_times_rules_start_with_a_lookahead_that_leaves_their_matches_unchanged() -> None:
    text = (
        "At 9:30 a.m. on Tuesday, Oct. 14, 2025, the board met for the third time in two weeks; "
        "earlier this month it said third-quarter sales rose 4% from a year earlier, the best since "
        "the 1990s. Every other Friday until next spring, and twice a year since 2019, it reports."
    )
    for rule in Times()._rules:
        guarded = rule.regex.pattern
        assert guarded.startswith("(?=["), rule.name
        bare = re.compile(guarded[guarded.index("])") + 2 :], rule.regex.flags)
        found = [(m.span(), m.groups()) for m in rule.regex.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in bare.finditer(text)], rule.name
