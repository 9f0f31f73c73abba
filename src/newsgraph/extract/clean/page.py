"""Find the article inside the visible text of a whole web page.

A scraper that hands over everything a page shows (what `html-text` or a browser's select-all
gives, one block a line) wraps the article in navigation menus, share bars, captions, lists of
other stories, comments and footers. The article is the densest run of prose among them, and
`find_page_body` finds it by the shape of the lines, never by what a site says:

1. The text is a whole page only when it carries navigation: at least `MIN_NAV_LINES` short
   link-like lines (`is_link_like`: a few words, no digits, no closing punctuation, such as
   "World", "Real Estate", "Sign In"), `MIN_NAV_RUN` of them in a row. Otherwise it is plain text
   and the plain-text stages alone clean it.
2. Each line gets a weight (`line_weights`). Prose (a line of at least `PROSE_MIN_WORDS` words
   shaped like sentences) weighs its number of words, half as much when no prose line stands next
   to it: article paragraphs follow each other, while a teaser's summary, a comment or a
   standfirst stands alone between short lines. A caption (a prose line above a photo credit, or
   ending in one) and an earlier copy of a line the page repeats are not prose. Every other line (a
   menu entry, a headline, a button, a date) costs `LINE_COST`, and a prompt announcing other
   stories ("Related", "Most Read") `PROMPT_COST`.
3. The body is the run of lines with the largest total weight (a maximum-sum segment): a few
   short lines inside the article (a subhead, "Advertisement", a small table) are bridged, a menu
   or a list of teasers is not.
4. By position: the body ends where a comment section begins (a comments marker after
   `MIN_BODY_WORDS` of prose); when the best run lies after such a marker, the best run before it
   wins if it holds that much prose. A list announced by the last paragraph (ending in ":")
   with numbered items continues the body.

When no run holds `MIN_BODY_WORDS` words of prose, there is no confident body and the text is
left to the plain-text stages: the page is never cleaned worse than by leaving it alone.
"""

from __future__ import annotations

import re

from newsgraph.extract.clean.rules import (
    BODY,
    BYLINE_KINDS,
    HEADLINE,
    JUNK,
    PROMPT,
    STRONG,
    WEAK,
    Line,
    Rules,
)

PROSE_MIN_WORDS = 5
"""Fewer words than this is never prose ("Photo: AP.", "Read more.")."""
LINE_COST = 5.0
"""What a line that is not prose costs the run holding it, in words of prose."""
PROMPT_COST = 25.0
"""What a prompt announcing other stories ("Related", "Most Read") costs."""
ALONE_FACTOR = 0.5
"""Weight of a prose line with no prose line next to it, per word."""
MIN_BODY_WORDS = 40
"""A body holds at least this many words of prose; less is no confident body."""
MIN_NAV_LINES = 10
MIN_NAV_RUN = 5
"""A whole page has this many link-like lines, this many of them in a row."""
LINK_MAX_WORDS = 4

CJK_CHARS_PER_WORD = 2.5
PAGE_CHROME = "page-chrome"
"""The reason given for the lines of a page around its article."""
HEADLINE_SCAN = 60
"""How many lines above the body are searched for the headline and bylines."""

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_LIST_ITEM = re.compile(r"(\d{1,3})\s*[.)]\s+\S")
_COMMENT_REASONS = frozenset({"comments"})
_CAPTION_REASON = "media-caption"


def size(text: str) -> float:
    """Return the length of a text in words; CJK text, written without spaces, counts
    `CJK_CHARS_PER_WORD` characters a word."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    return len(_CJK.sub(" ", text).split()) + cjk / CJK_CHARS_PER_WORD


def is_link_like(line: Line) -> bool:
    """Tell whether a line looks like a link of a menu: a few words, no digit, no punctuation at its end."""
    if line.kind not in (HEADLINE, WEAK) or _DIGIT.search(line.text):
        return False
    return size(line.text) <= LINK_MAX_WORDS


def is_whole_page(lines: list[Line]) -> bool:
    """Tell whether lines are a whole page's text: enough link-like lines, enough of them in a row."""
    total = run = longest = 0
    for line in lines:
        if is_link_like(line):
            total += 1
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return total >= MIN_NAV_LINES and longest >= MIN_NAV_RUN


def _prose_flags(lines: list[Line], rules: Rules) -> list[bool]:
    """Mark the prose lines: sentence-shaped, not a caption, not an earlier copy of a repeated line."""
    last_copy = {line.text: i for i, line in enumerate(lines)}
    flags = []
    for i, line in enumerate(lines):
        prose = line.kind == BODY and size(line.text) >= PROSE_MIN_WORDS and last_copy[line.text] == i
        flags.append(prose and not _is_caption(lines, i, rules))
    return flags


def _is_caption(lines: list[Line], i: int, rules: Rules) -> bool:
    """Tell whether the prose line `i` is a photo caption: a credit ends it or stands below it."""
    if rules.caption_credit.search(lines[i].text[-120:]):
        return True
    below = lines[i + 1] if i + 1 < len(lines) else None
    return below is not None and below.kind in (STRONG, WEAK) and below.reason == _CAPTION_REASON


