"""Boilerplate removal for plain text scraped from news pages.

Scraped text carries the page around the article: breadcrumbs and share bars above it, "READ
MORE: …" lines and advertisements inside it, and after it follow prompts, newsletter and app
promotions, copyright lines and lists of teaser headlines of other stories. `clean_text` cuts
these by the FORM of each line, never by what a particular site or story says:

1. Every line is classified once: a boilerplate pattern from `lexicons/boilerplate.json`
   (`strong`: cut anywhere; `weak`, such as a bare "Share" or "Instagram": cut only in the page
   head, in the tail or beside a strong line), a teaser prompt ("Related", "Most Read", "More
   from …"), a truncated teaser (a short line ending in "…" or "..."), a headline-like short
   line without closing punctuation, a separator, or body text.
2. The head is the run of boilerplate lines before the first line of text; bylines found there
   ("By Jane Doe, Reuters") are cut and their names kept as `Cleaned.authors`.
3. The tail is found walking back from the end over boilerplate, prompts and short lines. It
   starts at a boilerplate line, a prompt, or a run of truncated teasers; a run of short lines
   that no prompt announces and that is not mostly truncated (a list, a table, subheads) is
   body and ends the walk, and so does any paragraph except the summaries under the
   headlines of an announced list. Short body lines before the tail therefore stay.
4. Inside the body, strong lines are cut, and a prompt with the teaser run that follows it.

A dateline ("NEW YORK (AP) —") at the start of the first paragraph is recorded in
`Cleaned.dateline` and left in the text, so the first sentence stays whole. Every cut is
reported as a `Removed` with offsets into the raw input (`raw[start:end] == removed.text`).
Matching is line by line with patterns applied only to lines of bounded length, so the cost
is linear in the input, whatever it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.clean.page import PAGE_CHROME, find_header_bylines, find_page_body, page_headline
from newsgraph.extract.clean.rules import BODY, JUNK, SEP, SHORT, TEASER, Line, Rules, load_rules, split_lines
from newsgraph.extract.clean.text import (
    cut_body,
    find_bylines_after_title,
    find_date_lines,
    find_dateline,
    find_head,
    find_headline,
    find_tail,
)
from newsgraph.models import Removed

__all__ = ["Cleaned", "clean_text"]


@dataclass(slots=True)
class Cleaned:
    """The article body left after cleaning, and what was cut from the raw text."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    headline: str | None = None
    """The first kept line when it reads as a headline (it stays in `text`)."""
    date_lines: list[str] = field(default_factory=list)
    """Date lines of the article's header ("Published June 4, 2024"), cut from the text, nearest
    to the body first. In a whole page, only those between the headline and the body (a date
    above the headline may be another story's)."""


def _removed_spans(raw: str, lines: list[Line], cut: dict[int, str]) -> list[Removed]:
    """Group cut lines into spans: consecutive lines (blank lines between) with one reason."""
    groups: list[tuple[int, int, str]] = []
    current: tuple[int, int, str] | None = None
    for i, line in enumerate(lines):
        reason = cut.get(i)
        if current is not None and reason == current[2]:
            current = (current[0], line.end, current[2])
            continue
        if current is not None:
            groups.append(current)
        current = None if reason is None else (line.start, line.end, reason)
    if current is not None:
        groups.append(current)
    return [Removed(start=s, end=e, reason=r, text=raw[s:e]) for s, e, r in groups]


def _join_kept(raw: str, lines: list[Line], cut: dict[int, str]) -> str:
    """Join the kept lines, keeping the raw text between neighbours and "\\n"/"\\n\\n" across cuts."""
    parts: list[str] = []
    previous: Line | None = None
    gap_cut = False
    gap_blank = False
    for i, line in enumerate(lines):
        gap_blank = gap_blank or line.blank_before
        if i in cut:
            gap_cut = True
            continue
        if previous is not None:
            if gap_cut:
                parts.append("\n\n" if gap_blank else "\n")
            else:
                parts.append(raw[previous.end : line.start])
        parts.append(line.text)
        previous, gap_cut, gap_blank = line, False, False
    return "".join(parts)


def clean_text(raw: str) -> Cleaned:
    """Return the article body of `raw` with boilerplate removed and reported.

    Args:
        raw: the plain text of a scraped article, or the whole visible text of its page (line
            ends "\\n"; "\\r\\n" is tolerated).

    Returns:
        The kept body (stripped), every cut stretch with its reason and raw offsets, the authors
        of a recognised byline and the dateline opening the body, if any.
    """
    rules = load_rules()
    lines = split_lines(raw, rules)
    authors: list[str] = []
    region = find_page_body(lines, rules)
    lo, hi = region or (0, len(lines))
    cut = dict.fromkeys([*range(lo), *range(hi, len(lines))], PAGE_CHROME)
    title_at = None
    if region is not None:
        find_header_bylines(lines, rules, lo, authors)
        title_at = page_headline(lines, lo)
    body = lines[lo:hi]
    body_cut, dateline, headline = _clean_body(body, rules, authors)
    cut.update((lo + i, reason) for i, reason in body_cut.items())
    return Cleaned(
        text=_join_kept(raw, lines, cut).strip(),
        removed=_removed_spans(raw, lines, cut),
        authors=authors,
        dateline=dateline,
        headline=headline if region is None else _text_of(lines, title_at) or headline,
        date_lines=find_date_lines(lines, cut, after=title_at)
        if region is None or title_at is not None
        else [],
    )


def _text_of(lines: list[Line], i: int | None) -> str | None:
    return None if i is None else " ".join(lines[i].text.split())


def _clean_body(
    lines: list[Line], rules: Rules, authors: list[str]
) -> tuple[dict[int, str], str | None, str | None]:
    """Run the plain-text stages over the article's lines; return the cuts, dateline and headline."""
    body_start, cut = find_head(lines, rules, authors)
    find_bylines_after_title(lines, rules, body_start, authors, cut)
    tail = find_tail(lines, body_start, rules)
    for i in range(tail, len(lines)):
        kind = lines[i].kind
        if kind in JUNK:
            cut[i] = lines[i].reason or TEASER
        elif kind in SHORT or kind == BODY:
            cut[i] = TEASER
        elif kind == SEP:
            cut[i] = "navigation"
    cut_body(lines, body_start, tail, cut)
    dateline = find_dateline(lines, rules, body_start, tail, cut)
    return cut, dateline, find_headline(lines, rules, body_start, tail, cut)
