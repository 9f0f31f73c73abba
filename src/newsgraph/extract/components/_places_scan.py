"""Toponyms the tagger missed: datelines, "town, state" pairs and gazetteer names in the text.

"HOUSTON (AP) —", "Slidell, La.", "in Klamath Falls, Ore." and capitalised runs of words that
the gazetteer knows (a city only with a locative word before it or a large population).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    COUNTRY,
    GeoEntry,
    Match,
    name_key,
)
from newsgraph.extract.components._places_toponym import (
    AREA_FEATURES,
    WORD,
    PlaceReader,
    Toponym,
    lies_inside,
    us_states,
)

_CAP_SEQ = re.compile(r"[A-Z][\w'’.&-]*(?:(?:\s+(?:of|de|del|la|upon|on|and|the)\s+|\s+|-)[A-Z][\w'’.&-]*)*")
_QUALIFIED = re.compile(
    r"(?P<a>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}),\s+(?P<b>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})"
)
_NEXT_ITEM = re.compile(r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
"""The next item of a list after a place: ", Libya", ", and South Korea", " or Texas"."""
_PAREN_QUALIFIER = re.compile(r"\((?P<b>[A-Z][a-z]{1,4}\.)\)")
_DATELINE = re.compile(
    r"(?m)^\s*(?P<a>[A-Z][A-Z.'’ -]{2,}?)(?:\s*&\s*(?P<a2>[A-Z][A-Z.'’ -]{2,}?))?(?=,|\s+\(|\s+[—–-]|:)"
)


class TextScanner(PlaceReader):
    """Scan the text for toponyms outside the tagger's names."""

    def _scan(
        self, doc: Doc, text: str, blocked: list[tuple[int, int]], found: list[Toponym]
    ) -> list[Toponym]:
        """Find toponyms the tagger missed: datelines, "town, state" pairs, gazetteer names."""
        g = self.gazetteer
        out: list[Toponym] = []
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

        def add(top: Toponym) -> None:
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
                    add(Toponym(a, b, piece, "dateline", matches=matches))
        for m in _QUALIFIED.finditer(text):
            qual, q_end = self._qualifier_at(m.group("b"), m.start("b"))
            if not qual:
                continue
            qa, qb = self._trim(text, m.start("b"), q_end)
            if self._office_after(text, qb):
                continue  # "Warren, Rhode Island Gov. Gina Raimondo": a list of people
            if text.startswith(("'s ", "’s "), qb) and us_states(qual):
                continue  # "Iowa's Polk County, Wisconsin's Brown County": the next item's state
            settled = self._qualified_town(text, m, qual, qb, by_span, free, add)
            if not settled and free(m.start("a"), m.end("a")):
                continue  # "Brazil, Germany": a list, not a town and its state
            if free(qa, qb) and (tagged.find(1, qa, qb) == -1 or (qa, qb) in blocked_set):
                add(Toponym(qa, qb, text[qa:qb], "qualified", matches=[Match(q, "name") for q in qual]))
        for m in _PAREN_QUALIFIER.finditer(text):
            qual = g.qualifier(m.group("b"))
            if qual and free(m.start("b"), m.end("b")):
                add(
                    Toponym(
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

    def _qualified_town(
        self,
        text: str,
        m: re.Match[str],
        qual: list[GeoEntry],
        qb: int,
        by_span: dict[tuple[int, int], Toponym],
        free: Callable[[int, int], bool],
        add: Callable[[Toponym], None],
    ) -> bool:
        """Find the town before a qualifier ("in Klamath Falls, Ore."); False when there is none.

        The town is the last capitalized words before the comma: a name with its qualifier
        ("Washington, D.C."), a tagged name, a gazetteer town inside the qualifier, or a small
        US town the gazetteer lacks ("Philippi, West Virginia").
        """
        g = self.gazetteer
        a_words = [(w.start(), w.end()) for w in WORD.finditer(text, m.start("a"), m.end("a"))]
        for k in range(max(0, len(a_words) - 3), len(a_words)):
            cs, ce = a_words[k][0], m.end("a")
            whole = [x for x in g.lookup(text[cs:qb]) if x.how != "alternate"]
            if whole:  # "Washington, D.C." is one name
                add(Toponym(cs, qb, text[cs:qb], "entity", matches=whole))
                return True
            if self._peers_in_list(text, cs, ce, qual, qb):
                return False  # "California, Maryland, Vermont": a list of states, not a town
            matches = [x for x in g.lookup(text[cs:ce]) if lies_inside(x.entry, qual)]
            if not matches and self._list_goes_on(text, qb, qual):
                continue  # "Paris, Ukraine, Libya and Syria": a list of places, not Paris in Ukraine
            existing = by_span.get((cs, ce))
            # a small US town the gazetteer lacks; not a state in a list ("Washington, West Virginia")
            area = any(x.entry.feature in AREA_FEATURES for x in g.lookup(text[cs:ce]))
            small = not area and self.towns.find(text[cs:ce], us_states(qual)) is not None
            # but "Miami, West Palm Beach, New York, and Detroit" is a list
            in_list = text[max(0, cs - 2) : cs].strip() == ","
            overrides = not area and not in_list and self._firm(qual)
            if existing is not None and (matches or not existing.matches or small or overrides):
                # "Newtown, Connecticut": its small town, not the one in Wales; "Hereford, Ariz.":
                # in Arizona, not the Hereford of Texas or England
                existing.qualifiers = qual
                return True
            if matches and free(cs, ce):
                add(Toponym(cs, ce, text[cs:ce], "qualified", matches=matches, qualifiers=qual))
                return True
            if free(cs, ce) and small:
                add(Toponym(cs, ce, text[cs:ce], "qualified", qualifiers=qual, needs_point=True))
                return True
        return False

    def _peers_in_list(self, text: str, cs: int, ce: int, qual: list[GeoEntry], qb: int) -> bool:
        """Tell whether a name and its "qualifier" are two items of a list of like places.

        "California, Maryland, Vermont, New Jersey and Delaware" (two US states), "China, Japan,
        and South Korea" (two countries): the name is itself a place of the qualifier's kind and
        the list goes on after the qualifier ("and", "or", or a comma before a place of the kind),
        or began before the name. A comma before anything else closes an apposition: "In
        Washington, Iowa, voters …" is the town of Iowa, not two states.
        """
        readings = [x.entry for x in self.gazetteer.lookup(text[cs:ce]) if x.how != "alternate"]
        if not _of_a_kind(readings, qual):
            return False
        joined = re.match(r",?\s+(?:and|or)\s", text[qb : qb + 6]) is not None
        goes_on = joined or self._list_goes_on(text, qb, qual)
        return goes_on or text[max(0, cs - 2) : cs].strip() == ","

    def _list_goes_on(self, text: str, qb: int, qual: list[GeoEntry]) -> bool:
        """Tell whether a "qualifier" is followed, as the next item of a list, by a place of its kind.

        "Paris, Ukraine, Libya and Syria", "Lyon, Quebec, Ontario and Manitoba": a country after
        a country, a province after a province of the same country; not "Kisumu, Kenya, and
        Kampala, Uganda", where a town follows.
        """
        after = _NEXT_ITEM.match(text, qb)
        if after is None:
            return False
        g = self.gazetteer
        return _of_a_kind(g.qualifier(after.group(1)) or g.qualifier(after.group(1).split()[0]), qual)

    def _firm(self, qual: list[GeoEntry]) -> bool:
        """Tell whether a qualifier is a country or a division known by its own name.

        Not a GeoNames alternate name alone ("Long Island", a district of the Bahamas, in "New
        York City, Long Island, New York"): that reads as a list more often than as a qualifier.
        """
        return any(
            q.feature == COUNTRY
            or any(x.entry == q and x.how != "alternate" for x in self.gazetteer.lookup(q.name))
            for q in qual
        )

    def _qualifier_at(self, words: str, start: int) -> tuple[list[GeoEntry], int]:
        """Return the divisions or countries the longest head of `words` names, and where it ends."""
        parts = words.split()
        for n in range(len(parts), 0, -1):
            cand = " ".join(parts[:n])
            qual = self.gazetteer.qualifier(cand) or self.gazetteer.qualifier(cand.rstrip(".,"))
            if qual:
                return qual, start + len(cand)
        return [], start

    def _scan_sequence(
        self,
        text: str,
        start: int,
        end: int,
        tagged: bytearray,
        sentence_starts: set[int],
        free: Callable[[int, int], bool],
        add: Callable[[Toponym], None],
    ) -> None:
        """Look up the words of one capitalized run of text in the gazetteer, longest first."""
        g = self.gazetteer
        words = [(w.start() + start, w.end() + start) for w in WORD.finditer(text[start:end])]
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(4, len(words) - i), 0, -1):
                a, b = self._trim(text, words[i][0], words[i + n - 1][1])
                if text[b - 1 : b] == "." and not g.known(text[a:b]):
                    b -= 1  # a full stop after a short word, not an abbreviation ("the Sunshine State.")
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
                    hit = Toponym(a, b, piece, "demonym")
                    break
                matches = g.lookup(piece)
                good = [x for x in matches if x.how != "alternate"]
                if not good:
                    continue
                kinds = {x.entry.feature for x in good}
                if kinds & AREA_FEATURES or any(x.how == "alias" for x in good):
                    hit = Toponym(a, b, piece, "scan", matches=matches)
                    break
                big = max(x.entry.population for x in good)
                if not initial and (self._locative(text, a) or big >= self.scan_min_population):
                    hit = Toponym(a, b, piece, "scan", matches=matches)
                    break
            if hit is not None:
                add(hit)
                while i < len(words) and words[i][0] < hit.end:
                    i += 1
            else:
                i += 1


def _of_a_kind(places: list[GeoEntry], qual: list[GeoEntry]) -> bool:
    """Tell whether a place is of a qualifier's kind: a country as a country is, a division of
    the same country as a division is."""
    return any(
        e.feature == q.feature and (q.feature == COUNTRY or e.country == q.country)
        for q in qual
        if q.feature in (COUNTRY, ADMIN1)
        for e in places
    )
