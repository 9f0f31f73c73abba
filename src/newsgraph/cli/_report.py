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


def print_report(analysis: Analysis, console: Console) -> None:
    """Print the report of one Analysis: text preview, then every non-empty section."""
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

    if analysis.summary:
        console.rule("Summary")
        for index in analysis.summary:
            if 0 <= index < len(analysis.sentences):
                s = analysis.sentences[index]
                console.print("• " + _clip(analysis.text[s.start : s.end], 200), highlight=False)

    if analysis.entities:
        table = Table(title=None, show_lines=False, expand=False)
        for col in ("id", "name", "type", "mentions", "aliases", "roles", "affiliation"):
            table.add_column(col)
        for e in analysis.entities:
            table.add_row(
                e.id,
                escape(e.name),
                e.type,
                str(len(e.mentions)),
                escape(", ".join(e.aliases)),
                escape("; ".join(e.roles)),
                escape(_name(analysis, e.affiliation) or ""),
            )
        console.rule(f"Entities ({len(analysis.entities)})")
        console.print(table)

    if analysis.quotes:
        table = Table()
        for col in ("speaker", "kind", "cue", "quote"):
            table.add_column(col)
        for q in analysis.quotes:
            speaker = _name(analysis, q.speaker) or q.speaker_text or "?"
            if q.speaker_text and q.speaker_text != speaker:
                speaker += f" ({q.speaker_text})"
            said = " … ".join(f.text for f in q.fragments) if q.fragments else q.text
            table.add_row(escape(speaker), q.kind, q.cue or "", escape(_clip(said, 100)))
        console.rule(f"Quotes ({len(analysis.quotes)})")
        console.print(table)

    if analysis.events:
        table = Table()
        for col in ("type", "source", "target", "trigger", "where", "when", "conf"):
            table.add_column(col)
        for v in analysis.events:
            source = ", ".join(_name(analysis, s) for s in v.source) or v.source_text or ""
            target = ", ".join(_name(analysis, t) for t in v.target) or v.target_text or ""
            kind = v.type + (f"/{v.mode}" if v.mode else "") + (" (negated)" if v.negated else "")
            table.add_row(
                kind,
                escape(source),
                escape(target),
                escape(v.trigger.text),
                escape(v.place_text or ""),
                escape(v.time_text or ""),
                f"{v.confidence:.2f}",
            )
        console.rule(f"Events ({len(analysis.events)})")
        console.print(table)

    if analysis.quantities:
        table = Table()
        for col in ("text", "value", "unit", "approx", "claimant"):
            table.add_column(col)
        for n in analysis.quantities:
            value = (
                f"{n.low:,.10g}–{n.high:,.10g}"
                if n.low is not None and n.high is not None
                else (f"{n.value:,.10g}" if n.value is not None else "")
            )
            table.add_row(
                escape(n.text),
                value,
                escape(n.unit or ""),
                "~" if n.approximate else "",
                escape(_name(analysis, n.claimant)),
            )
        console.rule(f"Numbers ({len(analysis.quantities)})")
        console.print(table)

    if analysis.times:
        table = Table()
        for col in ("text", "type", "value"):
            table.add_column(col)
        for t in analysis.times:
            table.add_row(escape(t.text), t.type, escape(t.value or ""))
        console.rule(f"Times ({len(analysis.times)})")
        console.print(table)

    if analysis.places:
        table = Table()
        for col in ("name", "country", "lat", "lon", "mentions"):
            table.add_column(col)
        for p in analysis.places:
            table.add_row(
                escape(p.name) + ("" if p.literal else " (in a name)"),
                p.country or "",
                f"{p.lat:.2f}" if p.lat is not None else "",
                f"{p.lon:.2f}" if p.lon is not None else "",
                str(len(p.mentions)),
            )
        console.rule(f"Places ({len(analysis.places)})")
        console.print(table)
