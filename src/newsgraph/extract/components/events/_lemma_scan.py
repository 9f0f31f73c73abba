"""The tokens of a stretch of a doc with a given lemma, found from the sentences' lemmas.

Some rules look back over the article for an earlier word of the same noun ("the company" after "the
Canadian mining company Barrick Gold"). Walking `doc[start:end]` builds a Token object and decodes a
lemma for every word of the stretch; the lower-case lemmas of each sentence are read once per doc
(`Grammar.sentence_lemmas`), so only the words with the lemma need a Token.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._grammar import Grammar


def tokens_of_lemma(doc: Doc, lemma: str, start: int, end: int, g: Grammar) -> Iterator[Token]:
    """Yield the tokens of `doc[start:end]` whose lower-case lemma (`t.lemma_.lower()`) is `lemma`, in
    order."""
    for sent in g.sentences(doc):
        if sent.end <= start:
            continue
        if sent.start >= end:
            break
        lemmas = g.sentence_lemmas(sent)
        offset = sent.start
        for k in range(max(start, offset), min(end, sent.end)):
            if lemmas[k - offset] == lemma:
                yield doc[k]
