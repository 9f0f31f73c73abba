"""Entities: spaCy's names, repaired for news and resolved into one entity per person or organisation.

The component (`newsgraph_entities`) reads spaCy's `doc.ents`, the parse, the part-of-speech tags
and sentence starts, and writes `doc._.newsgraph_entities` (a list of `models.Entity`, mentions of
kind "name") and the token index behind `entity_at_token` / `entity_in_tokens` (through
`add_mentions`). An unnamed organisation a person is placed in ("Ahmed Ali of the foreign
ministry") becomes an ORG entity with a "description" mention.

Its stages, one module each, run in this order:

1. `repair`: spaCy's name spans repaired (possessives, titles, edges, line breaks, brackets).
2. `additions`: names spaCy missed (datelines, country names, initialled names, results lists);
   `phrases`: diseases and market indices from their lexicons; `products`: model numbers;
   `definitions`: an organisation's full name read back from the acronym defined after it;
   then every mention cut at the sentence starts inside it (`spans.cut_at_sentence_starts`).
3. `chains`: mentions with the same name grouped; further mentions of known names found;
   `loose_acronyms`: acronyms used without brackets tied to the organisations they stand for.
4. `folding`: in-article aliases (surname, first name, company short form, acronym) folded in.
5. `link`: what the knowledge bases (Phoenix actors, gazetteer) say of each chain;
   `classify`: each chain's type (data tables, knowledge, person cues, the vote of its mentions).
6. `roles`: roles and affiliations of people.

Ids are `e1`, `e2`, … in order of first mention. Work is per entity span and per name form (regex
scans of the text), not per token. Word lists are in `lexicon` (data files `entity_fixes.json`,
`gpe_names.json`, `titles.json`).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import INDEXED_POPULATIONS, Gazetteer, get_gazetteer
from newsgraph.extract.components.entities.additions import (
    add_datelines,
    add_gazetteer,
    add_initialled_names,
    extend_law_names,
    join_split_names,
    merge_adjacent_persons,
    people_with_country,
)
from newsgraph.extract.components.entities.chains import (
    acronyms_in_brackets,
    chain_mentions,
    drop_common_words,
    propagate,
)
from newsgraph.extract.components.entities.classify import chain_type, entity_type
from newsgraph.extract.components.entities.cues import context_type, place_tokens
from newsgraph.extract.components.entities.definitions import defined_names
from newsgraph.extract.components.entities.folding import fold_chains
from newsgraph.extract.components.entities.lexicon import KEPT_LABELS, EntityLexicon, get_lexicon
from newsgraph.extract.components.entities.link import knowledge_link
from newsgraph.extract.components.entities.loose_acronyms import loose_acronyms
from newsgraph.extract.components.entities.names import acronym_candidates, normalize_name
from newsgraph.extract.components.entities.phrases import PhraseFinder, add_phrase_names
from newsgraph.extract.components.entities.products import add_products
from newsgraph.extract.components.entities.repair import ner_mentions
from newsgraph.extract.components.entities.roles import assign_roles
from newsgraph.extract.components.entities.spans import (
    SPACES,
    Chain,
    caps_lines,
    cut_at_sentence_starts,
    label_vote,
    longest_text,
    mention_key,
)
from newsgraph.extract.extensions import add_mentions, doc_text, get_published, new_entity, set_extensions
from newsgraph.extract.spans import write_spans
from newsgraph.models import Entity

__all__ = ["KEPT_LABELS", "EntityResolver", "acronym_candidates", "make_entities", "normalize_name"]

LOGGER = logging.getLogger(__name__)

Written = tuple[Entity, Chain]
"""An entity as written into the doc, with the chain it was made from."""


class EntityResolver:
    """Build resolved entities from spaCy's NER (see the package docstring).

    Reads `doc.ents`, `token.pos_`, `token.dep_`, sentence boundaries; writes
    `doc._.newsgraph_entities` and the token index (`add_mention`).
    """

    def __init__(
        self, nlp: Language, lexicon: EntityLexicon | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        """Take the word lists and the gazetteer (loaded once per process); build the matchers."""
        self.lex = lexicon or get_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label in sorted({label for label, _ in self.lex.gap_fill}):
            self.matcher.add(label, [nlp.make_doc(p) for lab, p in self.lex.gap_fill if lab == label])
        self.phrases = PhraseFinder(nlp.vocab, nlp.make_doc)
        # the places component's default table: one gazetteer per process (`get_gazetteer` caches by argument)
        self.gazetteer = gazetteer or get_gazetteer(INDEXED_POPULATIONS[0])

    def __call__(self, doc: Doc) -> Doc:
        """Fill the doc's entities (an unexpected failure raises: the pipeline rejects the article)."""
        self.resolve(doc)
        return write_spans(doc, "newsgraph_entities")

    def resolve(self, doc: Doc) -> None:
        """Run all stages on one doc."""
        if len(doc) == 0:
            return
        lex = self.lex
        text = doc_text(doc)  # spaCy rebuilds doc.text from the tokens at every access
        caps = caps_lines(text)
        mentions = ner_mentions(doc, lex, caps)
        mentions = add_datelines(doc, mentions, text)
        mentions = add_gazetteer(doc, self.matcher, mentions)
        mentions = add_phrase_names(doc, self.phrases, mentions)
        mentions = add_products(doc, mentions)
        mentions = add_initialled_names(doc, lex, mentions, text)
        mentions = merge_adjacent_persons(doc, mentions)
        mentions = join_split_names(doc, lex, mentions)
        mentions = extend_law_names(doc, lex, mentions)
        mentions = people_with_country(doc, lex, mentions)
        mentions = defined_names(doc, lex, mentions, text)
        mentions = cut_at_sentence_starts(doc, mentions)
        countries = lex.known.country_counts((mention_key(doc, m) for m in mentions), lex.countries)
        main = lex.known.main_country(countries)
        chains = chain_mentions(
            doc, lex, mentions, self.phrases.entries, main=main, mentioned=frozenset(countries)
        )
        chains = drop_common_words(doc, lex, chains, text)
        propagate(doc, lex, chains, caps, text)
        acronyms_in_brackets(doc, chains, text)
        chains = loose_acronyms(doc, lex, chains, caps, text)
        chains = fold_chains(doc, lex, chains)
        written = self._write(doc, chains, text, main)
        assign_roles(doc, lex, written)

    def _write(self, doc: Doc, chains: list[Chain], text: str, main: str | None) -> list[Written]:
        """Create the entities in order of first mention; return each with its chain."""
        written: list[Written] = []
        chains.sort(key=lambda c: c.first)
        places = place_tokens(chains)
        for c in chains:
            type_, kb = self._decide(doc, c, main, places)
            name = c.canonical or longest_text(doc, c)
            entity = new_entity(doc, name, entity_type(type_), kb=kb)
            offsets = []
            tokens = []
            aliases: list[str] = []
            for m in sorted(c.mentions, key=lambda m: m.start):
                last = doc[m.end - 1]  # the span's offsets and text, read off the tokens and the text
                start_char, end_char = doc[m.start].idx, last.idx + len(last)
                offsets.append((start_char, end_char))
                tokens.append((m.start, m.end))
                alias = SPACES.sub(" ", text[start_char:end_char])
                if alias != name and alias not in aliases:
                    aliases.append(alias)
            add_mentions(doc, entity, offsets, "name", text=text, tokens=tokens)
            entity.aliases = aliases
            written.append((entity, c))
        return written

    def _decide(self, doc: Doc, c: Chain, main: str | None, places: set[int]) -> tuple[str, str | None]:
        """Return a chain's type and knowledge-base link (knowledge, context, then the chain itself)."""
        if c.forced_type is not None:
            return chain_type(doc, self.lex, c), c.kb
        link = knowledge_link(doc, self.lex, self.gazetteer, c, on=get_published(doc), main=main)
        cue = None
        if label_vote(c) in {"PERSON", "ORG", "NORP"}:  # the labels a context may overrule
            cue = context_type(doc, self.lex, self.gazetteer, c, places)
        type_ = chain_type(doc, self.lex, c, link, cue)
        if link is None or type_ == "NORP":
            return type_, None
        if link.type == type_ or (link.kind == "country" and type_ == "GPE"):
            return type_, link.kb  # a country's own name ("Hong Kong"), not its people
        return type_, None


@Language.factory(
    "newsgraph_entities",
    assigns=["doc._.newsgraph_entities", "doc._.newsgraph_entity_by_token"],
    requires=["doc.ents", "token.pos", "token.dep", "token.tag"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    """Create the entities component (`newsgraph_entities`)."""
    set_extensions()
    return EntityResolver(nlp)
