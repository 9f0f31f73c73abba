"""A politician's rally is a campaign event, no demonstration.

A rally held by, or named after, one person ("Sanders held a rally in Springfield", "a Trump rally in
Alabama", "Mrs. Clinton's rally at a union hall", "his rallies") is that person's campaign meeting:
supporters come to hear a candidate, nobody protests against anyone. So is a person's rally for
another person ("the senator was rallying for Eric Kingson"): campaigning for a candidate. A
demonstration is held by a crowd or a group ("protesters rallied", "workers held a rally"), so a
rally whose every doer is a person's entity and that names a person as its holder is no PROTEST,
unless its own phrase names what it is against (`protest_cues`: "a rally against the war", "an
anti-war rally"). A cue elsewhere in the sentence is about protesters at or outside the rally
("stops protester at Hillary Clinton rally", "the violence that accompanied Mr. Trump's rallies"),
not about the rally.

A holder is a person named inside the rally's phrase (its owner or its name-modifier, or a singular
personal possessive: "his rallies"), the subject of a verb of holding (`rally_holding_verbs`:
"held", "staged"), or, with a person doing it, a person the rally is "for". One who attends or joins
a rally ("Jane Doe attended the rally") tells nothing of whose rally it is.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id

_RALLY = "rally"
_PERSON = "PERSON"


def campaign_rally(d: Draft, g: Grammar, lex: Lexicon) -> bool:
    """Whether a PROTEST draft is a person's rally (the trigger noun, or its verb's object or
    prepositional object) with no protest cue in its own phrase."""
    tok = d.tok
    rally = _rally(tok, g)
    titles = lex.title_nouns
    if rally is None or not all(_person(tok, a, titles) or _inside(rally, a) for a in d.sources):
        return False
    holding = rally is not tok and g.lemma(tok) in lex.rally_holding_verbs and bool(d.sources)
    named = any(_person(tok, a, titles) and _inside(rally, a) for a in d.sources) or _named_holder(rally, g)
    if not (holding or named or (d.sources and _for_person(tok, rally, g))):
        return False  # "Jane Doe attended the rally": an attendee, not the holder
    return not _own_words(tok, rally, g) & lex.protest_cues


def _person(tok: Token, actor: Actor, titles: frozenset[str]) -> bool:
    """Whether an actor is one person: a PERSON entity, a singular personal pronoun, or one named by
    a singular title ("the senator", `title_nouns`)."""
    entity = entity_by_id(tok.doc, actor.entity)
    if entity is not None and entity.type == _PERSON:
        return True
    head = tok.doc[actor.head]
    return _singular_personal(head) or (head.tag_ == "NN" and head.lemma_.lower() in titles)


def _singular_personal(tok: Token) -> bool:
    """Whether a pronoun stands for one person ("he", "his", "my"; not "they", "their", "its")."""
    morph = tok.morph
    return tok.pos_ == "PRON" and "Sing" in morph.get("Number", []) and "Neut" not in morph.get("Gender", [])


def _inside(rally: Token, actor: Actor) -> bool:
    """Whether an actor is named inside the rally noun's phrase ("Clinton's rally", "a Trump rally");
    the subject of the verb "rally" is its doer, no holder named."""
    return rally.pos_ != "VERB" and rally.left_edge.i <= actor.head <= rally.right_edge.i


def _named_holder(rally: Token, g: Grammar) -> bool:
    """Whether the rally's owner or name-modifier is a person: a person's name ("a Hillary Clinton
    rally", "Johnson-Weld rallies") or a singular personal possessive ("his rallies"), not a
    common noun ("Sanders supporters' rally") nor a group's or a thing's possessive ("their", "its")."""
    for c in g.kids(rally):
        if c.dep_ not in ("poss", "compound") or c.i > rally.i:
            continue
        if c.pos_ == "PROPN" and any(t.ent_type_ == _PERSON for t in c.subtree):
            return True
        if _singular_personal(c):
            return True
    return False


def _for_person(tok: Token, rally: Token, g: Grammar) -> bool:
    """Whether the rally, or its verb, is "for" a person ("rallying for Eric Kingson")."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "for" and any(t.ent_type_ == _PERSON for t in prep.subtree)
        for head in {tok, rally}
        for prep in g.kids(head)
    )


def _own_words(tok: Token, rally: Token, g: Grammar) -> set[str]:
    """The lemmas and lower-case forms of the rally's own phrase, with its verb's complements (not
    the verb's subject nor the clause above it)."""
    tokens = list(rally.subtree)
    if rally is not tok:
        for c in g.kids(tok):
            if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass"):
                tokens.extend(c.subtree)
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _rally(tok: Token, g: Grammar) -> Token | None:
    """The noun "rally" a trigger is, its verb itself ("rallying for"), or its verb's object ("held
    a rally") or prepositional object ("filing into Johnson-Weld rallies"), else None."""
    if _is_rally(tok):
        return tok
    if tok.pos_ in ("NOUN", "PROPN"):
        return None
    for c in g.kids(tok):
        if c.dep_ == "dobj" and _is_rally(c):
            return c
        if c.dep_ == "prep":
            found = next((p for p in g.kids(c) if p.dep_ == "pobj" and _is_rally(p)), None)
            if found is not None:
                return found
    return None


def _is_rally(tok: Token) -> bool:
    return tok.lemma_.lower() == _RALLY or tok.lower_ in ("rallies", "rallying", "rallied")
