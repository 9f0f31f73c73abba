"""Hand-built spaCy Docs for the entities component's rule tests (no model loaded)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


@cache
def vocab() -> Vocab:
    """An English vocabulary with spaCy's lexical attributes (is_title, like_num, is_stop…)."""
    return spacy.blank("en").vocab


def make_doc(
    text: str,
    *,
    pos: dict[str, str] | None = None,
    ents: list[tuple[str, str]] | None = None,
    default_pos: str = "PROPN",
    heads: dict[int, int] | None = None,
) -> Doc:
    """Build a Doc from `text` split at spaces, one sentence per line break or full stop.

    Args:
        text: words separated by single spaces; a word "\\n" starts a new line.
        pos: part of speech of given words (every occurrence); others are PROPN when
            capitalised, PUNCT when punctuation, else `NOUN` (or `default_pos` for capitalised).
        ents: (words, label) pairs: the first occurrence of the space-separated words outside
            the spans before it becomes an entity span with that label.
        heads: token index -> index of its head (dependency "dep"); the others are roots. With
            heads, sentences come from the tree instead of full stops.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for word in text.split(" "):
        if word == "\\n" and words:
            spaces[-1] = False
            words.append("\n")
            spaces.append(False)
            continue
        words.append(word)
        spaces.append(True)
    spaces[-1] = False
    for i, word in enumerate(words[:-1]):
        if words[i + 1] in {"'s", "’s", ",", ".", ")", ":"} or word == "(":
            spaces[i] = False
    tags = []
    for word in words:
        if pos and word in pos:
            tags.append(pos[word])
        elif not word.isalnum() and not any(ch.isalpha() for ch in word):
            tags.append("PUNCT" if word.strip() else "SPACE")
        elif word in {"'s", "’s"}:
            tags.append("PART")
        elif word[:1].isupper():
            tags.append(default_pos)
        else:
            tags.append("NOUN")
    if heads is not None:
        tree = [heads.get(i, i) for i in range(len(words))]
        deps = ["dep" if i in heads else "ROOT" for i in range(len(words))]
        doc = Doc(vocab(), words=words, spaces=spaces, pos=tags, heads=tree, deps=deps)
    else:
        starts = [i == 0 or words[i - 1] in {".", "\n"} for i in range(len(words))]
        doc = Doc(vocab(), words=words, spaces=spaces, pos=tags, sent_starts=starts)
    for i, word in enumerate(words):
        if word in {"'s", "’s"}:
            doc[i].tag_ = "POS"
    spans: list[Span] = []
    for phrase, label in ents or []:
        spans.append(_find(doc, phrase.split(" "), label, spans))
    doc.ents = spans
    return doc


def _find(doc: Doc, words: list[str], label: str, taken: list[Span]) -> Span:
    """Return the first span of `doc` made of `words` and outside the `taken` spans, labelled."""
    n = len(words)
    for i in range(len(doc) - n + 1):
        if any(s.start < i + n and i < s.end for s in taken):
            continue
        if [t.text for t in doc[i : i + n]] == words:
            return Span(doc, i, i + n, label=label)
    raise ValueError(f"{words} not in the doc")
