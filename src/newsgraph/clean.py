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

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.extract.lexicons import load_json
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


# Line kinds.
SEP = "sep"  # no letter or digit: "___", "* * *", "—"
STRONG = "strong"  # boilerplate, cut anywhere
WEAK = "weak"  # boilerplate only in context
PROMPT = "prompt"  # announces a list of other stories
TRUNC = "trunc"  # short line cut off with an ellipsis: a teaser headline
HEADLINE = "headline"  # short line without closing punctuation
BODY = "body"

_NEUTRAL = frozenset({SEP})
_JUNK = frozenset({STRONG, WEAK, PROMPT})
_SHORT = frozenset({TRUNC, HEADLINE})
_TAILABLE = _NEUTRAL | _JUNK | _SHORT
_BYLINE_KINDS = _SHORT | {BODY}
_TEASER = "teaser-list"
_MEMO_SIZE = 20_000
# Boilerplate of a page's end (not the inline kind that body text surrounds, such as "READ
# MORE: …", "Advertisement" or "Continue reading").
_END_REASONS = frozenset(
    {"share-prompt", "tags", "copyright", "newsletter", "comments", "app-promo", "load-more", "cookie"}
)

_ELLIPSIS_END = re.compile(r"(?:…|\.\s?\.\s?\.)\s*$")
_SENTENCE_END = ".;,:。．，；：।۔"
_CLOSERS = "\"'”’»)]"
_HAS_ALNUM = re.compile(r"\w", re.UNICODE)
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_BREADCRUMB_SEP = re.compile(r"\s*(?:›|»|>|→|/|\|)\s*")
_BREADCRUMB_STRONG_SEP = re.compile(r"[›»→]|\s>\s")
_BYLINE_NAME_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|und|et|y|e)\s+|\s*&\s*")
_BYLINE_AFFILIATION_SPLIT = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|;|/)\s*|\s+in\s+(?=[A-Z])")
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?", re.UNICODE)
_ALPHA_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(slots=True)
class _Line:
    """One line of the raw text: the offsets of its stripped content, its kind and reason."""

    start: int
    end: int
    text: str
    kind: str
    reason: str = ""
    blank_before: bool = False


