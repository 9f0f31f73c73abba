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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, cast

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components._numbers import parse_number_words
from newsgraph.extract.extensions import doc_text, get_published, get_times, set_extensions
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.spans import write_spans
from newsgraph.models import Time, TimeType

LOGGER = logging.getLogger(__name__)

Tense = Literal["past", "present", "future"] | None

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_MONTH_FULL = {m.lower() for m in calendar.month_name if m}
_VAGUE_COUNTS = {"several", "a few", "few", "many", "some"}
_SLACK_DAYS = 60


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    type: TimeType
    norm: str
    grain: str | None
    case_month: bool
    case_weekday: bool
    order: int
    needs: tuple[str, ...]


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: _Rule
    groups: dict[str, str]


class Times:
    """Find time expressions. Reads `doc.text`, tokens (tense) and the publication date.

    Writes `doc._.newsgraph_times` (a list of `Time`, ids `t1`, `t2`, … in text order).
    """

    def __init__(self) -> None:
        """Compile the rules of `timex_rules.json`."""
        data = load_json("timex_rules.json")
        vocab: dict[str, dict[str, Any]] = data["vocab"]
        self._vocab = {cls: {k.lower(): v for k, v in words.items()} for cls, words in vocab.items()}
        placeholders: dict[str, str] = {
            cls: "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
            for cls, words in vocab.items()
        }
        patterns: dict[str, str] = dict(data["patterns"])
        for _ in range(3):  # patterns may use each other and the vocabulary
            for key, value in patterns.items():
                patterns[key] = _expand(value, {**placeholders, **patterns})
        placeholders.update(patterns)
        self._rules: list[_Rule] = []
        for order, rule in enumerate(data["rules"]):
            flags = 0 if rule.get("case") else re.IGNORECASE
            body = _expand(rule["re"], placeholders)
            regex = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w])", flags)
            self._rules.append(
                _Rule(
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
        self._future_aux = {w.lower() for w in data["future_aux"]}
        self._past_tags = set(data["past_tags"])
        self._norms: dict[
            str, Callable[[_Hit, date | None, Tense], tuple[str | None, str | None, TimeType]]
        ] = {
            "month_day_year": self._month_day_year,
            "month_day": self._month_day,
            "month_year": self._month_year,
            "month_rel_year": self._month_rel_year,
            "rel_month": self._rel_month,
            "month": self._month,
            "quarter": self._quarter,
            "half": self._half,
            "year": self._year,
            "decade": self._decade,
            "season": self._season,
            "clock": self._clock,
            "weekday": self._weekday,
            "holiday": self._holiday,
            "deictic": self._deictic,
            "this_part": self._this_part,
            "rel_grain": self._rel_grain,
            "offset": self._offset,
            "weekend": self._weekend,
            "set": self._set,
            "duration": self._duration,
            "vague": self._vague,
            "ref": self._ref,
            "rel_day": self._rel_day,
            "century": self._century,
        }

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's time expressions and append them to `doc._.newsgraph_times`."""
        text = doc_text(doc)
        found = self._find(doc, text)
        out = get_times(doc)
        n = len(out)
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

    def _find(self, doc: Doc, text: str) -> list[tuple[int, int, TimeType, str | None, str | None]]:
        dct = _parse_dct(get_published(doc))
        hits: list[_Hit] = []
        windows = self._windows(text)
        for rule in self._rules:
            for start, end in _merge([w for cls in rule.needs for w in windows.get(cls, ())]):
                for m in rule.regex.finditer(text, start, end):
                    if m.end() <= m.start():
                        continue
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    hit = _Hit(m.start(), m.end(), rule, groups)
                    if self._keep(text, hit):
                        hits.append(hit)
        hits.sort(key=lambda h: (-(h.end - h.start), h.rule.order, h.start))
        chosen: list[_Hit] = []
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
        out: list[tuple[int, int, TimeType, str | None, str | None]] = []
        for hit in chosen:
            tense = self._tense(doc, token_starts, hit.start) if len(doc) else None
            try:
                value, mod, type_ = self._norms[hit.rule.norm](hit, dct, tense)
            except (ValueError, OverflowError, KeyError):
                LOGGER.debug("cannot normalize %r", text[hit.start : hit.end], exc_info=True)
                continue
            if type_ == "DATE" and value and _CLOCK_VALUE.match(value):
                type_ = "TIME"
            if hit.rule.name == "year_earlier" and value and re.fullmatch(r"\d{4}", value) and out:
                # "a year earlier" after "the third quarter": the same quarter a year before
                last = out[-1][3] or ""
                if re.fullmatch(r"\d{4}-Q[1-4]", last):
                    value = f"{int(last[:4]) - 1:04d}{last[4:]}"
            start, end = hit.start, hit.end
            prep = hit.groups.get("prep")
            if prep:
                start = text.index(prep, start) + len(prep)
                while start < end and text[start].isspace():
                    start += 1
            out.append((start, end, type_, value, mod))
        return out

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

    def _keep(self, text: str, hit: _Hit) -> bool:
        """Veto matches that the rule's regex alone cannot rule out (see `vetoes` in the rules)."""
        before = text[max(0, hit.start - 30) : hit.start]
        if self._exclude_before.search(before[-12:]):
            return False
        g = hit.groups
        if hit.rule.case_month and "month" in g and not self._keep_month(text, hit, before):
            return False
        if hit.rule.case_weekday and "weekday" in g and not g["weekday"][:1].isupper():
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
        if hit.rule.norm == "duration":
            return self._keep_duration(text, hit, before)
        return True

    def _keep_month(self, text: str, hit: _Hit, before: str) -> bool:
        """A month name alone must be capitalised; "May" and "March" need a preposition before."""
        month = hit.groups["month"]
        word = month.lower().rstrip(".")
        if not month[:1].isupper():
            return False
        if hit.rule.norm not in ("month", "rel_month"):
            return True
        if word not in _MONTH_FULL and not text[hit.start : hit.end].rstrip().endswith("."):
            return False
        return word not in self._ambiguous_months or bool(self._veto["ambiguous_month_before"].search(before))

    def _keep_duration(self, text: str, hit: _Hit, before: str) -> bool:
        """Keep "a year" only as a duration, not as a rate ("$5 a month") or a fraction."""
        g = hit.groups
        num = (g.get("num") or "").lower()
        if g.get("unit", "").lower().startswith("quarter") and self._veto["quarter_fraction_after"].match(
            text[hit.end : hit.end + 6]
        ):
            return False
        if num not in ("a", "an"):
            return True
        if self._veto["rate_before"].search(before):
            return False
        if g.get("approx") or g.get("rel") or g.get("half") or g.get("halfpre"):
            return True
        return bool(self._veto["a_unit_before"].search(before))

    # ------------------------------------------------------------------ tense

    def _tense(self, doc: Doc, token_starts: list[int], char: int) -> Tense:
        """Return the tense of the verb governing the token at `char`."""
        i = max(0, bisect.bisect_right(token_starts, char) - 1)
        head: Token = doc[i]
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
                break
            if head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        for child in head.children:
            if child.dep_ in ("aux", "auxpass"):
                low = child.lower_
                if low in self._future_aux:
                    return "future"
                if child.tag_ in self._past_tags:
                    return "past"
                if low == "to":
                    return "future"  # "to meet", "plans to meet"
        if head.tag_ in self._past_tags:
            return "past"
        if head.tag_ == "VBG":
            return (
                "future" if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children) else None
            )
        if head.tag_ == "VB":
            return "future"  # "to meet", "plans to meet"
        if head.tag_ in ("VBZ", "VBP"):
            return "present"
        return None

    # ------------------------------------------------------------------ normalizers

    def _month_num(self, g: dict[str, str]) -> int:
        if "month_num" in g:
            return int(g["month_num"])
        return int(self._vocab["MONTH"][g["month"].lower().rstrip(".")])

    def _month_day_year(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        year = int(g["year"])
        if year < 100:
            year += 1900 if year > 30 else 2000
        day = date(year, self._month_num(g), _day(g["day"]))
        return day.isoformat(), None, "DATE"

    def _month_day(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        month, day = self._month_num(g), _day(g["day"])
        if dct is None:
            date(2000, month, day)  # validates (leap year)
            return f"XXXX-{month:02d}-{day:02d}", None, "DATE"
        return _nearest_date(dct, month, day, tense).isoformat(), None, "DATE"

    def _month_year(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        return f"{int(g['year']):04d}-{self._month_num(g):02d}", _edge(g, self._vocab), "DATE"

    def _month_rel_year(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        month = self._month_num(g)
        if dct is None:
            return f"XXXX-{month:02d}", _edge(g, self._vocab), "DATE"
        rel = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return f"{dct.year + rel:04d}-{month:02d}", _edge(g, self._vocab), "DATE"

    def _rel_month(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        month = self._month_num(g)
        if dct is None:
            return f"XXXX-{month:02d}", None, "DATE"
        rel = g["rel"].lower()
        if rel in ("last", "past"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel == "next":
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year
        return f"{year:04d}-{month:02d}", None, "DATE"

    def _month(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        month = self._month_num(g)
        mod = _edge(g, self._vocab)
        if dct is None:
            return f"XXXX-{month:02d}", mod, "DATE"
        year = dct.year
        if tense == "past" and month > dct.month + 1:
            year -= 1
        elif tense == "future" and month < dct.month - 1:
            year += 1
        elif tense not in ("past", "future") and abs(month - dct.month) > 6:
            year += -1 if month > dct.month else 1
        return f"{year:04d}-{month:02d}", mod, "DATE"

    def _quarter(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        q = int(self._vocab["ORD"][g["ord"].lower()])
        if "year" in g:
            return f"{int(g['year']):04d}-Q{q}", None, "DATE"
        if dct is None:
            return f"XXXX-Q{q}", None, "DATE"
        return f"{dct.year:04d}-Q{q}", None, "DATE"

    def _half(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        h = 1 if g["ord"].lower() == "first" else 2
        year = g.get("year") or (str(dct.year) if dct else "XXXX")
        return f"{year}-H{h}", None, "DATE"

    def _year(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        return f"{int(g['year']):04d}", _edge(g, self._vocab), "DATE"

    def _decade(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        if "decade" in g:
            return g["decade"][:3], _edge(g, self._vocab), "DATE"
        short = int(g["decade2"])
        century = 19
        if dct is not None and short <= dct.year % 100:
            century = dct.year // 100
        return f"{century}{short // 10}", None, "DATE"

    def _season(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        code = str(self._vocab["SEASON"][g["season"].lower()])
        mod = _edge(g, self._vocab)
        if "year" in g:
            return f"{g['year']}-{code}", mod, "DATE"
        if dct is None:
            return f"XXXX-{code}", mod, "DATE"
        first, last = _SEASON_MONTHS[code]
        rel = (g.get("rel") or "this").lower()
        year = dct.year
        if rel in ("last", "past"):
            if not (last < dct.month and first <= last):
                year -= 1
        elif rel in ("next", "coming") and first <= dct.month:
            year += 1
        return f"{year:04d}-{code}", mod, "DATE"

    def _clock(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        if "noon" in g:
            hour, minute = (12, 0) if g["noon"].lower() in ("noon", "midday") else (24, 0)
        elif "hourword" in g:
            word = g["hourword"]
            hour = int(word) if word.isdigit() else int(parse_number_words(word) or 0)
            minute = 0
        else:
            hour, minute = int(g["hour"]), int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if g.get("dayhalf", "").lower() in ("afternoon", "evening"):
                ampm = "pm"
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
        if hour > 24 or minute > 59:
            raise ValueError("not a clock time")
        clock = f"T{hour:02d}:{minute:02d}"
        day: date | None = None
        if dct is not None:
            if "weekday" in g:
                day = _weekday_date(dct, int(self._vocab["WEEKDAY"][g["weekday"].lower()]), None, tense)
            elif "deictic" in g:
                day = dct + timedelta(days=int(self._vocab["DEICTIC"][g["deictic"].lower()]))
            else:
                day = dct
        if day is None:
            if "weekday" in g:
                return f"XXXX-WXX-{self._vocab['WEEKDAY'][g['weekday'].lower()]}{clock}", None, "TIME"
            return f"XXXX-XX-XX{clock}", None, "TIME"
        return f"{day.isoformat()}{clock}", None, "TIME"

    def _weekday(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        wd = int(self._vocab["WEEKDAY"][g["weekday"].lower()])
        part = f"T{_PART_OF_DAY[g['part'].lower()]}" if "part" in g else ""
        type_: TimeType = "TIME" if part else "DATE"
        if dct is None:
            return f"XXXX-WXX-{wd}{part}", None, type_
        day = _weekday_date(dct, wd, (g.get("rel") or "").lower() or None, tense)
        return f"{day.isoformat()}{part}", None, type_

    def _holiday(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        spec = str(self._vocab["HOLIDAY"][g["holiday"].lower()])
        if "year" in g:
            return _holiday_date(int(g["year"]), spec).isoformat(), None, "DATE"
        if dct is None:
            return (f"XXXX-{spec}" if spec[:1].isdigit() else None), None, "DATE"
        rel = (g.get("rel") or "").lower()
        candidates = [_holiday_date(dct.year + k, spec) for k in (-1, 0, 1)]
        if rel == "last" or (not rel and tense == "past"):
            past = [d for d in candidates if d <= dct]
            day = past[-1]
        elif rel == "next" or (not rel and tense == "future"):
            day = next(d for d in candidates if d >= dct)
        else:
            day = min(candidates, key=lambda d: abs((d - dct).days))
        return day.isoformat(), None, "DATE"

    def _deictic(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        word = g["deictic"].lower()
        part = ""
        if "part" in g:
            part = f"T{_PART_OF_DAY[g['part'].lower()]}"
        elif word == "tonight":
            part = "TNI"
        if dct is None:
            return None, None, "TIME" if part else "DATE"
        day = dct + timedelta(days=int(self._vocab["DEICTIC"][word]))
        return f"{day.isoformat()}{part}", None, "TIME" if part else "DATE"

    def _this_part(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        rel = g["rel"].lower()
        part = _PART_OF_DAY[g["part"].lower()]
        if dct is None:
            return None, None, "TIME"
        offset = {"this": 0, "last": -1, "tomorrow": 1}[rel]
        if rel == "last" and part != "NI":
            offset = -1
        return f"{(dct + timedelta(days=offset)).isoformat()}T{part}", None, "TIME"

    def _rel_grain(
        self, hit: _Hit, dct: date | None, tense: Tense
    ) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        grain_word = (g.get("grain") or "").lower()
        grain = hit.rule.grain or str(self._vocab["GRAIN"].get(grain_word, "Y"))
        rel_word = (g.get("rel") or "this").lower() or "this"
        rel = int(self._vocab["REL"].get(rel_word, 0))
        if rel_word == "latest":
            rel = 0
        mod = _edge(g, self._vocab)
        if dct is None:
            return None, mod, "DATE"
        return _shift(dct, grain, rel), mod, "DATE"

    def _rel_day(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        """Return "the next day" relative to the publication date (the best anchor available)."""
        g = hit.groups
        offset = {"next": 1, "following": 1, "previous": -1, "prior": -1, "same": 0}[g["rel"].lower()]
        grain = g["grain"].lower()
        part = f"T{_PART_OF_DAY[grain]}" if grain in _PART_OF_DAY else ""
        type_: TimeType = "TIME" if part else "DATE"
        if dct is None:
            return None, None, type_
        return f"{(dct + timedelta(days=offset)).isoformat()}{part}", None, type_

    def _century(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        """Return "the 20th century" as its two-digit prefix, 19."""
        g = hit.groups
        nth = int(g["nth"])
        if not 1 <= nth <= 30:
            raise ValueError("not a century")
        return f"{nth - 1:02d}", _edge(g, self._vocab), "DATE"

    def _offset(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        unit_word = (g.get("unit") or g.get("count2") or "year").lower()
        unit = str(self._vocab["UNIT"][unit_word])
        direction = (g.get("dir") or g.get("dir2") or "ago").lower()
        sign = 1 if direction.startswith(("later", "from", "hence")) else -1
        num_text = (g.get("num") or g.get("count") or "a").lower()
        n = _count(num_text)
        mod = self._approx_mod(g)
        if dct is None or n is None:
            return ("FUTURE_REF" if sign > 0 else "PAST_REF"), mod, "DATE"
        if n != int(n):
            raise ValueError("fractional offset")
        amount = int(n) * sign
        return _offset_value(dct, unit, amount), mod, "DATE"

    def _weekend(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        rel = (g.get("rel") or "the").lower()
        if dct is None:
            return "XXXX-WXX-WE", None, "DATE"
        if rel in ("next", "coming") or (rel in ("the", "this") and tense == "future"):
            day = dct + timedelta(days=(5 - dct.weekday()) % 7)
        elif rel == "this" and dct.weekday() >= 5:
            day = dct
        else:
            day = dct - timedelta(days=(dct.weekday() - 5) % 7)
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}-WE", None, "DATE"

    def _set(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        if "setword" in g:
            return str(self._vocab["SETWORD"][g["setword"].lower()]), None, "SET"
        if "weekday" in g:
            return f"XXXX-WXX-{self._vocab['WEEKDAY'][g['weekday'].lower()]}", None, "SET"
        unit_word = g["unit"].lower()
        if unit_word in ("morning", "afternoon", "evening", "night"):
            return f"XXXX-XX-XXT{_PART_OF_DAY[unit_word]}", None, "SET"
        if unit_word == "weekday":
            return "XXXX-WXX-WD", None, "SET"
        unit = str(self._vocab["UNIT"][unit_word])
        num = (g.get("num") or "one").lower()
        n = 2 if num == "other" else int(_count(num) or 1)
        return _period(n, unit), None, "SET"

    def _duration(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        unit = str(self._vocab["UNIT"][g["unit"].lower()])
        n = _count((g.get("num") or "one").lower())
        mod = self._approx_mod(g)
        if n is None:
            return f"PX{unit}" if unit not in ("Q",) else "PXM", mod, "DURATION"
        if g.get("half") or g.get("halfpre"):
            n += 0.5
        return _period(n, unit), mod, "DURATION"

    def _vague(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        rel = (g.get("rel") or "").lower()
        if rel == "recent":
            return "PAST_REF", None, "DATE"
        unit = str(self._vocab["UNITS"][g["units"].lower()])
        if unit == "Q":
            return "PXM", None, "DURATION"
        return f"PX{unit}", None, "DURATION"

    def _ref(self, hit: _Hit, dct: date | None, tense: Tense) -> tuple[str | None, str | None, TimeType]:
        g = hit.groups
        if "recent" in g:
            return "PAST_REF", None, "DATE"
        if "earlier" in g:
            return ("FUTURE_REF" if g["earlier"].lower() == "later" else "PAST_REF"), None, "DATE"
        return str(self._vocab["REF"][g["ref"].lower()]), None, "DATE"

    def _approx_mod(self, g: dict[str, str]) -> str | None:
        approx = g.get("approx")
        if not approx:
            return None
        return str(self._vocab["APPROX"].get(re.sub(r"\s+", " ", approx.lower()), "APPROX"))


# ---------------------------------------------------------------------- helpers


_WORDS = re.compile(r"[A-Za-z]+|\d+")
_CLOCK_VALUE = re.compile(r"^(?:\d{4}|XXXX)-[\dWX-]+T")


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


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    """Replace `{NAME}` placeholders (not regex quantifiers such as `{2,4}`)."""
    return re.sub(r"\{([A-Z]+)\}", lambda m: placeholders.get(m.group(1), m.group(0)), pattern)


def _parse_dct(published: str | None) -> date | None:
    """Return the publication date, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _count(text: str) -> float | None:
    """Return the number a duration counts, or None for a vague count ("several")."""
    text = text.strip().lower()
    if text in _VAGUE_COUNTS:
        return None
    if text in ("a couple of", "couple of"):
        return 2.0
    if text in ("a", "an", "the", "one", "year", "month"):
        return 1.0
    try:
        return float(text)
    except ValueError:
        return parse_number_words(text.replace("a ", "", 1) if text.startswith("a ") else text)


def _edge(g: dict[str, str], vocab: dict[str, dict[str, Any]]) -> str | None:
    edge = g.get("edge")
    if not edge:
        return None
    word = re.sub(r"\s+", " ", edge.lower())
    if word in ("earlier", "later"):
        return None
    value = vocab["EDGE"].get(word)
    return str(value) if value else None


def _nearest_date(dct: date, month: int, day: int, tense: Tense) -> date:
    """Return month/day in the year that fits the tense: past on or before, future on or after."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError("no such day")
    this_year = next((c for c in candidates if c.year == dct.year), candidates[0])
    # a past-tense sentence may still name a date a few weeks ahead ("declared a dividend
    # payable Dec. 15"), a future one a date just behind: only a larger gap changes the year
    slack = timedelta(days=_SLACK_DAYS)
    if tense == "past":
        if this_year <= dct + slack:
            return this_year
        return max(c for c in candidates if c <= dct)
    if tense == "future":
        if this_year >= dct - slack:
            return this_year
        return min(c for c in candidates if c >= dct)
    return min(candidates, key=lambda c: abs((c - dct).days))


def _weekday_date(dct: date, weekday: int, rel: str | None, tense: Tense) -> date:
    """Return the date of an ISO weekday (1 = Monday) relative to the publication date."""
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if rel in ("last", "past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return dct + timedelta(days=forward or 7)
    if rel == "this":
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        return monday + timedelta(days=weekday - 1)
    if tense == "future":
        return dct + timedelta(days=forward)
    return dct - timedelta(days=back)


def _holiday_date(year: int, spec: str) -> date:
    if spec[:1].isdigit():
        month, day = (int(x) for x in spec.split("-"))
        return date(year, month, day)
    if spec == "THANKSGIVING":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if spec == "LABOR":  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if spec == "MEMORIAL":  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    raise ValueError(f"unknown holiday {spec}")


def _shift(dct: date, grain: str, rel: int) -> str:
    """Return the TIMEX3 value of the `grain` period `rel` steps from the publication date."""
    if grain == "W":
        year, week, _ = (dct + timedelta(weeks=rel)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "WE":
        year, week, _ = (dct + timedelta(weeks=rel)).isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if grain == "M":
        index = dct.year * 12 + dct.month - 1 + rel
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if grain == "Q":
        index = dct.year * 4 + (dct.month - 1) // 3 + rel
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if grain == "DE":
        return f"{dct.year // 10 + rel:03d}"
    if grain == "CE":
        return f"{dct.year // 100 + rel:02d}"
    return f"{dct.year + rel:04d}"


def _offset_value(dct: date, unit: str, amount: int) -> str:
    """Return the value of the publication date moved by `amount` units, at the unit's grain."""
    if unit == "D":
        return (dct + timedelta(days=amount)).isoformat()
    if unit in ("W", "M", "Y", "Q", "DE", "CE"):
        if unit == "M":
            return _shift(dct, "M", amount)
        if unit == "DE":
            return f"{dct.year + 10 * amount:04d}"
        if unit == "CE":
            return f"{dct.year + 100 * amount:04d}"
        return _shift(dct, unit, amount)
    if unit == "WE":
        return _shift(dct, "WE", amount)
    # hours, minutes, seconds: a time on the publication day is unknown; keep the day
    return dct.isoformat()


def _period(n: float, unit: str) -> str:
    """Return a TIMEX3 duration: P2D, PT3H, PT1M30S, P20Y for two decades, P1Y6M for 1.5 years."""
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "Q":
        n, unit = n * 3, "M"
    elif unit == "WE":
        return f"P{_num(n)}WE"
    clock = {"H": "H", "MIN": "M", "S": "S"}
    lower = {
        "Y": (12, "M"),
        "M": (30, "D"),
        "W": (7, "D"),
        "D": (24, "H"),
        "H": (60, "MIN"),
        "MIN": (60, "S"),
    }
    whole, frac = int(n), n - int(n)
    if frac and unit in lower:
        factor, small = lower[unit]
        rest = frac * factor
        if rest == int(rest):
            big = f"{whole}{clock.get(unit, unit)}" if whole else ""
            if unit in clock:
                return f"PT{big}{int(rest)}{clock[small]}"
            if small in clock:
                return f"P{big}T{int(rest)}{clock[small]}"
            return f"P{big}{int(rest)}{small}"
    if unit in clock:
        return f"PT{_num(n)}{clock[unit]}"
    return f"P{_num(n)}{unit}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


@Language.factory(
    "newsgraph_times",
    assigns=["doc._.newsgraph_times"],
    requires=["token.tag", "token.dep"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> Times:
    """Create the times component (`newsgraph_times`)."""
    set_extensions()
    return Times()
