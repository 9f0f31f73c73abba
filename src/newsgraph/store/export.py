"""Export the store's tables as JSON Lines, CSV or Parquet, streamed in chunks, optionally filtered.

    with engine.connect() as conn, open("quotes.parquet", "wb") as out:
        count = export(conn, "quotes", "parquet", out, ExportFilters(since="2021-07", source="VOA"))

Kinds: `entities` (the cross-article entities, with their aliases and roles), one per fact
table of `newsgraph.rows` — `articles` (with the full Analysis), `article_entities`, `mentions`
(what the xdoc scorer reads), `quotes`, `events` (with their actors), `quantities`, `times` and
`places` — and `stories` (the articles reporting one event: counts and dates) and `claims` (every
figure of every story's claim tables, one row each: `store.stories.claims.ClaimRow`). A fact kind
has the columns of its fact table under the same names as in the batch job's Parquet and the
data dictionary, with the store's keys: the row's `id`, its `article_id` and `doc_id`, the stored
entities its references resolve to (`speaker_id`, `speaker_name`, …), and its article's
`source`, `published_day`, `published` and `url`; a claim's figure has the columns of the
quantity it is under the same names. Lists and spans are lists and structs in JSON Lines and
Parquet, JSON text in CSV. Rows come in id order (facts without an id by article, then in text
order). Filters (`--since`, `--until`, `--source`) keep the facts of the articles they allow,
and the stories (with all their claim tables) that have such an article; they do not apply to
`entities`, which span all articles.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from typing import IO, Any

import orjson
from sqlalchemy import Connection, Select, Table, Text, cast, func, select

from newsgraph.errors import InputError
from newsgraph.extras import require
from newsgraph.rows import KEY_COLUMNS, TABLES, ColumnType
from newsgraph.store import schema as s
from newsgraph.store.search import day_bound
from newsgraph.store.stories.claims import CLAIM_COLUMNS, ClaimRow, claim_rows, claim_tables
from newsgraph.store.stories.read import StorySummary

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
CHUNK = 1000

Columns = tuple[tuple[str, ColumnType], ...]
Enrich = Callable[[Connection, list[dict[str, Any]]], None]


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which articles' facts to export: publication days (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
    inclusive) and the source's name (case-insensitive)."""

    since: str | None = None
    until: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        day_bound(self.since, end=False)  # InputError for a bad date, before any output
        day_bound(self.until, end=True)

    def __bool__(self) -> bool:
        return any((self.since, self.until, self.source))


@dataclass(frozen=True, slots=True)
class _Export:
    columns: Columns
    query: Callable[[ExportFilters], Select[Any]]
    enrich: Enrich | None = None


def _key(name: str) -> tuple[str, ColumnType]:
    kind = KEY_COLUMNS[name][0]
    return name, ColumnType(kind) if kind != "list" else ColumnType("list", item=ColumnType("str"))


_INT_LIST = ColumnType("list", item=ColumnType("int"))
_STR_LIST = ColumnType("list", item=ColumnType("str"))


def _filtered(stmt: Select[Any], filters: ExportFilters) -> Select[Any]:
    """Restrict a query joined to `articles` and `sources` to the articles the filters allow."""
    a = s.articles.c
    if filters.since:
        stmt = stmt.where(a.published_day >= day_bound(filters.since, end=False))
    if filters.until:
        stmt = stmt.where(a.published_day <= day_bound(filters.until, end=True))
    if filters.source:
        stmt = stmt.where(func.lower(s.sources.c.name) == filters.source.lower())
    return stmt


