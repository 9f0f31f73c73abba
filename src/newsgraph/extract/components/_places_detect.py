"""The toponyms of an article: the tagger's place names, demonyms, facilities, embedded names.

A toponym is the bare name ("Indian Ocean", not "the Indian Ocean"; "London", not "London's");
demonym modifiers count ("Afghan"); a building or site is one toponym ("Colchester General
Hospital"); a name that grows into a longer gazetteer name takes it ("U.S. Virgin Islands").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    GeoEntry,
    Match,
    name_key,
)
from newsgraph.extract.components._places_connectors import grow_over_connector
from newsgraph.extract.components._places_coordination import share_heads
from newsgraph.extract.components._places_name_ends import ends_a_name
from newsgraph.extract.components._places_offices import in_an_office_name
from newsgraph.extract.components._places_people import after_courtesy_title, person_words
from newsgraph.extract.components._places_products import without_product_words
from newsgraph.extract.components._places_repeated_names import mark_repeated_names
from newsgraph.extract.components._places_roles import head_before_of, named_as_a_body
from newsgraph.extract.components._places_scan import TextScanner
from newsgraph.extract.components._places_state_words import names_a_state_office
from newsgraph.extract.components._places_teams import names_a_team
from newsgraph.extract.components._places_toponym import (
    AREA_FEATURES,
    WORD,
    Toponym,
    followed_by_qualifier,
    head_word,
    lies_inside,
    qualifier_after,
    without_overlaps,
)
from newsgraph.extract.components._places_units import names_a_unit
from newsgraph.extract.components._places_vessels import names_a_vessel
from newsgraph.extract.extensions import get_entities

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TAGGED_PLACE = frozenset({"GPE", "LOC"})
_EMBED_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_RELABEL_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
_STATE_IN_NAME = re.compile(r"\S \b(?:State|Province)$")
_CAPITALIZED_NEXT = re.compile(r" [A-Z]")
_POSSESSIVE = re.compile(r"^([A-Z][^'’]*?)['’]s (?=[A-Z])")
_OF_IN_AT = frozenset({"of", "in", "at"})
_STATE_OF = re.compile(r"\bstates? of\s+(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:,\s+|\s+and\s+))*$")
_TOWN_BEFORE = re.compile(r"(?<![,.;:!?]\s)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s$")
_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([A-Z][\w.&-]*)")
_FOR_NAME = re.compile(r" for (?:an? |the )?[A-Z]")  # "… Centre for Disease Prevention and Control"
_PAN = re.compile(r"\bPan[- ]$")  # "Pan American Health Organization"; not "pan-European" (across Europe)
_CITY_PART = re.compile(r"\s+(?:neighbou?rhoods?|districts?|sections?|boroughs?|suburbs?)\b", re.IGNORECASE)
_FOLLOWING = re.compile(r"-[\w'’.-]*\w|(?:['’]s)?(?:\s+[A-Z][\w'’.-]*){1,3}")  # "Guinea-Bissau"
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+ |[A-Za-z]+-)$")
"""A capitalised word ("South Florida") or a hyphened prefix ("mid-Atlantic"); not "southern"."""
_UPSTATE = re.compile(r"\b[Uu]pstate $")
_COUNTY_HEADS = frozenset({"County", "Parish", "Township", "Borough"})
_IN_STATE = re.compile(r" in ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_STATE_S = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s $")


_DATELINE_END = re.compile(r"(?:,[^\n]{0,30})?\s*(?:\([A-Z][\w ]*\)\s*)?[—–-]\s")
"""What follows a dateline's place: "WASHINGTON (AP) — ", "HOUSTON — ", "NEW YORK, Nov. 19 (UPI) — "."""
_AND = re.compile(r",? (?:and|or) ")


def _a_head(word: str, heads: frozenset[str]) -> bool:
    """Tell whether a word is one of a name's heads, a word in capitals as the capitalized word
    ("USA TODAY" as "Today"; not "LLC", which is its own head)."""
    bare = head_word(word)
    return bare in heads or (len(bare) > 3 and bare.isupper() and bare.capitalize() in heads)


