"""Known political actors, generic agent nouns and discard phrases from the PETRARCH2 Phoenix dictionaries.

Reads the compiled package data file `newsgraph/data/phoenix.json.gz` (written by
`scripts/build_knowledge.py` from PETRARCH2's Phoenix dictionaries, commit 676801c, MIT licence,
copyright Open Event Data Alliance; see `newsgraph/data/PETRARCH2-LICENSE` and
`newsgraph/data/README.md`). The file is loaded once per process, on first use
(`actor_dictionary()`).

    >>> from newsgraph.knowledge import lookup, lookup_agent, longest_match
    >>> lookup("U.N.").code, lookup("Afghan").entity_type
    ('IGOUNO', 'NORP')
    >>> lookup("Hamid Karzai", on="2005-06-01").code
    'AFGGOV'
    >>> lookup_agent("protesters").sector
    'civilian'

Phrases are compared under `names.phrase_key` (case, accents, dots, apostrophes, hyphens,
underscores and a leading "the" ignored). What an entry is (`ActorRecord.kind`) is decided
when the file is compiled:

- `country`: the name of a state (the gazetteer knows it as a country, or the code is a
  former state such as `SUN`, the Soviet Union); its demonyms ("Afghan", "Afghans") are the
  same actor with `entity_type` NORP. `place`: a city or division listed in a country's block
  ("Kabul", "Helmand"), coded as that country; it is its own actor. `region`: a CAMEO region.
- `person`: entries generated from CountryInfo's lists of leaders and ministers, entries with
  an elite (ELI) code, and names whose first word after titles is a given name of those lists
  (or, for dated entries, that spaCy's model tags as a person); for NGOs and armed groups both
  tests must agree, and a company (MNC code) is never a person by its name alone.
  `office`: a post rather than its holder ("US Secretary of State", "UN Secretary General").
- `international` (IGO codes), `armed_group` (the MilNonState file, IMG codes, rebel roles),
  `organization` (everything else: ministries, parties, NGOs, companies).

Codes are CAMEO actor codes: three letters of country (ISO alpha-3, or a CAMEO code such as
`IGO`, `NGO`, `MNC`, `IMG`, a region), then role codes (`GOV`, `MIL`, `COP`, `REB`, …).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from newsgraph.knowledge.names import is_joiner, phrase_key, word_keys
from newsgraph.models import EntityType

ActorKind = Literal[
    "country", "place", "region", "person", "office", "organization", "armed_group", "international"
]
DiscardScope = Literal["sentence", "story"]
DATA_PACKAGE = "newsgraph.data"
DATA_FILE = "phoenix.json.gz"
FORMAT = 2
_ENTITY_TYPES: dict[str, EntityType] = {
    "country": "GPE",
    "place": "GPE",
    "region": "LOC",
    "person": "PERSON",
    "office": "PERSON",
    "organization": "ORG",
    "armed_group": "ORG",
    "international": "ORG",
}


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One CAMEO code of an actor and the days it holds (None: open on that side)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        """Whether the code is restricted to a period."""
        return self.start is not None or self.end is not None

    def holds_on(self, day: dt.date) -> bool:
        """Return whether the code applies on `day` (both ends included)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """A known actor as named by one phrase, with the code valid on the date asked for."""

    actor_id: str
    """Stable id of the dictionary actor: its normalized own name ("hamid karzai"); every
    synonym and adjective of the actor gives the same id, a second actor of the same name
    gets "#2"."""
    name: str
    """Display name from the dictionary's own entry ("Hamid Karzai", "Afghanistan")."""
    code: str
    """CAMEO actor code on the date (`AFGGOV`, `IGOUNO`, `USAMIL`)."""
    country: str | None
    """ISO 3166-1 alpha-2 of the code's first three letters; None for IGO, NGO, MNC, regions
    and former states."""
    sector: str | None
    """The code's sector: government, military, police, rebel, opposition, political,
    judiciary, legislature, media, business, ngo, international, civilian, criminal,
    religious; None for a bare country code."""
    roles: tuple[str, ...]
    """The CAMEO role codes inside `code` (`AFGGOVBUS` → ("GOV", "BUS"))."""
    kind: ActorKind
    entity_type: EntityType
    """GPE, LOC, PERSON or ORG by kind; NORP when the phrase is a country's adjective."""
    codes: tuple[DatedCode, ...]
    """Every code of the actor with its period, in dictionary order."""
    common_word: bool = False
    """The phrase is one word that is also an ordinary English word ("Youth", "Dawn");
    `longest_match` takes it only when the text capitalizes it."""


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """A generic agent noun ("police", "protesters", "foreign ministry") and its CAMEO code."""

    name: str
    """The singular form, normalized ("protester", "riot police")."""
    code: str
    """The raw agent code: `~COP` adds the role after an actor's code, `NGO~` before it."""
    sector: str | None
    roles: tuple[str, ...]
    plural: bool
    """Whether the phrase asked for is the plural form."""
    entity_type: EntityType = "GROUP"

    def combine(self, actor_code: str | None) -> str:
        """Return the code of this agent of an actor ("AFG" + "~COP" → "AFGCOP")."""
        bare = self.code.strip("~")
        if not actor_code:
            return bare
        return bare + actor_code if self.code.endswith("~") else actor_code + bare


