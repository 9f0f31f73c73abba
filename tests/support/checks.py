"""Checks of the offset and schema invariants, shared by the property, hostile-input and cleaner tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema

from newsgraph.extract.clean import Cleaned
from newsgraph.models import Analysis, json_schema


def check_offsets(raw: str, cleaned: Cleaned) -> None:
    """Every removed span points at its own text in the raw input, in order, without overlap."""
    previous_end = 0
    for span in cleaned.removed:
        assert raw[span.start : span.end] == span.text
        assert span.text == span.text.strip()
        assert span.start >= previous_end
        previous_end = span.end


def iter_spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield (path, object, prefix) for every object holding `<prefix>start`/`<prefix>end` offsets."""
    if isinstance(node, dict):
        for prefix in ("", "speaker_", "cue_"):
            if f"{prefix}start" in node and node[f"{prefix}start"] is not None:
                yield path, node, prefix
        for key, value in node.items():
            yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{index}]")


def span_violations(analysis: Analysis, raw: str | None = None) -> list[str]:
    """Return every broken offset invariant of an Analysis (empty when all hold).

    Offsets index `analysis.text`, except `removed`, which indexes the raw input (`raw`).
    `text` checks: a span's own text, and a quote's `speaker_text`; the cue is a lemma.
    """
    data = analysis.model_dump(mode="json", by_alias=True)
    text = data["text"]
    problems = []
    for path, node, prefix in iter_spans(data):
        start, end = node[f"{prefix}start"], node.get(f"{prefix}end")
        within = raw if path.startswith(".removed") else text
        if within is None:
            continue
        if not (isinstance(end, int) and 0 <= start < end <= len(within)):
            problems.append(f"{path}: {prefix}start={start} {prefix}end={end} outside 0..{len(within)}")
            continue
        quoted = (
            node.get("text") if prefix == "" else node.get("speaker_text") if prefix == "speaker_" else None
        )
        if isinstance(quoted, str) and "removed" not in path and within[start:end] != quoted:
            problems.append(f"{path}: text[{start}:{end}]={within[start:end]!r} != {quoted!r}")
    return problems


_VALIDATOR: list[Any] = []


def schema_errors(analysis: Analysis) -> list[str]:
    """Return the JSON Schema violations of an Analysis's JSON (empty when it validates)."""
    if not _VALIDATOR:
        schema = json_schema()
        _VALIDATOR.append(jsonschema.Draft202012Validator(schema))
    data = analysis.model_dump(mode="json", by_alias=True)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in _VALIDATOR[0].iter_errors(data)]