class _Rules:
    """The boilerplate lexicon compiled once: one regex per (strength, reason) and the rest."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._memo: dict[str, tuple[str, str]] = {}
        limits = data["limits"]
        self.max_pattern_chars: int = int(limits["max_pattern_chars"])
        self.teaser_max_chars: int = int(limits["teaser_max_chars"])
        self.teaser_max_words: int = int(limits["teaser_max_words"])
        self.head_max_lines: int = int(limits["head_max_lines"])
        self.byline_max_chars: int = int(limits["byline_max_chars"])
        self.dateline_search_lines: int = int(limits["dateline_search_lines"])
        networks = sorted(data["social_networks"], key=len, reverse=True)
        net = "|".join(re.escape(n) for n in networks)
        self.strong: list[tuple[str, re.Pattern[str]]] = []
        self.weak: list[tuple[str, re.Pattern[str]]] = []
        fragments = {f"<{k}>": v for k, v in data["fragments"].items() if not k.startswith("_")}
        fragments["<NETWORKS>"] = net
        for group in data["line_patterns"]:
            body = "|".join(f"(?:{_fill(p, fragments)})" for p in group["patterns"])
            pattern = re.compile(body, re.IGNORECASE)
            target = self.strong if group["strength"] == "strong" else self.weak
            target.append((group["reason"], pattern))
        self.network_list = re.compile(rf"(?:{net})(?:\s*(?:\||•|·|,|/|\s)\s*(?:{net}))+", re.IGNORECASE)
        self.network_one = re.compile(rf"(?:{net})", re.IGNORECASE)
        self.prompt = re.compile(
            "|".join(f"(?:{p})" for p in data["teaser_prompts"]) + r"(?:\s*(?:[:…>»›]+|\.{3}))?",
            re.IGNORECASE,
        )
        byline = data["byline"]
        prefixes = "|".join(re.escape(p) for p in sorted(byline["prefixes"], key=len, reverse=True))
        self.byline_prefix = re.compile(rf"(?:{prefixes})\s*:?\s+", re.IGNORECASE)
        self.affiliation_words = frozenset(w.lower() for w in byline["affiliation_words"])
        self.non_name_words = frozenset(w.lower() for w in byline["non_name_words"])
        self.name_particles = frozenset(w.lower() for w in byline["name_particles"])
        agencies = sorted(data["dateline"]["agencies"], key=len, reverse=True)
        self.agencies = frozenset(a.lower() for a in agencies)
        self.agency_suffix = re.compile(
            r"(?:,?\s+(?:" + "|".join(re.escape(a) for a in agencies) + r"))+\s*$", re.IGNORECASE
        )
        agency = "|".join(re.escape(a) for a in agencies)
        month = (
            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
            r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
        )
        caps_place = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
        title_place = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
        region = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}"
        dash = r"(?:—|–|―|--(?=\s|\w)|-(?=\s))"
        self.dateline = re.compile(
            rf"(?:(?:{caps_place})(?:,\s*{region})?(?:,\s*(?:{month}))?\s*(?:\((?:{agency})\))?"
            rf"|(?:{title_place})(?:,\s*{region})?(?:,\s*(?:{month}))?\s*\((?:{agency})\))"
            rf"\s*{dash}"
        )

    def classify(self, text: str) -> tuple[str, str]:
        """Return the kind of one stripped, non-empty line and the reason if it is boilerplate.

        Results for short lines are memoized: boilerplate lines repeat across pages and within
        a page, and a page of thousands of identical lines costs one classification.
        """
        if len(text) > self.max_pattern_chars:
            return BODY, ""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._classify(text)
        return found

    def _classify(self, text: str) -> tuple[str, str]:
        if len(text) > self.max_pattern_chars:
            return BODY, ""
        if not _HAS_ALNUM.search(text):
            return SEP, ""
        for reason, pattern in self.strong:
            if pattern.fullmatch(text):
                return STRONG, reason
        if self.prompt.fullmatch(text):
            return PROMPT, ""
        if self.network_list.fullmatch(text):
            return STRONG, "share-prompt"
        if self.network_one.fullmatch(text):
            return WEAK, "share-prompt"
        for reason, pattern in self.weak:
            if pattern.fullmatch(text):
                return WEAK, reason
        if self._is_breadcrumb(text):
            return STRONG, "breadcrumb"
        return self._shape(text), ""

    def _is_breadcrumb(self, text: str) -> bool:
        """Tell a navigation trail ("Home › World › Europe") from text."""
        if len(text) > 160:
            return False
        parts = _BREADCRUMB_SEP.split(text)
        if len(parts) < 2 or any(not p or len(p.split()) > 4 for p in parts):
            return False
        if not all(p[0].isupper() or p[0].isdigit() for p in parts):
            return False
        return bool(_BREADCRUMB_STRONG_SEP.search(text)) or parts[0].lower() in {"home", "news", "start"}

    def _shape(self, text: str) -> str:
        """Classify a line that matched no pattern by its shape: teaser, headline or body."""
        if len(text) > self.teaser_max_chars or len(text.split()) > self.teaser_max_words:
            return BODY
        if not _HAS_LETTER.search(text):
            return BODY
        if _ELLIPSIS_END.search(text):
            return TRUNC
        bare = text.rstrip(_CLOSERS)
        if not bare:
            return BODY
        last = bare[-1]
        if last in _SENTENCE_END:
            return BODY
        if last in "?!？！؟" and len(bare) < len(text):
            return BODY  # a quoted question or exclamation closing a sentence
        return HEADLINE

    def byline(self, text: str) -> list[str] | None:
        """Return the authors of a byline line ("By Jane Doe and John Roe, Reuters"), else None.

        A byline naming only an agency or desk ("By Reuters staff") gives an empty list.
        """
        if len(text) > self.byline_max_chars:
            return None
        match = self.byline_prefix.match(text)
        if match is None:
            return None
        rest = text[match.end() :].strip().rstrip(".")
        if not rest:
            return None
        head = _BYLINE_AFFILIATION_SPLIT.split(rest, maxsplit=1)[0]
        head = self.agency_suffix.sub("", head)
        pieces = [p for p in _BYLINE_NAME_SPLIT.split(head) if p]
        authors: list[str] = []
        for piece in pieces:
            if self._is_name(piece):
                authors.append(_normalize_name(piece))
            elif authors and len(piece.split()) <= 6:
                break  # an affiliation or a place after the names: "…, Reuters", "…, Kabul"
            elif not authors and self._is_affiliation(piece):
                continue  # "By Reuters staff", "By Associated Press"
            else:
                return None
        if not authors and not self._is_affiliation(head):
            return None
        return authors

    def _is_name(self, piece: str) -> bool:
        tokens = piece.split()
        if not 2 <= len(tokens) <= 5:
            return False
        if tokens[-1].lower().strip(".") in self.affiliation_words:
            return False
        capitalized = 0
        for token in tokens:
            low = token.lower()
            if low in self.name_particles:
                continue
            if low in self.non_name_words or not _NAME_TOKEN.fullmatch(token) or not token[0].isupper():
                return False
            capitalized += 1
        return capitalized >= 2

    def _is_affiliation(self, piece: str) -> bool:
        words = [w.strip(".,()").lower() for w in piece.split()]
        if not words or len(words) > 8:
            return False
        return piece.strip().lower() in self.agencies or any(w in self.affiliation_words for w in words)


def _fill(pattern: str, fragments: dict[str, str]) -> str:
    """Substitute the named fragments (`<DATE_TOKEN>`, `<NETWORKS>`) into a pattern."""
    for name, value in fragments.items():
        pattern = pattern.replace(name, value)
    return pattern


def _normalize_name(name: str) -> str:
    """Title-case a name written in capitals ("JANE DOE" → "Jane Doe"); keep others as they are."""
    name = " ".join(name.split())
    if name.upper() != name:
        return name
    return _ALPHA_RUN.sub(lambda m: m[0] if len(m[0]) == 1 else m[0][0] + m[0][1:].lower(), name)


@cache
def _rules() -> _Rules:
    return _Rules(load_json("boilerplate.json"))


def _split_lines(raw: str, rules: _Rules) -> list[_Line]:
    """Classify the non-blank lines of `raw`; a blank line sets `blank_before` on the next one.

    Lines end where `str.splitlines` ends them: "\\n", "\\r\\n", a lone "\\r", a Unicode
    line or paragraph separator, a form feed.
    """
    lines: list[_Line] = []
    append = lines.append
    classify = rules.classify
    blank = False
    pos = 0
    for segment in raw.splitlines(keepends=True):
        stripped = segment.strip()
        if stripped:
            start = pos + segment.find(stripped[0])
            kind, reason = classify(stripped)
            append(_Line(start, start + len(stripped), stripped, kind, reason, blank))
            blank = False
        else:
            blank = True
        pos += len(segment)
    return lines


def _teaser_start(lines: list[_Line], lo: int, hi: int, *, min_trunc: int, share: float) -> int | None:
    """Return where a run of teaser lines in lines[lo:hi] (short lines only) begins, or None.

    The whole run counts when enough of it is truncated; otherwise only from its first truncated
    line, so a genuine list (tour dates, a table) before a few teasers stays.
    """
    short = [i for i in range(lo, hi) if lines[i].kind in _SHORT]
    trunc = [i for i in short if lines[i].kind == TRUNC]
    if len(trunc) < min_trunc:
        return None
    if len(trunc) >= share * len(short):
        return short[0]
    return trunc[0]


def _find_tail(lines: list[_Line], body_start: int, rules: _Rules) -> int:
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
        if kind in _SHORT:
            shorts += 1
            run_end = k + 1 if run_end < 0 else run_end
            k -= 1
            continue
        if kind in _NEUTRAL:
            k -= 1
            continue
        summary = kind == BODY and k - 1 >= first and lines[k - 1].kind in _SHORT
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


def _between_tail_blocks(lines: list[_Line], above: int, run_end: int) -> bool:
    """Tell whether the short lines lines[above + 1:run_end] sit between two pieces of page tail.

    Above them stands boilerplate of the page's end (a follow prompt, tags, a copyright line;
    not an inline "READ MORE", advertisement or "Continue reading", which body text surrounds),
    and below them more boilerplate or the end of the text: such lines list other stories.
    """
    top = lines[above]
    if top.kind not in {STRONG, WEAK} or top.reason not in _END_REASONS:
        return False
    return run_end == len(lines) or lines[run_end].kind in _JUNK


def _tailable(line: _Line, rules: _Rules) -> bool:
    """Tell whether a line may stand in the tail: anything but a long paragraph."""
    return line.kind in _TAILABLE or (line.kind == BODY and len(line.text) <= rules.teaser_max_chars)


def _find_head(lines: list[_Line], rules: _Rules, authors: list[str]) -> tuple[int, dict[int, str]]:
    """Return the index of the first body line and the reasons of the head's cut lines."""
    cut: dict[int, str] = {}
    i = 0
    seen = 0
    while i < len(lines) and seen < rules.head_max_lines:
        line = lines[i]
        seen += 1
        names = rules.byline(line.text) if line.kind in _BYLINE_KINDS else None
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


