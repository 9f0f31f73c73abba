"""Charts drawn on the server as inline SVG: no JavaScript, no tile server, nothing from the web.

* `world_map` — country shapes from Natural Earth 1:110m (the `world-atlas` 2.0.2 package's
  TopoJSON, vendored in `static/`), equirectangular projection, with points for places.
* `bar_timeline` — counts per period (mentions or events over time).

Every label is escaped; the SVG is safe to embed in a page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

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


def bar_timeline(counts: Sequence[tuple[str, int]], *, title: str = "Over time", height: int = 140) -> str:
    """Return an SVG bar chart of (period label, count) pairs in the given order."""
    if not counts:
        return '<p class="muted">No dated items.</p>'
    width = max(320, min(960, 24 * len(counts)))
    top = max(c for _, c in counts) or 1
    bar = width / len(counts)
    bars = []
    for i, (label, count) in enumerate(counts):
        h = (height - 36) * count / top
        x = i * bar
        bars.append(
            f'<rect x="{x + 1:.1f}" y="{height - 20 - h:.1f}" width="{max(bar - 2, 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
    first, last = escape(counts[0][0]), escape(counts[-1][0])
    return (
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{escape(title)}"'
        f' xmlns="http://www.w3.org/2000/svg">{"".join(bars)}'
        f'<text x="0" y="{height - 4}">{first}</text>'
        f'<text x="{width}" y="{height - 4}" text-anchor="end">{last}</text>'
        f'<text x="{width}" y="12" text-anchor="end">max {top}</text></svg>'
    )