def _us_state(t: Toponym) -> bool:
    """Tell whether a toponym may name a US state by its own name or a curated one."""
    return any(
        m.entry.feature == ADMIN1 and m.entry.country == "US" and m.how != "alternate" for m in t.matches
    )


def _us_capital(t: Toponym) -> bool:
    """Tell whether a name is also the US capital's ("Washington")."""
    return any(
        m.entry.feature == CITY and m.entry.country == "US" and m.entry.admin1 == "DC" for m in t.matches
    )


def _in_a_list_of_states(text: str, found: list[Toponym], i: int) -> bool:
    """Tell whether `found[i]` is an item of a list of US states ("Alaska, Hawaii and Washington").

    A neighbour joined by "and"/"or" is a state, or states stand on both sides of it, or a state
    follows after a comma and the list goes on past it to another state ("Washington,
    Pennsylvania and California"); not a town and its state ("in Washington, Iowa, Pastor Brown
    said").
    """

    def joint(j: int) -> str:  # the words between found[j] and found[j + 1], if both are states
        if j < 0 or j + 1 >= len(found) or not (_us_state(found[j]) and _us_state(found[j + 1])):
            return "!"
        return text[found[j].end : found[j + 1].start]

    before, after = joint(i - 1), joint(i)
    if _AND.fullmatch(before) or _AND.fullmatch(after):
        return True
    if after != ", ":
        return False
    return before == ", " or _AND.fullmatch(joint(i + 1)) is not None or joint(i + 1) == ", "


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _state_and_its_city(t: Toponym) -> bool:
    """Tell whether a name is a US state's and a city's inside that state ("New York"; not
    "Washington", whose city lies in the District of Columbia)."""
    states = {m.entry.admin1 for m in t.matches if m.entry.feature == ADMIN1 and m.entry.country == "US"}
    return any(
        m.entry.feature == CITY and m.entry.country == "US" and m.entry.admin1 in states for m in t.matches
    )


def _us_town(t: Toponym) -> bool:
    """Tell whether a toponym names a US town and no state, country or region."""
    features = {m.entry.feature for m in t.matches}
    return (
        CITY in features and not features & AREA_FEATURES and any(m.entry.country == "US" for m in t.matches)
    )


def _among_states(doc: Doc, text: str, found: list[Toponym]) -> None:
    """Take a state's name shared with its city for the state where it stands among states.

    "Oregon reported nine cases and Nevada four. New York has confirmed twenty": where its
    sentence and the one before name two other US states and no US town, and the name does
    not modify a noun ("the New York billionaire", "New York voters"), the name is a peer of
    those states. Not a list (`_in_a_list_of_states` reads those).
    """
    if not doc.has_annotation("SENT_START"):
        return
    starts = sorted(s.start_char for s in doc.sents)
    for t in found:
        if t.prefer_admin1 or not _state_and_its_city(t):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.dep_ in _MODIFIER_DEPS:
            continue
        i = bisect_right(starts, t.start) - 1
        lo, hi = starts[max(0, i - 1)], starts[i + 1] if i + 1 < len(starts) else len(text)
        peers = [
            u for u in found if u is not t and lo <= u.start < hi and name_key(u.text) != name_key(t.text)
        ]
        states = {name_key(u.text) for u in peers if _us_state(u)}
        if len(states) >= 2 and not any(_us_town(u) for u in peers):
            t.prefer_admin1 = True


def _coarser(place: Toponym, inner: Toponym | None) -> bool:
    """Tell whether a place only names the country of a building that has a place in its name.

    "the University of New South Wales in Australia" stands in New South Wales.
    """
    return inner is not None and any(m.entry.feature in (COUNTRY, CONTINENT, REGION) for m in place.matches)


