"""The phrase key that dictionary entries and text are compared under.

One definition for the knowledge layer, used both when the dictionaries are compiled
(`scripts/build_knowledge.py`) and when text is looked up, so the two always agree:

- accents folded to ASCII ("Médecins" = "Medecins"), case folded;
- a possessive "'s" dropped and other apostrophes removed ("People's" = "People",
  "N'Djamena" = "NDjamena");
- dots removed ("U.N." = "UN", "B. Lynn Pascoe" = "B Lynn Pascoe");
- hyphens, underscores and other punctuation are word breaks ("Ki-moon" = "Ki moon",
  "AL-QAEDA" = "al Qaeda"), except "&", which stays part of a word ("AT&T");
- one space between words and no leading "the" ("The United Nations" = "United Nations").

Unlike `store.identity.name_key` (dots become spaces, hyphens stay) and the entities
component's `normalize_name` (hyphens stay, spelling fixes from a lexicon), this key is built
for matching a dictionary written in upper case with underscores against tokenized text; the
layers above cannot be imported from here, and both of them could adopt this one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"'s\b")
_DROPPED = re.compile(r"['.]+")
_BREAKS = re.compile(r"[^\w&]+|_+")
_JOINER = re.compile(r"^(?:[-‐‑–—'’‘.]+|['’]s)$", re.IGNORECASE)
"""A token that joins the words around it: a hyphen, an apostrophe, a dot or a possessive."""


@lru_cache(maxsize=1 << 16)
def phrase_key(text: str) -> str:
    """Return the comparison key of a phrase ("The U.N.'s" → "un", "BAN_KI-MOON" → "ban ki moon")."""
    words = _words(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def word_keys(word: str) -> tuple[str, ...]:
    """Return the key words of one text token ("Ki-moon" → ("ki", "moon"), "U.N." → ("un",)).

    Unlike `phrase_key`, a lone "the" is kept: a token is part of a longer phrase.
    """
    return tuple(_words(word))


def is_joiner(word: str) -> bool:
    """Return whether a token with no key words joins its neighbours ("-", "'s", ".") rather than
    separating them ("," "(" ";")."""
    return bool(_JOINER.match(word))


def fold_accents(text: str) -> str:
    """Return `text` without accents ("Matías Romero" → "Matias Romero", "Kürecik" → "Kurecik")."""
    if text.isascii():  # nothing to decompose
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    text = fold_accents(text.translate(_APOSTROPHES))
    text = _POSSESSIVE.sub("", text.casefold())
    text = _DROPPED.sub("", text)
    return [w for w in _BREAKS.split(text) if w]
