"""Find the stretches of an article enclosed in quotation marks (a helper of the quotes component).

Quotation marks are paired per paragraph (a paragraph is a line of the text), in one linear scan:

* double marks of every style: curly “ ”, low „, guillemets « » (and the reversed » « of some
  presses), and straight ``"`` or two straight single marks ``''`` (typewriter style, common in
  wire and newspaper archives), which close an open region or open a new one;
* single marks ‘ ’ and straight ``'`` only where they cannot be apostrophes: an opening single
  mark stands after a space or an opening bracket and before a letter; a closing one stands after
  a non-space character and before a space, punctuation or the paragraph end. Single marks inside
  a double-quoted region are part of its content (a nested quotation);
* a double-quoted region still open at the end of its paragraph runs to the paragraph end, and it
  continues into the next paragraph when that one opens with a quotation mark (news style for a
  quotation over several paragraphs: the opening mark is repeated, the closing mark omitted).

The scan never gives up on unbalanced text: an unmatched closing mark is ignored, an opening mark
met while a region is open ends that region and starts a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = frozenset("“„«‟〝")
_DOUBLE_CLOSE = frozenset("”»〞")
_STRAIGHT_DOUBLE = frozenset(['"', "＂", "''"])
_SINGLE_OPEN = frozenset("‘‹")
_SINGLE_CLOSE = frozenset("’›")
_STRAIGHT_SINGLE = frozenset("'")
_MARK_RE = re.compile("''|[“”„«»‟〝〞\"＂‘’‹›']")
_OPENERS_BEFORE = frozenset(" \t([{—–-/:;,")


@dataclass(slots=True)
class Region:
    """One quoted stretch of text.

    Attributes:
        start: offset of the opening mark.
        end: offset one past the closing mark (or the paragraph end when unclosed).
        inner_start: offset of the first character inside the marks.
        inner_end: offset one past the last character inside the marks.
        closed: whether a closing mark ends the region.
        single: whether single quotation marks enclose it.
        para: index of the paragraph (line) where it starts.
        continues: index of the region it continues (a quotation over several paragraphs).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    single: bool
    para: int
    continues: int | None = None


def _opens_word(text: str, i: int, line_end: int) -> bool:
    """Whether the mark at `i` is followed by a word (an opening mark) rather than a space or the end."""
    after = text[i + 1] if i + 1 < line_end else " "
    return not (after.isspace() or after in ",.;:!?)]}”»")


def _is_single_open(text: str, i: int, line_start: int, line_end: int) -> bool:
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < line_end else " "
    return (before in _OPENERS_BEFORE or before in _DOUBLE_OPEN) and (after.isalnum() or after in "…$£€")


def _is_single_close(text: str, i: int, line_start: int, line_end: int) -> bool:
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < line_end else " "
    return not before.isspace() and not after.isalnum()


def find_regions(text: str) -> list[Region]:
    """Return the quoted regions of `text` in text order (linear in the text's length)."""
    regions: list[Region] = []
    line_start = 0
    para = 0
    n = len(text)
    prev_para_open: int | None = None  # index in regions of an unclosed region ending the previous paragraph
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n
        open_at: int | None = None  # open double region: offset of its mark
        open_w = 1  # width of that mark (2 for '')
        single_at: int | None = None  # open single region (only outside double regions)
        first_region = len(regions)
        for m in _MARK_RE.finditer(text, line_start, line_end):
            i = m.start()
            ch = m.group()
            w = len(ch)
            if ch in _DOUBLE_OPEN and open_at is not None and not _opens_word(text, i, line_end):
                # „low“ (German style) or a mistyped closing mark: “ after words, before a space
                regions.append(_region(text, open_at, i + 1, closed=True, single=False, para=para, w=open_w))
                open_at = None
            elif ch in _DOUBLE_OPEN or (ch in _STRAIGHT_DOUBLE and open_at is None):
                if open_at is not None:
                    regions.append(_region(text, open_at, i, closed=False, single=False, para=para, w=open_w))
                open_at = i
                open_w = w
                single_at = None
            elif ch in _DOUBLE_CLOSE or ch in _STRAIGHT_DOUBLE:
                if open_at is not None:
                    regions.append(
                        _region(text, open_at, i + w, closed=True, single=False, para=para, w=open_w, cw=w)
                    )
                    open_at = None
                elif ch == "»" and i + 1 < line_end and text[i + 1].isalnum():
                    open_at = i  # reversed guillemets (»…«)
            elif open_at is not None:
                continue  # a single mark inside a double-quoted region is content
            elif single_at is None:
                if (ch in _SINGLE_OPEN or ch in _STRAIGHT_SINGLE) and _is_single_open(
                    text, i, line_start, line_end
                ):
                    single_at = i
            elif (ch in _SINGLE_CLOSE or ch in _STRAIGHT_SINGLE) and _is_single_close(
                text, i, line_start, line_end
            ):
                regions.append(_region(text, single_at, i + 1, closed=True, single=True, para=para))
                single_at = None
        if open_at is not None:
            end = line_end
            while end > open_at + open_w and text[end - 1].isspace():
                end -= 1
            regions.append(_region(text, open_at, end, closed=False, single=False, para=para, w=open_w))
        # A paragraph opening with a quotation mark continues the previous paragraph's open quotation.
        if prev_para_open is not None and len(regions) > first_region:
            first = regions[first_region]
            if text[line_start : first.start].strip() == "":
                first.continues = prev_para_open
        if len(regions) > first_region:
            last = regions[-1]
            prev_para_open = len(regions) - 1 if not last.closed and not last.single else None
        elif text[line_start:line_end].strip():
            prev_para_open = None  # a paragraph without quotation marks ends any quotation
        if line_end >= n:
            break
        line_start = line_end + 1
        para += 1
    return regions


def _region(
    text: str, start: int, end: int, *, closed: bool, single: bool, para: int, w: int = 1, cw: int = 1
) -> Region:
    """A region from its opening mark (`w` characters wide) to its end (after a `cw`-wide closing mark)."""
    inner_start = start + w
    inner_end = end - cw if closed else end
    inner_end = max(inner_end, inner_start)
    return Region(start, end, inner_start, inner_end, closed, single, para)
