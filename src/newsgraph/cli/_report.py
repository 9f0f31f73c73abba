"""The readable report `newsgraph analyze FILE` prints: one section per kind of fact."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph.models import Analysis

PREVIEW_LINES = 6


def _name(analysis: Analysis, entity_id: str | None) -> str:
    entity = analysis.entity(entity_id)
    return entity.name if entity else ""


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


Row = tuple[str, ...]


def print_report(analysis: Analysis, console: Console) -> None:
    """Print the report of one Analysis: text preview, then every non-empty section."""
    _print_head(analysis, console)
    _print_text(analysis, console)
    _print_summary(analysis, console)
    sections = (
        ("Entities", ("id", "name", "type", "mentions", "aliases", "roles", "affiliation"), _entity_rows),
        ("Quotes", ("speaker", "kind", "cue", "quote"), _quote_rows),
        ("Events", ("type", "source", "target", "trigger", "where", "when", "conf"), _event_rows),
        ("Numbers", ("text", "value", "unit", "approx", "claimant"), _number_rows),
        ("Times", ("text", "type", "value"), _time_rows),
        ("Places", ("name", "country", "lat", "lon", "mentions"), _place_rows),
    )
    for title, columns, rows in sections:
        found = rows(analysis)
        if found:
            table = Table()
            for column in columns:
                table.add_column(column)
            for row in found:
                table.add_row(*row)
            console.rule(f"{title} ({len(found)})")
            console.print(table)


def _print_head(analysis: Analysis, console: Console) -> None:
    head = Text()
    head.append(analysis.title or "(untitled)", style="bold")
    meta = [x for x in (analysis.source, analysis.published, analysis.url) if x]
    if meta:
        head.append("\n" + " · ".join(meta), style="dim")
    if analysis.authors:
        head.append("\nby " + ", ".join(analysis.authors), style="dim")
    if analysis.dateline:
        head.append(f"\ndateline: {analysis.dateline}", style="dim")
    head.append(
        f"\nid {analysis.id} · {len(analysis.text):,} characters · {len(analysis.sentences)} sentences"
    )
    console.print(head)


def _print_text(analysis: Analysis, console: Console) -> None:
    lines = [line for line in analysis.text.splitlines() if line.strip()]
    console.rule("Text")
    for line in lines[:PREVIEW_LINES]:
        console.print(_clip(line, 160), highlight=False)
    if len(lines) > PREVIEW_LINES:
        console.print(f"[dim]… {len(lines) - PREVIEW_LINES} more lines[/dim]")
    if analysis.removed:
        reasons = ", ".join(sorted({r.reason for r in analysis.removed}))
        size = sum(r.end - r.start for r in analysis.removed)
        console.print(f"[dim]removed {len(analysis.removed)} pieces ({size:,} characters): {reasons}[/dim]")


def _print_summary(analysis: Analysis, console: Console) -> None:
    if analysis.summary:
        console.rule("Summary")
        for index in analysis.summary:
            if 0 <= index < len(analysis.sentences):
                s = analysis.sentences[index]
                console.print("• " + _clip(analysis.text[s.start : s.end], 200), highlight=False)


def _entity_rows(analysis: Analysis) -> list[Row]:
    return [
        (
            e.id,
            escape(e.name),
            e.type,
            str(len(e.mentions)),
            escape(", ".join(e.aliases)),
            escape("; ".join(e.roles)),
            escape(_name(analysis, e.affiliation) or ""),
        )
        for e in analysis.entities
    ]


def _quote_rows(analysis: Analysis) -> list[Row]:
    rows: list[Row] = []
    for q in analysis.quotes:
        speaker = _name(analysis, q.speaker) or q.speaker_text or "?"
        if q.speaker_text and q.speaker_text != speaker:
            speaker += f" ({q.speaker_text})"
        said = " … ".join(f.text for f in q.fragments) if q.fragments else q.text
        rows.append((escape(speaker), q.kind, q.cue or "", escape(_clip(said, 100))))
    return rows


def _event_rows(analysis: Analysis) -> list[Row]:
    rows: list[Row] = []
    for v in analysis.events:
        source = ", ".join(_name(analysis, s) for s in v.source) or v.source_text or ""
        target = ", ".join(_name(analysis, t) for t in v.target) or v.target_text or ""
        kind = v.type + (f"/{v.mode}" if v.mode else "") + (" (negated)" if v.negated else "")
        where, when = escape(v.place_text or ""), escape(v.time_text or "")
        rows.append(
            (kind, escape(source), escape(target), escape(v.trigger.text), where, when, f"{v.confidence:.2f}")
        )
    return rows


def _number_rows(analysis: Analysis) -> list[Row]:
    rows: list[Row] = []
    for n in analysis.quantities:
        value = (
            f"{n.low:,.10g}–{n.high:,.10g}"
            if n.low is not None and n.high is not None
            else (f"{n.value:,.10g}" if n.value is not None else "")
        )
        approx = "~" if n.approximate else ""
        rows.append(
            (escape(n.text), value, escape(n.unit or ""), approx, escape(_name(analysis, n.claimant)))
        )
    return rows


def _time_rows(analysis: Analysis) -> list[Row]:
    return [(escape(t.text), t.type, escape(t.value or "")) for t in analysis.times]


def _place_rows(analysis: Analysis) -> list[Row]:
    return [
        (
            escape(p.name) + ("" if p.literal else " (in a name)"),
            p.country or "",
            f"{p.lat:.2f}" if p.lat is not None else "",
            f"{p.lon:.2f}" if p.lon is not None else "",
            str(len(p.mentions)),
        )
        for p in analysis.places
    ]
