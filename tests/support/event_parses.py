"""Hand-built parses for the events component's rule tests (no model loaded)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

IRREGULAR = {"has": "have", "had": "have", "criticized": "criticize", "leaders": "leader", "sought": "seek"}


def parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A hand-built parse: (word, head, dep, tag, pos) per token; plural nouns and the few inflected
    words get their lemma."""
    words, heads, deps, tags, pos = (list(x) for x in zip(*rows, strict=True))
    lemmas = [
        IRREGULAR.get(w.lower(), w.lower()[:-1] if t == "NNS" else w.lower())
        for w, t in zip(words, tags, strict=True)
    ]
    vocab = English().vocab  # its lexical attributes give each word its lower case
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def spec(text: str) -> list[tuple[str, int, str, str, str]]:
    """Rows of a hand-built parse written as "word/head/dep/tag/pos" items separated by spaces."""
    rows = []
    for item in text.split():
        word, head, dep, tag, pos = item.split("/")
        rows.append((word, int(head), dep, tag, pos))
    return rows
