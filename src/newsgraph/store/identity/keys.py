"""Identity keys: what one article's entity can be recognised by in other articles.

An article's entity (a *member* of a stored entity) yields a set of keys computed from that
article alone and static data; two members sharing a key are the same entity, and a stored
entity is a connected component of members over shared keys (`resolve`). Since the keys of a
member never depend on what is stored, the components, and so the stored entities, are the
same whatever order the articles arrive in. A key is a prefixed string:

- `n:<name>` a full name (`name_key` of the name or of an alias established in the article);
- `kb:<key>` the knowledge-base entry the extractor linked the entity to (`Entity.kb`);
- `g:<place>` the place the article's `places` resolved the entity to: `g:GE` (a country by its
  ISO code), `g:US/Georgia` (a first-level division), `g:4140963` (a GeoNames id). A resolved
  country, continent, region or sea also keeps its `n:` key, a city or a state does not, so
  Georgia the country and Georgia the US state stay apart while an unresolved "United States"
  still joins the resolved one. A resolved place keeps its `kb:` key only when
  it is a country the link does not name as another one (`_kb_fits_place`).

A generic institution's name ("Ministry of Health", "Congress", "Air Force": institution words
only) names a different body in each country: its key carries the entity's country, else the one
country its name or an alias is written with ("U.S. Department of Agriculture"), else the
article's (the country most of its places are in), and without one it makes no key.

What never makes a key, so never joins two articles: a description ("52-year-old man", a
member without a `name` mention, or a name all in lower case unless it is a disease); a
person's single name ("Clifford", "Jim"), titles and honorifics left out; a one-word alias that
is the last word of the name ("Clifford" of "Mark Clifford"; a product's model designation of
letters and digits is one: "A380" of "Airbus A380") or a generic noun ("Council").
Folded variants of general scope are extra keys: a company's legal form ("Apple Inc." =
"Apple"), a leading country written as its code ("U.S. Air Force" = "United States Air Force" =
"American Air Force", with `countries.tsv`'s names, variants and demonyms), a given name's
nickname when the nickname table gives it at most three formal names ("Jim Risch" = "James
Risch").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsgraph.extract.lexicons import load_json, load_text
from newsgraph.knowledge import phrase_key

MAX_KEY = 500
"""Keys, aliases and roles are cut to this many characters: they are indexed, and a PostgreSQL
B-tree entry holds at most about 2,700 bytes."""
MAX_NICKNAME_READINGS = 3
"""A nickname with more formal names than this ("Bill": William, Robert, …) gives no variant."""
_ODD_SHAPE = re.compile(r"^[a-z]|\d|^[A-Z]{2,}$|^.[a-z]+[A-Z]")
"""A one-word name that is not shaped like a person's name: "iTunes", "3M", "NASA", "YouTube"."""
_MODEL = re.compile(r"^[a-z]{1,3}\d{2,}[a-z]{0,2}$")
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|O'|D'|De|Di|La|Le|Van|Von)[A-Z]")


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("identity.json").read_text(encoding="utf-8"))
    titles = load_json("titles.json")
    return {
        "legal": frozenset(data["legal_suffixes"]),
        "group": frozenset(data["group_suffixes"]),
        "generic": frozenset(data["generic_aliases"]),
        "units": frozenset(data["unit_words"]),
        "institution": frozenset(
            phrase_key(w)
            for w in (*data["institution_words"], *data["generic_aliases"], *titles["modifiers"])
        ),
        "titles": frozenset(
            phrase_key(w) for w in (*titles["titles"], *titles["honorifics"], *titles["modifiers"])
        ),
    }


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Return the normalized form names are compared under (`knowledge.phrase_key`, cut to MAX_KEY).

    >>> name_key("  The  U.N.’s ")
    'un'
    """
    return phrase_key(name)[:MAX_KEY]


def last_word(key: str) -> str:
    """Return the last word of a name key (the surname of a person)."""
    return key.rsplit(" ", 1)[-1]


@functools.cache
def _nicknamer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


@functools.lru_cache(maxsize=1 << 14)
def formal_names(given: str) -> tuple[str, ...]:
    """Return the formal given names a nickname stands for ("jim" → ("james",)), when at most three.

    Only longer names count: a nickname shortens ("James" is listed under "Jamie" too).
    """
    found = {name for name in _nicknamer().canonicals_of(given) if len(name) > len(given)}
    return tuple(sorted(found)) if 0 < len(found) <= MAX_NICKNAME_READINGS else ()


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """What the article's `places` resolved an entity to."""

    country: str | None
    admin1: str | None
    feature: str | None
    geonameid: int | None

    def key(self) -> str | None:
        """Return the `g:` key of the place, or None when it is not resolved enough."""
        if self.feature == "country" and self.country:
            return f"g:{self.country}"
        if self.geonameid:
            return f"g:{self.geonameid}"
        if self.feature == "admin1" and self.country and self.admin1:
            return f"g:{self.country}/{self.admin1}"
        return None


