"""spaCy conventions: the facts as `doc.spans` groups, serializable `doc._` storage.

`nlp.pipe(texts, n_process=2)` gives the same Analysis as one process, a `DocBin` round-trips the
facts and their span groups, and displacy shows the quotes.
"""

from __future__ import annotations

import re

import pytest
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsgraph.extract.clean import Cleaned
from newsgraph.extract.components import FACTORIES
from newsgraph.extract.extensions import get_entities, get_places, get_quotes
from newsgraph.extract.pipeline import Prepared, build_analysis
from newsgraph.extract.spans import SPAN_GROUPS, write_spans
from newsgraph.models import Analysis
from newsgraph.sources.base import RawArticle
from tests.support.paths import SAMPLES

TEXTS = [(SAMPLES / name).read_text(encoding="utf-8") for name in ("harbor-strike.txt", "council-vote.txt")]
TEXTS.append(
    "Mayor Ana Lopez said on Monday that the city would hire 40 new nurses. “We cannot wait,” "
    "she told reporters in Madrid. The union welcomed the plan but warned it was not enough."
)

Span4 = tuple[int, int, str, str]


def _groups(doc: Doc, keys: tuple[str, ...] = SPAN_GROUPS) -> dict[str, list[Span4]]:
    return {key: [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[key]] for key in keys}


def _analysis(text: str, doc: Doc) -> Analysis:
    return build_analysis(Prepared(RawArticle(text=text, id="x"), Cleaned(text=text), doc, None))


def test_spans_groups_hold_every_fact_with_its_id_and_label(nlp: Language) -> None:
    doc = nlp(TEXTS[2])
    quotes = get_quotes(doc)
    assert quotes
    assert [(s.id_, s.label_) for s in doc.spans["newsgraph_quotes"]] == [(q.id, q.kind) for q in quotes]
    for span, quote in zip(doc.spans["newsgraph_quotes"], quotes, strict=True):
        assert span.start_char <= quote.start < quote.end <= span.end_char
    mentions = sorted((m.start, m.end, e.type, e.id) for e in get_entities(doc) for m in e.mentions)
    assert sorted(_groups(doc)["newsgraph_entities"]) == mentions
    assert any(label == "PERSON" and doc.text[a:b] == "she" for a, b, label, _ in mentions)
    (place,) = get_places(doc)
    (span,) = doc.spans["newsgraph_places"]
    assert (span.text, span.id_, span.label_) == ("Madrid", place.id, "city")
    assert span.kb_id_ == str(place.geonameid), "a place's span carries its GeoNames id"


def test_spans_are_current_after_each_component(nlp: Language) -> None:
    ours = [name for name in FACTORIES if name in nlp.pipe_names and name != "newsgraph_paragraphs"]
    for i, name in enumerate(ours):
        with nlp.select_pipes(disable=ours[i + 1 :]):
            doc = nlp(TEXTS[0])
        keys = tuple(key for key in SPAN_GROUPS if key in doc.spans)
        assert _groups(doc, keys) == _groups(write_spans(doc.copy(), *keys), keys), (
            f"{name} left a group stale"
        )


def test_spans_docbin_and_to_bytes_round_trip(nlp: Language) -> None:
    docs = list(nlp.pipe(TEXTS))
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    again = [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in docs]
    for text, doc, read, copied in zip(TEXTS, docs, back, again, strict=True):
        expected = _analysis(text, doc)
        assert _analysis(text, read) == expected
        assert _analysis(text, copied) == expected
        assert _groups(read) == _groups(copied) == _groups(doc)
        assert get_quotes(read)[0] == get_quotes(doc)[0]


@pytest.mark.slow
def test_spans_two_processes_give_the_same_analysis_as_one(nlp: Language) -> None:
    one = list(nlp.pipe(TEXTS))
    two = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    for text, a, b in zip(TEXTS, one, two, strict=True):
        assert _analysis(text, b).to_json() == _analysis(text, a).to_json()
        assert _groups(b) == _groups(a)


def test_spans_displacy_shows_the_quotes(nlp: Language) -> None:
    doc = nlp(TEXTS[2])
    html = displacy.render(doc, style="span", options={"spans_key": "newsgraph_quotes"})
    assert isinstance(html, str)
    words = re.sub(r"<[^>]+>", " ", html).split()
    labels = [w for w in words if w in ("direct", "indirect", "mixed")]
    assert labels == [q.kind for q in get_quotes(doc)] == ["indirect", "direct", "indirect"]
    assert words[words.index("direct") - 1 : words.index("direct") + 4] == [
        "We",
        "direct",
        "can",
        "not",
        "wait",
    ]
