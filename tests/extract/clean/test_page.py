"""Whole-page text: the article found inside a page's visible text (`newsgraph.extract.clean.page`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsgraph.extract.clean import clean_text
from newsgraph.extract.clean.page import (
    ALONE_FACTOR,
    LINE_COST,
    PAGE_CHROME,
    PROMPT_COST,
    best_run,
    find_page_body,
    is_whole_page,
    line_weights,
    size,
)
from newsgraph.extract.clean.rules import load_rules, split_lines
from tests.support.checks import check_offsets

MENU = [
    "Skip to main content",
    "Menu",
    "Sign In",
    "Subscribe",
    "Riverside Tribune",
    "News",
    "Local",
    "World",
    "Politics",
    "Business",
    "Sports",
    "Opinion",
    "Weather",
    "Obituaries",
]
FOOTER = ["About Us", "Contact Us", "Careers", "Privacy Policy", "Terms of Service", "Follow us", "Facebook"]
PARAGRAPHS = [
    "MILLBROOK — The county board voted 5-2 on Tuesday to close the Elm Street bridge for repairs, "
    "sending about 9,000 drivers a day on a detour through the town centre.",
    "Engineers found cracks in two of the bridge's steel beams during an inspection in March, "
    "according to a report presented at the meeting.",
    "“We cannot wait for the next inspection and hope for the best,” board chair Ruth Okafor said.",
    "The repairs are expected to take four months and cost $2.3 million, most of it from a state fund.",
    "Business owners on Main Street said the detour could bring them more customers, though some "
    "worried about parking.",
]
RELATED = [
    "Related Stories",
    "School board approves new bus routes for the fall",
    "The changes affect about 400 students in the northern district and take effect in September.",
    "Library extends weekend hours through the summer",
    "Officials said the longer hours were paid for by a grant from a local foundation.",
    "Farmers market returns to the old rail depot",
    "More than 30 vendors signed up for the first Saturday of the season, organisers said.",
]
COMMENTS = [
    "3 thoughts on “Bridge to close for four months after cracks found”",
    "river_walker",
    "June 4, 2024 at 9:12 am",
    "About time. I drive over that bridge twice a day and the potholes alone should have told them "
    "something was wrong years ago, long before any engineer looked at the beams.",
    "The board has known about the state of that bridge since at least the last election, when "
    "two of its members promised to fix it within a year and then voted the money to the stadium.",
    "And now the drivers of the whole county will pay for it with their time, every single day.",
    "Reply",
    "M. Tanaka",
    "June 4, 2024 at 10:40 am",
    "The detour through the centre will be a mess at school time. Did anybody on the board think "
    "about the buses, the parents and the crossing guards who will have to deal with it every day?",
    "I asked at the meeting and nobody could tell me where the school buses are supposed to turn "
    "around once the bridge is closed, which does not fill me with confidence about the plan.",
    "Reply",
]


def page(*blocks: list[str]) -> str:
    return "\n".join(line for block in blocks for line in block) + "\n"


HEADER = [
    "Bridge to close for four months after cracks found | Riverside Tribune",
    *MENU,
    "Home › Local",
    "Bridge to close for four months after cracks found",
    "By Dana Whitfield",
    "Published June 4, 2024",
    "Share",
    "Tweet",
    "Email",
    "An inspector looks at the underside of the Elm Street bridge during the spring inspection in March.",
    "Photo: Riverside Tribune",
]


def test_clean_page_keeps_exactly_the_article() -> None:
    raw = page(HEADER, PARAGRAPHS, ["Advertisement"], RELATED, FOOTER, ["© 2024 Riverside Tribune"])
    cleaned = clean_text(raw)
    check_offsets(raw, cleaned)
    assert cleaned.text.split("\n") == PARAGRAPHS
    assert cleaned.headline == "Bridge to close for four months after cracks found"
    assert cleaned.authors == ["Dana Whitfield"]
    assert cleaned.dateline == "MILLBROOK —"
    assert cleaned.date_lines == ["Published June 4, 2024"]  # between the headline and the body
    assert cleaned.removed[0].reason == PAGE_CHROME
    assert cleaned.removed[0].text.startswith("Bridge to close") and cleaned.removed[0].text.endswith(
        "Tribune"
    )
    assert cleaned.removed[-1].reason == PAGE_CHROME and cleaned.removed[-1].text.endswith(
        "© 2024 Riverside Tribune"
    )


def test_clean_page_date_lines_above_the_headline_are_not_the_article_s() -> None:
    teasers = [
        "Most Read",
        "Library extends weekend hours",
        "May 15, 2017",
        "Farmers market returns",
        "June 1, 2024",
    ]
    header = [HEADER[0], *MENU, *teasers, *HEADER[len(MENU) + 2 :]]
    assert clean_text(page(header, PARAGRAPHS, FOOTER)).date_lines == ["Published June 4, 2024"]
    no_headline = [line for line in header if line != "Bridge to close for four months after cracks found"]
    assert clean_text(page(no_headline, PARAGRAPHS, FOOTER)).date_lines == []


def test_clean_page_comments_longer_than_the_article_are_left_out() -> None:
    raw = page(HEADER, PARAGRAPHS[:2], ["Share", "Tweet"], COMMENTS, FOOTER)
    assert clean_text(raw).text.split("\n") == PARAGRAPHS[:2]


def test_clean_page_teaser_summaries_standing_alone_are_left_out() -> None:
    summaries = [
        "Related Stories",
        *(
            line
            for i in range(6)
            for line in (
                f"Council weighs plan number {i + 1} for the old rail depot",
                f"Officials said proposal {i + 1} would be discussed again at the next meeting of the "
                "council, after residents asked for more time to read it.",
            )
        ),
    ]
    raw = page(HEADER, PARAGRAPHS[:3], summaries, FOOTER)
    assert clean_text(raw).text.split("\n") == PARAGRAPHS[:3]


def test_clean_page_inline_chrome_between_paragraphs_is_bridged_and_cut() -> None:
    body = [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "Advertisement",
        "READ MORE: Library extends weekend hours",
        *PARAGRAPHS[2:],
    ]
    cleaned = clean_text(page(HEADER, body, FOOTER))
    assert cleaned.text.split("\n") == PARAGRAPHS


def test_clean_page_numbered_list_announced_by_the_text_stays() -> None:
    body = [
        *PARAGRAPHS[:3],
        "The detour adds three stops to the route, the county said:",
        "1) Oak Avenue at the school",
        "2) Market Square",
        "3) The rail depot",
    ]
    cleaned = clean_text(page(HEADER, body, RELATED, FOOTER))
    assert cleaned.text.split("\n") == body


def test_clean_page_plain_article_is_not_a_page() -> None:
    text = page(
        ["Share", "Tweet"],
        PARAGRAPHS,
        ["Related", "Library extends weekend hours…", "Farmers market returns…"],
    )
    lines = split_lines(text, load_rules())
    assert not is_whole_page(lines)
    assert find_page_body(lines, load_rules()) is None
    assert clean_text(text).text.split("\n") == PARAGRAPHS


def test_clean_page_without_a_confident_body_cuts_no_page_chrome() -> None:
    raw = page(HEADER, ["The bridge closes on Monday."], RELATED[:2], FOOTER)
    cleaned = clean_text(raw)
    assert PAGE_CHROME not in {span.reason for span in cleaned.removed}
    assert "The bridge closes on Monday." in cleaned.text


ALONE = "Officials said the proposal would be discussed again at the next meeting."


def test_clean_page_line_weights_by_shape() -> None:
    lines = split_lines(
        page(
            ["World", "Related", "Council weighs plan for the old rail depot"],
            [ALONE],
            ["Share", *PARAGRAPHS[1:3]],
        ),
        load_rules(),
    )
    weights = line_weights(lines, load_rules())
    assert weights[:3] == [-LINE_COST, -PROMPT_COST, -LINE_COST]
    assert weights[3] == ALONE_FACTOR * size(ALONE) == 6
    assert weights[4:] == [-LINE_COST, size(PARAGRAPHS[1]), size(PARAGRAPHS[2])]


def test_clean_page_captions_and_earlier_copies_are_not_prose() -> None:
    caption = "An inspector looks at the underside of the Elm Street bridge during the spring inspection."
    lines = split_lines(
        page([caption, "Photo: Riverside Tribune", PARAGRAPHS[0]], PARAGRAPHS[:2]),
        load_rules(),
    )
    weights = line_weights(lines, load_rules())
    assert weights[0] == -LINE_COST  # a caption: a credit stands below it
    assert weights[2] == -LINE_COST  # the first paragraph repeated as a standfirst
    assert weights[3:] == [size(PARAGRAPHS[0]), size(PARAGRAPHS[1])]
    credited = split_lines(f"{caption} (AP Photo/Jane Doe)\n{PARAGRAPHS[0]}\n", load_rules())
    assert line_weights(credited, load_rules())[0] == -LINE_COST


def test_clean_page_best_run_bridges_short_gaps_not_long_ones() -> None:
    assert best_run([-5, 30, -5, 20, -5, -5, -5, -5, -5, -5, 10]) == (1, 4, 45)
    assert best_run([-5, -5]) == (0, 0, 0.0)


def test_clean_page_size_counts_words_and_cjk_characters() -> None:
    assert size("The bridge closes on Monday.") == 5
    assert size("東京都の橋") == 2  # five characters, 2.5 a word


@pytest.mark.shared
def test_clean_page_never_worse_than_the_page_itself(shared: Path) -> None:
    """On every dev page, the cleaned text scores at least what the raw page scores."""
    sys.path.insert(0, str(shared / "eval" / "extract"))
    from score import aggregate, doc_counts  # type: ignore[import-not-found]

    folder = shared / "data" / "extract_page"
    pages = [json.loads(line) for line in (folder / "input.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {
        r["id"]: r["text"]
        for r in map(json.loads, (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines())
    }
    for record in pages:
        truth = gold[record["id"]]
        before = aggregate([doc_counts(truth, record["text"], 4)])[0]
        after = aggregate([doc_counts(truth, clean_text(record["text"]).text, 4)])[0]
        assert after >= before, record["id"]
