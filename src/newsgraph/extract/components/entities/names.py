"""Name keys: how two written names are compared, and the acronyms a name may be shortened to."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsgraph.extract.lexicons import load_json

_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "to", "&"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 15)  # an article compares the same names many times
def normalize_name(text: str) -> str:
    """Return the comparison key of a name: case-folded, no leading 'the', no dots, one space."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = _SPACES.sub(" ", text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    text = text.replace(".", "").casefold().strip()
    if not text.isascii():
        # "Kürecik" = "Kurecik", "Médecins" = "Medecins"
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    spelling: dict[str, str] = load_json("entity_fixes.json")["spelling"]
    if any(word in text for word in spelling):
        text = " ".join(spelling.get(w, w) for w in text.split())
    return text


def acronym_candidates(name: str) -> set[str]:
    """Return the acronyms a multi-word name may be shortened to (Asia-Pacific Economic Cooperation: APEC)."""
    words = [w for w in re.split(r"[\s]+", name.replace("’", "'")) if w]
    if len(words) < 2:
        return set()
    out: set[str] = set()
    for split_hyphens in (False, True):
        parts: list[str] = []
        for w in words:
            parts.extend(w.split("-") if split_hyphens else [w])
        parts = [p for p in parts if p and p[0].isalpha()]
        full = "".join(p[0] for p in parts).upper()
        content = "".join(p[0] for p in parts if p.lower() not in _ACRONYM_SKIP).upper()
        out.update({full, content})
    return {a for a in out if len(a) >= 2}
