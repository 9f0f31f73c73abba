"""The stages that find the article inside plain text: head, bylines, tail, inline cuts, dateline.

Each stage reads the classified lines (`rules.split_lines`) and records what to cut in `cut`
(line index → reason); `newsgraph.extract.clean.clean_text` runs them in order.
"""

from __future__ import annotations

import re

from newsgraph.extract.clean.rules import (
    BODY,
    BYLINE_KINDS,
    END_REASONS,
    HEADLINE,
    JUNK,
    NEUTRAL,
    PROMPT,
    SEP,
    SHORT,
    STRONG,
    TAILABLE,
    TEASER,
    TRUNC,
    WEAK,
    Line,
    Rules,
)


def _teaser_start(lines: list[Line], lo: int, hi: int, *, min_trunc: int, share: float) -> int | None:
    """Return where a run of teaser lines in lines[lo:hi] (short lines only) begins, or None.

    The whole run counts when enough of it is truncated; otherwise only from its first truncated
    line, so a genuine list (tour dates, a table) before a few teasers stays.
    """
    short = [i for i in range(lo, hi) if lines[i].kind in SHORT]
    trunc = [i for i in short if lines[i].kind == TRUNC]
    if len(trunc) < min_trunc:
        return None
    if len(trunc) >= share * len(short):
        return short[0]
    return trunc[0]


def find_tail(lines: list[Line], body_start: int, rules: Rules) -> int:
    """Return the index of the first line of the tail (len(lines) when there is none).

    The candidate tail is the longest run at the end made of boilerplate, prompts, short lines
    and short paragraphs. It is walked backwards; the tail may begin at a boilerplate line or a
    prompt, or where a run of truncated teasers begins. Short lines in it must be accounted for:
    a prompt above them announces them, or enough of them are truncated to be teasers; any other
    run of short lines (a list, a table, subheads) is body, and the walk stops there. A short
    paragraph is allowed only as the summary under a teaser headline of a list that a prompt
    announces ("More from …"); any other paragraph stops the walk too.
    """
    n = len(lines)
    first = n
    while first > body_start and _tailable(lines[first - 1], rules):
        first -= 1
    anchor = n
    pending = False  # summaries seen below, waiting for the prompt of their list
    shorts = 0  # headline-like lines seen since the last prompt
    run_end = -1  # end of the run of short lines being walked, or -1
    k = n - 1
    while k >= first:
        kind = lines[k].kind
        if kind in SHORT:
            shorts += 1
            run_end = k + 1 if run_end < 0 else run_end
            k -= 1
            continue
        if kind in NEUTRAL:
            k -= 1
            continue
        summary = kind == BODY and k - 1 >= first and lines[k - 1].kind in SHORT
        if run_end >= 0 and kind != PROMPT and not pending and not summary:
            if _between_tail_blocks(lines, k, run_end):
                anchor = k + 1
            else:
                start = _teaser_start(lines, k + 1, run_end, min_trunc=2, share=0.5)
                if start is None:
                    break  # short lines no prompt announces and few of them cut off: body
                anchor = start
                if start > k + 1:
                    break  # the run turns into teasers only below its first lines
        run_end = -1
        if kind == BODY:
            if not summary:
                break
            pending = True
        elif kind == PROMPT:
            if pending and shorts < 2:
                break
            pending, shorts, anchor = False, 0, k
        elif not pending:
            anchor = k
        k -= 1
    else:
        if run_end >= 0 and not pending:
            start = _teaser_start(lines, first, run_end, min_trunc=2, share=0.5)
            anchor = anchor if start is None else start
    return anchor


def _between_tail_blocks(lines: list[Line], above: int, run_end: int) -> bool:
    """Tell whether the short lines lines[above + 1:run_end] sit between two pieces of page tail.

    Above them stands boilerplate of the page's end (a follow prompt, tags, a copyright line;
    not an inline "READ MORE", advertisement or "Continue reading", which body text surrounds),
    and below them more boilerplate or the end of the text: such lines list other stories.
    """
    top = lines[above]
    if top.kind not in {STRONG, WEAK} or top.reason not in END_REASONS:
        return False
    return run_end == len(lines) or lines[run_end].kind in JUNK


def _tailable(line: Line, rules: Rules) -> bool:
    """Tell whether a line may stand in the tail: anything but a long paragraph."""
    return line.kind in TAILABLE or (line.kind == BODY and len(line.text) <= rules.teaser_max_chars)


def find_head(lines: list[Line], rules: Rules, authors: list[str]) -> tuple[int, dict[int, str]]:
    """Return the index of the first body line and the reasons of the head's cut lines."""
    cut: dict[int, str] = {}
    i = 0
    seen = 0
    while i < len(lines) and seen < rules.head_max_lines:
        line = lines[i]
        seen += 1
        names = rules.byline(line.text) if line.kind in BYLINE_KINDS else None
        if names is not None:
            authors.extend(n for n in names if n not in authors)
            cut[i] = "byline"
        elif line.kind in {STRONG, WEAK}:
            cut[i] = line.reason
        elif line.kind == SEP:
            cut[i] = "navigation"
        else:
            break
        i += 1
    return i, cut


