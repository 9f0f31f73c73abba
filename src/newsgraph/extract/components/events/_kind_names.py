"""A definite "the <noun>" stands for the one named actor the article gave that noun as its kind: "the
company" after "the Canadian mining company Barrick Gold", "the firm" after "Acme, a Dutch shipping firm,".

News introduces a name with the kind of thing it names, in apposition ("the company Barrick Gold",
"the automobile manufacturing firm General Motors", "Barrick Gold, a mining company,"), and then refers
to it by "the" and that noun. `kind_named` reads a phrase of "the", a singular noun for a kind of actor
(not a title: a person's roles answer "the minister", `_descriptions`) and only plain modifiers, and
returns the named person or organisation when
- exactly one named actor was given that noun as its kind before the phrase in the article (two
  companies so introduced, and "the company" stays: no guess);
- each modifier of the phrase is a word of that introduction ("the mining company" after "the Canadian
  mining company Barrick Gold"; "the U.S. company" after it is another company), and each rank word
  of the introduction ("deputy", "former"; `titles.json`) a word of the phrase ("the journalist" is not
  "Jane Roe, a former journalist,"); and
- the actor is named in the phrase's sentence or the `_WINDOW` before it (an introduction twenty
  sentences back is no reference for "the company" now).
A noun inside a name ("the Barrick Gold Company") is the name's own word (`_bodies` reads it back); a
noun with a possessor ("CNN's sister network, HLN", "Carrier's parent company, United Technologies")
names a relation to another actor, not the kind "the network" or "the company" refers back by.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actor_types import is_agent
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lemma_scan import tokens_of_lemma
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._people_nouns import people_noun
from newsgraph.extract.extensions import entity_at_token
from newsgraph.models import Entity

_WINDOW = 3
"""Sentences before the phrase's own in which the actor it stands for must be named."""
_TYPES = frozenset({"PERSON", "ORG"})


def kind_named(doc: Doc, head: Token, lex: Lexicon, g: Grammar) -> Entity | None:
    """The one named actor the article gave the noun of a "the <noun>" phrase as its kind, or None."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not _actor_noun(head, lex):
        return None
    if _named(doc, head) is not None:
        return None
    kids = g.kids(head)
    lefts = [c for c in kids if c.i < head.i]
    if [c.lower_ for c in lefts if c.dep_ == "det"] != ["the"]:
        return None
    if any(c.i > head.i and not c.is_punct and c.dep_ != "case" for c in kids):
        return None  # "the company's …" aside, "the company that …", "the firm, Acme,": words of its own
    mods = [c for c in lefts if c.dep_ != "det"]
    if any(c.dep_ not in ("amod", "compound") or c.pos_ == "PROPN" or c.ent_type_ for c in mods):
        return None
    lemma = head.lemma_.lower()
    start = head.left_edge.i
    found: dict[str, Entity | None] = {}
    for t in tokens_of_lemma(doc, lemma, 0, start, g):
        if t.tag_ != "NN" or _named(doc, t) is not None:
            continue
        if any(c.dep_ == "poss" for c in g.kids(t)):
            continue  # "Carrier's parent company, United Technologies": a relation to another, not a kind
        words = {w.lower_ for w in t.subtree if w.i < t.i}
        own = {m.lower_ for m in mods}
        if own <= words and not (words - own) & lex.title_ranks:
            for key, entity in _given(doc, t, g).items():
                found[key] = found.get(key) or entity
    entity = next(iter(found.values())) if len(found) == 1 else None
    if entity is None:
        return None
    sents = g.sentences(doc)
    k = bisect_right([s.start for s in sents], head.i) - 1
    first = sents[max(0, k - _WINDOW)].start_char
    end = doc[start].idx
    if not any(m.kind == "name" and first <= m.start < end for m in entity.mentions):
        return None
    return entity


def _actor_noun(head: Token, lex: Lexicon) -> bool:
    """Whether a noun names a kind of actor ("company", "journalist", "militia": a Phoenix agent, a sector
    noun, an organisation's or a people noun) other than a title, which a person's recorded roles answer
    (`_descriptions`), or a country's noun, which `_named_country` reads."""
    lemma = head.lemma_.lower()
    if lemma in lex.title_nouns or lemma in lex.country_nouns or lemma in lex.national_government_nouns:
        return False
    org = lex.anaphoric_nouns | lex.possessed_org_nouns
    return lemma in org or lemma in lex.sector_nouns or is_agent(head, lex) or people_noun(head, lex)


def _given(doc: Doc, t: Token, g: Grammar) -> dict[str, Entity | None]:
    """The names a kind noun is given to, each by its entity's id with the named person or organisation
    (None for a name of another type or one the parse hangs the noun on as a modifier, which still makes
    a second candidate): a name apposed to it ("the company Barrick Gold", "the firm General Motors"),
    the name it is apposed to ("Barrick Gold, a mining company,"); a name it modifies or stands just
    before ("the auto company Chrysler filed", parsed as a clause) counts against the others but is not
    read, since "the state Supreme Court" is no state."""
    linked = [c for c in g.kids(t) if c.dep_ == "appos" and c.i > t.i]
    after = t.right_edge.i + 1
    if t.dep_ == "appos" and t.head.i < t.i and (after >= len(doc) or doc[after].is_punct):
        linked.append(t.head)  # "Barrick Gold, a mining company, said": the apposition ends with a mark
    out: dict[str, Entity | None] = {}
    for tok in linked:
        entity = _named(doc, tok)
        if entity is not None and entity.type in _TYPES:
            out[entity.id] = entity
        elif tok.pos_ == "PROPN":
            out[f"#{tok.i}"] = None
    near = [t.head] if t.dep_ == "compound" and t.head.i > t.i else []
    near += [doc[t.i + 1]] if t.i + 1 < len(doc) else []
    for tok in near:
        if tok.pos_ == "PROPN":  # "the auto company Chrysler filed", misparsed
            named = _named(doc, tok)
            out.setdefault(f"#{tok.i}" if named is None else named.id, None)
    return out


def _named(doc: Doc, t: Token) -> Entity | None:
    """The entity whose name a token is in, if it is in one."""
    entity = entity_at_token(doc, t.i)
    if entity is None:
        return None
    inside = any(m.kind == "name" and m.start <= t.idx < m.end for m in entity.mentions)
    return entity if inside else None
