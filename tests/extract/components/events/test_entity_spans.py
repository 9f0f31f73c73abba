"""The entities' spans after the events component keep the group's spans of the mentions it held on entry
and make only the added mentions' (issue 15, events CPU): `write_spans` made every mention's span again
with `Doc.char_span`. The group is the one `write_spans` writes; a group that does not hold one span per
mention on entry is written afresh, and one the component did not add to is left as it is."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.components.events._entity_spans import EntitySpans
from newsgraph.extract.extensions import add_mention, get_entities, new_entity, set_extensions
from newsgraph.extract.spans import write_spans
from tests.support.entity_docs import make_doc

_TEXT = "the rebels attacked Bama and the army fought the rebels near Maiduguri"
_KEY = "newsgraph_entities"


def _doc() -> Doc:
    set_extensions()
    doc = make_doc(_TEXT)
    rebels = new_entity(doc, "rebels", "GROUP")
    add_mention(doc, rebels, 4, 10, "description")  # "rebels"
    bama = new_entity(doc, "Bama", "GPE")
    add_mention(doc, bama, 20, 24, "name")
    write_spans(doc, _KEY)
    return doc


def _group(doc: Doc) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[_KEY]]


def _add(doc: Doc) -> None:
    rebels, _bama = get_entities(doc)
    add_mention(doc, rebels, 49, 55, "description")  # the second "rebels"
    army = new_entity(doc, "army", "GROUP")
    add_mention(doc, army, 33, 37, "description")


def test_entity_spans_kept_from_the_group_and_made_for_added_mentions() -> None:
    doc = _doc()
    spans = EntitySpans(doc)
    held = [doc.char_span(4, 10, label="X", span_id="e1"), doc.char_span(20, 24, label="GPE", span_id="e2")]
    doc.spans[_KEY] = held  # a label of its own on the first: it is read back from the group, not made
    _add(doc)
    spans.write(doc)
    assert _group(doc) == [
        (1, 2, "X", "e1"),
        (9, 10, "GROUP", "e1"),
        (3, 4, "GPE", "e2"),
        (6, 7, "GROUP", "e3"),
    ]
    assert "newsgraph_events" in doc.spans


def test_entity_spans_as_write_spans_writes_them() -> None:
    doc = _doc()
    spans = EntitySpans(doc)
    _add(doc)
    spans.write(doc)
    kept = _group(doc)
    write_spans(doc, _KEY)
    assert (
        kept
        == _group(doc)
        == [
            (1, 2, "GROUP", "e1"),
            (9, 10, "GROUP", "e1"),
            (3, 4, "GPE", "e2"),
            (6, 7, "GROUP", "e3"),
        ]
    )


def test_entity_spans_afresh_for_a_short_group_unchanged_with_nothing_added() -> None:
    doc = _doc()
    spans = EntitySpans(doc)
    doc.spans[_KEY] = [doc.char_span(4, 10, label="X", span_id="e1")]  # one span short: written afresh
    _add(doc)
    spans.write(doc)
    assert _group(doc)[0] == (1, 2, "GROUP", "e1") and len(_group(doc)) == 4
    doc = _doc()
    spans = EntitySpans(doc)
    doc.spans[_KEY] = [doc.char_span(4, 10, label="X", span_id="e1")]
    spans.write(doc)  # nothing added: the group stays as it is
    assert _group(doc) == [(1, 2, "X", "e1")]
