"""The article's text is built once per doc for the inner-quotation test (issue 15, events CPU):
`inner_first_person` reads it through `doc_text` (spaCy rebuilds `doc.text` from every token at each
read), and each doc keeps its own."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._pronouns import inner_first_person
from newsgraph.extract.extensions import DOC_TEXT_KEY


def _we(doc: Doc) -> Token:
    return next(t for t in doc if t.lower_ == "we")


def test_inner_first_person_reads_the_text_once_and_per_doc(nlp: Language) -> None:
    inner = nlp("“Nobody should be fooled by ‘We will fix the roads,’” the mayor told the council.")
    plain = nlp("“We will fix the roads by spring,” the mayor told the council.")
    for doc in (inner, plain):
        doc.user_data.pop(DOC_TEXT_KEY, None)
    assert inner_first_person(_we(inner))
    assert inner.user_data[DOC_TEXT_KEY] == inner.text  # built once, kept with its doc
    assert not inner_first_person(_we(plain))  # the next doc reads its own text
    assert plain.user_data[DOC_TEXT_KEY] == plain.text
    assert inner_first_person(_we(inner))
