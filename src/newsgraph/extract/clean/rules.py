"""The lines of a scraped text, each classified once by the boilerplate lexicon.

Every non-blank line gets a kind: a boilerplate pattern from `lexicons/boilerplate.json`
(`strong`: cut anywhere; `weak`, such as a bare "Share" or "Instagram": cut only in context),
a teaser prompt ("Related", "Most Read", "More from …"), a truncated teaser (a short line ending
in "…" or "..."), a headline-like short line without closing punctuation, a separator, or body
text. Patterns apply only to lines of bounded length, so the cost is linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.extract.lexicons import load_json

# Line kinds.
SEP = "sep"  # no letter or digit: "___", "* * *", "—"
STRONG = "strong"  # boilerplate, cut anywhere
WEAK = "weak"  # boilerplate only in context
PROMPT = "prompt"  # announces a list of other stories
TRUNC = "trunc"  # short line cut off with an ellipsis: a teaser headline
HEADLINE = "headline"  # short line without closing punctuation
BODY = "body"

NEUTRAL = frozenset({SEP})
JUNK = frozenset({STRONG, WEAK, PROMPT})
SHORT = frozenset({TRUNC, HEADLINE})
TAILABLE = NEUTRAL | JUNK | SHORT
BYLINE_KINDS = SHORT | {BODY}
TEASER = "teaser-list"
_MEMO_SIZE = 20_000
# Boilerplate of a page's end (not the inline kind that body text surrounds, such as "READ
# MORE: …", "Advertisement" or "Continue reading").
END_REASONS = frozenset(
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
class Line:
    """One line of the raw text: the offsets of its stripped content, its kind and reason."""

    start: int
    end: int
    text: str
    kind: str
    reason: str = ""
    blank_before: bool = False


class Rules:
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
        credits = "|".join(f"(?:{p})" for p in data["caption_credit"]["patterns"])
        self.caption_credit = re.compile(rf"(?:{credits})\s*$")
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
def load_rules() -> Rules:
    return Rules(load_json("boilerplate.json"))


def split_lines(raw: str, rules: Rules) -> list[Line]:
    """Classify the non-blank lines of `raw`; a blank line sets `blank_before` on the next one.

    Lines end where `str.splitlines` ends them: "\\n", "\\r\\n", a lone "\\r", a Unicode
    line or paragraph separator, a form feed.
    """
    lines: list[Line] = []
    append = lines.append
    classify = rules.classify
    blank = False
    pos = 0
    for segment in raw.splitlines(keepends=True):
        stripped = segment.strip()
        if stripped:
            start = pos + segment.find(stripped[0])
            kind, reason = classify(stripped)
            append(Line(start, start + len(stripped), stripped, kind, reason, blank))
            blank = False
        else:
            blank = True
        pos += len(segment)
    return lines
