"""Boilerplate cleaning of scraped plain text (`newsgraph.extract.clean`)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.extract.clean import Cleaned, clean_text
from newsgraph.models import Analysis
from tests.support.checks import check_offsets

WIRE_STORY = "\n".join(
    (
        "Skip to main content",
        "World › Europe",
        "By ANNA KELLER and Tomas Brandt, Associated Press",
        "Updated: March 4, 2025 9:12 AM CET",
        "BERLIN (AP) — Germany's parliament on Thursday approved a package meant to speed up the "
        "building of wind farms, a move the government says will cut power prices within two years.",
        "The bill passed with 412 votes in favor and 208 against after a nine-hour debate.",
        "Advertisement",
        "“We are doing this for the people who pay the bills,” Economy Minister Lena Vogt told "
        "lawmakers. “Not for the lobbyists…”",
        "READ MORE: Coal exit in the east faces a new delay",
        "The opposition said the plan ignored the communities that will live next to the turbines.",
        "What happens next",
        "The upper house votes on the package in April.",
        "Copyright 2025 The Associated Press. All rights reserved.",
        "Related",
        "Coal exit in the east faces a new delay…",
        "Wind farm protests spread to three more states…",
        "Why power prices stay high across Europe",
        "",
    )
)

BODY_END = "The upper house votes on the package in April."


def reasons(cleaned: Cleaned) -> list[str]:
    return [span.reason for span in cleaned.removed]


def test_clean_wire_story_keeps_body_and_reports_cuts() -> None:
    cleaned = clean_text(WIRE_STORY)
    check_offsets(WIRE_STORY, cleaned)
    assert cleaned.text.startswith("BERLIN (AP) — Germany's parliament on Thursday")
    assert cleaned.text.endswith(BODY_END)
    for junk in (
        "Skip to main content",
        "World › Europe",
        "Advertisement",
        "READ MORE",
        "Copyright",
        "Related",
    ):
        assert junk not in cleaned.text
    assert "protests spread" not in cleaned.text
    assert reasons(cleaned) == [
        "navigation",
        "breadcrumb",
        "byline",
        "timestamp",
        "advertisement",
        "related",
        "copyright",
        "teaser-list",
    ]


def test_clean_byline_gives_authors_and_dateline_stays_in_text() -> None:
    cleaned = clean_text(WIRE_STORY)
    assert cleaned.authors == ["Anna Keller", "Tomas Brandt"]
    assert cleaned.dateline == "BERLIN (AP) —"
    first = cleaned.text.split("\n", 1)[0]
    assert first.startswith("BERLIN (AP) — Germany's parliament")


def test_clean_body_quotation_ending_in_ellipsis_and_short_lines_stay() -> None:
    cleaned = clean_text(WIRE_STORY)
    assert "“Not for the lobbyists…”" in cleaned.text
    assert "\nWhat happens next\n" in cleaned.text


def test_clean_inline_cut_joins_paragraphs_with_one_newline() -> None:
    cleaned = clean_text(WIRE_STORY)
    assert "“Not for the lobbyists…”\nThe opposition said" in cleaned.text
    assert "after a nine-hour debate.\n“We are doing this" in cleaned.text


def test_clean_blank_line_paragraphs_keep_their_blank_lines() -> None:
    raw = (
        "Share this article\n\n"
        "The council met on Monday to discuss the budget.\n\n"
        "ADVERTISEMENT\n\n"
        "Members agreed to cut spending on roads by 4 percent.\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text == (
        "The council met on Monday to discuss the budget.\n\n"
        "Members agreed to cut spending on roads by 4 percent."
    )


def test_clean_cookie_banner_newsletter_and_app_prompts() -> None:
    raw = (
        "We use cookies to give you the best experience. By continuing to use this site you accept "
        "our cookie policy.\n"
        "Accept all cookies\n"
        "Flood waters rose again on Sunday in the valley towns north of the capital.\n"
        "Residents were told to leave their homes before nightfall.\n"
        "Sign up for our morning newsletter and get the day's top stories delivered to your inbox.\n"
        "The mayor said the dam was holding and engineers were checking it every hour.\n"
        "Download the Valley Times app for breaking news alerts.\n"
        "Get it on Google Play\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text == (
        "Flood waters rose again on Sunday in the valley towns north of the capital.\n"
        "Residents were told to leave their homes before nightfall.\n"
        "The mayor said the dam was holding and engineers were checking it every hour."
    )
    assert reasons(cleaned) == ["cookie", "newsletter", "app-promo"]


def test_clean_teaser_run_at_tail_without_prompt() -> None:
    raw = (
        "The central bank held its key rate at 4.5 percent on Wednesday, as expected.\n"
        "Economists expect the first cut in the autumn, when inflation should be near target.\n"
        "Markets Brace for a Long Summer of High Rates\n"
        "Five things to watch at the bank's next…\n"
        "Housing starts fall for a third month as…\n"
        "Why the strong currency worries exporters...\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("when inflation should be near target.")
    assert reasons(cleaned) == ["teaser-list"]
    assert cleaned.removed[0].text.startswith("Markets Brace")


def test_clean_follow_prompt_then_teasers_and_share_bar() -> None:
    raw = (
        "Rescue teams reached the village after a two-day trek through the mountains.\n"
        "The regional governor said aid flights would resume once the weather cleared.\n"
        "Follow us on:\n"
        "Facebook\n"
        "X\n"
        "WhatsApp\n"
        "Mining company posts record profit despite lower…\n"
        "Storm season could start early this year, forecasters…\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("once the weather cleared.")
    assert "Mining" not in cleaned.text
    assert "Facebook" not in cleaned.text
    assert cleaned.removed[0].text.startswith("Follow us on:")
    assert cleaned.removed[0].reason == "share-prompt"
    assert cleaned.removed[-1].reason == "teaser-list"


def test_clean_teasers_with_summaries_after_prompt() -> None:
    raw = (
        "Negotiators worked through the night and signed the accord at dawn.\n"
        "More from The Harbour Post\n"
        "Port strike ends after six weeks\n"
        "Dock workers accepted a 7 percent raise on Friday.\n"
        "New ferry line to open in spring\n"
        "The service will link the two islands for the first time.\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text == "Negotiators worked through the night and signed the accord at dawn."
    assert reasons(cleaned) == ["teaser-list"]


def test_clean_untruncated_teasers_between_tail_blocks() -> None:
    raw = (
        "The museum will reopen in May after a two-year renovation, its director said.\n"
        "Follow us on Instagram | Threads\n"
        "Storm Damage Closes Coastal Road\n"
        "City Hall Approves New Bike Lanes\n"
        "Tags: Culture, Museums\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text == "The museum will reopen in May after a two-year renovation, its director said."
    assert reasons(cleaned) == ["share-prompt", "teaser-list", "tags"]


def test_clean_short_body_lines_before_tail_boilerplate_stay() -> None:
    raw = (
        "The band announced a 12-city tour for next summer on Tuesday.\n"
        "Tickets go on sale on Friday.\n"
        "June 4 – Boston, MA @ Fenway Park\n"
        "June 9 – Chicago, IL @ Wrigley Field\n"
        "June 14 – Denver, CO @ Red Rocks\n"
        "Tags: Music, Tours\n"
        "Leave a comment\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("June 14 – Denver, CO @ Red Rocks")
    assert reasons(cleaned) == ["tags", "comments"]


def test_clean_list_between_inline_related_lines_stays() -> None:
    raw = (
        "Here are the best deals we found this morning:\n"
        "1) Wireless headphones with noise cancelling\n"
        "https://shop.example/h1\n"
        "RELATED: The best phones of the year…\n"
        "2) A robot vacuum for small flats\n"
        "https://shop.example/v2\n"
        "3) Electric kettle (1.7 litres)\n"
        "Read more\n"
        "Show comments\n"
        "Tags: Deals, Tech\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("https://shop.example/v2\n3) Electric kettle (1.7 litres)")
    assert "1) Wireless headphones" in cleaned.text
    assert reasons(cleaned) == ["related", "related", "comments", "tags"]


def test_clean_cjk_sentences_are_body() -> None:
    raw = (
        "東京都は月曜日、新しい防災計画を発表した。\n"
        "計画では、避難所の数を二倍に増やす。\n"
        "知事は記者会見で「準備は十分だ」と述べた。\n"
        "Typhoon season starts early as…\n"
        "Rail strike called off after…\n"
        "Tokyo Marathon 2025: what to know…\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("知事は記者会見で「準備は十分だ」と述べた。")
    assert cleaned.text.startswith("東京都は月曜日")
    assert reasons(cleaned) == ["teaser-list"]


def test_clean_last_paragraph_after_advertisement_stays() -> None:
    raw = (
        "Officials said the vote was close and a recount was possible.\n"
        "Advertisement\n"
        "A recount would begin next week\n"
        "Both sides said they would accept the result.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.endswith(
        "A recount would begin next week\nBoth sides said they would accept the result."
    )
    assert reasons(cleaned) == ["advertisement"]


def test_clean_article_text_that_looks_like_boilerplate_stays() -> None:
    raw = (
        "Facebook uses cookies to track people across the web, the regulator's report found.\n"
        "The draft rules say:\n"
        "(a) the data must be deleted;\n"
        "(b) users must be told;\n"
        "(c) fines apply.\n"
        "More than 40 complaints were filed last year.\n"
        "Copyright lawsuits filed in 2023 rose sharply, lawyers said.\n"
        "Published in 2019, the earlier report found similar problems.\n"
        "By Tuesday, the company had not replied.\n"
        "Share this information, please?\n"
        "She paused. “I don't know…”\n"
        "He waited...\n"
        "Nobody answered.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.removed == []
    assert cleaned.text == raw.strip()
    assert cleaned.authors == []


def test_clean_crlf_line_ends() -> None:
    raw = (
        "Share\r\nEmail\r\n"
        "The river burst its banks overnight, flooding hundreds of homes.\r\n"
        "Copyright © 2025 Riverside News\r\n"
    )
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text == "The river burst its banks overnight, flooding hundreds of homes."
    old_mac = raw.replace("\r\n", "\r")
    assert clean_text(old_mac).text == cleaned.text
    assert reasons(clean_text(old_mac)) == reasons(cleaned) == ["share-prompt", "copyright"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe, Reuters", ["Jane Doe"]),
        ("By JANE DOE Associated Press", ["Jane Doe"]),
        ("By Jane Doe, Matt Smith & Ann Lee, CNN", ["Jane Doe", "Matt Smith", "Ann Lee"]),
        ("By Jane Doe in Kabul", ["Jane Doe"]),
        ("Written by Sarah Connor, Staff Writer", ["Sarah Connor"]),
        ("By Mary O'Neil | The Herald", ["Mary O'Neil"]),
        ("By Reuters staff", []),
    ],
)
def test_clean_byline_forms(line: str, authors: list[str]) -> None:
    raw = f"{line}\nThe mayor resigned on Monday after a week of protests outside city hall.\n"
    cleaned = clean_text(raw)
    assert cleaned.authors == authors
    assert reasons(cleaned) == ["byline"]
    assert cleaned.text.startswith("The mayor resigned")


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (Reuters) - The U.S. Senate", "WASHINGTON (Reuters) -"),
        ("LONDON, Nov 18 (Reuters) - Britain's", "LONDON, Nov 18 (Reuters) -"),
        ("Kabul, Afghanistan (CNN)—The Taliban", "Kabul, Afghanistan (CNN)—"),
        ("NEW YORK — Stocks", "NEW YORK —"),
        ("The U.S. Senate", None),
    ],
)
def test_clean_dateline_forms(opening: str, dateline: str | None) -> None:
    raw = f"{opening} voted on Tuesday to extend the program for another year.\n"
    cleaned = clean_text(raw)
    assert cleaned.dateline == dateline
    assert cleaned.text == raw.strip()


def test_clean_empty_and_whitespace_input() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\n\t\n").text == ""
    only_junk = clean_text("Share this article\nAdvertisement\n")
    assert only_junk.text == ""
    assert reasons(only_junk) == ["share-prompt", "advertisement"]


@pytest.mark.parametrize(
    "raw",
    [
        "a" * 1_000_000,
        '"' * 100_000,
        "“x”\n" * 50_000,
        "." * 1_000_000,
        "…" * 300_000,
        "\n" * 500_000,
        "Related\nSomething happened…\n" * 20_000,
        "Updated " + "1" * 60 + "x",
        "By " * 200_000,
        "NEW YORK —" * 50_000,
    ],
    ids=[
        "long-line",
        "quotes",
        "quote-lines",
        "dots",
        "ellipses",
        "newlines",
        "teasers",
        "digits",
        "by",
        "dash",
    ],
)
def test_clean_pathological_input_stays_fast(raw: str) -> None:
    """No pattern backtracks without bound: a catastrophic one takes minutes on these inputs. The
    bound is on this process's CPU time, which other work on the machine does not inflate."""
    started = time.process_time()
    cleaned = clean_text(raw)
    assert time.process_time() - started < 3.0
    check_offsets(raw, cleaned)


