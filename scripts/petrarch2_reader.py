"""Read PETRARCH2's dictionary formats: actor files, the agents file and the discards file.

Follows PETRARCH2's own reader (`petrarch2/PETRreader.py`, MIT) and its documentation
(`docs/source/dictionaries.rst`), with the corrections `build_knowledge.py` describes; used by
`scripts/build_knowledge.py`. `STATS` counts what was corrected or left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.knowledge.names import phrase_key

STATS: Counter[str] = Counter()
_CODE_GROUP = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\(([^)]*)\)")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass
class Code:
    code: str
    start: int = 0
    """First valid day as YYYYMMDD, 0 when open."""
    end: int = 0
    """Last valid day as YYYYMMDD, 0 when open."""


@dataclass
class RawActor:
    names: list[str]
    codes: list[Code]
    comment: str
    source: str
    line: int
    end_line: int
    uncoded: bool = False
    """Whether the entry says it has no code (`[---]`)."""


# -- reading the PETRARCH2 formats ---------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """Yield (line number, text before '#', comment) for each line that is not blank or a comment."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text, _, comment = raw.partition("#")
        if text.strip() and not text.lstrip().startswith("<!"):
            yield number, text, comment.strip()


def parse_date(text: str) -> int:
    """Return a PETRARCH date (YYMMDD or YYYYMMDD) as YYYYMMDD, 0 when malformed."""
    if not _DATE.match(text):
        return 0
    if len(text) == 6:
        year = int(text[:2])
        text = f"{year + (2000 if year <= 30 else 1900)}{text[2:]}"
    try:
        dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return 0
    return int(text)


def parse_code(group: str) -> Code | None:
    """Parse the inside of one `[CODE dates]` group; None for `[---]`."""
    parts = group.split()
    if not parts or parts[0].strip("-") == "":
        return None
    code, restriction = parts[0].upper(), "".join(parts[1:])
    start = end = 0
    if restriction.startswith(">"):
        start = _checked_date(restriction[1:])
    elif restriction.startswith("<"):
        end = _checked_date(restriction[1:])
    elif "-" in restriction:
        first, _, last = restriction.partition("-")
        start, end = _checked_date(first), _checked_date(last)
    elif restriction:  # a bare date: the day the code starts to hold ([MNEGOV 20121204])
        start = _checked_date(restriction)
    return Code(code, start, end)


def _checked_date(text: str) -> int:
    date = parse_date(text)
    if not date:
        STATS["malformed dates (range left open)"] += 1
    return date


def parse_actor_file(path: Path, source: str) -> list[RawActor]:
    """Read one actor dictionary into entries: names (the first is the entry's own) and codes."""
    actors: list[RawActor] = []
    for number, text, comment in _lines(path):
        groups = _CODE_GROUP.findall(text)
        codes = [c for c in (parse_code(g) for g in groups) if c is not None]
        name = _CODE_GROUP.sub(" ", text).strip()
        if name and not name.startswith("+"):
            actors.append(RawActor([name], codes, comment, source, number, number, len(codes) < len(groups)))
            continue
        if not actors:
            STATS["lines before the first entry (left out)"] += 1
            continue
        actor = actors[-1]
        actor.end_line = number
        actor.codes.extend(codes)
        actor.uncoded |= len(codes) < len(groups)
        if name:
            actor.names.extend(n for n in name.split("+") if n.strip())
            STATS["synonym lines holding two names"] += name.count("+") > 1
    actors = _share_codes(actors)
    for actor in actors:
        _expand_parentheses(actor)
    return actors