def article_country(places: Iterable[Mapping[str, Any]]) -> str | None:
    """Return the country the article is about: the one most of its resolved places are in, if only one."""
    counts: dict[str, int] = {}
    for place in places:
        if place.get("country") and place.get("literal", True):
            counts[place["country"]] = counts.get(place["country"], 0) + max(
                1, len(place.get("mentions") or ())
            )
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    return max(counts, key=lambda c: counts[c]) if len(ranked) == 1 or ranked[0] > ranked[1] else None


def place_refs(places: Iterable[Mapping[str, Any]]) -> dict[str, PlaceRef]:
    """Return the article's places by the local id of the entity they resolve."""
    out: dict[str, PlaceRef] = {}
    for place in places:
        entity = place.get("entity")
        if entity and entity not in out:
            out[entity] = PlaceRef(
                place.get("country"), place.get("admin1"), place.get("feature"), place.get("geonameid")
            )
    return out


def is_named(entity: Mapping[str, Any]) -> bool:
    """Return whether an article's entity is named (not a description only, like "52-year-old man")."""
    mentions = entity.get("mentions") or []
    if mentions and not any(m.get("kind", "name") == "name" for m in mentions):
        return False
    name: str = entity.get("name") or ""
    if entity.get("kb") or entity.get("type") == "DISEASE":
        return True
    return any(ch.isupper() or ch.isdigit() for ch in name)


def entity_keys(
    entity: Mapping[str, Any], place: PlaceRef | None = None, country: str | None = None
) -> list[str]:
    """Return the sorted identity keys of an article's entity (an `Analysis.entities` item as a dict).

    Empty for a description, and for a person known by one name only. `country` is the article's
    (`article_country`): a generic institution's name ("Ministry of Health") is one entity only
    within one country; the entity's own `country` wins.
    """
    if not is_named(entity):
        return []
    name: str = entity.get("name") or ""
    aliases: list[str] = list(entity.get("aliases") or [])
    keys: set[str] = set()
    place_key = place.key() if place is not None else None
    if entity.get("kb") and (place_key is None or _kb_fits_place(entity["kb"], place)):
        keys.add(f"kb:{entity['kb']}"[:MAX_KEY])
    if place is not None and place_key is not None:
        keys.add(place_key)
        keys.update(_place_name_keys(name, place))
    elif entity.get("type") == "PERSON":
        keys.update(_person_keys(name, aliases))
    else:
        own = entity.get("country") or _written_country(name, aliases)
        keys.update(_thing_keys(name, aliases, own or country, entity.get("type")))
    return sorted(keys)


def _kb_fits_place(kb: str, place: PlaceRef | None) -> bool:
    """Whether a knowledge-base link agrees with the place the article resolved its entity to.

    The link is made by name ("phoenix:georgia", "phoenix:north korea"), the place by the
    article's evidence; a resolved place is the entity's identity, and the link may only add to
    it. A dictionary entry for a place stands for the country the place is in, so a resolved
    state, city or province gives no `kb:` key (else "Georgia" the state joins Georgia the
    country, "Austin, Indiana" Austin, Texas, "KwaZulu-Natal" South Africa); nor does a country
    the link names as another one ("Korea" resolved to South Korea, linked to North Korea).
    """
    if place is None or place.feature != "country":
        return False
    named = country_code(name_key(kb.split(":", 1)[-1]))
    return named is None or named == place.country


def _written_country(name: str, aliases: list[str]) -> str | None:
    """Return the one country an entity's name or aliases start with ("U.S. Department of
    Agriculture" in a story about the Philippines is the United States' department), or None."""
    codes = set()
    for form in (name, *aliases):
        qualified = _qualified(name_key(form))
        if qualified is not None:
            codes.add(qualified[0])
    return codes.pop() if len(codes) == 1 else None


def article_aliases(entities: list[Mapping[str, Any]]) -> dict[str, str]:
    """Return the short names an article uses beside a longer one: local id of the longer → `n:` key.

    "Apple Computer" and "Apple" as two organisations of one article: the article itself shows
    "Apple" naming the company, as an alias would; so the longer one also gets the key of
    "Apple". Organisations only, the shorter name the first words of the longer, the rest of the
    longer without a digit (a model: "iPhone 4"), a possessive or a word naming a part or an
    outlet ("VOA Russian Service", `unit_words`), and only when no other organisation of the
    article starts with the shorter name ("Apple Corps" beside "Apple Computer": "Apple" is
    ambiguous there).
    """
    generic, units = _words()["generic"], _words()["units"]
    orgs = [(e["id"], name_key(e.get("name") or "")) for e in entities if e.get("type") == "ORG"]
    possessive = {
        e["id"] for e in entities if re.search(r"\w'(?:s\b|\s)", (e.get("name") or "").replace("’", "'"))
    }
    short = {key: local for local, key in orgs if key and key not in generic and len(key) >= 3}
    longer: dict[str, list[tuple[str, str]]] = {}
    for local, key in orgs:
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:size])
            rest = words[size:]
            if (
                prefix in short
                and short[prefix] != local
                and local not in possessive
                and not any(ch.isdigit() for ch in key)
                and not units.intersection(rest)
            ):
                longer.setdefault(prefix, []).append((local, key))
                break
    return {
        pairs[0][0]: f"n:{prefix}" for prefix, pairs in longer.items() if len({key for _, key in pairs}) == 1
    }


