"""A title's own-name modifiers pick out its holder: "the Vermont senator" is the senator the article
named as "Senator Bernie Sanders of Vermont", "the Texas senator" the one of several senators named
"Texas Sen. Ted Cruz", "the Republican nominee" the one whose role reads "presumptive Republican
presidential nominee".

`name_modifiers` splits a definite title's left modifiers into the title's own words ("former",
"prime") and the names it carries (a place, a party, a demonym: "Vermont", "GOP", "Iranian");
`NameAgreement.agrees` says whether a person carries every such name: in one of their recorded roles or
in the noun phrase of one of their names named before the description (its left modifiers, "Vermont
Sen. Bernie Sanders", and its of- or from-phrase, "Bernie Sanders of Vermont"), or as the person's
affiliation ("the UNICEF director" for "UNICEF's executive director"). A demonym and its
country's name agree ("the Iranian journalist", "a journalist from Iran"; `countries.tsv`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token
from newsgraph.models import Entity

_PLACE_PREPS = frozenset({"of", "from"})


def own_name(mod: Token, lex: Lexicon) -> bool:
    """Whether a title's modifier is a name of its own ("Vermont", "U.S.", "Democratic"), not a
    title word written with a capital ("the Prime Minister", "the Foreign Minister")."""
    if mod.ent_type_ or mod.lower_ in lex.demonyms:
        return True
    return mod.pos_ == "PROPN" and mod.lower_ not in lex.title_modifiers | lex.title_nouns


class NameAgreement:
    """Whether a person carries the names a description's modifiers give (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def key(self, word: str) -> str:
        """A word as compared: a demonym or a country's name as its country code, else itself."""
        w = word.lower()
        return self.lex.demonyms.get(w) or self.lex.countries.get(w) or w

    def agrees(self, doc: Doc, entity: Entity, names: list[Token], before: int) -> bool:
        """Whether every name word is among the words of the person's roles or of the noun phrase of
        one of their names mentioned before character `before`."""
        wanted = {self.key(t.text) for t in names if not self._affiliated(doc, entity, t)}
        carried = {self.key(w) for role in entity.roles for w in role.replace("-", " ").split()}
        if wanted <= carried:
            return True
        for m in entity.mentions:
            if m.kind != "name" or m.start >= before:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and wanted <= carried | self._phrase_words(span.root):
                return True
        return False

    def _affiliated(self, doc: Doc, entity: Entity, name: Token) -> bool:
        """Whether a name word is the person's affiliation ("UNICEF" of "the UNICEF director" for the
        person introduced as "UNICEF's executive director")."""
        if entity.affiliation is None:
            return False
        owner = entity_at_token(doc, name.i)
        return owner is not None and owner.id == entity.affiliation

    def _phrase_words(self, name: Token) -> set[str]:
        """The words of a name's noun phrase around it: its left modifiers and its of- or from-phrase."""
        words = {self.key(t.text) for t in name.doc[name.left_edge.i : name.i]}
        for prep in self.g.kids(name):
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                pobj = self.g.pobj(prep)
                if pobj is not None:
                    words.update(self.key(t.text) for t in name.doc[pobj.left_edge.i : pobj.i + 1])
        return words
