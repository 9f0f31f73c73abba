"""The times component: time expressions, TIMEX3 style, normalized against the publication date.

Finds dates ("Nov. 19", "2014", "the 1990s", "last year", "on Sunday", "earlier this month"),
times ("2:36 pm", "Tuesday night"), durations ("two weeks", "for months", "nearly two decades")
and sets ("every week", "daily"), and gives each a TIMEX3 value resolved against the publication
date: a bare weekday is the most recent one on or before the publication date in past-tense
context and the next one in future-tense context (the tense of the governing verb decides).
Without a publication date the value stays underspecified ("XXXX-WXX-7") or None, never guessed.

The rules are data (`lexicons/timex_rules.json`): regular expressions over `doc.text` built
from word classes, each naming the normalizer below that turns its groups into a value.
"""

from __future__ import annotations

import bisect
import calendar
import logging
import re
from typing import Any, cast

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components._times_anchor import AnchorReader
from newsgraph.extract.components._times_calendar import parse_dct
from newsgraph.extract.components._times_refer import Context, Referrer
from newsgraph.extract.components._times_tense import TenseReader
from newsgraph.extract.components._times_values import Hit, Normalizer, Rule, read_spelled_year
from newsgraph.extract.extensions import doc_text, get_published, get_times, set_extensions, set_reference
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.regex_start import pattern_lookahead
from newsgraph.extract.spans import write_spans
from newsgraph.models import Time, TimeType

LOGGER = logging.getLogger(__name__)

_MONTH_FULL = {m.lower() for m in calendar.month_name if m}

Found = tuple[int, int, TimeType, str | None, str | None]
"""A time found: start, end, type, value and mod."""


