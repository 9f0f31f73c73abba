"""What one article brings to the question "same event?": computed from that article alone.

`article_features(data, members)` reads an Analysis (as a dict) and its identity members and
returns `Features`, stored per article (`story_features.data`, JSON) so a later article is
compared with it without reading the Analysis again:

- `day`: the publication day, or None;
- `entities`: the named entities that are not places, each as its identity keys, a weight —
  its specificity (a full name counts more than a nationality) times its salience in the article
  (mentions, a place in the headline) — and its type;
- `places`: the resolved places, each as one key (`g:<geonameid>`, else `g:<CC>/<admin1>`, else
  `g:<CC>`) and whether it is finer than a country; `local`: the towns and cities among them;
- `terms`: the content words of the headline and the lede, and the words the article repeats,
  names left out (entities and places are compared as such), endings folded (`fold`);
  `headline`: those of the headline;
- `events`: confident events as (PLOVER type, trigger word);
- `numbers`: counts of at least `MIN_NUMBER` as (value, counted noun), years left out;
  `tallies`: those of the lede, the figures the report is about ("19,273 confirmed cases");
- `actors`: the people the lede names by full name (each as its identity keys), who did or said
  what the report is about;
- `genre`: a recurring kind of report — "market" (it names `MARKET_INDICES` market indices),
  "roundup" (a running report: "The Latest: …"), "poll" — or None (`story_rules.json`);
- `numbered`: the incidents it numbers ("the fourth case": (4, "cas")), "first" left out;
- `focus`: the words of what the headline recalls or warns about ("FDA warning on pistachios":
  {"pistachio"}; "peanut paste products pulled"), the main object of a recall report.

The years an article's dates name are not taken as time evidence for an undated article: in the
corpus they are mostly those of earlier events ("the first case, in December 2003").

Since each value depends on the article only, the pairwise evidence (`evidence.compare`) is a
function of the two articles, and the stories, its connected components, do not depend on the
order articles arrive in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.lexicons import load_json
from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store.identity.keys import name_key
from newsgraph.store.identity.members import ArticleMember

LEDE_SENTENCES = 3
"""Sentences of the lede whose words are key terms, with the headline's."""
REPEATED = 3
"""A word the article uses this often is a key term wherever it stands."""
MAX_TERMS = 40
MAX_ENTITIES = 30
MIN_NUMBER = 10
"""Smaller counts ("two people", "three sites") are too common to tell events apart."""
MARKET_INDICES = 2
"""An article naming this many market indices reports a trading session (genre "market")."""
FOCUS_WORDS = 5
"""Words of a headline's recalled object at most ("the 380 million eggs of two farms")."""
VERSION = 4
"""Of the stored features: 2 added the genre and folded word endings, 3 the lede's tallies and
people, 4 the recalled object (`focus`) and counties by name. A store whose features are older
was grouped by older rules: `newsgraph stories rebuild` groups it again."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")

SPECIFICITY = {
    "PERSON": 1.0,
    "ORG": 1.0,
    "FAC": 1.0,
    "EVENT": 1.0,
    "PRODUCT": 1.0,
    "LAW": 1.0,
    "WORK_OF_ART": 1.0,
    "DISEASE": 0.6,
    "GPE": 0.4,
    "LOC": 0.4,
    "INDEX": 0.4,
    "NORP": 0.2,
}
"""How much sharing an entity of a type says about two articles reporting one event: a named
person or organisation singles out an event better than a disease or a place, and a nationality
least. A person known by one word only weighs half (`_specificity`). Types not listed weigh 0."""


@dataclass(frozen=True, slots=True)
class EntityFeature:
    """One named entity of the article: its identity keys, weight and type."""

    keys: tuple[str, ...]
    weight: float
    type: str = ""


@dataclass(frozen=True, slots=True)
class Features:
    """The evidence one article offers for story assignment; see the module docstring."""

    day: str | None
    entities: tuple[EntityFeature, ...]
    places: tuple[tuple[str, bool], ...]
    terms: frozenset[str]
    headline: frozenset[str]
    events: frozenset[tuple[str, str]]
    numbers: frozenset[tuple[float, str]]
    genre: str | None = None
    numbered: frozenset[tuple[int, str]] = frozenset()
    local: frozenset[str] = frozenset()
    tallies: frozenset[tuple[float, str]] = frozenset()
    actors: tuple[tuple[str, ...], ...] = ()
    focus: frozenset[str] = frozenset()

    def to_data(self) -> dict[str, Any]:
        """Return the value stored in `story_features.data` (JSON)."""
        return {
            "version": VERSION,
            "day": self.day,
            "e": [[list(e.keys), round(e.weight, 4), e.type] for e in self.entities],
            "p": [list(p) for p in self.places],
            "t": sorted(self.terms),
            "h": sorted(self.headline),
            "v": sorted(list(v) for v in self.events),
            "n": sorted(list(n) for n in self.numbers),
            "g": self.genre,
            "o": sorted(list(o) for o in self.numbered),
            "l": sorted(self.local),
            "c": sorted(list(c) for c in self.tallies),
            "a": [list(keys) for keys in self.actors],
            "f": sorted(self.focus),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Features:
        """Read what `to_data` gave (as stored, or its JSON text decoded)."""
        return cls(
            day=data["day"],
            entities=tuple(_entity(e) for e in data["e"]),
            places=tuple((str(k), bool(f)) for k, f in data["p"]),
            terms=frozenset(data["t"]),
            headline=frozenset(data["h"]),
            events=frozenset((str(t), str(w)) for t, w in data["v"]),
            numbers=frozenset((float(v), str(u)) for v, u in data["n"]),
            genre=data.get("g"),
            numbered=frozenset((int(n), str(w)) for n, w in data.get("o", ())),
            local=frozenset(data.get("l", ())),
            tallies=frozenset((float(v), str(u)) for v, u in data.get("c", ())),
            actors=tuple(tuple(keys) for keys in data.get("a", ())),
            focus=frozenset(data.get("f", ())),
        )

    def index_keys(self) -> set[str]:
        """Return the keys this article is found by (`story_keys`): its entities' keys, its fine places."""
        keys = {k for e in self.entities for k in e.keys}
        keys.update(key for key, fine in self.places if fine)
        return keys

    def known(self) -> frozenset[str]:
        """Return the words the article is about: key terms, headline words, its entities' names."""
        names = (k.rsplit(":", 1)[-1].split("@")[0] for e in self.entities for k in e.keys)
        return self.terms | self.headline | frozenset(w for name in names for w in _words(name))


