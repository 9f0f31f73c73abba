"""The known-entity table: well-known organisations, bodies and countries with their other names.

Data: `known_entities.json`. An alias (compared as a name key, `normalize_name`) names its entry
and links the entity to the entry's `key` (`Entity.kb`). A national body may be written after its
country's name ("U.S. Food and Drug Administration"); written without it, it names the entry only
in an article that mentions the country (the "Department of Agriculture" of a story about the
Philippines is the Philippines' own); a generic name ("Congress", "Air Force") names the entry
only in an article whose most-mentioned country is the entry's country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.lexicons import load_json

_MIN_GAP_FILL = 3


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One entry of the table."""

    key: str
    """Knowledge-base key (`known:us-food-and-drug-administration`), set as `Entity.kb`."""
    name: str
    type: str
    country: str | None = None


class KnownTable:
    """Look names up in the known-entity table."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.by_key: dict[str, KnownEntity] = {}
        self.local: dict[str, KnownEntity] = {}
        self.prefixable: dict[str, KnownEntity] = {}
        self.prefixes: dict[str, str] = {}
        self.gap_fill: list[tuple[str, str]] = []
        for iso, forms in data["country_prefixes"].items():
            for form in forms:
                self.prefixes[normalize_name(form)] = iso
        for row in data["entities"]:
            self._add(row)

    def _add(self, row: dict[str, Any]) -> None:
        entry = KnownEntity(row["key"], row["name"], row["type"], row.get("country"))
        no_fill = set(row.get("no_gap_fill", []))
        for name in (entry.name, *row.get("aliases", [])):
            self.by_key[normalize_name(name)] = entry
            if row.get("prefixable"):
                self.prefixable[normalize_name(name)] = entry
            if len(name) >= _MIN_GAP_FILL and name not in no_fill:
                self.gap_fill.append((entry.type, name))
        for name in row.get("local_aliases", []):
            self.local[normalize_name(name)] = entry

    def find(self, key: str) -> KnownEntity | None:
        """Return the entry a name key names: as listed, or after its country ("us fda")."""
        found = self.by_key.get(key)
        if found is not None:
            return found
        words = key.split(" ")
        for n in (1, 2):
            prefix, rest = " ".join(words[:n]), " ".join(words[n:])
            iso = self.prefixes.get(prefix)
            if iso is None or not rest:
                continue
            entry = self.prefixable.get(rest) or self.local.get(rest)
            if entry is not None and entry.country == iso:
                return entry
        return None

    def knows(self, key: str) -> bool:
        """Whether a name key is in the table (as listed, after a country, or as a generic name)."""
        return self.find(key) is not None or key in self.local

    def country_counts(self, keys: Iterable[str], countries: frozenset[str]) -> Counter[str]:
        """Count the countries the name keys mention, a name led by one included ("us fda"): by ISO
        code if the table knows the country, else by its key."""
        counts: Counter[str] = Counter()
        for key in keys:
            entry = self.by_key.get(key)
            if entry is not None and entry.type == "GPE" and entry.country:
                counts[entry.country] += 1
            elif key in self.prefixes:
                counts[self.prefixes[key]] += 1
            elif key in countries:
                counts[key] += 1
            elif (lead := self._lead_country(key)) is not None:
                counts[lead] += 1
        return counts

    def _lead_country(self, key: str) -> str | None:
        """Return the ISO code of the country a longer name starts with ("us fda" → US), or None."""
        words = key.split(" ")
        for n in (2, 1):
            if n < len(words) and " ".join(words[:n]) in self.prefixes:
                return self.prefixes[" ".join(words[:n])]
        return None

    def main_country(self, counts: Counter[str]) -> str | None:
        """Return the country mentioned most (`country_counts`), or None."""
        return counts.most_common(1)[0][0] if counts else None

    def national_elsewhere(self, key: str, entry: KnownEntity, mentioned: Iterable[str]) -> bool:
        """Whether a national body's name written without its country ("Department of Agriculture")
        stands in an article that never mentions that country, so names another country's body."""
        return (
            key in self.prefixable
            and self.by_key.get(key) is entry
            and entry.country is not None
            and entry.country not in mentioned
        )


def load_known_table() -> KnownTable:
    """Read `known_entities.json`."""
    return KnownTable(load_json("known_entities.json"))