@dataclass(frozen=True, slots=True)
class _Fact:
    """How a fact table is exported: the stored entities its references resolve to (id column →
    the labels it gets: `X_name`, `X_type`), the article columns it carries, its order, and what
    `enrich` adds (`added`)."""

    table: Table
    references: dict[str, tuple[str, ...]]
    context: tuple[str, ...]
    order: Callable[[Table], tuple[Any, ...]]
    added: Columns = ()
    enrich: Enrich | None = None

    def spec(self) -> _Export:
        own = self.table.c
        front = tuple(_key(k) for k in ("id", "article_id", "doc_id") if k in own or k == "doc_id")
        facts = tuple((c.name, c.type) for c in TABLES[self.table.name].columns)
        refs = tuple(_key(k) for column, labels in self.references.items() for k in (column, *labels))
        context = tuple(_key(k) for k in self.context)
        return _Export(front + facts + refs + context + self.added, self.query, self.enrich)

    def query(self, filters: ExportFilters) -> Select[Any]:
        a, t = s.articles.c, self.table.c
        fields: list[Any] = [t[n] for n in ("id", "article_id") if n in t] + [a.doc_id]
        fields += [t[c.name] for c in TABLES[self.table.name].columns if c.name in t]
        joined = s.articles.join(self.table, t.article_id == a.id).outerjoin(
            s.sources, s.sources.c.id == a.source_id
        )
        for number, (column, labels) in enumerate(self.references.items()):
            entity = s.entities.alias(f"e{number}")
            fields += [t[column], *(entity.c[label.rsplit("_", 1)[1]].label(label) for label in labels)]
            joined = joined.outerjoin(entity, entity.c.id == t[column])
        article = {
            "source": s.sources.c.name.label("source"),
            "published_day": a.published_day,
            "published": a.published,
            "url": a.url,
        }
        fields += [article[name] for name in self.context]
        return _filtered(select(*fields).select_from(joined), filters).order_by(*self.order(self.table))


def _by_article(*columns: str) -> Callable[[Table], tuple[Any, ...]]:
    def order(table: Table) -> tuple[Any, ...]:
        return (table.c.article_id, *(table.c[c] for c in columns))

    return order


def _by_id(table: Table) -> tuple[Any, ...]:
    return (table.c.id,)


def _by_local_id(table: Table) -> tuple[Any, ...]:
    """By article, then the article-local id in its numeric order (`e2` before `e10`)."""
    return (table.c.article_id, func.length(table.c.local_id), table.c.local_id)


_ARTICLE_ROWS = TABLES["articles"].columns
_ANALYSIS = ColumnType("struct")
"""The whole Analysis: read as its JSON text (not parsed), an object in JSON Lines, the text elsewhere."""


def _articles(filters: ExportFilters) -> Select[Any]:
    a = s.articles.c
    fields = [s.sources.c.name.label("source") if c.name == "source" else a[c.name] for c in _ARTICLE_ROWS]
    analysis = cast(a.analysis, Text).label("analysis")
    stmt = select(a.id, *fields, a.story_id, a.published_day, analysis).select_from(
        s.articles.outerjoin(s.sources, s.sources.c.id == a.source_id)
    )
    return _filtered(stmt, filters).order_by(a.id)


def _entities(filters: ExportFilters) -> Select[Any]:
    if filters:
        raise InputError("entities span every article: --since, --until and --source do not apply")
    e = s.entities.c
    return select(e.id, e.type, e.name, e.article_count, e.mention_count).order_by(e.id)


def _entity_lists(conn: Connection, rows: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in rows]
    for table, column, name in ((s.entity_aliases, "alias", "aliases"), (s.entity_roles, "role", "roles")):
        found: dict[int, list[str]] = defaultdict(list)
        c = table.c
        for r in conn.execute(
            select(c.entity_id, c[column])
            .where(c.entity_id.in_(ids))
            .order_by(c.entity_id, c.count.desc(), c[column])
        ):
            found[r[0]].append(r[1])
        for row in rows:
            row[name] = found.get(row["id"], [])