class Times:
    """Find time expressions. Reads `doc.text`, tokens (tense) and the publication date.

    Writes `doc._.newsgraph_times` (a list of `Time`, ids `t1`, `t2`, … in text order).
    """

    def __init__(self) -> None:
        """Compile the rules of `timex_rules.json`."""
        data = load_json("timex_rules.json")
        vocab: dict[str, dict[str, Any]] = data["vocab"]
        self._vocab = {cls: {k.lower(): v for k, v in words.items()} for cls, words in vocab.items()}
        placeholders = timex_placeholders(data)
        self._rules: list[Rule] = []
        for order, rule in enumerate(data["rules"]):
            flags = 0 if rule.get("case") else re.IGNORECASE
            body = expand_placeholders(rule["re"], placeholders)
            pattern = rf"(?<![\w'’-])(?:{body})(?![\w])"
            regex = re.compile(pattern_lookahead(pattern, flags) + pattern, flags)
            self._rules.append(
                Rule(
                    name=rule["name"],
                    regex=regex,
                    type=cast(TimeType, rule["type"]),
                    norm=rule["norm"],
                    grain=rule.get("grain"),
                    case_month=bool(rule.get("case_month")),
                    case_weekday=bool(rule.get("case_weekday")),
                    order=order,
                    needs=tuple(rule["needs"]),
                )
            )
        triggers: dict[str, Any] = data["triggers"]
        stop = set(triggers["stop"])
        self._trigger_words: dict[str, set[str]] = {}
        sources = {cls: list(vocab[cls]) for cls in triggers["classes"]}
        sources.update(triggers["extra"])
        for cls, entries in sources.items():
            for entry in entries:
                words = re.findall(r"[a-z]+", entry.lower())
                for word in words if len(words) == 1 else [w for w in words if w not in stop]:
                    self._trigger_words.setdefault(word, set()).add(cls)
        self._clock_re = re.compile(triggers["clock"])
        self._margin = (int(triggers["before"]), int(triggers["after"]))
        self._exclude_before = re.compile(data["exclude_before"])
        vetoes: dict[str, Any] = data["vetoes"]
        self._ambiguous_months = {w.lower() for w in vetoes["ambiguous_months"]}
        self._veto = {k: re.compile(v) for k, v in vetoes.items() if isinstance(v, str)}
        self._tense = TenseReader(
            {w.lower() for w in data["future_aux"]},
            set(data["past_tags"]),
            set(data["plan_verbs"]),
            set(data["scheduling_verbs"]),
            {w.lower() for w in data["same_past_present"]},
            set(data["deadline_verbs"]),
        )
        self._normalizer = Normalizer(self._vocab)
        self._referrer = Referrer(self._vocab)
        self._not_modifiers = {w.lower() for w in data["not_modifiers"]}
        self._anchors = AnchorReader(
            self._tense, self._normalizer, {w.lower() for w in data["anchor_bounds"]}
        )

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's time expressions and append them to `doc._.newsgraph_times`."""
        text = doc_text(doc)
        found, anchor = self._find(doc, text)
        out = get_times(doc)
        n = len(out)
        if anchor is not None:
            set_reference(doc, anchor[0], f"t{n + anchor[1] + 1}")
        for start, end, type_, value, mod in found:
            n += 1
            out.append(
                Time(
                    id=f"t{n}",
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=type_,
                    value=value,
                    mod=mod,
                )
            )
        return write_spans(doc, "newsgraph_times")

    def _find(self, doc: Doc, text: str) -> tuple[list[Found], tuple[str, int] | None]:
        """Return the doc's times, and for an undated doc the reference date read from its text
        with the index of the time it was read from (`_times_anchor`)."""
        dct = parse_dct(get_published(doc))
        hits: list[Hit] = []
        windows = self._windows(text)
        for rule in self._rules:
            for start, end in _merge([w for cls in rule.needs for w in windows.get(cls, ())]):
                for m in rule.regex.finditer(text, start, end):
                    if m.end() <= m.start():
                        continue
                    groups = read_spelled_year({k: v for k, v in m.groupdict().items() if v is not None})
                    hit = self._drop_verb_last(text, Hit(m.start(), m.end(), rule, groups))
                    if self._keep(text, hit):
                        hits.append(hit)
        hits.sort(key=lambda h: (-(h.end - h.start), h.rule.order, h.start))
        chosen: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for hit in hits:
            i = bisect.bisect_left(taken, (hit.start, hit.start))
            left = taken[i - 1] if i > 0 else None
            right = taken[i] if i < len(taken) else None
            if (left and left[1] > hit.start) or (right and right[0] < hit.end):
                continue
            taken.insert(i, (hit.start, hit.end))
            chosen.append(hit)
        chosen.sort(key=lambda h: h.start)
        token_starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        anchor = self._anchors.anchor(doc, token_starts, chosen) if dct is None and len(doc) else None
        if anchor is not None:
            dct = anchor.day  # an undated article: its times count from the latest day it tells
        anchor_at: tuple[str, int] | None = None
        out: list[Found] = []
        context = Context()
        for hit in chosen:
            if hit.rule.norm == "ref" and self._modifies_noun(doc, token_starts, hit):
                continue
            if self._in_name(doc, token_starts, hit):
                continue
            soon = hit.groups.get("ref", "").lower() == "soon"
            if soon and len(doc) and self._tense.past_form(doc, token_starts, hit.start):
                continue  # "was soon released", "soon became a flood": shortly after a past event
            tense = self._tense.tense(doc, token_starts, hit.start) if len(doc) else None
            try:
                value, mod, type_ = self._normalizer.norms[hit.rule.norm](hit, dct, tense)
            except (ValueError, OverflowError, KeyError):
                LOGGER.debug("cannot normalize %r", text[hit.start : hit.end], exc_info=True)
                continue
            if type_ == "DATE" and value and _CLOCK_VALUE.match(value):
                type_ = "TIME"
            value = self._referrer.refer(hit, value, context, dct, tense)
            _remember(context, hit, value)
            start, end = hit.start, hit.end
            prep = hit.groups.get("prep")
            if prep:
                start = text.index(prep, start) + len(prep)
                while start < end and text[start].isspace():
                    start += 1
            if anchor is not None and hit is anchor.hit:
                anchor_at = (anchor.day.isoformat(), len(out))
            out.append((start, end, type_, value, mod))
        return out, anchor_at

    def _modifies_noun(self, doc: Doc, token_starts: list[int], hit: Hit) -> bool:
        """Tell whether a word such as "future" modifies a noun ("future payments"): no time then."""
        if not len(doc) or hit.groups.get("ref", "").lower() not in self._not_modifiers:
            return False
        token = doc[max(0, bisect.bisect_right(token_starts, hit.start) - 1)]
        return token.dep_ in ("amod", "compound") and token.head.i > token.i

    def _in_name(self, doc: Doc, token_starts: list[int], hit: Hit) -> bool:
        """Tell whether a bare year or weekday is a word of a proper name, no time (TIMEX3 marks no
        time inside a name): a year numbering the name before it ("Orion 1980", "Equal Measures
        2030", "the Russell 2000 index"), a weekday inside an organisation's name ("the Sunday
        Times"). A year closing a name under an article is the year of an edition or an act ("the
        Chemical Weapons Act 1996", as "the 1996 act"): a time. A day word is one too in the name of
        a newspaper or a programme (`_day_word_in_name`)."""
        if (
            not len(doc)
            or hit.rule.name not in ("year", "weekday", "deictic")
            or {"rel", "edge"} & hit.groups.keys()
        ):
            return False
        token = doc[max(0, bisect.bisect_right(token_starts, hit.start) - 1)]
        if hit.rule.name == "deictic":
            return _day_word_in_name(token)
        if hit.rule.name == "year":
            head = token.head
            return (
                token.dep_ == "nummod"
                and head.i < token.i
                and head.tag_ in ("NNP", "NNPS")
                and head.lower_.rstrip(".") not in self._vocab["MONTH"]
                and not any(c.dep_ == "det" for c in head.children)
            )
        following = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
        return token.ent_type_ == "ORG" and (token.ent_iob_ == "I" or following)

    def _windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Return, per trigger class, the stretches of text around its words (word-aligned)."""
        found: dict[str, list[tuple[int, int]]] = {}
        for m in _WORDS.finditer(text):
            word = m.group(0)
            if word[0].isdigit():
                classes: set[str] | tuple[str, ...] = ("DIGIT", "YEAR") if _is_year_like(word) else ("DIGIT",)
            else:
                classes = self._trigger_words.get(word.lower(), ())
            for cls in classes:
                found.setdefault(cls, []).append(m.span())
        for m in self._clock_re.finditer(text):
            found.setdefault("CLOCK", []).append(m.span())
        before, after = self._margin
        size = len(text)
        out: dict[str, list[tuple[int, int]]] = {}
        for cls, spans in found.items():
            windows = []
            for start, end in spans:
                lo = max(0, start - before)
                hi = min(size, end + after)
                space = text.rfind(" ", 0, lo) if lo > 0 else -1
                lo = 0 if space < 0 or lo - space > 40 else space
                space = text.find(" ", hi)
                hi = size if space < 0 or space - hi > 40 else space
                windows.append((lo, hi))
            out[cls] = _merge(windows)
        return out

    def _keep(self, text: str, hit: Hit) -> bool:
        """Veto matches that the rule's regex alone cannot rule out (see `vetoes` in the rules)."""
        before = text[max(0, hit.start - 30) : hit.start]
        if self._exclude_before.search(before[-12:]):
            return False
        g = hit.groups
        if hit.rule.case_month and "month" in g and not self._keep_month(text, hit, before):
            return False
        if hit.rule.case_weekday and "weekday" in g and not g["weekday"][:1].isupper():
            return False
        if g.get("setword", "")[:1].isupper() and not _starts_sentence(before):
            return False  # "China Daily", "the Daily Mirror", "Apple Daily": a name, no set
        if self._is_title(text, hit, before):
            return False
        if (
            hit.rule.name == "year"
            and self._veto["year_veto_before"].search(before)
            and not self._veto["year_ok_before"].search(before)
        ):
            return False
        if g.get("ref", "").lower() == "the past" and self._veto["past_then_number"].match(
            text[hit.end : hit.end + 10]
        ):
            return False
        if hit.rule.norm == "ref" and self._veto["ref_after"].match(text[hit.end : hit.end + 3]):
            return False
        if g.get("ref", "").lower() == "soon" and self._veto["as_soon_as"].match(
            text, max(0, hit.start - 3), hit.end + 16
        ):
            return False
        if g.get("ref", "").lower() == "soon" and self._veto["soon_after"].match(text, hit.end, hit.end + 16):
            return False  # "soon after the attack": a relation to an event, not a time ahead
        if hit.rule.norm == "duration":
            return self._keep_duration(text, hit, before)
        return True

    def _is_title(self, text: str, hit: Hit, before: str) -> bool:
        """Tell whether a match is a programme's title: ABC's “This Week”, “Sunday Morning Futures”.

        A time word capitalised after the first word, in the match or the capitalised words after
        it, is no English time ("this week"), unless a holiday ("Thanksgiving Day"); an opening
        quote or a capitalised word next to the match says title.
        """
        if hit.rule.norm == "holiday":
            return False
        run = self._veto["title_run"].match(text, hit.end)
        if not (run and self._veto["title_word"].search(text, hit.start, run.end())):
            return False
        after = text[hit.end : hit.end + 20]
        return bool(self._veto["title_before"].search(before) or self._veto["title_after"].match(after))

    def _drop_verb_last(self, text: str, hit: Hit) -> Hit:
        """Leave the verb "last" out of a duration: "meant to last a few months", "may last months"."""
        rel = hit.groups.get("rel", "")
        if (
            hit.rule.norm not in ("duration", "vague")
            or rel.lower() != "last"
            or not text.startswith(rel, hit.start)
        ):
            return hit
        if not self._veto["last_verb_before"].search(text, max(0, hit.start - 12), hit.start):
            return hit
        start = hit.start + len(rel)
        while start < hit.end and text[start].isspace():
            start += 1
        groups = {k: v for k, v in hit.groups.items() if k != "rel"}
        return Hit(start, hit.end, hit.rule, groups)

    def _keep_month(self, text: str, hit: Hit, before: str) -> bool:
        """A month name alone must be capitalised; "May" and "March" need a preposition or an edge
        ("early", "mid-") before."""
        month = hit.groups["month"]
        word = month.lower().rstrip(".")
        if not month[:1].isupper():
            return False
        if hit.rule.norm not in ("month", "rel_month"):
            return True
        if word not in _MONTH_FULL and not text[hit.start : hit.end].rstrip().endswith("."):
            return False
        if word not in self._ambiguous_months or hit.rule.norm == "rel_month" or hit.groups.get("edge"):
            return True  # "last May", "next March", "for early March": the word before makes it the month
        return bool(self._veto["ambiguous_month_before"].search(before))

    def _keep_duration(self, text: str, hit: Hit, before: str) -> bool:
        """Keep "a year" only as a duration, not as a rate ("$5 a month"), a fraction or an ordinal.

        "About a quarter" is a fraction ("about a quarter, of its dealers", "roughly a quarter
        from South Sudan") unless a preposition of time comes before it ("for about a quarter").
        """
        g = hit.groups
        num = (g.get("num") or "").lower()
        quarter = g.get("unit", "").lower().startswith("quarter")
        if quarter and self._veto["quarter_fraction_after"].match(text[hit.end : hit.end + 6]):
            return False
        ordinal = self._veto["ordinal_second_after"].match(text[hit.end : hit.end + 12])
        may_be_ordinal = num in ("a", "an", "one") or g.get("approx_after")
        if may_be_ordinal and g.get("unit", "").lower() == "second" and ordinal:
            return False  # "for a second time", "three or more second line drugs": the ordinal
        if num not in ("a", "an"):
            return True
        if self._veto["rate_before"].search(before):
            return False
        if not quarter and (g.get("approx") or g.get("rel") or g.get("half") or g.get("halfpre")):
            return True
        if self._veto["a_unit_between_after"].match(text[hit.end : hit.end + 12]):
            return True  # "a day before the primary", "a month after the raid": the time between two events
        return bool(self._veto["a_unit_before"].search(before))


