"""Publication dates recovered when the input states none (`newsgraph.extract.published`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract.clean import clean_text
from newsgraph.extract.pipeline import analyze_stream, find_published
from newsgraph.extract.published import date_from_lede, date_from_url, recover_published
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle
from newsgraph.sources.html import extract_html
from newsgraph.sources.read import parse_jsonl_record

BODY = (
    "Health officials confirmed two more cases of the virus in the northern province, bringing the "
    "total this year to 14, the ministry said in a statement.\n"
    "Schools in the affected districts will stay closed until the end of the week."
)


def recovered(text: str, url: str | None = None) -> tuple[str, str] | None:
    return find_published(RawArticle(text=text, url=url), clean_text(text))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/world/2006/02/18/bird-flu-reaches-egypt.html", date(2006, 2, 18)),
        ("https://example.org/news/2021/7/8/port-strike", date(2021, 7, 8)),
        ("https://example.org/story/2021-07-18-talks-resume", date(2021, 7, 18)),
        ("https://example.org/article_20190305_floods.html", date(2019, 3, 5)),
        ("https://example.org/world/2006/02/bird-flu", None),  # a month is not a date
        ("https://example.org/a/6202743.html", None),  # an article number
        ("https://example.org/2006/13/45/story", None),  # no such day
        ("https://example.org/story?id=20060218", None),  # only the path counts
    ],
)
def test_published_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_published_from_url_before_the_text() -> None:
    assert recovered(BODY, "https://example.org/2006/02/18/cases") == ("2006-02-18", "url")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"WASHINGTON, Feb. 17, 2006 (AP) — {BODY}", "2006-02-17"),
        (f"LAGOS, Nigeria, 3 March 2021 — {BODY}", "2021-03-03"),
        (f"Wednesday, March 1, 2006\n\n{BODY}", "2006-03-01"),  # a first line that is only a date
        (f"By Jane Doe\nPublished June 4, 2024\n{BODY}", "2024-06-04"),  # the header's date line
        (f"Posted on: 2019-11-20 05:47\n{BODY}", "2019-11-20"),
    ],
)
def test_published_from_dateline(text: str, expected: str) -> None:
    assert recovered(text) == (expected, "dateline")


def test_published_date_lines_that_disagree_give_none() -> None:
    text = f"May 15, 2017\nOctober 18, 2019\n{BODY}"  # the dates of a list of other stories
    assert recovered(text) is None


def test_published_updated_line_is_not_the_publication_date() -> None:
    assert recovered(f"Updated June 9, 2024\n{BODY}") is None


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("Yesterday, February 17, 2006, the World Health Organisation declared", date(2006, 2, 18)),
        ("Yesterday February 17, 2006, the World Health Organisation declared", date(2006, 2, 18)),
        ("Last night (Saturday, 4 March 2006) police closed the bridge", date(2006, 3, 5)),
        ("Today, March 1, 2006, the council voted to close the bridge", date(2006, 3, 1)),
        ("The goose was discovered on February 25, 2008, officials said today.", None),  # an event
        ("Jobs, born in San Francisco on February 24, 1955, built the company", None),
    ],
)
def test_published_date_from_lede(lede: str, expected: date | None) -> None:
    assert date_from_lede(f"{lede}. {BODY}") == expected


def test_published_from_lede_text() -> None:
    assert recovered(f"Yesterday, February 17, 2006, the ministry said. {BODY}") == ("2006-02-18", "text")


def test_published_event_dates_give_none() -> None:
    text = f"The outbreak began on February 25, 2008 in a farm near the border. {BODY}"
    assert recovered(text) is None
    assert recover_published(None, [], text) is None


def test_published_given_wins_and_is_labelled_given() -> None:
    raw = RawArticle(text=f"Yesterday, February 17, 2006, the ministry said. {BODY}", published="2021-07-18")
    assert find_published(raw, clean_text(raw.text)) == ("2021-07-18", "given")


PAGE = """<html><head><title>Cases rise in the north</title>
<meta property="article:published_time" content="2021-07-18T09:30:00+00:00">
</head><body><article><h1>Cases rise in the north</h1>
<p>Health officials confirmed two more cases of the virus in the northern province, bringing the total
this year to 14, the ministry said in a statement on Sunday.</p>
<p>Schools in the affected districts will stay closed until the end of the week, officials said.</p>
</article></body></html>"""


def test_published_from_html_metadata() -> None:
    item = extract_html(PAGE, origin="page.html")
    assert isinstance(item, RawArticle)
    assert item.published is not None and item.published.startswith("2021-07-18")
    assert item.published_source == "html"
    published = find_published(item, clean_text(item.text))
    assert published is not None and published[1] == "html"


def test_published_jsonl_date_overrides_the_page_and_is_given() -> None:
    import orjson

    line = orjson.dumps({"id": "a", "html": PAGE, "published": "2021-07-19"})
    item = parse_jsonl_record(line, "x.jsonl:1")
    assert isinstance(item, RawArticle)
    assert find_published(item, clean_text(item.text)) == ("2021-07-19", "given")


def test_published_recovered_date_reaches_the_analysis_and_resolves_times(
    settings: Settings, nlp: Language, analyze_text: Callable[..., Analysis]
) -> None:
    text = "Yesterday, February 17, 2006, the ministry confirmed two cases. The farm was closed on Monday."
    analysis = analyze_text(text)
    assert (analysis.published, analysis.published_source) == ("2006-02-18", "text")
    monday = next(t for t in analysis.times if t.text.endswith("Monday"))
    assert monday.value == "2006-02-13"
    undated = next(iter(analyze_stream([RawArticle(text=BODY)], settings=settings, nlp=nlp)))
    assert isinstance(undated, Analysis)
    assert (undated.published, undated.published_source) == (None, None)