def _entity(stored: Sequence[Any]) -> EntityFeature:
    """Read one stored entity: [keys, weight] (features version 1) or [keys, weight, type]."""
    return EntityFeature(tuple(stored[0]), float(stored[1]), str(stored[2]) if len(stored) > 2 else "")


def article_features(data: Mapping[str, Any], members: Sequence[ArticleMember], day: str | None) -> Features:
    """Return the story features of an article (an Analysis as a dict) and its identity members."""
    text = data["text"]
    title = data.get("title") or ""
    places = [p for p in data.get("places") or () if p.get("literal", True)]
    place_entities = {p.get("entity") for p in data.get("places") or () if p.get("entity")}
    outlet = name_key(data.get("source") or "")
    names = _name_words(data)
    lede = _lede_end(text, data.get("sentences") or ())
    headline = _words(title)
    counts = [(q, (float(q["value"]), _head(q["unit"]))) for q in data.get("quantities") or () if _count(q)]
    return Features(
        day=day,
        entities=_entities(members, place_entities, title, outlet),
        places=_places(places),
        local=_local(places),
        terms=_terms(headline, text, lede, names),
        headline=frozenset(w for w in headline if w not in names),
        events=frozenset(
            (e["type"], _first(e["trigger"]["text"]))
            for e in data.get("events") or ()
            if e.get("confidence", 1.0) >= EVENT_MIN_CONFIDENCE and not e.get("negated")
        ),
        numbers=frozenset(count for _, count in counts),
        tallies=frozenset(count for q, count in counts if q.get("start", lede) < lede),
        genre=_genre(data, title),
        numbered=_numbered(f"{title}\n{text}"),
        actors=_actors(data, members, lede),
        focus=_focus(title),
    )


def _focus(title: str) -> frozenset[str]:
    """Return the content words of what a headline recalls or warns about (`story_rules.json`, "recall_*").

    The object follows a cue ("recalls fresh spinach", "warning on Honduran cantaloupes after …",
    up to an `object_end` word or a punctuation mark) or precedes one ("peanut paste products
    pulled", back to a punctuation mark); at most `FOCUS_WORDS` words either way.
    """
    folded = title.casefold().replace("’", "'")
    found: list[str] = []
    for match in _recall_before().finditer(folded):
        after = re.split(r"[,;:.!?()\"]", folded[match.end() :], maxsplit=1)[0].split()[:FOCUS_WORDS]
        cut = next((i for i, w in enumerate(after) if w in _object_end()), len(after))
        found.extend(after[:cut])
    for match in _recall_after().finditer(folded):
        before = re.split(r"[,;:.!?()\"]", folded[: match.start()])[-1].split()
        found.extend(before[-FOCUS_WORDS:])
    return frozenset(_words(" ".join(found)))