# ---------------------------------------------------------------------- helpers


_WORDS = re.compile(r"[A-Za-z]+|\d+")
_NAMED_DATES = frozenset({"year", "month", "month_year", "month_day", "month_day_year"})
_NARRATIVE = frozenset({"following", "previous", "prior", "that"})
_DATE_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?![\d-])")
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_CLOCK_VALUE = re.compile(r"^(?:\d{4}|XXXX)-[\dWX-]+T")


def _remember(context: Context, hit: Hit, value: str | None) -> None:
    """Note what later expressions may refer back to: the reported quarter, the last date."""
    g = hit.groups
    context.previous = value
    context.previous_norm = hit.rule.norm
    if value is None:
        return
    first_quarter = context.quarter is None and _QUARTER_VALUE.fullmatch(value) is not None
    if (
        first_quarter
        and hit.rule.norm in ("quarter", "quarter_ref")
        and not {"ago", "year", "rel"} & g.keys()
    ):
        context.quarter = value  # the quarter the article reports on: the first one it names
    narrative = hit.rule.norm == "rel_grain" and g.get("rel", "").lower() in _NARRATIVE
    if (hit.rule.norm in _NAMED_DATES or narrative) and _DATE_VALUE.fullmatch(value):
        context.date = value  # "in 1995 … the following year … that year": the story moves on
    elif hit.rule.norm == "quarter" and _QUARTER_VALUE.fullmatch(value):
        context.date = value[:4]  # "the first quarter … compared to the previous year": the quarter's year
    if _DAY_VALUE.match(value):
        context.day = value[:10]  # "on Friday … the same day", "yesterday … the following day"


