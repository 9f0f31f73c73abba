"""The search syntax, translated for each back end, and entity-aware expansion of a query.

The syntax is the same on both back ends: words (all must match), "quoted phrases", `OR`
between terms, `-word` to exclude; SQLite also takes `word*` prefixes. Words are stemmed by the
full-text indexes themselves (FTS5's `porter` tokenizer, PostgreSQL's `english` configuration):
"layoffs" finds "layoff", "talks" finds "talk".

Expansion: words of the query that are, exactly, the name or an alias of a stored entity (the
store's cross-article identity: "WHO" is the World Health Organization, "UN" the United
Nations) are searched under every name of that entity as well. An article found only through
another name is kept when it mentions the entity, so an ambiguous alias (a surname shared by
two people) does not bring in articles about someone else.

    match = expand_query(conn, "WHO cholera")
    for e in match.expansions:
        print(e.words, "also as", ", ".join(e.names))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, select

from newsgraph.errors import InputError
from newsgraph.store.identity import name_key
from newsgraph.store.schema import entities, entity_aliases

MAX_NGRAM = 6
"""Longest run of query words looked up as an entity name."""
MAX_ENTITIES = 5
"""Entities one run of words may name (all are expanded)."""
MAX_NAMES = 12
"""Other names searched per run of words, the most used first."""

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass(frozen=True, slots=True)
class Expansion:
    """Words of a query that name a stored entity, and the entity's other names searched too."""

    words: str
    entity_ids: tuple[int, ...]
    entities: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A query and its expansions (none when it names no entity or expansion is off)."""

    query: str
    expansions: tuple[Expansion, ...] = ()
    rest: str = ""
    """The query without the expanded words (it must match as well)."""

    @property
    def entity_ids(self) -> list[int]:
        """Every expanded entity's id."""
        return sorted({i for e in self.expansions for i in e.entity_ids})