class _PhraseIndex:
    """Longest match of phrase keys over a sequence of text tokens."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = frozenset(keys)
        self.longest: dict[str, int] = {}
        for key in keys:
            words = key.split(" ")
            if len(words) > self.longest.get(words[0], 0):
                self.longest[words[0]] = len(words)

    def match(
        self, words: Sequence[str], start: int, accept: Any = None, *, proper: bool = False
    ) -> tuple[int, str] | None:
        """Return (end, key) of the longest phrase starting at `words[start]`, ending on a token.

        With `proper`, a phrase must hold a word written with a capital ("al-Shabab", not "us").
        """
        first = word_keys(words[start]) if 0 <= start < len(words) else ()
        if not first or first[0] not in self.longest:
            return None
        limit = self.longest[first[0]]
        found: tuple[int, str] | None = None
        parts: list[str] = []
        capital = False
        i = start
        while i < len(words) and len(parts) < limit:
            keys = word_keys(words[i])
            if not keys:
                if not parts or not is_joiner(words[i]):
                    break
                i += 1
                continue
            parts.extend(keys)
            capital = capital or words[i][:1].isupper()
            i += 1
            key = " ".join(parts)
            if key in self.keys and (capital or not proper) and (accept is None or accept(key)):
                found = (i, key)
        return found


class ActorDictionary:
    """The compiled Phoenix dictionaries: actors, agents and discards, looked up by phrase."""

    def __init__(self, tables: dict[str, Any]) -> None:
        if tables.get("format") != FORMAT:
            raise ValueError(f"{DATA_FILE}: format {tables.get('format')!r}, expected {FORMAT}")
        self.source: str = tables["source"]
        self._codes: dict[str, list[Any]] = tables["codes"]
        self._actors: list[str] = tables["actors"]
        self._phrases: dict[str, int | list[int]] = tables["phrases"]
        self._common = frozenset(tables["common_words"])
        self._agents: dict[str, str] = tables["agents"]
        self._agent_codes: dict[str, list[Any]] = tables["agent_codes"]
        self._discards: dict[str, DiscardScope] = tables["discards"]
        self._actor_index = _PhraseIndex(list(self._phrases))
        self._agent_index = _PhraseIndex(list(self._agents))
        self._dated: dict[int, tuple[DatedCode, ...]] = {}

    # -- actors ----------------------------------------------------------------------------

    def lookup(self, phrase: str, *, on: str | dt.date | None = None) -> ActorRecord | None:
        """Return the actor a phrase names, or None.

        Args:
            phrase: a name as written ("U.N.", "the United Nations", "President Karzai").
            on: the day of the text (ISO date): a date-restricted code valid that day is chosen
                and, when several actors share the phrase, one with a code valid that day is
                preferred. Without it, or when no code holds that day, the undated code, else
                the latest one.
        """
        return _pick(self.lookup_all(phrase, on=on), on)

    def lookup_all(self, phrase: str, *, on: str | dt.date | None = None) -> tuple[ActorRecord, ...]:
        """Return every actor a phrase names, the most likely first (own name before synonym,
        then country, region, international, organization, armed group, place, person, office)."""
        key = phrase_key(phrase)
        return tuple(self._record(c, key, on) for c in self._candidates(key))

    def _candidates(self, key: str) -> list[int]:
        found = self._phrases.get(key, ())
        return [found] if isinstance(found, int) else list(found)

    def longest_match(
        self, words: Sequence[str], start: int, *, on: str | dt.date | None = None
    ) -> tuple[int, ActorRecord] | None:
        """Return (end, actor) for the longest actor phrase in `words[start:end]`, or None.

        `words` are a text's tokens as written ("U.N.", "Ban", "Ki", "-", "moon"); hyphens,
        apostrophes and possessives between them join, other punctuation ends a phrase. The
        match starts exactly at `start` and ends after a token. The dictionary holds proper
        names, so a match needs a capitalized word ("us" and "country" are not "US" and
        "Country"), and a single ordinary English word (`ActorRecord.common_word`) matches only
        when it is capitalized itself.
        """
        capitalized = 0 <= start < len(words) and words[start][:1].isupper()
        found = self._actor_index.match(
            words, start, lambda k: capitalized or k not in self._common, proper=True
        )
        if found is None:
            return None
        end, key = found
        records = tuple(self._record(c, key, on) for c in self._candidates(key))
        return end, _pick(records, on) or records[0]

    def _record(self, candidate: int, key: str, on: str | dt.date | None) -> ActorRecord:
        index, adjective = divmod(candidate, 2)
        actor_id, name, kind, _source, _codes = self._actors[index].split("\t")
        codes = self._dated_codes(index)
        code = choose_code(codes, _day(on) if on is not None else None)
        country, sector, roles = self._code_info(code)
        return ActorRecord(
            actor_id=actor_id,
            name=name,
            code=code,
            country=country,
            sector=sector,
            roles=roles,
            kind=kind,  # type: ignore[arg-type]  # the build writes only ActorKind values
            entity_type="NORP" if adjective else _ENTITY_TYPES[kind],
            codes=codes,
            common_word=key in self._common,
        )

    def _dated_codes(self, index: int) -> tuple[DatedCode, ...]:
        codes = self._dated.get(index)
        if codes is None:
            row = self._actors[index].rpartition("\t")[2]
            codes = tuple(
                DatedCode(code, _from_int(int(start)), _from_int(int(end)))
                for code, start, end in (part.split(" ") for part in row.split("|"))
            )
            self._dated[index] = codes
        return codes

    def _code_info(self, code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        country, sector, roles = self._codes.get(code, (None, None, ()))
        return country, sector, tuple(roles)

    # -- agents ----------------------------------------------------------------------------

    def lookup_agent(self, noun: str) -> AgentRecord | None:
        """Return the agent a generic noun or noun phrase names ("police", "protesters",
        "riot police", "Foreign Ministry"), singular or plural; None if unknown."""
        key = phrase_key(noun)
        entry = self._agents.get(key)
        return self._agent(entry) if entry is not None else None

    def longest_agent_match(self, words: Sequence[str], start: int) -> tuple[int, AgentRecord] | None:
        """Return (end, agent) for the longest agent phrase in `words[start:end]`, or None."""
        found = self._agent_index.match(words, start)
        if found is None:
            return None
        return found[0], self._agent(self._agents[found[1]])

    def _agent(self, entry: str) -> AgentRecord:
        code, lemma, plural = entry.split("\t")
        sector, roles = self._agent_codes[code]
        return AgentRecord(name=lemma, code=code, sector=sector, roles=tuple(roles), plural=plural == "1")

    # -- discards --------------------------------------------------------------------------

    def discard_scope(self, phrase: str) -> DiscardScope | None:
        """Return "story" or "sentence" when PETRARCH2 discards text with this phrase, else None."""
        return self._discards.get(phrase_key(phrase))

    def is_discard(self, phrase: str) -> bool:
        """Return whether the phrase is one that looks like an actor but is not ("Bird Flu",
        "Champions League", "1942")."""
        return self.discard_scope(phrase) is not None

    def counts(self) -> dict[str, int]:
        """Return how many actors of each kind, phrases, agent forms and discards the file holds."""
        out: dict[str, int] = {}
        for actor in self._actors:
            kind = actor.split("\t", 3)[2]
            out[kind] = out.get(kind, 0) + 1
        out.update(
            actors=len(self._actors),
            phrases=len(self._phrases),
            agent_forms=len(self._agents),
            discards=len(self._discards),
        )
        return out


def _pick(found: tuple[ActorRecord, ...], on: str | dt.date | None) -> ActorRecord | None:
    """The first record, or with a date the first with a dated code valid that day."""
    if on is not None:
        day = _day(on)
        for record in found:
            if any(c.dated and c.holds_on(day) for c in record.codes):
                return record
    return found[0] if found else None


def choose_code(codes: Sequence[DatedCode], day: dt.date | None) -> str:
    """Return the code for `day`: the first dated code that holds then, else the undated code,
    else the latest one (open ends count as latest)."""
    if day is not None:
        for code in codes:
            if code.dated and code.holds_on(day):
                return code.code
    for code in codes:
        if not code.dated:
            return code.code
    latest = max(codes, key=lambda c: (c.end or dt.date.max, c.start or dt.date.min))
    return latest.code


def _day(on: str | dt.date) -> dt.date:
    if isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on[:10])
    except ValueError:
        raise ValueError(f"not an ISO date: {on!r}") from None


def _from_int(value: int) -> dt.date | None:
    return dt.date(value // 10000, value // 100 % 100, value % 100) if value else None


@cache
def actor_dictionary() -> ActorDictionary:
    """Return this process's dictionary, reading the package data file on first use."""
    raw = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
    return ActorDictionary(json.loads(gzip.decompress(raw)))


