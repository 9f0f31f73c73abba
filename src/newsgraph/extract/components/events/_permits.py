"""Permission needs someone who grants it: "allow" meaning "enable" is no concession.

A person or a body that allows, permits or enables something grants it ("the army does not allow aid
agencies to go there", "the judge permitted Judicial Watch to depose aides"). A thing, a fact or an event
that does so only makes it possible, and nobody acts: "the law allows the government to seize …", "this
will allow the U.S. to act quickly", "forums that allow them to connect with voters", "Sanders prevailed
in Vermont, allowing her to build a lead". Such a doer is read from the parse: a clause as the subject
("raising the cap would allow …"), a demonstrative pronoun ("this", "that"), a noun that names no actor
(`ActorFinder.is_actor`) or a document ("the Chinese Exclusion Act"), or, for a participle after a comma
that ends a clause (", allowing …"), the clause before it: its result, not a second act of its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._proper_names import document_name


class Permits:
    """Tell a permission someone grants from one a thing gives (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, actors: ActorFinder) -> None:
        self.lex = lex
        self.g = grammar
        self.actors = actors

    def by_thing(self, verb: Token) -> bool:
        """Whether a permission verb's doer is no one: a thing, a fact, a clause or the event before it."""
        if self.g.lemma(verb) not in self.lex.permission_verbs:
            return False
        if self._result(verb):
            return True  # "Sanders prevailed in Vermont, allowing her to build a lead"
        doer = self.g.agent(verb)
        if doer is not None and doer.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            doer = verb.head  # "the K-1 visa program, which allows …": the noun the clause is about
        return doer is not None and self._thing(doer)

    def _result(self, verb: Token) -> bool:
        """Whether a verb is a participle after a comma that tells the result of the clause before it:
        no subject, subordinator or auxiliary of its own ("…, allowing her to build a lead")."""
        return (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and verb.i > verb.head.i
            and verb.doc[verb.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "mark", "aux") for c in self.g.kids(verb))
        )

    def _thing(self, doer: Token) -> bool:
        """Whether a doer is no one: a clause, a demonstrative pronoun, a document or a noun of no actor."""
        if doer.dep_ == "csubj" or doer.pos_ in ("VERB", "AUX"):
            return True  # "raising the cap would allow …"
        if doer.pos_ == "PRON" or doer.tag_ == "DT":
            return "Dem" in doer.morph.get("PronType", [])  # "this will allow …"; "they", "we" are someone
        if document_name(doer, self.lex):
            return True  # "the Chinese Exclusion Act, which allowed …"
        return doer.pos_ == "NOUN" and not self.actors.is_actor(doer)  # "the law", "forums", "the deal"