def _fts5_parts(query: str) -> tuple[list[str], list[str]]:
    """The positive and negative FTS5 terms of a query in the search syntax."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        neg, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word == "OR":
            pending_or = bool(positive)
            continue
        if word is not None:
            neg = "-" if word.startswith("-") and len(word) > 1 else ""
            word = word[1:] if neg else word
            prefix = word.endswith("*")
            words = re.findall(r"\w+", word)
            if not words:
                continue
            term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        else:
            words = re.findall(r"\w+", phrase or "")
            if not words:
                continue
            term = '"' + " ".join(words) + '"'
        if neg:
            negative.append(term)
        elif pending_or and positive:
            positive[-1] = f"({positive[-1]} OR {term})"
            pending_or = False
        else:
            positive.append(term)
    return positive, negative


def _fts5_join(query: str, positive: list[str], negative: list[str]) -> str:
    if not positive:
        raise InputError(f"nothing to search for in {query!r}")
    result = " AND ".join(positive)
    for term in negative:
        result = f"({result}) NOT {term}"
    return result


def fts5_query(query: str) -> str:
    """Translate the search syntax (words, "phrases", OR, -word, word*) into an FTS5 query.

    Raises:
        InputError: nothing to search for (only exclusions or punctuation).
    """
    return _fts5_join(query, *_fts5_parts(query))


def _fts5_phrase(text: str) -> str | None:
    words = re.findall(r"\w+", text)
    return '"' + " ".join(words) + '"' if words else None


def fts5_match(match: Match) -> tuple[str, str | None]:
    """Return (the FTS5 query, the unexpanded one when it differs, else None).

    With expansions: `plain OR (rest AND (words OR name OR …) AND …)`.
    """
    plain = fts5_query(match.query)
    if not match.expansions:
        return plain, None
    positive, negative = _fts5_parts(match.rest)
    for e in match.expansions:
        phrases = [p for p in map(_fts5_phrase, (e.words, *e.names)) if p]
        positive.append("(" + " OR ".join(dict.fromkeys(phrases)) + ")")
    return f"({plain}) OR ({_fts5_join(match.query, positive, negative)})", plain


def pg_match(match: Match, params: dict[str, Any]) -> tuple[str, str | None]:
    """Return (SQL of the tsquery, SQL of the unexpanded one when it differs, else None).

    Adds the bind parameters it uses (`q`, `q_rest`, `q_<i>_<j>`) to `params`.
    """
    params["q"] = match.query
    plain = "websearch_to_tsquery('english', :q)"
    if not match.expansions:
        return plain, None
    parts: list[str] = []
    if re.search(r"\w", match.rest):
        params["q_rest"] = match.rest
        parts.append("websearch_to_tsquery('english', :q_rest)")
    for i, e in enumerate(match.expansions):
        alternatives = []
        for j, name in enumerate((e.words, *e.names)):
            params[f"q_{i}_{j}"] = name
            alternatives.append(f"phraseto_tsquery('english', :q_{i}_{j})")
        parts.append("(" + " || ".join(alternatives) + ")")
    return f"({plain} || ({' && '.join(parts)}))", plain


def _runs(query: str) -> list[tuple[list[str], bool]]:
    """Runs of plain positive words (and whole quoted phrases) that may name an entity.

    Each run is (its words, whether it is a quoted phrase); `OR`, `-word` and `word*` break runs.
    """
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for m in _TOKEN.finditer(query):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        plain_word = word is not None and word != "OR" and not word.startswith("-") and not word.endswith("*")
        if plain_word:
            current.append(word)
            continue
        if current:
            runs.append((current, False))
            current = []
        if phrase is not None and not neg and phrase.strip():
            runs.append((phrase.split(), True))
    if current:
        runs.append((current, False))
    return runs


def _lookup(conn: Connection, key: str) -> list[int]:
    """Ids of entities whose name or an alias has exactly this key, most mentioned first."""
    by_alias = select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key)
    rows = conn.execute(
        select(entities.c.id)
        .where((entities.c.name_key == key) | entities.c.id.in_(by_alias))
        .order_by(entities.c.article_count.desc(), entities.c.id)
        .limit(MAX_ENTITIES)
    )
    return [int(r.id) for r in rows]


def _expansion(conn: Connection, words: list[str]) -> Expansion | None:
    text = " ".join(words)
    key = name_key(text)
    if len(key) < 2:
        return None
    ids = _lookup(conn, key)
    if not ids:
        return None
    names = [r.name for r in conn.execute(select(entities.c.name).where(entities.c.id.in_(ids)))]
    aliases = conn.execute(
        select(entity_aliases.c.alias, entity_aliases.c.alias_key)
        .where(and_(entity_aliases.c.entity_id.in_(ids), entity_aliases.c.alias_key != key))
        .order_by(entity_aliases.c.count.desc(), entity_aliases.c.alias)
    )
    other: dict[str, str] = {}
    for name in names:
        if name_key(name) != key:
            other.setdefault(name_key(name), name)
    for r in aliases:
        other.setdefault(r.alias_key, r.alias)
    found = [n for n in other.values() if re.search(r"\w", n)][:MAX_NAMES]
    if not found:
        return None
    return Expansion(text, tuple(ids), tuple(names), tuple(found))


def expand_query(conn: Connection, query: str) -> Match:
    """Find the runs of words in `query` that name stored entities (longest first) and expand them.

    A quoted phrase is looked up whole; other runs by their longest sub-runs (up to MAX_NGRAM
    words), left to right, without overlap.
    """
    expansions: list[Expansion] = []
    used: list[str] = []
    for words, quoted in _runs(query):
        i = 0
        while i < len(words):
            longest = len(words) - i if quoted else min(MAX_NGRAM, len(words) - i)
            found = None
            for n in range(longest, 0, -1):
                found = _expansion(conn, words[i : i + n])
                if found is not None or quoted:
                    break
            if found is None:
                i += len(words) if quoted else 1
                continue
            expansions.append(found)
            used.append(found.words)
            i += len(found.words.split())
    if not expansions:
        return Match(query)
    return Match(query, tuple(expansions), _without(query, used))


def _without(query: str, phrases: list[str]) -> str:
    """The query with each expanded run of words taken out once (quotes around it too)."""
    rest = query
    for phrase in phrases:
        quoted = f'"{phrase}"'
        if quoted in rest:
            rest = rest.replace(quoted, " ", 1)
        else:
            rest = re.sub(r"(?<!\S)" + re.escape(phrase) + r"(?!\S)", " ", rest, count=1)
    return " ".join(rest.split())


@dataclass(frozen=True, slots=True)
class TextCondition:
    """SQL pieces that find a query's text in articles or quotes on one back end."""

    source: str
    """FROM clause (the table as `a` or `q`, joined to its FTS5 table on SQLite)."""
    cond: str
    """WHERE condition."""
    score: str
    """Relevance, lower is better."""
    tsquery: str
    """The expression to highlight with: an FTS5 table name on SQLite, a tsquery on PostgreSQL."""
    params: dict[str, Any]


