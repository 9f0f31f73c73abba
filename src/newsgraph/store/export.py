"""Export the store's tables as JSON Lines, CSV or Parquet, streamed in chunks.

    with engine.connect() as conn, open("quotes.csv", "wb") as out:
        count = export(conn, "quotes", "csv", out)

Kinds: `articles` (JSONL carries each full Analysis under `analysis`), `entities` (with their
aliases and roles), `mentions` (every mention with its article's input id, its offsets and the
stored entity it was resolved to: what the xdoc scorer reads), `quotes` (with speaker names),
`events` (with actor names), `quantities` (with claimants), `stories` (the articles reporting one
event: counts and dates) and `claims` (every figure of every story's claim tables, one row each,
with its table's counted noun, predicate and disagreement flag). Rows come in id order (mentions
by article, then in text order); names of linked entities are resolved so each file stands on
its own. Parquet columns have fixed types, so files of one kind concatenate.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

import orjson
from sqlalchemy import Connection, Select, select

from newsgraph.errors import InputError
from newsgraph.extras import require
from newsgraph.store import schema as s
from newsgraph.store.stories.claims import claim_tables

Kind = Literal["articles", "entities", "mentions", "quotes", "events", "quantities", "stories", "claims"]
Format = Literal["jsonl", "csv", "parquet"]
KINDS: tuple[str, ...] = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "events",
    "quantities",
    "stories",
    "claims",
)
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
CHUNK = 1000

ColumnType = Literal["int", "float", "str", "bool"]


@dataclass(frozen=True, slots=True)
class _Export:
    columns: tuple[tuple[str, ColumnType], ...]
    query: Callable[[], Select[Any]]
    enrich: Callable[[Connection, list[dict[str, Any]]], None] | None = None


def _articles() -> Select[Any]:
    a = s.articles.c
    return (
        select(
            a.id,
            a.hash,
            a.doc_id,
            s.sources.c.name.label("source"),
            a.url,
            a.title,
            a.published,
            a.published_source,
            a.language,
            a.authors,
            a.story_id,
            a.text,
            a.analysis,
        )
        .select_from(s.articles.outerjoin(s.sources, s.sources.c.id == a.source_id))
        .order_by(a.id)
    )


def _entities() -> Select[Any]:
    e = s.entities.c
    return select(e.id, e.type, e.name, e.article_count, e.mention_count).order_by(e.id)


def _entity_lists(conn: Connection, rows: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[str]] = defaultdict(list)
    al, ro = s.entity_aliases.c, s.entity_roles.c
    for r in conn.execute(
        select(al.entity_id, al.alias)
        .where(al.entity_id.in_(ids))
        .order_by(al.entity_id, al.count.desc(), al.alias)
    ):
        aliases[r.entity_id].append(r.alias)
    for r in conn.execute(
        select(ro.entity_id, ro.role)
        .where(ro.entity_id.in_(ids))
        .order_by(ro.entity_id, ro.count.desc(), ro.role)
    ):
        roles[r.entity_id].append(r.role)
    for row in rows:
        row["aliases"] = "; ".join(aliases.get(row["id"], []))
        row["roles"] = "; ".join(roles.get(row["id"], []))


def _mentions() -> Select[Any]:
    m, a, e = s.mentions.c, s.articles.c, s.entities.c
    return (
        select(
            a.doc_id,
            m.article_id,
            m.start,
            m.end,
            m.text,
            m.kind,
            m.entity_id,
            e.type,
            e.name,
        )
        .select_from(s.mentions.join(s.articles, a.id == m.article_id).join(s.entities, e.id == m.entity_id))
        .order_by(m.article_id, m.start, m.end, m.seq)
    )


def _quotes() -> Select[Any]:
    q, a = s.quotes.c, s.articles.c
    return (
        select(
            q.id,
            q.article_id,
            q.kind,
            q.text,
            q.speaker_id,
            s.entities.c.name.label("speaker"),
            q.speaker_text,
            q.cue,
            s.sources.c.name.label("source"),
            a.published,
            a.url,
            q.start,
            q.end,
        )
        .select_from(
            s.quotes.join(s.articles, a.id == q.article_id)
            .outerjoin(s.sources, s.sources.c.id == q.source_id)
            .outerjoin(s.entities, s.entities.c.id == q.speaker_id)
        )
        .order_by(q.id)
    )


def _events() -> Select[Any]:
    ev, a = s.events.c, s.articles.c
    return (
        select(
            ev.id,
            ev.article_id,
            ev.type,
            ev.mode,
            ev.trigger_text.label("trigger"),
            ev.source_text,
            ev.target_text,
            ev.place_name.label("place"),
            ev.country,
            ev.lat,
            ev.lon,
            ev.time_value.label("time"),
            ev.negated,
            ev.confidence,
            s.sources.c.name.label("source"),
            a.published,
            a.url,
        )
        .select_from(
            s.events.join(s.articles, a.id == ev.article_id).outerjoin(
                s.sources, s.sources.c.id == ev.source_id
            )
        )
        .order_by(ev.id)
    )


def _event_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in rows]
    names: dict[tuple[int, str], list[str]] = defaultdict(list)
    ea = s.event_actors.c
    for r in conn.execute(
        select(ea.event_id, ea.role, s.entities.c.name)
        .join(s.entities, s.entities.c.id == ea.entity_id)
        .where(ea.event_id.in_(ids))
        .order_by(ea.event_id, ea.role, ea.position)
    ):
        names[(r.event_id, r.role)].append(r.name)
    for row in rows:
        row["source_actors"] = "; ".join(names.get((row["id"], "source"), []))
        row["target_actors"] = "; ".join(names.get((row["id"], "target"), []))


def _quantities() -> Select[Any]:
    q, a = s.quantities.c, s.articles.c
    return (
        select(
            q.id,
            q.article_id,
            q.text,
            q.value,
            q.low,
            q.high,
            q.approximate,
            q.unit,
            q.kind,
            q.currency,
            q.claimant_id,
            s.entities.c.name.label("claimant"),
            s.sources.c.name.label("source"),
            a.published,
            a.url,
        )
        .select_from(
            s.quantities.join(s.articles, a.id == q.article_id)
            .outerjoin(s.sources, s.sources.c.id == q.source_id)
            .outerjoin(s.entities, s.entities.c.id == q.claimant_id)
        )
        .order_by(q.id)
    )


def _stories() -> Select[Any]:
    st = s.stories.c
    return select(
        st.id, st.title, st.article_count, st.source_count, st.first_published, st.last_published
    ).order_by(st.id)


def _claim_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Replace each story of the chunk by the figures of its claim tables."""
    out: list[dict[str, Any]] = []
    for row in rows:
        for number, table in enumerate(claim_tables(conn, row["story_id"]), start=1):
            for figure in table.figures:
                out.append(
                    {
                        "story_id": row["story_id"],
                        "table": number,
                        "counted": table.counted,
                        "predicate": table.predicate,
                        "kind": table.kind,
                        "disagree": table.disagree,
                        **{k: getattr(figure, k) for k in _FIGURE_COLUMNS},
                    }
                )
    rows[:] = out