def _event_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    found: dict[tuple[int, str], list[Any]] = defaultdict(list)
    ea = s.event_actors.c
    for r in conn.execute(
        select(ea.event_id, ea.role, ea.entity_id, ea.entity_local_id, s.entities.c.name)
        .join(s.entities, s.entities.c.id == ea.entity_id)
        .where(ea.event_id.in_([r["id"] for r in rows]))
        .order_by(ea.event_id, ea.role, ea.position)
    ):
        found[(r.event_id, r.role)].append(r)
    for row in rows:
        for role in ("source", "target"):
            actors = found.get((row["id"], role), [])
            row[f"{role}_actor_local_ids"] = [a.entity_local_id for a in actors]
            row[f"{role}_actor_ids"] = [a.entity_id for a in actors]
            row[f"{role}_actor_names"] = [a.name for a in actors]


_ARTICLE = ("source", "published_day", "published", "url")
_ACTORS: Columns = tuple(
    (f"{role}_actor_{what}", _INT_LIST if what == "ids" else _STR_LIST)
    for role in ("source", "target")
    for what in ("ids", "names")
)

_FACTS = {
    "article_entities": _Fact(
        s.article_entities,
        {"entity_id": ("entity_name",), "affiliation_id": ("affiliation_name",)},
        ("published_day",),
        _by_local_id,
    ),
    "mentions": _Fact(
        s.mentions, {"entity_id": ("entity_type", "entity_name")}, (), _by_article("start", "end", "seq")
    ),
    "quotes": _Fact(s.quotes, {"speaker_id": ("speaker_name",)}, _ARTICLE, _by_id),
    "events": _Fact(s.events, {}, _ARTICLE, _by_id, _ACTORS, _event_actors),
    "quantities": _Fact(s.quantities, {"claimant_id": ("claimant_name",)}, _ARTICLE, _by_id),
    "times": _Fact(s.times, {}, ("published_day",), _by_article("start", "local_id")),
    "places": _Fact(s.places, {"entity_id": ("entity_name",)}, ("published_day",), _by_local_id),
}

_SQL_KINDS: dict[type, ColumnType] = {int: ColumnType("int"), str: ColumnType("str")}


def _story_columns() -> Columns:
    """The columns of a story: those of `StorySummary` (the API's), typed by the `stories` table."""
    return tuple((f.name, _SQL_KINDS[s.stories.c[f.name].type.python_type]) for f in fields(StorySummary))


def _stories(filters: ExportFilters) -> Select[Any]:
    st = s.stories.c
    stmt = select(*(st[name] for name, _ in _story_columns()))
    if filters:
        a = s.articles.c
        allowed = select(a.story_id).select_from(
            s.articles.outerjoin(s.sources, s.sources.c.id == a.source_id)
        )
        stmt = stmt.where(st.id.in_(_filtered(allowed.where(a.story_id.is_not(None)), filters)))
    return stmt.order_by(st.id)


def _claim_columns() -> Columns:
    """The columns of a `ClaimRow`: its own (`CLAIM_COLUMNS`), the quantity's, and the keys."""
    quantities = TABLES["quantities"]
    out: list[tuple[str, ColumnType]] = []
    for f in fields(ClaimRow):
        if f.name in CLAIM_COLUMNS:
            out.append((f.name, ColumnType(CLAIM_COLUMNS[f.name][0])))
        elif f.name in quantities.names:
            out.append((f.name, quantities.column(f.name).type))
        else:
            out.append(_key(f.name))
    return tuple(out)


def _claim_stories(filters: ExportFilters) -> Select[Any]:
    return _stories(filters).with_only_columns(s.stories.c.id)


