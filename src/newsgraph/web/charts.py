"""Charts drawn on the server as inline SVG: no JavaScript, no tile server, nothing from the web.

* `world_map` — country shapes from Natural Earth 1:110m (the `world-atlas` 2.0.2 package's
  TopoJSON, vendored in `static/`), equirectangular projection, with points for places.
* `timeline_chart` — counts per month (or year) on a true time axis: every period between the
  first and the last is drawn, an empty one as a gap, with its number on hover (`<title>`).

Every label is escaped; the SVG is safe to embed in a page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from math import ceil

from newsgraph.store.timelines import PeriodCount

WORLD_TOPOJSON = "countries-110m-2.0.2.json"
MAP_WIDTH = 960
MAP_HEIGHT = 480


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto a MAP_WIDTH × MAP_HEIGHT canvas."""
    x = (lon + 180.0) / 360.0 * MAP_WIDTH
    y = (90.0 - lat) / 180.0 * MAP_HEIGHT
    return x, y


def _decode_arcs(topology: dict[str, object]) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    raw_arcs = topology["arcs"]
    assert isinstance(raw_arcs, list)
    arcs: list[list[tuple[float, float]]] = []
    if isinstance(transform, dict):
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        for arc in raw_arcs:
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
            arcs.append(points)
    else:
        arcs = [[(float(p[0]), float(p[1])) for p in arc] for arc in raw_arcs]
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: Sequence[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def _path(ring: list[tuple[float, float]]) -> str:
    out = []
    prev_x: float | None = None
    for i, (lon, lat) in enumerate(ring):
        x, y = _project(lon, lat)
        # break the line where a ring crosses the antimeridian instead of drawing across the map
        cmd = "M" if i == 0 or (prev_x is not None and abs(x - prev_x) > MAP_WIDTH / 2) else "L"
        out.append(f"{cmd}{x:.1f},{y:.1f}")
        prev_x = x
    return "".join(out) + "Z"


@cache
def country_paths() -> dict[str, tuple[str, str]]:
    """Return {numeric ISO code: (country name, SVG path data)} for every country (cached)."""
    data = resources.files("newsgraph.web").joinpath("static", WORLD_TOPOJSON).read_text(encoding="utf-8")
    topology = json.loads(data)
    arcs = _decode_arcs(topology)
    out: dict[str, tuple[str, str]] = {}
    for index, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        polygons = geometry.get("arcs") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        d = "".join(_path(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        key = str(geometry.get("id") or f"x{index}")
        out[key] = (str(geometry.get("properties", {}).get("name", "")), d)
    return out


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A place to draw: coordinates, a label and how many facts it stands for."""

    lat: float
    lon: float
    label: str
    count: int = 1
    href: str | None = None


def world_map(points: Sequence[MapPoint], *, title: str = "Places") -> str:
    """Return an SVG world map with a circle per point, sized by its count."""
    shapes = "".join(
        f'<path d="{d}"><title>{escape(name)}</title></path>' for name, d in country_paths().values()
    )
    biggest = max((p.count for p in points), default=1)
    dots = []
    for p in sorted(points, key=lambda p: -p.count):
        x, y = _project(p.lon, p.lat)
        r = 3 + 9 * (p.count / biggest) ** 0.5
        label = escape(f"{p.label}: {p.count}")
        circle = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{label}</title></circle>'
        dots.append(f'<a href="{escape(p.href)}">{circle}</a>' if p.href else circle)
    return (
        f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" aria-label="{escape(title)}"'
        f' xmlns="http://www.w3.org/2000/svg"><rect class="sea" width="{MAP_WIDTH}" height="{MAP_HEIGHT}"/>'
        f'<g class="land">{shapes}</g><g class="dots">{"".join(dots)}</g></svg>'
    )


CHART_WIDTH = 960
CHART_HEIGHT = 190
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 8, 12, 24
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """Return "1 article", "2 articles", "1,024 articles" (`nouns` for an irregular plural)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def _nice_top(value: int) -> int:
    """The smallest 1, 2 or 5 × 10^k at or above `value` (at least 1)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def _period_label(period: str, *, short: bool) -> str:
    if len(period) == 7 and short:
        return f"{_MONTHS[int(period[5:7]) - 1]} {period[:4]}"
    return period


def _x_labels(series: Sequence[PeriodCount], bar: float) -> list[tuple[int, str]]:
    """(index, text) of the periods to label: years at January, or months on a short span."""
    monthly = len(series[0].period) == 7
    if monthly and len(series) > 24:
        years = [i for i, p in enumerate(series) if p.period.endswith("-01")]
        step = next((k for k in (1, 2, 5, 10) if k * 12 * bar >= 44), 10)
        return [(i, series[i].period[:4]) for i in years if int(series[i].period[:4]) % step == 0]
    width = 70 if monthly else 44
    step = max(1, ceil(width / bar))
    return [(i, _period_label(p.period, short=True)) for i, p in enumerate(series) if i % step == 0]


def timeline_chart(
    series: Sequence[PeriodCount], *, title: str, noun: str = "item", json_url: str | None = None
) -> str:
    """Return a figure: an SVG bar chart of `series` and a caption reading it.

    `series` has every period (as `store.timelines` gives it): bars are evenly spaced in time,
    so a gap in the data shows as empty space; each period's count is in its `<title>` (shown on
    hover), and `json_url` links the same numbers as JSON. A short note when there is no data.
    """
    if not series:
        return f'<p class="muted">No dated {escape(noun)}s.</p>'
    plot_w, plot_h = CHART_WIDTH - _LEFT - _RIGHT, CHART_HEIGHT - _TOP - _BOTTOM
    top = _nice_top(max(p.count for p in series))
    bar = plot_w / len(series)
    gap = min(2.0, bar * 0.25)
    base = _TOP + plot_h
    out = [
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img"'
        f' aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for value in sorted({0, top // 2, top} if top % 2 == 0 else {0, top}):
        y = base - plot_h * value / top
        out.append(
            f'<line class="grid" x1="{_LEFT}" x2="{CHART_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="y" x="{_LEFT - 5}" y="{y + 4:.1f}" text-anchor="end">{value:,}</text>'
        )
    for i, p in enumerate(series):
        x = _LEFT + i * bar
        tip = escape(f"{_period_label(p.period, short=True)}: {plural(p.count, noun)}")
        h = plot_h * p.count / top
        bar_rect = (
            f'<rect class="bar" x="{x + gap / 2:.2f}" y="{base - h:.1f}" width="{bar - gap:.2f}"'
            f' height="{h:.1f}"/>'
            if p.count
            else ""
        )
        out.append(
            f'<g><title>{tip}</title><rect class="hit" x="{x:.2f}" y="{_TOP}" width="{bar:.2f}"'
            f' height="{plot_h}"/>{bar_rect}</g>'
        )
    for i, label in _x_labels(series, bar):
        x = _LEFT + i * bar
        end = x + 7.5 * len(label) > CHART_WIDTH  # a label at the right edge ends there
        at = f'x="{CHART_WIDTH - _RIGHT}" text-anchor="end"' if end else f'x="{x:.1f}"'
        out.append(
            f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 4}"/>'
            f'<text class="x" {at} y="{CHART_HEIGHT - 6}">{escape(label)}</text>'
        )
    out.append(f'<line class="axis" x1="{_LEFT}" x2="{CHART_WIDTH - _RIGHT}" y1="{base}" y2="{base}"/></svg>')
    link = f' <a href="{escape(json_url)}" type="application/json">numbers as JSON</a>' if json_url else ""
    caption = f"<figcaption>{escape(timeline_caption(series, noun))}{link}</figcaption>"
    return f'<figure class="timeline">{"".join(out)}{caption}</figure>'


def timeline_caption(series: Sequence[PeriodCount], noun: str = "item") -> str:
    """A one-line reading of the chart: span, total and the busiest period (plain text)."""
    if not series:
        return ""
    unit = "month" if len(series[0].period) == 7 else "year"
    busiest = max(series, key=lambda p: p.count)
    empty = sum(1 for p in series if not p.count)
    total = sum(p.count for p in series)
    return (
        f"{plural(total, noun)} over {plural(len(series), unit)} "
        f"({_period_label(series[0].period, short=True)} – {_period_label(series[-1].period, short=True)}), "
        f"{plural(empty, unit)} without any; busiest {_period_label(busiest.period, short=True)} "
        f"({plural(busiest.count, noun)})."
    )
