"""The quotes component (`newsgraph_quotes`): who said what.

Reads the parse (`token.dep_`, `token.lemma_`, sentences), `doc.ents` and the entities of the
entities component (`get_entities`, `entity_in_tokens`); writes `get_quotes(doc)` and adds the
speakers' mentions (names, pronouns, descriptions) and, when a speaker has none yet, entities
(`new_entity`, `add_mention`).

Three kinds of quotes are found, stage by stage (one module each):

* `cues` — reporting verbs, pattern words and "according to", outside quotation marks;
* `content` — **indirect** quotes: the content dependent of a cue ("X said (that) …", "…, X
  said.", "according to X, …") and where it ends;
* `marks` and `regions` — **direct** quotes (the content stands in quotation marks, attributed to
  the cue it hangs on or stands next to) and **mixed** ones (an indirect content with a quoted
  part);
* `speakers` — the speaker mention (subject, agent, neighbour of the cue; none for an agentless
  passive or an appearing thing); `resolve` — the entity it stands for.

Not quotes (each restriction measured on the PolNeAR training articles, see
`docs/evaluation.md`): a cue inside the content of another quote, pattern rows of low precision
without quotation marks, an adverbial clause of time or concession as content.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components.quotes.content import according_quote, clause_quote
from newsgraph.extract.components.quotes.context import Context, Draft
from newsgraph.extract.components.quotes.cues import CueFinder, drop_nested
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon, load_lexicon
from newsgraph.extract.components.quotes.marks import find_regions
from newsgraph.extract.components.quotes.regions import RegionFolder
from newsgraph.extract.components.quotes.resolve import resolve_and_write
from newsgraph.extract.extensions import doc_text, set_extensions
from newsgraph.extract.spans import write_spans

__all__ = ["QuoteExtractor", "make_quotes"]

LOGGER = logging.getLogger(__name__)

_MAX_QUOTES = 3000  # no article quotes more; bounds speaker resolution on pathological input


class QuoteExtractor:
    """Find direct, indirect and mixed quotes and their speakers (see the module docstring)."""

    def __init__(self, nlp: Language, lex: QuoteLexicon) -> None:
        """Keep the lexicon and compile the cue matcher once."""
        self.lex = lex
        self.cues = CueFinder(nlp, lex)

    def __call__(self, doc: Doc) -> Doc:
        """Append the doc's quotes to `get_quotes(doc)`."""
        self.extract(doc)
        return write_spans(doc, "newsgraph_quotes", "newsgraph_entities")

    def extract(self, doc: Doc) -> None:
        """Run the stages: cues, contents, quotations in marks, nesting, speakers."""
        lex = self.lex
        text = doc_text(doc)
        if not text.strip() or len(doc) == 0:
            return
        ctx = Context(doc, find_regions(text), lex.min_words)
        cues, according = self.cues.find(doc, ctx)
        quotes: list[Draft] = []
        by_cue: dict[int, Draft] = {}
        for cue in cues:
            q = clause_quote(lex, doc, ctx, cue)
            if q is not None:
                quotes.append(q)
                by_cue[cue.i] = q
        for tok in according:
            q = according_quote(doc, ctx, tok)
            if q is not None:
                quotes.append(q)
        speech = {c.i for c in cues if c.lemma_.lower() in lex.cue_lemmas and c.pos_ in {"VERB", "AUX"}}
        RegionFolder(lex, doc, ctx, quotes, by_cue).fold({c.i for c in cues}, speech)
        quotes = drop_nested(lex, ctx, _dedupe(_prune(quotes)))
        quotes.sort(key=lambda q: (q.start, q.end))
        if len(quotes) > _MAX_QUOTES:
            LOGGER.warning("%d quotes found; keeping the first %d", len(quotes), _MAX_QUOTES)
            quotes = quotes[:_MAX_QUOTES]
        resolve_and_write(lex, doc, ctx, quotes)


def _prune(quotes: list[Draft]) -> list[Draft]:
    """Drop indirect candidates with no speaker at all ("it did appear to …").

    An agentless passive ("is expected to …") is kept without a speaker: its source is unnamed.
    """
    out = []
    for q in quotes:
        if not q.regions and q.speaker is None and q.carried_from is None and not q.unnamed_source:
            continue
        out.append(q)
    return out


def _dedupe(quotes: list[Draft]) -> list[Draft]:
    """Drop a quote whose content is the same as an earlier one's (two cues on one clause)."""
    seen: dict[tuple[tuple[int, int], ...], Draft] = {}
    out = []
    for q in quotes:
        key = tuple(sorted(set(q.frags)))
        if key in seen:
            continue
        seen[key] = q
        out.append(q)
    return out


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.newsgraph_quotes", "doc._.newsgraph_entities"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={
        "cue_lexicon": "cue_verbs.json",
        "speaker_lexicon": "speaker_nouns.json",
        "pattern_lexicon": "quote_patterns.json",
        "min_precision": 0.35,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    cue_lexicon: str,
    speaker_lexicon: str,
    pattern_lexicon: str,
    min_precision: float,
) -> QuoteExtractor:
    """Build the quotes component."""
    set_extensions()
    return QuoteExtractor(nlp, load_lexicon(cue_lexicon, speaker_lexicon, pattern_lexicon, min_precision))