def find_bylines_after_title(
    lines: list[Line], rules: Rules, start: int, authors: list[str], cut: dict[int, str]
) -> None:
    """Cut a byline standing just below the headline, or among the first lines of text."""
    seen = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if i in cut:
            continue
        seen += 1
        if seen > 3:
            return
        names = rules.byline(line.text) if line.kind in BYLINE_KINDS else None
        if names is not None:
            authors.extend(n for n in names if n not in authors)
            cut[i] = "byline"


def cut_body(lines: list[Line], lo: int, hi: int, cut: dict[int, str]) -> None:
    """Mark the boilerplate inside the body lines[lo:hi]."""
    i = lo
    while i < hi:
        line = lines[i]
        if line.kind == PROMPT:
            j = i + 1
            while j < hi and lines[j].kind in SHORT | NEUTRAL:
                j += 1
            run = [k for k in range(i + 1, j) if lines[k].kind in SHORT]
            if len(run) >= 2 or any(lines[k].kind == TRUNC for k in run):
                cut[i] = TEASER
                for k in run:
                    cut[k] = TEASER
                i = j
                continue
        elif line.kind in SHORT:
            j = i
            while j < hi and lines[j].kind in SHORT | NEUTRAL:
                j += 1
            start = _teaser_start(lines, i, j, min_trunc=3, share=0.6)
            if start is not None:
                for k in range(start, j):
                    if lines[k].kind in SHORT:
                        cut[k] = TEASER
            i = j
            continue
        elif line.kind == STRONG:
            cut[i] = line.reason
        i += 1
    _cut_weak_clusters(lines, lo, hi, cut)


def _cut_weak_clusters(lines: list[Line], lo: int, hi: int, cut: dict[int, str]) -> None:
    """Cut weak boilerplate lines that stand in a cluster of boilerplate holding a strong one."""
    i = lo
    while i < hi:
        if lines[i].kind not in JUNK:
            i += 1
            continue
        j = i
        while j < hi and lines[j].kind in JUNK:
            j += 1
        if any(k in cut for k in range(i, j)):
            for k in range(i, j):
                if lines[k].kind == WEAK:
                    cut[k] = lines[k].reason
        i = j


def find_dateline(lines: list[Line], rules: Rules, lo: int, hi: int, cut: dict[int, str]) -> str | None:
    """Return the dateline opening one of the first kept lines ("NEW YORK (AP) —"), if any."""
    seen = 0
    for i in range(lo, hi):
        line = lines[i]
        if i in cut:
            continue
        seen += 1
        if seen > rules.dateline_search_lines:
            break
        if line.kind != BODY:
            continue
        match = rules.dateline.match(line.text[:200])
        if match is not None:
            return " ".join(match.group(0).split())
    return None


def find_headline(lines: list[Line], rules: Rules, lo: int, hi: int, cut: dict[int, str]) -> str | None:
    """Return the first kept line when it is a headline above body text, else None.

    A headline is a short line without closing punctuation (`HEADLINE` by shape) of 3 to 20 words
    and at most 150 characters (a longer one is a lede that lost its full stop), not a dateline
    standing alone ("WASHINGTON —"), followed by a body line.
    """
    kept = [i for i in range(lo, hi) if i not in cut]
    if len(kept) < 2 or lines[kept[0]].kind != HEADLINE:
        return None
    text = " ".join(lines[kept[0]].text.split())
    if not 3 <= len(text.split()) <= 20 or len(text) > 150 or text[-1] in "-–—:|/":
        return None
    if rules.dateline.match(text + " "):
        return None
    return text if any(lines[i].kind == BODY for i in kept[1:]) else None


DATE_LINE_SCAN = 15
"""How many lines above the body are searched for its date line."""
_REVISED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited|revised)\b", re.IGNORECASE)


def find_date_lines(lines: list[Line], cut: dict[int, str], after: int | None = None) -> list[str]:
    """Return the cut date lines just above the first kept line, nearest first ("Published June 4, 2024").

    They are looked for among the `DATE_LINE_SCAN` lines above it (below line `after`, if given).
    A line of when the article was updated or modified is not its publication date and is passed.
    """
    first = next((i for i in range(len(lines)) if i not in cut), None)
    if first is None:
        return []
    low = max(-1, first - 1 - DATE_LINE_SCAN, -1 if after is None else after)
    return [
        lines[i].text
        for i in range(first - 1, low, -1)
        if lines[i].kind in (STRONG, WEAK)
        and lines[i].reason == "timestamp"
        and not _REVISED.match(lines[i].text)
    ]