def _claim_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Replace each story of the chunk by the figures of its claim tables."""
    rows[:] = [
        asdict(row) for story in rows for row in claim_rows(story["id"], claim_tables(conn, story["id"]))
    ]


EXPORTS: dict[str, _Export] = {
    "articles": _Export(
        (
            _key("id"),
            *((c.name, c.type) for c in _ARTICLE_ROWS),
            _key("story_id"),
            _key("published_day"),
            ("analysis", _ANALYSIS),
        ),
        _articles,
    ),
    "entities": _Export(
        (
            ("id", ColumnType("int")),
            ("type", ColumnType("str")),
            ("name", ColumnType("str")),
            ("article_count", ColumnType("int")),
            ("mention_count", ColumnType("int")),
            ("aliases", _STR_LIST),
            ("roles", _STR_LIST),
        ),
        _entities,
        _entity_lists,
    ),
    **{name: fact.spec() for name, fact in _FACTS.items()},
    "stories": _Export(_story_columns(), _stories),
    "claims": _Export(_claim_columns(), _claim_stories, _claim_rows),
}
"""Every kind of export: its columns and types, its query, and what fills the columns it does not select."""

KINDS: tuple[str, ...] = tuple(EXPORTS)


def iter_rows(
    conn: Connection, kind: str, filters: ExportFilters | None = None
) -> Iterator[list[dict[str, Any]]]:
    """Return the rows of an export kind in chunks of dicts, columns in export order.

    Raises:
        InputError: unknown kind, or filters on `entities` (at once, before any row).
    """
    spec = EXPORTS.get(kind)
    if spec is None:
        raise InputError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    return _chunks(conn, spec, spec.query(filters or ExportFilters()))


def _chunks(conn: Connection, spec: _Export, query: Select[Any]) -> Iterator[list[dict[str, Any]]]:
    lists = [name for name, kind in spec.columns if kind.kind == "list"]
    result = conn.execution_options(yield_per=CHUNK).execute(query)
    for partition in result.partitions():
        rows = [dict(r._mapping) for r in partition]
        if spec.enrich is not None:
            spec.enrich(conn, rows)
        for row in rows:
            for name in lists:
                if row.get(name) is None:  # the store keeps an empty list as NULL
                    row[name] = []
        yield [{name: row.get(name) for name, _ in spec.columns} for row in rows]


def export(
    conn: Connection, kind: str, fmt: str, out: IO[bytes], filters: ExportFilters | None = None
) -> int:
    """Write every row of `kind` (of the articles `filters` allow) to the binary stream `out` in
    format `fmt`; return the row count.

    Raises:
        InputError: unknown kind or format, or filters on `entities`.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return write_rows(iter_rows(conn, kind, filters), kind, fmt, out)


def write_rows(chunks: Iterator[list[dict[str, Any]]], kind: str, fmt: str, out: IO[bytes]) -> int:
    """Write the chunks `iter_rows(…, kind)` gives to `out` in format `fmt`; return the row count."""
    columns = EXPORTS[kind].columns
    if fmt == "jsonl":
        return _jsonl(chunks, out, columns)
    if fmt == "csv":
        return _csv(chunks, out, columns)
    return _parquet(chunks, out, columns)


def _jsonl(chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], columns: Columns) -> int:
    whole = [name for name, kind in columns if kind is _ANALYSIS]
    count = 0
    for rows in chunks:
        for row in rows:
            for name in whole:
                row[name] = orjson.Fragment(row[name])
            out.write(orjson.dumps(row) + b"\n")
            count += 1
    return count


def _flat(columns: Columns) -> list[str]:
    """The columns CSV writes as JSON text (lists, structs; the Analysis is JSON text already)."""
    return [name for name, kind in columns if not kind.scalar and kind is not _ANALYSIS]


def _csv(chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], columns: Columns) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[name for name, _ in columns])
    writer.writeheader()
    nested = _flat(columns)
    count = 0
    for rows in chunks:
        for row in rows:
            for name in nested:
                row[name] = orjson.dumps(row[name]).decode() if row[name] is not None else None
        writer.writerows(rows)
        count += len(rows)
    text.flush()
    text.detach()
    return count


def _parquet(chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], columns: Columns) -> int:
    require("parquet", "Parquet export")
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    from newsgraph.arrow import arrow_schema

    schema = arrow_schema((name, ColumnType("str") if kind is _ANALYSIS else kind) for name, kind in columns)
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in chunks:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