@functools.cache
def _recall_before() -> re.Pattern[str]:
    cues = sorted(load_json("story_rules.json")["recall_before"], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(c) for c in cues)})(?![\w-])")


@functools.cache
def _recall_after() -> re.Pattern[str]:
    cues = load_json("story_rules.json")["recall_after"]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(c) for c in cues)})(?![\w-])")


@functools.cache
def _object_end() -> frozenset[str]:
    return frozenset(load_json("story_rules.json")["object_end"])


def _actors(
    data: Mapping[str, Any], members: Sequence[ArticleMember], lede: int
) -> tuple[tuple[str, ...], ...]:
    """Return the identity keys of the people the lede names by a full name (two words or more)."""
    in_lede = {
        e["id"]
        for e in data.get("entities") or ()
        if any(m["start"] < lede for m in e.get("mentions") or () if m.get("kind", "name") == "name")
    }
    return tuple(
        sorted(
            {
                tuple(sorted(k for k in m.base or () if not k.startswith("g:")))
                for m in members
                if m.type == "PERSON" and m.named and len(m.name.split()) >= 2 and m.local_id in in_lede
            }
            - {()}
        )
    )


def _genre(data: Mapping[str, Any], title: str) -> str | None:
    """Return the genre of recurring report the article belongs to: "market", "roundup", "poll" or None."""
    indices = {e.get("kb") or e["name"] for e in data.get("entities") or () if e.get("type") == "INDEX"}
    if len(indices) >= MARKET_INDICES:
        return "market"
    if _roundup().search(title.casefold()):
        return "roundup"
    if {m.group(0).casefold() for m in _WORD.finditer(title)} & _polls():
        return "poll"
    return None


@functools.cache
def _polls() -> frozenset[str]:
    return frozenset(load_json("story_rules.json")["poll"])


def _numbered(text: str) -> frozenset[tuple[int, str]]:
    """Return the numbered incidents an article names ("the fourth case": (4, "case")); "first" is left out.

    A first incident is named in many reports of later ones ("the first case, in 2003").
    """
    found = set()
    for match in _numbering().finditer(text):
        word = match.group(1).casefold()
        number = _ordinals().get(word) or int(re.sub(r"\D", "", word) or 0)
        if number >= 2:
            found.add((number, fold(match.group(2).casefold())))
    return frozenset(found)


@functools.cache
def _ordinals() -> dict[str, int]:
    return {word: n for n, word in enumerate(load_json("story_rules.json")["ordinals"], start=2)}


@functools.cache
def _numbering() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in load_json("story_rules.json")["numbered"])
    ordinals = "|".join(_ordinals())
    return re.compile(rf"\b({ordinals}|\d+(?:st|nd|rd|th))\s+(?:[a-z]+\s+)?({nouns})\b", re.IGNORECASE)


@functools.cache
def _roundup() -> re.Pattern[str]:
    cues = sorted(load_json("story_rules.json")["roundup"], key=len, reverse=True)
    cue = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"(?<![\w-])(?:{cue})\s*:|:\s*(?:the\s+)?(?:{cue})\W*$")


def _count(quantity: Mapping[str, Any]) -> bool:
    """Whether a quantity is a count of a noun of at least `MIN_NUMBER`, not a year ("31 people")."""
    value = quantity.get("value")
    return (
        quantity.get("kind", "count") == "count"
        and bool(quantity.get("unit"))
        and value is not None
        and value >= MIN_NUMBER
        and not _year_like(float(value))
    )


def _lede_end(text: str, sentences: Sequence[Mapping[str, int]]) -> int:
    """Return where the lede (the first `LEDE_SENTENCES` sentences) ends in the text."""
    return sentences[min(len(sentences), LEDE_SENTENCES) - 1]["end"] if sentences else min(len(text), 600)


def _year_like(value: float) -> bool:
    return value.is_integer() and 1800 <= value <= 2100


def _specificity(member: ArticleMember) -> float:
    weight = SPECIFICITY.get(member.type, 0.0)
    if member.type == "PERSON" and len(member.name.split()) < 2:
        weight /= 2
    return weight


