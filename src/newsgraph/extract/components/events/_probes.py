"""The side an investigation noun probes (`ArgumentFinder.noun_args` asks here when its phrase names none).

An "investigation", "probe" or "inquiry" names whom it investigates "into X", "of X" or "against X"
(`noun_args` reads those itself when X is an actor). English also names that side in three other ways:

* the owner of what is probed: "an FBI investigation into her email set-up", "the investigation of
  Secretary Clinton's use of a server", "a probe into its pricing strategies": the possessor of the
  thing (a name or a pronoun, whose antecedent the actor resolver finds), else its owner as
  `ThingOwners.owner` reads it ("an inquiry into U.S. operations"). The possessor of a topic noun is
  no suspect ("an inquiry into the soldier's death", `topic_nouns`), and neither is a thing of the
  investigator's own ("its investigation into its own conduct");
* the subject of the clause the noun completes: "X is under investigation", "X was the subject of a
  U.S. investigation", "it has become the target of a probe" (`probed_heads`); "the police put X
  under investigation" names X as the object;
* the doer of the reason it is held for: "an investigation due to Apple charging customers more",
  "an investigation for her handling of classified information": the subject of a gerund, or the
  possessor of a deed, after "due to", "because of", "over" or "for".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._owners import ThingOwners

_PROBED_PREPS = ("into", "of", "against", "over")
"""Prepositions whose object is what an investigation looks into ("a probe into her emails")."""

_REASON_PREPS = ("due", "because", "owing", "over", "for")
"""Prepositions (or the first word of one) whose object is why it is held ("due to X doing …")."""


class ProbedSides:
    """Find whom an investigation noun probes (see the module docstring)."""

    def __init__(
        self, lex: Lexicon, grammar: Grammar, actorish: Callable[[Token], bool], owners: ThingOwners
    ) -> None:
        self.lex = lex
        self.g = grammar
        self.actorish = actorish
        self.owners = owners

    def probed(self, noun: Token, source: Token | None) -> Token | None:
        """Whom an investigation noun probes, when it is one: the owner of what it looks into, the subject
        of its clause, or the doer of its reason; never its `source`."""
        sense = self.lex.nouns.get(self.g.noun_lemma(noun))
        if sense is None or sense.mode != "investigate":
            return None
        exclude = {source.i} if source is not None else set()
        for _, thing in self.g.prep_objects(noun, _PROBED_PREPS):
            found = self._owner(noun, thing, exclude)
            if found is not None:
                return found
        found = self._clause_subject(noun) or self._reason_doer(noun, exclude)
        return found if found is not None and found.i not in exclude else None

    def _owner(self, noun: Token, thing: Token, exclude: set[int]) -> Token | None:
        """The owner of the thing probed: its possessor (a pronoun too, unless the noun's own possessor is
        the same word or the thing is the investigator's "own"), else `ThingOwners.owner`."""
        if thing.pos_ != "NOUN" or self.actorish(thing) or thing.lemma_.lower() in self.lex.topic_nouns:
            return None
        kids = self.g.kids(thing)
        poss = next((c for c in kids if c.dep_ == "poss"), None)
        if poss is None or poss.pos_ != "PRON":
            return self.owners.owner(thing, exclude)
        own = any(c.dep_ == "poss" and c.lower_ == poss.lower_ for c in self.g.kids(noun))
        if own or any(c.lower_ == "own" for c in kids):
            return None  # "its investigation into its own conduct": the investigator's own
        return poss

    def _clause_subject(self, noun: Token) -> Token | None:
        """The one a clause puts under investigation: "X is under investigation", "X was the subject of an
        investigation" (its subject), "put X under investigation" (its object)."""
        prep = noun.head
        if noun.dep_ != "pobj":
            return None
        verb: Token | None = None
        if prep.lower_ == "under":
            verb = prep.head
        elif prep.lower_ == "of" and prep.head.lemma_.lower() in self.lex.probed_heads:
            verb = prep.head.head if prep.head.dep_ in ("attr", "acomp", "oprd") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        kids = self.g.kids(verb)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj if self.actorish(obj) else None
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None) or self.g.agent(verb)
        return subj if subj is not None and self.actorish(subj) else None

    def _reason_doer(self, noun: Token, exclude: set[int]) -> Token | None:
        """The doer of why an investigation is held: "due to Apple charging customers" (the gerund's
        subject, wherever the parser hangs the clause: under the preposition, the noun or the verb that
        opened it), "for her handling of the files" (the deed's possessor)."""
        reasons = [r for prep in self.g.kids(noun) if prep.dep_ == "prep" for r in self._reasons(prep)]
        holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
        reasons += [
            c for h in holders for c in self.g.kids(h) if c.dep_ in ("acl", "advcl") and _after_reason(c)
        ]
        for reason in reasons:
            if reason.tag_ == "VBG":
                doer = next((c for c in self.g.kids(reason) if c.dep_ in ("nsubj", "poss")), None)
            elif reason.pos_ == "NOUN" and reason.lemma_.lower() not in self.lex.topic_nouns:
                doer = next((c for c in self.g.kids(reason) if c.dep_ == "poss"), None)
            else:
                continue
            if doer is not None and doer.i not in exclude and self.actorish(doer):
                return doer
        return None

    def _reasons(self, prep: Token) -> list[Token]:
        """The objects of a reason's preposition, through a second word ("due to", "because of")."""
        found: list[Token] = []
        if prep.lower_ not in _REASON_PREPS:
            return found
        for c in self.g.kids(prep):
            if c.dep_ in ("pobj", "pcomp"):
                found += (
                    [x for x in self.g.kids(c) if x.dep_ in ("pobj", "pcomp")] if c.pos_ == "ADP" else [c]
                )
        return found


def _after_reason(clause: Token) -> bool:
    """Whether a gerund clause comes right after a reason's preposition ("due to X doing …")."""
    doc = clause.doc
    start = clause.left_edge.i
    before = doc[start - 1].lower_ if start > 0 else ""
    two = doc[start - 2 : start].text.lower() if start > 1 else ""
    return clause.tag_ == "VBG" and (before in ("over", "for") or two in ("due to", "because of", "owing to"))