def lookup(phrase: str, *, on: str | dt.date | None = None) -> ActorRecord | None:
    """Return the actor a phrase names (`ActorDictionary.lookup`)."""
    return actor_dictionary().lookup(phrase, on=on)


def lookup_all(phrase: str, *, on: str | dt.date | None = None) -> tuple[ActorRecord, ...]:
    """Return every actor a phrase names (`ActorDictionary.lookup_all`)."""
    return actor_dictionary().lookup_all(phrase, on=on)


def longest_match(
    words: Sequence[str], start: int, *, on: str | dt.date | None = None
) -> tuple[int, ActorRecord] | None:
    """Return (end, actor) of the longest actor phrase starting at `words[start]`."""
    return actor_dictionary().longest_match(words, start, on=on)


def lookup_agent(noun: str) -> AgentRecord | None:
    """Return the agent a generic noun names (`ActorDictionary.lookup_agent`)."""
    return actor_dictionary().lookup_agent(noun)


def longest_agent_match(words: Sequence[str], start: int) -> tuple[int, AgentRecord] | None:
    """Return (end, agent) of the longest agent phrase starting at `words[start]`."""
    return actor_dictionary().longest_agent_match(words, start)


def is_discard(phrase: str) -> bool:
    """Return whether PETRARCH2 lists the phrase as a discard (`ActorDictionary.is_discard`)."""
    return actor_dictionary().is_discard(phrase)


def discard_scope(phrase: str) -> DiscardScope | None:
    """Return "story" or "sentence" for a discard phrase, else None."""
    return actor_dictionary().discard_scope(phrase)
