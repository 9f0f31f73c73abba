"""The article text as HTML with every layer of facts marked: entities, quotes, numbers, times, events.

The text is cut at every span boundary; each piece is escaped and wrapped in the marks of the
layers that cover it. Quotes are links to their speaker's page (hovering shows who spoke);
entity names outside quotes link to the entity. Layers are toggled by CSS alone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from newsgraph.models import Analysis


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    css: str
    title: str
    href: str | None = None


def _quote_marks(analysis: Analysis, entity_pages: dict[str, int]) -> list[_Mark]:
    marks: list[_Mark] = []
    taken_until = -1
    for q in sorted(analysis.quotes, key=lambda q: q.start):
        pieces = [(f.start, f.end) for f in q.fragments] or [(q.start, q.end)]
        if pieces[0][0] < taken_until:
            continue  # overlapping quotes are shown once
        entity = analysis.entity(q.speaker)
        speaker = entity.name if entity else (q.speaker_text or "unknown speaker")
        title = f"{speaker} ({q.cue})" if q.cue else speaker
        href = f"/entities/{entity_pages[q.speaker]}" if q.speaker in entity_pages else None
        for start, end in pieces:
            if end > start:
                marks.append(_Mark(start, end, f"q q-{q.kind}", title, href))
        taken_until = max(end for _, end in pieces)
    return marks


def _inner_marks(analysis: Analysis) -> list[_Mark]:
    marks: list[_Mark] = []
    for e in analysis.entities:
        for m in e.mentions:
            marks.append(
                _Mark(m.start, m.end, f"ent ent-{e.type.lower()} ent-{m.kind}", f"{e.type}: {e.name}", e.id)
            )
    for n in analysis.quantities:
        unit = f" {n.unit}" if n.unit else ""
        value = f"{n.value:g}" if n.value is not None else "?"
        marks.append(_Mark(n.start, n.end, "num", f"number: {value}{unit}"))
    for t in analysis.times:
        marks.append(_Mark(t.start, t.end, "time", f"{t.type}: {t.value or 'unresolved'}"))
    for v in analysis.events:
        marks.append(
            _Mark(
                v.trigger.start,
                v.trigger.end,
                "trig",
                f"event: {v.type}" + (" (negated)" if v.negated else ""),
            )
        )
    return marks


def article_html(analysis: Analysis, entity_pages: dict[str, int]) -> Markup:
    """Return the article text as safe HTML with its layers marked.

    Args:
        analysis: the article's Analysis.
        entity_pages: article-local entity id → stored entity id, for links to entity pages.
    """
    text = analysis.text
    n = len(text)
    quotes = [m for m in _quote_marks(analysis, entity_pages) if 0 <= m.start < m.end <= n]
    inner = [m for m in _inner_marks(analysis) if 0 <= m.start < m.end <= n]
    cuts = {0, n}
    for m in quotes + inner:
        cuts.add(m.start)
        cuts.add(m.end)
    bounds = sorted(cuts)
    quote_at = {m.start: m for m in quotes}
    starting: dict[int, list[_Mark]] = {}
    for m in inner:
        starting.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out: list[str] = []
    open_quote: _Mark | None = None
    for a, b in itertools.pairwise(bounds):
        active = [m for m in active if m.end > a] + starting.get(a, [])
        if open_quote is not None and a >= open_quote.end:
            out.append("</a>" if open_quote.href else "</span>")
            open_quote = None
        if open_quote is None and a in quote_at:
            open_quote = quote_at[a]
            who = escape(open_quote.title)
            attrs = f'class="{open_quote.css}" title="{who}" data-speaker="{who}"'
            out.append(
                f'<a href="{escape(open_quote.href)}" {attrs}>' if open_quote.href else f"<span {attrs}>"
            )
        piece = escape(text[a:b])
        for m in sorted(active, key=lambda m: (m.end - m.start, m.css)):
            title = escape(m.title)
            if m.href is not None and m.href in entity_pages and open_quote is None:
                piece = (
                    f'<a class="{m.css}" href="/entities/{entity_pages[m.href]}" title="{title}">{piece}</a>'
                )
            else:
                piece = f'<span class="{m.css}" title="{title}">{piece}</span>'
        out.append(piece)
    if open_quote is not None:
        out.append("</a>" if open_quote.href else "</span>")
    return Markup("".join(out))