def _share_codes(actors: list[RawActor]) -> list[RawActor]:
    """Give entry lines without codes the codes of the entry on the next line.

    `LEONID_BREZHNEV_` / `SECRETARY_BREZHNEV` / `[RUSGOV …]`: consecutive entries ending in
    the same word are one actor; `SARAYAT_AL-QUDS` / `JUND_AL_AQSA` / `[SYRREB]` are separate
    actors with the same codes. An entry without codes and no coded entry right after it, or
    marked `[---]`, is left out.
    """
    out: list[RawActor] = []
    pending: list[RawActor] = []
    for actor in actors:
        if pending and actor.line != pending[-1].end_line + 1:
            STATS["entries without codes (left out)"] += len(pending)
            pending = []
        if not actor.codes:
            if actor.uncoded:
                STATS["entries marked [---] (left out)"] += 1
            else:
                pending.append(actor)
            continue
        last = _last_word(actor.names[0])
        merged = [p for p in pending if _last_word(p.names[0]) == last]
        out.extend(
            RawActor(p.names, list(actor.codes), p.comment, p.source, p.line, 0)
            for p in pending
            if _last_word(p.names[0]) != last
        )
        if merged:
            actor.names = [n for p in merged for n in p.names] + actor.names
            actor.comment = " ".join(p.comment for p in [*merged, actor] if p.comment)
        STATS["entries given the next entry's codes"] += len(pending)
        pending = []
        out.append(actor)
    STATS["entries without codes (left out)"] += len(pending)
    return out


def _last_word(name: str) -> str:
    return phrase_key(name).rpartition(" ")[2]


def _expand_parentheses(actor: RawActor) -> None:
    """`ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_` → `ADEN_ABYAN_ISLAMIC_ARMY_` and its acronym `AAIA`.

    The part in parentheses is kept as a name only when it is an acronym of the name: its
    letters are initials of the name's words, in order (not `GEORGIA_(COUNTRY)`).
    """
    names: list[str] = []
    for name in actor.names:
        inner = _PAREN.findall(name)
        names.append(_PAREN.sub(" ", name))
        initials = "".join(w[0] for w in phrase_key(_PAREN.sub(" ", name)).split())
        names.extend(i for i in inner if _is_acronym(phrase_key(i), initials))
    actor.names = names


def _is_acronym(word: str, initials: str) -> bool:
    if len(word) < 3 or not word.isalpha():
        return False
    rest = iter(initials)
    return all(letter in rest for letter in word)


def parse_agents(path: Path) -> dict[str, tuple[str, str, bool]]:
    """Return agent surface form key → (code, singular display form, whether the form is plural)."""
    sets: dict[str, list[str]] = {}
    agents: dict[str, tuple[str, str, bool]] = {}
    for _, text, _ in _lines(path):
        if "=" in text and text.strip().startswith("!"):
            marker, _, values = text.partition("=")
            sets[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        group = _CODE_GROUP.search(text)
        if group is None:
            STATS["agent lines without a code"] += 1
            continue
        code = group.group(1).strip()
        noun = text[: group.start()].strip()
        plural: str | None = None
        if "{" in noun:
            noun, _, rest = noun.partition("{")
            plural = rest.partition("}")[0].strip()
        for singular, plural_form in _agent_forms(noun.strip(), plural, sets):
            _add_agent(agents, singular, code, singular, False)
            if plural_form:
                _add_agent(agents, plural_form, code, singular, True)
    return agents


def _agent_forms(noun: str, plural: str | None, sets: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """Yield (singular, plural or '') for an agent line, expanding a `!SET!` marker."""
    marker = re.search(r"!([^!]+)!", noun)
    if marker:
        for value in sets.get(marker.group(1), ()):
            yield noun[: marker.start()] + value + noun[marker.end() :], ""
        return
    yield noun, (plural if plural is not None else _regular_plural(noun))


def _regular_plural(noun: str) -> str:
    word = noun.rstrip("_ ")
    if re.search(r"[^AEIOU]Y$", word, re.IGNORECASE):
        return word[:-1] + "IES"
    if re.search(r"(S|X|Z|CH|SH)$", word, re.IGNORECASE):
        return word + "ES"
    return word + "S"


def _add_agent(
    agents: dict[str, tuple[str, str, bool]], form: str, code: str, lemma: str, plural: bool
) -> None:
    key = phrase_key(form)
    if not key:
        return
    if key in agents and agents[key][0] != code:
        STATS["agent forms with two codes (first kept)"] += 1
        return
    agents.setdefault(key, (code, phrase_key(lemma), plural))


def parse_discards(path: Path) -> dict[str, str]:
    """Return discard phrase key → "story" or "sentence"."""
    discards: dict[str, str] = {}
    for _, text, _ in _lines(path):
        phrase = text.strip()
        scope = "story" if phrase.startswith("+") else "sentence"
        key = phrase_key(phrase.lstrip("+"))
        if key and discards.get(key) != "story":
            discards[key] = scope
    return discards