def _find_bylines_after_title(
    lines: list[_Line], rules: _Rules, start: int, authors: list[str], cut: dict[int, str]
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
        names = rules.byline(line.text) if line.kind in _BYLINE_KINDS else None
        if names is not None:
            authors.extend(n for n in names if n not in authors)
            cut[i] = "byline"


def _cut_body(lines: list[_Line], lo: int, hi: int, cut: dict[int, str]) -> None:
    """Mark the boilerplate inside the body lines[lo:hi]."""
    i = lo
    while i < hi:
        line = lines[i]
        if line.kind == PROMPT:
            j = i + 1
            while j < hi and lines[j].kind in _SHORT | _NEUTRAL:
                j += 1
            run = [k for k in range(i + 1, j) if lines[k].kind in _SHORT]
            if len(run) >= 2 or any(lines[k].kind == TRUNC for k in run):
                cut[i] = _TEASER
                for k in run:
                    cut[k] = _TEASER
                i = j
                continue
        elif line.kind in _SHORT:
            j = i
            while j < hi and lines[j].kind in _SHORT | _NEUTRAL:
                j += 1
            start = _teaser_start(lines, i, j, min_trunc=3, share=0.6)
            if start is not None:
                for k in range(start, j):
                    if lines[k].kind in _SHORT:
                        cut[k] = _TEASER
            i = j
            continue
        elif line.kind == STRONG:
            cut[i] = line.reason
        i += 1
    _cut_weak_clusters(lines, lo, hi, cut)


def _cut_weak_clusters(lines: list[_Line], lo: int, hi: int, cut: dict[int, str]) -> None:
    """Cut weak boilerplate lines that stand in a cluster of boilerplate holding a strong one."""
    i = lo
    while i < hi:
        if lines[i].kind not in _JUNK:
            i += 1
            continue
        j = i
        while j < hi and lines[j].kind in _JUNK:
            j += 1
        if any(k in cut for k in range(i, j)):
            for k in range(i, j):
                if lines[k].kind == WEAK:
                    cut[k] = lines[k].reason
        i = j


def _find_dateline(lines: list[_Line], rules: _Rules, lo: int, hi: int, cut: dict[int, str]) -> str | None:
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


def _removed_spans(raw: str, lines: list[_Line], cut: dict[int, str]) -> list[Removed]:
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


def _join_kept(raw: str, lines: list[_Line], cut: dict[int, str]) -> str:
    """Join the kept lines, keeping the raw text between neighbours and "\\n"/"\\n\\n" across cuts."""
    parts: list[str] = []
    previous: _Line | None = None
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
        raw: the plain text of a scraped page (line ends "\\n"; "\\r\\n" is tolerated).

    Returns:
        The kept body (stripped), every cut stretch with its reason and raw offsets, the authors
        of a recognised byline and the dateline opening the body, if any.
    """
    rules = _rules()
    lines = _split_lines(raw, rules)
    authors: list[str] = []
    body_start, cut = _find_head(lines, rules, authors)
    _find_bylines_after_title(lines, rules, body_start, authors, cut)
    tail = _find_tail(lines, body_start, rules)
    for i in range(tail, len(lines)):
        kind = lines[i].kind
        if kind in _JUNK:
            cut[i] = lines[i].reason or _TEASER
        elif kind in _SHORT or kind == BODY:
            cut[i] = _TEASER
        elif kind == SEP:
            cut[i] = "navigation"
    _cut_body(lines, body_start, tail, cut)
    dateline = _find_dateline(lines, rules, body_start, tail, cut)
    return Cleaned(
        text=_join_kept(raw, lines, cut).strip(),
        removed=_removed_spans(raw, lines, cut),
        authors=authors,
        dateline=dateline,
        headline=_find_headline(lines, rules, body_start, tail, cut),
    )


def _find_headline(lines: list[_Line], rules: _Rules, lo: int, hi: int, cut: dict[int, str]) -> str | None:
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
