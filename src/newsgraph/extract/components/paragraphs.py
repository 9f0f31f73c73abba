"""`newsgraph_paragraphs`: a line break ends a sentence, so a headline never runs into the body.

Scraped news keeps one paragraph per line, and titles, subheads and datelines often end without a
full stop; the small parser then glues "… bus fares for two years\\nThe City Council voted …"
into one sentence, and every component sees a wrong clause. This component runs before the
parser and marks the token after a line break as a sentence start (the parser keeps such marks).
A hard-wrapped line — the next line starting with a lower-case word after a line that does not
end a sentence — is left alone.

Reads the tokens; writes `Token.is_sent_start`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset(".!?:;\"'”’)»…")


class ParagraphBreaks:
    """Mark sentence starts after line breaks (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            return doc  # parsed already: its sentences are fixed
        n = len(doc)
        for token in doc:
            if not token.is_space or "\n" not in token.text or token.i == 0 or token.i + 1 >= n:
                continue
            nxt = doc[token.i + 1]
            prev = doc[token.i - 1]
            wrapped = nxt.text[:1].islower() and prev.text[-1:] not in _ENDS
            if not wrapped:
                nxt.is_sent_start = True
        return doc


@Language.factory("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    """Build the component (it has no settings)."""
    return ParagraphBreaks()
