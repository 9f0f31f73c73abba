"""Recipients of aid: whom a giving is for, when the verb's own arguments name no actor.

English names an aid's recipient in a "to" or "for" phrase of the verb ("provided shelter to the survivors";
`ArgumentFinder.verb_args` takes it only when it is an actor noun or a name), as often in one of what is
given ("provided assistance in the form of medication for the children": the thing given, its conjuncts
and the nouns it is given as), or in a purpose infinitive whose verb is a helping ("donated rations to help
survivors", "funded construction to assist the police"; the verb's clause or the thing given's). The
recipient must be a person or people (an actor or a people noun: "survivors", "the children"), never a
time, a sum or an occasion ("for years", "for $5 million", "for the flood").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._people_nouns import people_noun

_RECIPIENT_PREPS = ("for", "to")
_PURPOSE_DEPS = frozenset({"advcl", "acl", "relcl"})
_NOT_PEOPLE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT"})


class Recipients:
    """Find whom an aid is for in the phrases of what is given (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, is_actorish: Callable[[Token], bool]) -> None:
        self.lex = lex
        self.g = grammar
        self.is_actorish = is_actorish
        self.helping = frozenset(k for k, s in lex.verbs.items() if s.type == "AID") | lex.aid_purpose_verbs

    def target(self, verb: Token, source: Token | None, target: Token | None) -> Token | None:
        """Return an aid verb's target: the recipient its gift's phrases name when the verb's own phrases
        gave none, or gave only a name inside the recipient's phrase ("to help survivors of Hurricane
        Katrina": the survivors, not the storm)."""
        found = self.recipient(verb, {source.i} if source is not None else set())
        if found is None or (target is not None and not found.left_edge.i <= target.i <= found.right_edge.i):
            return target
        return found

    def recipient(self, verb: Token, exclude: set[int]) -> Token | None:
        """Return the person or people an aid verb's gift is for, if its phrases name one."""
        given = list(self._given(verb))
        for word in (verb, *given):
            for prep in self.g.kids(word):
                if prep.dep_ not in ("prep", "dative") or prep.lower_ not in _RECIPIENT_PREPS:
                    continue  # the parse labels "gave shelter to X" a dative
                pobj = self.g.pobj(prep)
                if pobj is not None and self._person(pobj, exclude):
                    return pobj  # "shelter to the survivors", "medication for the children"
        for head in (verb, *given):
            for clause in self.g.kids(head):
                if clause.dep_ not in _PURPOSE_DEPS or clause.i < head.i or not self.g.to_infinitive(clause):
                    continue
                if self.g.lemma(clause) not in self.helping or self.g.is_passive(clause):
                    continue
                obj = next((c for c in self.g.kids(clause) if c.dep_ in ("dobj", "obj")), None)
                if obj is not None and self._person(obj, exclude):
                    return obj  # "donated rations to help survivors"
        return None

    def _given(self, verb: Token) -> Iterator[Token]:
        """Yield the nouns of what a verb gives: its object (or the noun its passive modifies) and that
        object's conjuncts, the nouns conjoined to the verb by the parse ("provided training and funded
        construction"), and the nouns the gift is given as ("in the form of medication", "supplies of
        food")."""
        first = self.g.patient(verb)
        nouns = [first, *first.conjuncts] if first is not None else []
        nouns += [c for c in self.g.kids(verb) if c.dep_ == "conj" and c.pos_ == "NOUN"]
        for _, form in self.g.prep_objects(verb, ("in",)):
            if form.lemma_.lower() == "form":
                nouns.append(form)
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            yield noun
            for _, part in self.g.prep_objects(noun, ("of",)):
                yield part

    def _person(self, tok: Token, exclude: set[int]) -> bool:
        """Whether a word names a person or people a gift can be for (an actor or a people noun)."""
        if tok.i in exclude or tok.ent_type_ in _NOT_PEOPLE:
            return False
        return self.is_actorish(tok) or people_noun(tok, self.lex)