@pytest.mark.shared
def test_clean_example_article_body_ends_before_teasers(shared: Path) -> None:
    raw = (shared / "examples" / "doha-talks.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "examples" / "doha-talks.gold.json").read_text(encoding="utf-8"))
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.endswith("following nearly four decades of fighting.")
    assert len(cleaned.text) == gold["body_end"]
    assert [w for w in gold["must_not_extract"] if w in cleaned.text] == []
    assert cleaned.removed[0].text.startswith(gold["boilerplate_starts_at"])
    assert cleaned.removed[-1].reason == "teaser-list"
    assert raw[cleaned.removed[-1].end :].strip() == ""


HEADLINED = (
    "Follow us on:\n"
    "Port strike halts grain exports for a third day\n"
    "\n"
    "ODESA, Ukraine — Dock workers kept the grain terminals closed on Wednesday, and ship agents "
    "said 14 vessels were waiting to load.\n"
    "The union said talks with the port authority would resume on Friday.\n"
)


def test_clean_headline_above_the_body_is_reported_and_kept() -> None:
    cleaned = clean_text(HEADLINED)
    assert cleaned.headline == "Port strike halts grain exports for a third day"
    assert cleaned.text.startswith("Port strike halts grain exports for a third day\n")  # offsets hold
    assert "Follow us on" not in cleaned.text


@pytest.mark.parametrize(
    "first",
    [
        "WASHINGTON —",  # a dateline on its own line
        "Strike ends",  # too short to tell from a label
        # a lede that lost its full stop is not a headline
        "Dock workers at the country's three largest ports kept the grain terminals closed on Wednesday "
        "for a third day as union leaders and the port authority traded blame over pay",
    ],
)
def test_clean_headline_not_taken_from_other_first_lines(first: str) -> None:
    text = first + "\nThe union said talks with the port authority would resume on Friday, officials said.\n"
    assert clean_text(text).headline is None
    assert clean_text("Port strike halts grain exports for a third day\n").headline is None  # no body


def test_clean_headline_becomes_the_title_when_none_is_given(
    analyze_text: Callable[..., Analysis],
) -> None:
    analysis = analyze_text(HEADLINED)
    assert analysis.title == "Port strike halts grain exports for a third day"
    assert analysis.text.startswith(analysis.title)