NAME_READING_FEATURES = frozenset({"country", "continent", "region", "sea"})
"""Kinds of resolved places that keep their `n:` key: their names have one reading in the news
("Georgia" the country, "Europe"), while a city or a state shares its name with others."""


def _place_name_keys(name: str, place: PlaceRef) -> set[str]:
    key = name_key(name)
    return {f"n:{key}"} if key and place.feature in NAME_READING_FEATURES else set()


def person_words(name: str) -> list[str]:
    """Return the words of a person's name key, leading titles and honorifics left out."""
    words = name_key(name).split()
    titles = _words()["titles"]
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return words


def _person_keys(name: str, aliases: list[str]) -> set[str]:
    full = person_words(name)
    keys: set[str] = set()
    if len(full) == 1:
        word = name.strip().split()[-1] if name.strip() else ""
        if _ODD_SHAPE.search(word) and not _SURNAME_PREFIX.match(word):
            keys.add(f"n:{full[0]}")
        return keys
    for form in (full, *(person_words(a) for a in aliases)):
        if len(form) < 2 or (form is not full and _part_of(form, full)):
            continue
        keys.add("n:" + " ".join(form))
        keys.update("n:" + " ".join((formal, *form[1:])) for formal in formal_names(form[0]))
    return {k[:MAX_KEY] for k in keys}


def _part_of(words: list[str], full: list[str]) -> bool:
    """Return whether `words` is the start or the end of `full` (a surname or a given name run)."""
    return len(words) < len(full) and (full[: len(words)] == words or full[-len(words) :] == words)


def _thing_keys(name: str, aliases: list[str], country: str | None, type_: str | None = None) -> set[str]:
    """Return the `n:` keys of a thing's name and aliases.

    A product's alias that starts its name ("iPhone" or "iPhones" of "iPhone 4", the line the
    article used for the model) gives no key: in another article the line names another model.
    """
    full = name_key(name)
    keys = set(_folded(full, country))
    generic = _words()["generic"]
    full_words = full.split()
    for alias in aliases:
        key = name_key(alias)
        if not key or key == full:
            continue
        if " " not in key and (
            key in generic or (len(full_words) > 1 and key == full_words[-1] and not _model(key, type_))
        ):
            continue
        if type_ == "PRODUCT" and full.startswith((key + " ", key[:-1] + " ")):
            continue
        keys.update(_folded(key, country))
    return {k[:MAX_KEY] for k in keys if k != "n:"}


def _model(key: str, type_: str | None) -> bool:
    """Whether a product's one-word alias is a model designation of letters and digits, specific
    without its maker ("A380" of "Airbus A380", "A350"; not "787" or "3G")."""
    return type_ == "PRODUCT" and _MODEL.match(key) is not None


@functools.cache
def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load_text("countries.tsv").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#") and parts[2] in ("country", "alias", "demonym"):
            out.setdefault(phrase_key(parts[0]), parts[1])
    return out


def country_code(words: str) -> str | None:
    """Return the ISO code ("US") a country name, variant or demonym stands for ("U.S.", "American")."""
    return _countries().get(words)


def _qualified(key: str) -> tuple[str, str] | None:
    """Return (country code, rest) of a name led by a country ("us air force" → ("US", "air force"))."""
    words = key.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        code = country_code(" ".join(words[:size]))
        if code is not None:
            return code, " ".join(words[size:])
    return None


def institutional(key: str) -> bool:
    """Return whether a name is made of generic institution words only ("ministry of health")."""
    words = _words()["institution"]
    return all(word in words for word in key.split())


def _n(key: str, country: str | None) -> str | None:
    """Return the `n:` key of a name; a generic institution's carries its country (none without one)."""
    if not institutional(key):
        return f"n:{key}"
    return f"n:{key}@{country}" if country else None


def _folded(key: str, country: str | None) -> list[str]:
    """Return the `n:` keys of a name: as written, without a company's legal suffix, and with a
    leading country as its code ("U.S. Air Force" = "United States Air Force" = "Air Force" in an
    article about the United States)."""
    out = [_n(key, country)]
    qualified = _qualified(key)
    if qualified is not None:
        code, rest = qualified
        out.append(_n(rest, code) if institutional(rest) else f"n:{code} {rest}")
    words = key.split()
    legal, group = _words()["legal"], _words()["group"]
    while len(words) > 1 and words[-1] in legal:
        words = words[:-1]
    if len(words) == 2 and words[-1] in group:
        words = words[:-1]
    if len(words) < len(key.split()):
        out.append(_n(" ".join(words), country))
    return [k for k in out if k is not None]