def _entities(
    members: Sequence[ArticleMember], places: set[str], title: str, outlet: str
) -> tuple[EntityFeature, ...]:
    folded = title.casefold()
    found: list[EntityFeature] = []
    top = max((m.mentions for m in members if m.named), default=1) or 1
    for member in members:
        if not member.named or not member.base or member.local_id in places:
            continue
        if outlet and f"n:{outlet}" in member.base:
            continue  # the outlet naming itself ("told VOA") says nothing about the event
        keys = tuple(sorted(k for k in member.base if not k.startswith("g:")))
        specificity = _specificity(member)
        if not keys or specificity == 0.0:
            continue
        in_title = any(name.casefold() in folded for name in member.names if len(name) > 2)
        salience = 1.0 if in_title else min(1.0, member.mentions / top + member.mentions / 8)
        found.append(EntityFeature(keys, specificity * salience, member.type))
    found.sort(key=lambda e: (-e.weight, e.keys))
    return tuple(found[:MAX_ENTITIES])


def _places(places: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, bool], ...]:
    out: dict[str, bool] = {}
    for place in places:
        country = place.get("country")
        feature = place.get("feature")
        if place.get("geonameid"):
            key = f"g:{place['geonameid']}"
        elif country and place.get("admin1"):
            key = f"g:{country}/{place['admin1']}"
        elif country:
            key = f"g:{country}"
        else:
            continue
        out[key] = key != f"g:{country}" and feature not in (None, "country", "continent", "region", "sea")
        county = _county(place)
        if county:
            out[county] = True
    return tuple(sorted(out.items()))


def _county(place: Mapping[str, Any]) -> str | None:
    """Return the key of a county or district known by name in its country (`g:GB//surrey`), or None.

    The gazetteer resolves a county ("Surrey", "Dallas County") to its country and province but
    gives it no id of its own, so without its name it would count as its province, or, with no
    province, as its country only.
    """
    if place.get("feature") != "admin2" or place.get("geonameid") or not place.get("country"):
        return None
    name = " ".join(place.get("name", "").casefold().split())
    return f"g:{place['country']}/{place.get('admin1') or ''}/{name}" if name else None


def _local(places: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Return the keys of the article's towns, cities and counties (finer than a province).

    A county is as local as a town for telling one outbreak from another: both name where it is.
    """
    towns = {f"g:{p['geonameid']}" for p in places if p.get("geonameid") and p.get("feature") == "city"}
    return frozenset(towns | {c for c in map(_county, places) if c})


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_json("story_stopwords.json")["words"])


def _words(text: str) -> list[str]:
    """Return the content words of a text, case and endings folded (`fold`)."""
    stop = _stopwords()
    folded = (w.casefold() for w in _WORD.findall(text.replace("’", "'")))
    return [fold(w) for w in folded if len(w) > 2 and w not in stop]


_DOUBLED = re.compile(r"([bdgkmnprt])\1$")
"""A consonant English doubles before "-ed" and "-ing" ("dropped"); "ll", "ss", "ff" stay ("killed")."""


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Return a word with its regular English endings cut, so inflections compare equal.

    Plural and third-person "-s", "-es", "-ies", past "-ed", "-ing" and a final "e" go, and a
    consonant doubled before the ending is undoubled: "attacks", "attacked" and "attacking"
    fold to "attack"; "dropped" and "dropping" to "drop"; "losing" and "lose" to "los".
    Irregular forms ("fell", "fallen") stay apart.
    """
    if len(word) <= 3 or "'" in word:
        return word
    if len(word) >= 5:
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith(("sses", "shes", "ches", "xes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = _DOUBLED.sub(r"\1", word[: -len(ending)])
            break
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


def _name_words(data: Mapping[str, Any]) -> frozenset[str]:
    """Return the words of the article's names: entities and places are compared as such, not as terms."""
    names = [
        m["text"]
        for e in data.get("entities") or ()
        for m in e.get("mentions") or ()
        if m.get("kind", "name") == "name"
    ]
    names.extend(p["name"] for p in data.get("places") or ())
    return frozenset(_words(" ".join(names)))


def _terms(headline: list[str], text: str, lede_end: int, names: frozenset[str]) -> frozenset[str]:
    key = Counter(w for w in headline + _words(text[:lede_end]) if w not in names)
    for word, n in Counter(_words(text)).items():
        if n >= REPEATED and word not in names:
            key[word] += n
    return frozenset(w for w, _ in sorted(key.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS])


def _first(phrase: str) -> str:
    """Return the first word of a phrase, lower case ("blown up" -> "blown")."""
    words = phrase.casefold().split()
    return words[0] if words else ""


def _head(phrase: str) -> str:
    """Return the last word of a phrase, lower case ("injured people" -> "people")."""
    words = phrase.casefold().split()
    return words[-1] if words else ""