def line_weights(lines: list[Line], rules: Rules) -> list[float]:
    """Return each line's weight: its words when it is prose (halved when alone), else a cost."""
    prose = _prose_flags(lines, rules)
    last = len(lines) - 1
    weights = []
    for i, line in enumerate(lines):
        if prose[i]:
            beside = (i > 0 and prose[i - 1]) or (i < last and prose[i + 1])
            weights.append(size(line.text) * (1.0 if beside else ALONE_FACTOR))
        elif line.kind == PROMPT:
            weights.append(-PROMPT_COST)
        else:
            weights.append(-LINE_COST)
    return weights


def best_run(weights: list[float], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """Return (start, end, total) of the run of weights[lo:hi] with the largest total (Kadane)."""
    hi = len(weights) if hi is None else hi
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = weights[i], i
        else:
            total += weights[i]
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end, best


def _prose_words(lines: list[Line], weights: list[float], lo: int, hi: int) -> float:
    return sum(size(lines[i].text) for i in range(lo, hi) if weights[i] > 0)


def _before_comments(lines: list[Line], weights: list[float], lo: int, hi: int) -> tuple[int, int]:
    """Return the best run before a comment section when the best run of all lies inside one."""
    first = next((i for i in range(lo) if _is_marker(lines[i], _COMMENT_REASONS)), None)
    if first is not None:
        start, end, _ = best_run(weights, 0, first)
        if _prose_words(lines, weights, start, end) >= MIN_BODY_WORDS:
            return start, end
    return lo, hi


def _end_at_marker(lines: list[Line], weights: list[float], lo: int, hi: int) -> int:
    """Return where the body ends: at a comments marker after enough prose ("6 thoughts on …"), else `hi`."""
    prose = 0.0
    for i in range(lo, hi):
        if prose >= MIN_BODY_WORDS and _is_marker(lines[i], _COMMENT_REASONS):
            return _trim_end(weights, lo, i)
        if weights[i] > 0:
            prose += size(lines[i].text)
    return hi


def _is_marker(line: Line, reasons: frozenset[str]) -> bool:
    """Tell a boilerplate line of one of these reasons that holds a letter (not a counter "1 / 7")."""
    return line.kind in (STRONG, WEAK) and line.reason in reasons and _LETTER.search(line.text) is not None


def _trim_end(weights: list[float], lo: int, hi: int) -> int:
    while hi > lo + 1 and weights[hi - 1] <= 0:
        hi -= 1
    return hi


def _announced_list_end(lines: list[Line], hi: int) -> int:
    """Return the end of a numbered list that the body's last line announces (ending in ":").

    Items must count 1, 2, 3 … from the line after the body; the lines between two items (a link,
    a price) repeat with the period of the first two, and the list ends one period after its last
    item, or at the first boilerplate line.
    """
    if hi >= len(lines) or not lines[hi - 1].text.endswith(":"):
        return hi
    items: list[int] = []
    for i in range(hi, len(lines)):
        if lines[i].kind in JUNK:
            break
        match = _LIST_ITEM.match(lines[i].text)
        if match and int(match.group(1)) == len(items) + 1:
            items.append(i)
        elif not items or i - items[-1] >= (items[1] - items[0] if len(items) > 1 else 2):
            break
    if len(items) < 2:
        return hi
    end = min(len(lines), items[-1] + items[1] - items[0])
    return next((j for j in range(items[-1] + 1, end) if lines[j].kind in JUNK), end)


def find_page_body(lines: list[Line], rules: Rules) -> tuple[int, int] | None:
    """Return (start, end) of the article's lines in a whole page's lines, or None.

    None when the lines are not a whole page (too little navigation) or no run of lines holds
    `MIN_BODY_WORDS` words of prose.
    """
    if not is_whole_page(lines):
        return None
    weights = line_weights(lines, rules)
    lo, hi, _ = best_run(weights)
    lo, hi = _before_comments(lines, weights, lo, hi)
    if _prose_words(lines, weights, lo, hi) < MIN_BODY_WORDS:
        return None
    hi = _end_at_marker(lines, weights, lo, hi)
    return lo, _announced_list_end(lines, hi)


def find_header_bylines(lines: list[Line], rules: Rules, lo: int, authors: list[str]) -> None:
    """Add the authors of bylines standing above the body ("By Jane Doe") to `authors`."""
    for line in lines[max(0, lo - HEADLINE_SCAN) : lo]:
        names = rules.byline(line.text) if line.kind in BYLINE_KINDS else None
        if names:
            authors.extend(n for n in names if n not in authors)


def page_headline(lines: list[Line], lo: int) -> int | None:
    """Return the index of the article's headline above the body: the nearest line opening the page's title.

    A page's text starts with its document title ("Headline | Site"); the headline stands
    again just above the article.
    """
    if lo < 2:
        return None
    title = lines[0].text
    for i in range(lo - 1, max(0, lo - HEADLINE_SCAN), -1):
        line = lines[i]
        if line.kind == HEADLINE and size(line.text) >= 3 and title.startswith(line.text):
            return i
    return None