def _day_word_in_name(token: Token) -> bool:
    """Tell whether a capitalised "Today", "Tonight", "Tomorrow" or "Yesterday" inside a sentence is
    a word of a name: of an organisation or a work the entity recogniser marks, not as its first
    word ("USA Today", "The Tonight Show"; a name it opens is not told from "Today in America"),
    or after an acronym ("a USA TODAY poll", "This is VOA Today") in a sentence not written all in
    capitals (a headline)."""
    if not token.text[:1].isupper() or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    if token.is_sent_start or (prev.is_sent_start and (prev.is_punct or prev.is_space)):
        return False  # '"Today in America, …"': the sentence's first word
    if token.ent_type_ in ("ORG", "WORK_OF_ART") and token.ent_iob_ == "I":
        return True
    acronym = prev.tag_ in ("NNP", "NNPS") and prev.is_upper and 2 <= len(prev.text) <= 5
    parsed = token.doc.has_annotation("SENT_START") or token.doc.has_annotation("DEP")
    return acronym and any(c.islower() for c in (token.sent.text if parsed else token.doc.text))


def _starts_sentence(before: str) -> bool:
    """Tell whether a match after the text `before` starts a sentence, a line or a quotation."""
    tail = before.rstrip(" \t\"'“‘([")
    return not tail or tail[-1] in ".!?:;\n"


def _is_year_like(digits: str) -> bool:
    return len(digits) == 4 and "1600" <= digits <= "2099"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return sorted spans with overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def timex_placeholders(data: dict[str, Any]) -> dict[str, str]:
    """Return the regex of each `{NAME}` of `timex_rules.json`: its word classes and patterns."""
    placeholders: dict[str, str] = {
        cls: "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
        for cls, words in data["vocab"].items()
    }
    patterns: dict[str, str] = dict(data["patterns"])
    for _ in range(3):  # patterns may use each other and the vocabulary
        for key, value in patterns.items():
            patterns[key] = expand_placeholders(value, {**placeholders, **patterns})
    placeholders.update(patterns)
    return placeholders


def expand_placeholders(pattern: str, placeholders: dict[str, str]) -> str:
    """Replace `{NAME}` placeholders (not regex quantifiers such as `{2,4}`)."""
    return re.sub(r"\{([A-Z]+)\}", lambda m: placeholders.get(m.group(1), m.group(0)), pattern)


@Language.factory(
    "newsgraph_times",
    assigns=["doc._.newsgraph_times"],
    requires=["token.tag", "token.dep", "token.ent_type"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> Times:
    """Create the times component (`newsgraph_times`)."""
    set_extensions()
    return Times()