_FIGURE_COLUMNS = (
    "quantity_id",
    "article_id",
    "value",
    "text",
    "approximate",
    "claimant_id",
    "claimant",
    "source",
    "published",
    "start",
    "end",
    "sentence",
)


EXPORTS: dict[str, _Export] = {
    "articles": _Export(
        (
            ("id", "int"),
            ("hash", "str"),
            ("doc_id", "str"),
            ("source", "str"),
            ("url", "str"),
            ("title", "str"),
            ("published", "str"),
            ("published_source", "str"),
            ("language", "str"),
            ("authors", "str"),
            ("story_id", "int"),
            ("text", "str"),
            ("analysis", "str"),
        ),
        _articles,
    ),
    "entities": _Export(
        (
            ("id", "int"),
            ("type", "str"),
            ("name", "str"),
            ("article_count", "int"),
            ("mention_count", "int"),
            ("aliases", "str"),
            ("roles", "str"),
        ),
        _entities,
        _entity_lists,
    ),
    "mentions": _Export(
        (
            ("doc_id", "str"),
            ("article_id", "int"),
            ("start", "int"),
            ("end", "int"),
            ("text", "str"),
            ("kind", "str"),
            ("entity_id", "int"),
            ("type", "str"),
            ("name", "str"),
        ),
        _mentions,
    ),
    "quotes": _Export(
        (
            ("id", "int"),
            ("article_id", "int"),
            ("kind", "str"),
            ("text", "str"),
            ("speaker_id", "int"),
            ("speaker", "str"),
            ("speaker_text", "str"),
            ("cue", "str"),
            ("source", "str"),
            ("published", "str"),
            ("url", "str"),
            ("start", "int"),
            ("end", "int"),
        ),
        _quotes,
    ),
    "events": _Export(
        (
            ("id", "int"),
            ("article_id", "int"),
            ("type", "str"),
            ("mode", "str"),
            ("trigger", "str"),
            ("source_actors", "str"),
            ("target_actors", "str"),
            ("source_text", "str"),
            ("target_text", "str"),
            ("place", "str"),
            ("country", "str"),
            ("lat", "float"),
            ("lon", "float"),
            ("time", "str"),
            ("negated", "bool"),
            ("confidence", "float"),
            ("source", "str"),
            ("published", "str"),
            ("url", "str"),
        ),
        _events,
        _event_actors,
    ),
    "quantities": _Export(
        (
            ("id", "int"),
            ("article_id", "int"),
            ("text", "str"),
            ("value", "float"),
            ("low", "float"),
            ("high", "float"),
            ("approximate", "bool"),
            ("unit", "str"),
            ("kind", "str"),
            ("currency", "str"),
            ("claimant_id", "int"),
            ("claimant", "str"),
            ("source", "str"),
            ("published", "str"),
            ("url", "str"),
        ),
        _quantities,
    ),
    "stories": _Export(
        (
            ("id", "int"),
            ("title", "str"),
            ("article_count", "int"),
            ("source_count", "int"),
            ("first_published", "str"),
            ("last_published", "str"),
        ),
        _stories,
    ),
    "claims": _Export(
        (
            ("story_id", "int"),
            ("table", "int"),
            ("counted", "str"),
            ("predicate", "str"),
            ("kind", "str"),
            ("disagree", "bool"),
            ("quantity_id", "int"),
            ("article_id", "int"),
            ("value", "float"),
            ("text", "str"),
            ("approximate", "bool"),
            ("claimant_id", "int"),
            ("claimant", "str"),
            ("source", "str"),
            ("published", "str"),
            ("start", "int"),
            ("end", "int"),
            ("sentence", "str"),
        ),
        lambda: select(s.stories.c.id.label("story_id")).order_by(s.stories.c.id),
        _claim_rows,
    ),
}


