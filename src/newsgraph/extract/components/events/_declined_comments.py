"""Declining comment: a refusal to say, tell, predict or disclose is no event.

CAMEO codes "decline comment" (011) under root 01, making public statements, which PLOVER drops: "the
ministry declined to comment", "he refused to say whether the army would withdraw", "she declined to
predict when the company would return to profitability" refuse no one's request, demand or proposal. A
refusal ("refuse", "decline", "refusal": `declined_comment_heads`) declines comment when its complement is

- a verb of saying: a cue verb of speech or writing of the quotes component (`cue_verbs.json`), less the
  cues it takes only next to a quotation and less the verbs this component codes as acts of their own
  ("refused to agree", "declined to endorse", "refused to accuse" stay refusals), or a verb of telling or
  disclosing the cue list lacks (`declined_comment_verbs`: "declined to specify", "to name", "to discuss");
- a verb of giving whose object is information ("declined to give a breakdown", "refused to provide
  details"): `declined_comment_givings`, `information_nouns`;
- or comment itself as its object ("declined comment"): `declined_comment_nouns`.

Words owed to a political actor named as their hearer stay a refusal of that actor: "refused to answer
questions from the Senate committee", "refused to testify before the committee", "refused to discuss a
ceasefire with the rebels". A hearer of the press or of no public office ("declined to speak to
reporters") owes nothing. The object of a verb of disclosing is what is withheld, never a hearer ("declined
to name the soldiers").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import type_tokens
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.lexicons import load_json

DECLINED_COMMENT_ORIGIN = "declined_comment"
"""The `Sense.origin` of a refusal that declines comment: a sense of no type (no event) whose content (what
is not said) is no event either."""
_SAYING_CLASSES = ("speech", "writing")
"""The classes of `cue_verbs.json` whose verbs say or write words."""
_HEARER_PREPS = ("to", "before", "with")
"""Prepositions of a verb of saying that name whom the words are for ("testify before", "speak to")."""


@cache
def _saying_cues() -> frozenset[str]:
    """The cue verbs of saying of the quotes component, less those it takes only next to a quotation."""
    cues = load_json("cue_verbs.json")
    saying = {verb for verb, kind in cues["verbs"].items() if kind in _SAYING_CLASSES}
    return frozenset(saying - set(cues["direct_only"]))


class DeclinedComments:
    """Tell a refusal that declines comment from a refusal of someone (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar
        self.heads = lex.declined_comment_heads
        self.cues = _saying_cues() - lex.trigger_lemmas
        self.disclosing = lex.declined_comment_verbs
        self.givings = lex.declined_comment_givings
        self.information = lex.information_nouns
        self.comments = lex.declined_comment_nouns

    def declines(self, tok: Token) -> bool:
        """Whether a refusal verb or noun declines comment, to no political actor named as hearer."""
        if self.g.lemma(tok) not in self.heads:
            return False
        kids = self.g.kids(tok)
        if any(c.dep_ == "dobj" and c.lemma_.lower() in self.comments for c in kids):
            return True  # "declined comment"
        verb = next((c for c in kids if c.dep_ in ("xcomp", "acl") and c.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        lemma = self.g.lemma(verb)
        if lemma in self.cues:
            return not self._owed(verb, objects=True)
        if lemma in self.disclosing or (lemma in self.givings and self._informs(verb)):
            return not self._owed(verb, objects=False)
        return False

    def _informs(self, verb: Token) -> bool:
        """Whether a verb of giving gives information ("give a breakdown", "provide documentation or
        specifics": any of its objects, by lemma or by word)."""
        objects = [o for c in self.g.kids(verb) if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        return any(o.lemma_.lower() in self.information or o.lower_ in self.information for o in objects)

    def _owed(self, verb: Token, objects: bool) -> bool:
        """Whether a verb of saying names a political actor its words are for: a hearer after "to",
        "before", "with", the asker of its object ("questions from the committee"), and with `objects`
        its object ("answer the committee"); the object of a verb of disclosing is what is withheld."""
        nouns = [p for _, p in self.g.prep_objects(verb, _HEARER_PREPS)]
        for c in self.g.kids(verb):
            if objects and c.dep_ in ("dobj", "dative"):
                nouns.append(c)
            if c.dep_ == "dobj":
                nouns.extend(p for _, p in self.g.prep_objects(c, ("from",)))
        return any(self._political(n) for n in nouns)

    def _political(self, noun: Token) -> bool:
        """Whether a noun phrase is a political actor by its words (a government body, a court, a country)."""
        tokens = list(noun.doc[noun.left_edge.i : noun.i + 1])
        return type_tokens(tokens, noun, self.lex).political
