"""An organisation's name said again: "Metz Fresh LLC … said Metz Fresh".

An article names a company, a body or a service in full once and then again in short ("Metz Fresh
LLC" then "Metz Fresh", "China Eastern Airlines" then "China Eastern", "the U.S. Treasury
Department" then "the U.S. Treasury"). Where the full name makes its toponym no place of the story
(a legal suffix, an office's head: `_places_detect`), the short name is the same organisation's
and its toponym is no place either: the tagger's organisation around the toponym goes on with the
same words after it as a mention the article already reads as a name's ("Cornwall Fire and Rescue
Service" twice). A toponym outside an organisation's name is left alone ("a park in Cornwall").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import name_key
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.extensions import get_entities


def mark_repeated_names(
    doc: Doc, text: str, toponyms: list[Toponym], tagged: Sequence[tuple[int, int]]
) -> None:
    """Mark as no place of the story a toponym inside an organisation's name that goes on after it
    as one of the article's toponyms already read as a name's does (module docstring). The names are
    the tagger's organisations (`tagged`) and the entities component's."""
    named = [(name_key(t.text), t.end) for t in toponyms if not t.literal and not t.body]
    if not named:
        return  # the common case: no organisation's name holds a toponym
    orgs = [*tagged, *((m.start, m.end) for e in get_entities(doc) if e.type == "ORG" for m in e.mentions)]
    for t in toponyms:
        if not t.literal:
            continue
        key = name_key(t.text)
        for s, e in orgs:
            if s <= t.start and t.end < e:
                tail = text[t.end : e].removesuffix("'s").removesuffix("’s")  # " Fresh", " Eastern"
                if tail[:1] == " " and tail[1:2].isupper():
                    t.literal = not any(k == key and text.startswith(tail, end) for k, end in named)
                break