_TABLES = {
    "articles": ("articles_fts", "articles a", "a", "a.id", "bm25(articles_fts, 2.0, 1.0)"),
    "quotes": ("quotes_fts", "quotes q INDEXED BY ix_quotes_filter", "q", "q.article_id", "bm25(quotes_fts)"),
}


def text_condition(conn: Connection, query: str | Match, table: str, *, ranked: bool = True) -> TextCondition:
    """Return how to match `query` (a Match keeps its expansions) in `articles` or `quotes`.

    With expansions, a hit matches the query with every expanded run of words replaced by any
    name of its entity, and either matches the words as typed or mentions the entity. An article
    that mentions the entity and matches the rest of the query is a hit too, whatever name the
    text uses (PostgreSQL's index drops stop words such as "WHO").

    Raises:
        InputError: nothing to search for.
    """
    match = query if isinstance(query, Match) else Match(query)
    if not match.query.strip():
        raise InputError("nothing to search for")
    if conn.dialect.name == "postgresql":
        return _pg_condition(match, table, ranked)
    fts, from_, alias, article_col, bm25 = _TABLES[table]
    params: dict[str, Any] = {}
    params["q"], plain = fts5_match(match)
    if not plain:
        return TextCondition(
            f"{fts} JOIN {from_} ON {alias}.id = {fts}.rowid",
            f"{fts} MATCH :q",
            bm25 if ranked else "0.0",
            fts,
            params,
        )
    params["q_plain"] = plain
    mentions = _mentions(match, article_col)
    typed = f"({alias}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :q_plain) OR {mentions})"
    if table != "articles":
        joined = f"{fts} JOIN {from_} ON {alias}.id = {fts}.rowid"
        return TextCondition(joined, f"{fts} MATCH :q AND {typed}", bm25 if ranked else "0.0", fts, params)
    positive, negative = _fts5_parts(match.rest)
    rest = ""
    if positive:
        params["q_rest"] = _fts5_join(match.rest, positive, negative)
        rest = f" AND a.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :q_rest)"
    elif negative:
        params["q_rest"] = " OR ".join(negative)
        rest = f" AND a.id NOT IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :q_rest)"
    cond = f"((m.rid IS NOT NULL AND {typed}) OR ({mentions}{rest}))"
    scored = f"(SELECT rowid AS rid, {bm25 if ranked else '0.0'} AS s FROM {fts} WHERE {fts} MATCH :q)"
    return TextCondition(
        f"{from_} LEFT JOIN {scored} m ON m.rid = a.id", cond, "coalesce(m.s, 0.0)", fts, params
    )


def _mentions(match: Match, article_col: str) -> str:
    ids = ", ".join(str(i) for i in match.entity_ids)
    return f"{article_col} IN (SELECT article_id FROM article_entities WHERE entity_id IN ({ids}))"


def _pg_condition(match: Match, table: str, ranked: bool) -> TextCondition:
    _, from_, alias, article_col, _ = _TABLES[table]
    params: dict[str, Any] = {}
    tsq, plain = pg_match(match, params)
    cond = f"{alias}.tsv @@ {tsq}"
    if plain:
        mentions = _mentions(match, article_col)
        cond = f"({cond} AND ({alias}.tsv @@ {plain} OR {mentions}))"
        if table == "articles":
            rest = " AND a.tsv @@ websearch_to_tsquery('english', :q_rest)" if "q_rest" in params else ""
            cond = f"({cond} OR ({mentions}{rest}))"
    score = f"(-ts_rank_cd({alias}.tsv, {tsq}))::float8" if ranked else "0.0"
    return TextCondition(from_.split(" INDEXED BY ")[0], cond, score, tsq, params)
