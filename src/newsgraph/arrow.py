"""Arrow types of the fact tables' columns: lists stay lists, spans structs (the `parquet` extra).

    schema = arrow_schema([("doc_id", ColumnType("str")), *((c.name, c.type) for c in table.columns)])

Used by the batch job's Parquet datasets (`batch.parquet`) and by `newsgraph export --format
parquet` (`store.export`), so a column has one Arrow type in both.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

from newsgraph.rows import ColumnType

_SCALARS = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def arrow_type(kind: ColumnType) -> pa.DataType:
    """Return the Arrow type of a column type: scalars as such, lists as lists, structs as structs."""
    if kind.kind == "list":
        assert kind.item is not None
        return pa.list_(arrow_type(kind.item))
    if kind.kind == "struct":
        return pa.struct([pa.field(name, arrow_type(sub)) for name, sub in kind.fields])
    return _SCALARS[kind.kind]


def arrow_schema(columns: Iterable[tuple[str, ColumnType]], *, required: Iterable[str] = ()) -> pa.Schema:
    """Return the Arrow schema of named columns; the `required` ones are not nullable."""
    needed = set(required)
    return pa.schema(
        [pa.field(name, arrow_type(kind), nullable=name not in needed) for name, kind in columns]
    )
