"""The named entities of a few words, as `Doc.ents` has them, read from the words' entity tags.

`Doc.ents` builds a Span for every named entity of the doc at each read, and `Span.ents` reads all of
`Doc.ents` to keep the ones inside the span: asked about an actor's few words, each built the whole
doc's entities again. These read the tags of the words asked about and of the words an entity runs on
over (`Token.ent_iob`): an entity opens at a `B` tag with a label and runs over the `I` tags after it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_IOB_IN, _IOB_BEGIN = 1, 3
"""`Token.ent_iob` values: inside an entity, beginning one (0 is unset, 2 outside)."""


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Return the named entities that lie wholly within tokens [start, end), in order: what
    `doc[start:end].ents` gives."""
    out: list[Span] = []
    for i in range(start, end):
        tok = doc[i]
        if tok.ent_iob == _IOB_BEGIN and tok.ent_type != 0:
            stop = i + 1
            while stop < len(doc) and doc[stop].ent_iob == _IOB_IN:
                stop += 1
            if stop > end:
                break  # runs past the words asked about: neither it nor any later one is within
            out.append(Span(doc, i, stop, label=tok.ent_type))
    return out


def ent_at(doc: Doc, i: int) -> Span | None:
    """Return the named-entity span covering token `i` (the one of `doc.ents` with `start <= i < end`)."""
    if not doc[i].ent_type_:
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)