class ToponymFinder(TextScanner):
    """Find an article's toponyms (not yet resolved)."""

    def _source_spans(
        self, doc: Doc, ents: Sequence[Span], text: str
    ) -> list[tuple[int, int, str, str | None]]:
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
                for ent in ents
                if covered.find(1, ent.start_char, ent.end_char) == -1
            )
        else:
            spans = [(ent.start_char, ent.end_char, ent.label_, None) for ent in ents]
        spans.sort()
        return spans

    def find(self, doc: Doc, text: str) -> list[Toponym]:
        """Return the doc's toponyms (not yet resolved), in text order, without overlaps."""
        g = self.gazetteer
        found: list[Toponym] = []
        blocked: list[tuple[int, int]] = []  # every tagged name, so scans do not re-read them
        ents = doc.ents  # built once: a tuple of new Span objects each time it is read
        for s0, e0, label, entity_id in self._source_spans(doc, ents, text):
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
                    found.append(Toponym(s, e, surface, "demonym", entity_id))
                else:  # a place the tagger took for a group ("Essex" in "the Essex and Herts …")
                    areas = [m for m in g.lookup(surface) if m.entry.feature in AREA_FEATURES]
                    if areas and name_key(surface) not in g.not_places:
                        found.append(Toponym(s, e, surface, "entity", None, areas))
                continue
            matches = g.lookup(surface, saints=not text.startswith(("'s", "’s"), e))  # "St. Peter's"
            demonym = g.demonym(surface)
            is_facility = len(words) > 1 and (
                head in g.facility_heads
                or head_before_of(words, g.facility_heads)
                or (
                    (head in g.weak_facility_heads or head_before_of(words[1:], g.facility_heads))
                    and (label in _PLACE_LABELS or self._holds_toponym(text, s, e))
                )
            )
            owner = _POSSESSIVE.match(surface)
            owner_top = None
            owned_by = g.lookup(owner.group(1), saints=False) if is_facility and owner else []
            if owner is not None and owned_by:  # "Istanbul's Yeditepe University"; not "St. Peter's Basilica"
                owner_top = Toponym(s, s + owner.end(1), owner.group(1), "entity", matches=owned_by)
                found.append(owner_top)
                s += owner.end()
                surface = text[s:e]
            if is_facility and label != "PERSON":
                top = Toponym(s, e, surface, "facility", entity_id if label in _PLACE_LABELS else None)
                top.inner = self._embedded(text, s, e) or owner_top
                found.append(top)
                continue
            if label in _PLACE_LABELS:
                if matches:
                    found.append(Toponym(s, e, surface, "entity", entity_id, matches))
                elif demonym is not None:
                    found.append(Toponym(s, e, surface, "demonym", entity_id))
                elif abbreviated := self._abbreviated(surface):  # "NSW", "Pa.": the division
                    found.append(Toponym(s, e, surface, "entity", entity_id, abbreviated))
                elif label != "FAC" and (
                    head in g.place_heads or self._locative(text, s) or followed_by_qualifier(g, text, e)
                ):
                    found.append(Toponym(s, e, surface, "entity", entity_id))
                elif label != "FAC" and surface in self.towns:  # a small US town, if the article says where
                    found.append(Toponym(s, e, surface, "entity", entity_id, needs_point=True))
                else:  # "East of England" in "East of England Ambulance Service" (tagged LOC)
                    found.extend(self._embedded_all(text, s, e))
                continue
            if label in _RELABEL_LABELS and self._relabel(text, s, e, label, matches):
                found.append(Toponym(s, e, surface, "entity", None, matches))
                continue
            if label in _EMBED_LABELS:
                inside = self._embedded_all(text, s, e)
                found.extend(without_product_words(inside, e) if label == "PRODUCT" else inside)
        found.extend(self._scan(doc, text, blocked, found))
        return self._settle(doc, ents, text, found)

    def _settle(self, doc: Doc, ents: Sequence[Span], text: str, found: list[Toponym]) -> list[Toponym]:
        """Grow the toponyms into longer names, drop idioms and people's names, mark the rest."""
        found = without_overlaps(found)
        for t in found:
            self._extend(text, t)
        persons = person_words(doc, ents, self.gazetteer.place_heads)
        found = [
            t
            for t in share_heads(self.gazetteer, text, without_overlaps(found))
            if not self._in_idiom(text, t) and not self._names_a_person(text, t, persons)
        ]
        tagged = bytearray(len(text) + 1)  # the characters spaCy's tagger calls a place's name
        for ent in ents:
            if ent.label_ in _TAGGED_PLACE:
                tagged[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
        orgs = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ in ("ORG", "LAW")]
        for t in found:
            t.literal = not self._in_a_name(text, t, orgs) and not self._names_an_organisation(text, t)
            t.literal = t.literal and not names_a_team(doc, t, ents, persons)  # "the Denver Broncos"
            t.literal = t.literal and not ends_a_name(doc, text, t, orgs, found)  # "Virgin Atlantic"
            t.body = t.literal and named_as_a_body(doc, t)  # "a professor at the University of Sarajevo"
            t.literal = t.literal and not t.body
            t.tagged_place = tagged.find(0, t.start, t.end) == -1
        mark_repeated_names(doc, text, found, orgs)  # "Metz Fresh LLC … said Metz Fresh"
        self._read_surroundings(text, found)
        _among_states(doc, text, found)
        return found

    def _abbreviated(self, surface: str) -> list[Match]:
        """Return the divisions a curated abbreviation names ("NSW", "Pa."), not a postal code ("IN")."""
        qualifiers = self.gazetteer.qualifiers.get(name_key(surface), ())
        return [Match(q, "alias") for q in qualifiers if q.feature == ADMIN1]

    def _names_a_person(self, text: str, t: Toponym, persons: set[str]) -> bool:
        """Tell whether a town's name is the name of a person of the article ("Rubio's rally").

        Only a name the gazetteer knows as towns of under a million people alone (not "Jordan",
        "Georgia", "Ankara"), with no locative word before it and no qualifier after it that holds
        it ("in Houston", "Houston, Texas"; not "Rubio, Cruz, New Jersey Gov. Chris Christie").
        """
        if after_courtesy_title(text, t.start):  # "Mr. English", "Ms. Gao"
            return True
        if name_key(t.text) not in persons or not t.matches or t.qualifiers:
            return False
        if any(m.entry.feature != CITY or m.entry.population >= 1_000_000 for m in t.matches):
            return False  # "Erdogan Ankara", tagged as one person's name, takes no capital away
        qualifier = qualifier_after(self.gazetteer, text, t.end)
        inside = any(lies_inside(m.entry, qualifier) for m in t.matches)
        return not inside and not self._locative(text, t.start, strict=True)

    def _read_surroundings(self, text: str, found: list[Toponym]) -> None:
        """Note what the words around each toponym say.

        "Washington state", "the state of Georgia", "upstate New York" and "New York governor"
        name a state, "Blakely, Georgia" follows a town, a county is in the state it is said to
        be in ("Brown County in Wisconsin"), and a building stands in the town before or after
        it ("Istanbul's Yeditepe University", "… Center in Shelby"), in the town it is said to be
        in even when named for another ("the Flint Center in Cupertino", "Chinese American Museum
        in Washington").
        """
        for t in found:
            t.prefer_admin1 = (
                text.startswith((" state", " State"), t.end)
                and not text.startswith((" State ", " State's", " State’s"), t.end)
            ) or _STATE_OF.search(text, max(0, t.start - 60), t.start) is not None
            t.prefer_admin1 = t.prefer_admin1 or (
                _us_state(t)
                and (
                    names_a_state_office(text, t.start, t.end, capital=_us_capital(t))
                    or _UPSTATE.search(text, max(0, t.start - 10), t.start) is not None
                )
            )
            t.after_town = _TOWN_BEFORE.search(text, max(0, t.start - 40), t.start) is not None
            t.in_city = _CITY_PART.match(text, t.end) is not None
            t.after_locative = self._locative(text, t.start, strict=True)
            t.dateline = t.source == "dateline" or (
                not text[text.rfind("\n", 0, t.start) + 1 : t.start].strip()
                and _DATELINE_END.match(text, t.end) is not None
            )
            if not t.qualifiers and t.text.rsplit(" ", 1)[-1] in _COUNTY_HEADS:
                t.qualifiers = self._state_around(text, t)
        neighbours = zip([None, *found][: len(found)], found, [*found[1:], None][: len(found)], strict=True)
        for i, t in enumerate(found):
            if _in_a_list_of_states(text, found, i):
                t.prefer_admin1 = True  # "states such as New York and California"
        for before, t, after in neighbours:
            if t.source != "facility":
                continue
            if after is not None and text[t.end : after.start] == " in " and not _coarser(after, t.inner):
                t.inner = after  # "Flint Center in Cupertino, Calif.": in Cupertino, not in Flint
                continue
            if t.inner is not None and self.gazetteer.demonym(t.inner.text) is None:
                continue  # named for a place: "Delhi High Court"
            if before is not None and text[before.end : t.start] in ("'s ", "’s "):
                t.inner = before
            elif after is not None and text[t.end : after.start] in (" in ", ", ", " at ", " near "):
                t.inner = after

    def _state_around(self, text: str, t: Toponym) -> list[GeoEntry]:
        """Return the US state a county's name is said to be in: "Brown County in Wisconsin",
        "Iowa's Polk County" (the state's name right after "in", or before "'s")."""
        after = _IN_STATE.match(text, t.end)
        before = _STATE_S.search(text, max(0, t.start - 30), t.start)
        for m in (after, before):
            if m is not None:
                states = [
                    q
                    for q in self.gazetteer.qualifier(m.group(1))
                    if q.feature == ADMIN1 and q.country == "US"
                ]
                if states:
                    return states
        return []

    def _in_a_name(self, text: str, t: Toponym, orgs: Sequence[tuple[int, int]]) -> bool:
        """Tell whether a toponym only starts or sits in the name of a newspaper, company, body,
        disease, agreement, office or ship ("Washington Post", "Canadian Auto Workers", "the Dayton
        Accords", "the Bank of Canada", "INS Imphal"): the word after it, or the last word of the
        organisation's or law's name the tagger found around it, is such a name's head, or the word
        before it an airline's first word ("Air Canada"), or an office's head is in the name
        (`_places_offices`) or a ship's prefix before it (`_places_vessels`); a building's name goes on
        into an institution's ("Centre for …"); "Pan" starts one; a wide region names a unit."""
        heads = self.gazetteer.not_place_heads
        head = _NEXT_WORD.match(text, t.end)
        if head is not None and any(_a_head(w, heads) for w in head.group(1).split("-")):
            return True  # "Washington Post", "the Washington Post-ABC News poll", "Chicago Sun-Times"
        pan = _PAN.search(text, max(0, t.start - 4), t.start)
        if pan or names_a_unit(text, t) or names_a_vessel(text, t):
            return True  # "the Pan American Health Organization", "the Latin America bureau", "INS Imphal"
        if (
            t.source == "facility"
            and t.text.rsplit(" ", 1)[-1] in self.gazetteer.institution_heads
            and _FOR_NAME.match(text, t.end) is not None
        ):
            return True  # "the European Centre for Disease Prevention and Control"
        before = _WORD_BEFORE.search(text, max(0, t.start - 20), t.start)
        if before is not None and before.group(1).rstrip() in self.gazetteer.not_place_prefixes:
            return True  # "Air Canada", "Radio Pyongyang"
        ends = any(s <= t.start and t.end < e and _a_head(text[s:e].split()[-1], heads) for s, e in orgs)
        return ends or in_an_office_name(text, t, orgs, heads)  # "Canadian Auto Workers", "Bank of Canada"

    def _names_an_organisation(self, text: str, t: Toponym) -> bool:
        """Tell whether a toponym names an organisation of states ("EU officials", "the EU said") or
        begins the name of one of its institutions ("European" of "the European Commission said").

        The gazetteer finds "European Union" as Europe; only after a locative word other than "to" or
        "from" ("trade in the EU", "across the European Union"; not "approval from the European
        Union", "sent to the EU laboratories") is it a place of the story, and an institution's name
        is the institution's after any word ("at the European Parliament").
        """
        names = self.gazetteer.organisations
        if name_key(t.text) not in names:
            key = name_key(t.text) + " "
            return any(name_key(text[t.start : t.start + len(n)]) == n for n in names if n.startswith(key))
        start = t.start - 4 if text[max(0, t.start - 4) : t.start] in ("the ", "The ") else t.start
        return not self._locative(text, start, strict=True)

    def _in_idiom(self, text: str, t: Toponym) -> bool:
        """Tell whether a toponym starts an idiom that names no place ("Delhi belly")."""
        idioms = self.idioms.get(name_key(t.text).split(" ", 1)[0], ())
        if not idioms:
            return False
        key = name_key(text[t.start : t.start + 40])
        return any(key.startswith(idiom) and len(idiom) > t.end - t.start for idiom in idioms)

    def _extend(self, text: str, t: Toponym) -> None:
        """Grow a toponym into a longer name; a name grown past its entity's mention is another
        place than that entity ("French" of "French Guiana", "Guinea" of "Guinea-Bissau")."""
        span = (t.start, t.end)
        self._grow(text, t)
        grow_over_connector(self.gazetteer, text, t)  # "Jammu" + "and Kashmir"
        if (t.start, t.end) != span:
            t.entity = None

    def _grow(self, text: str, t: Toponym) -> None:
        """Grow a toponym over the words after it that make a longer name ("U.S. Virgin Islands")."""
        g = self.gazetteer
        self._grow_back(text, t)
        if self._grow_into_nickname(text, t):
            return
        after = _FOLLOWING.match(text, t.end)
        if after is None:
            return
        words = [(m.start(), m.end()) for m in WORD.finditer(text, t.end, after.end())]
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
                inner = Toponym(t.start, t.end, t.text, "embedded", matches=t.matches)
                t.end, t.text, t.source, t.inner, t.matches = end, piece, "facility", inner, []
                return

    def _grow_back(self, text: str, t: Toponym) -> None:
        """Grow a toponym over the word before it that makes a longer name ("South" + "Florida",
        "mid-Atlantic"), which the tagger cut off."""
        before = _WORD_BEFORE.search(text, max(0, t.start - 20), t.start)
        if before is None or t.source == "facility" or before.group(1).lower() in ("the ", "a ", "an "):
            return
        piece = text[before.start(1) : t.end]
        matches = [m for m in self.gazetteer.lookup(piece, suffixes=False) if m.how != "alternate"]
        if matches:
            t.start, t.text, t.matches, t.entry = before.start(1), piece, matches, None

    def _grow_into_nickname(self, text: str, t: Toponym) -> bool:
        """Grow a word before a lower-case "state" into the state's nickname ("the Badger state").

        Not a state's own name ("Washington state" stays "Washington").
        """
        if not text.startswith(" state", t.end) or any(m.entry.feature == ADMIN1 for m in t.matches):
            return False
        end = t.end + len(" state")
        matches = [
            m for m in self.gazetteer.lookup(text[t.start : end], suffixes=False) if m.entry.feature == ADMIN1
        ]
        if not matches or text[end : end + 1].isalnum():
            return False
        t.end, t.text, t.matches, t.entry = end, text[t.start : end], matches, None
        return True

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
        if followed_by_qualifier(g, text, e):
            return True
        if label == "PERSON":
            return self._locative(text, s, strict=True)
        return max(m.entry.population for m in good if m.entry.feature == CITY) >= 50_000

    def _holds_toponym(self, text: str, s: int, e: int) -> bool:
        return self._embedded(text, s, e) is not None

    def _embedded_all(self, text: str, s: int, e: int) -> list[Toponym]:
        return self._embedded_in(text, s, e, first_only=False)

    def _embedded(self, text: str, s: int, e: int) -> Toponym | None:
        """Return the first toponym inside the name [s, e) ("Washington" in "Washington Post")."""
        found = self._embedded_in(text, s, e, first_only=True)
        return found[0] if found else None

    def _embedded_in(self, text: str, s: int, e: int, *, first_only: bool) -> list[Toponym]:
        words = [(m.start() + s, m.end() + s) for m in WORD.finditer(text[s:e])]
        out: list[Toponym] = []
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

    def _embedded_at(self, text: str, a: int, b: int, leading: bool) -> Toponym | None:
        g = self.gazetteer
        a, b = self._trim(text, a, b)
        piece = text[a:b]
        words = piece.split()
        if len(piece) < 3 or name_key(piece) in g.not_places or not words:
            return None
        if g.demonym(piece) is not None:
            return Toponym(a, b, piece, "embedded")
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
                return Toponym(a, b, piece, "embedded")
            return None
        kinds = {m.entry.feature for m in matches}
        if kinds & AREA_FEATURES:
            return Toponym(a, b, piece, "embedded", matches=matches)
        if CITY in kinds:
            big = max(m.entry.population for m in matches if m.entry.feature == CITY)
            if big >= 500_000 or (leading and big >= 50_000):
                return Toponym(a, b, piece, "embedded", matches=matches)
        return None