def iter_rows(conn: Connection, kind: str) -> Iterator[list[dict[str, Any]]]:
    """Yield the rows of an export kind in chunks of dicts, columns in export order.

    Raises:
        InputError: unknown kind.
    """
    spec = EXPORTS.get(kind)
    if spec is None:
        raise InputError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    names = [name for name, _ in spec.columns]
    result = conn.execution_options(yield_per=CHUNK).execute(spec.query())
    for partition in result.partitions():
        rows = [dict(r._mapping) for r in partition]
        if spec.enrich is not None:
            spec.enrich(conn, rows)
        for row in rows:
            if "negated" in row or "approximate" in row:
                for flag in ("negated", "approximate"):
                    if flag in row and row[flag] is not None:
                        row[flag] = bool(row[flag])
        yield [{name: row.get(name) for name in names} for row in rows]


def export(conn: Connection, kind: str, fmt: str, out: IO[bytes]) -> int:
    """Write every row of `kind` to the binary stream `out` in format `fmt`; return the row count.

    Raises:
        InputError: unknown kind or format.
    """
    if kind not in EXPORTS:
        raise InputError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    chunks = iter_rows(conn, kind)
    if fmt == "jsonl":
        return _jsonl(chunks, out, kind)
    if fmt == "csv":
        return _csv(chunks, out, [name for name, _ in EXPORTS[kind].columns])
    return _parquet(chunks, out, EXPORTS[kind].columns)


def _jsonl(chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], kind: str) -> int:
    count = 0
    for rows in chunks:
        for row in rows:
            if kind == "articles":
                row["authors"] = orjson.loads(row["authors"]) if row["authors"] else []
                row["analysis"] = orjson.Fragment(row["analysis"])
            out.write(orjson.dumps(row) + b"\n")
            count += 1
    return count


def _csv(chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], names: list[str]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=names)
    writer.writeheader()
    count = 0
    for rows in chunks:
        writer.writerows(rows)
        count += len(rows)
    text.flush()
    text.detach()
    return count


def _parquet(
    chunks: Iterator[list[dict[str, Any]]], out: IO[bytes], columns: tuple[tuple[str, ColumnType], ...]
) -> int:
    require("parquet", "Parquet export")
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in chunks:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
