"""The doer of a gerund after a verb of praising or blaming: the verb's object, not its subject.

English names the one praised, blamed or punished as the object and what they did as a gerund in the
verb's "for" or "of" phrase: "attacked the newspaper for refusing to back his plans", "chastised the
governor for refusing to ask for aid", "thanked Japan for supporting the sanctions", "accused the rebels
of plotting the attack"; in the passive, its subject ("Iran was praised for releasing the sailors"). The
object does the gerund, and so every act inside it ("refusing to support"); the verb's subject only
judges it. The verbs are `gerund_control` of `lexicons/event_rules.json`, which `controls_infinitive`
reads for the same reason. A "from" gerund ("barred the party from contesting the election", "blocking
refugees from coming") is an act stopped before it happens, and no mode says so: with its doer found it
would be coded as done, so it is not sought here (docs/evaluation.md, branch `e78`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

_GERUND_PREPS = frozenset({"of", "for"})
_OBJECTS = frozenset({"dobj", "dative"})


def gerund_doer(gerund: Token, lex: Lexicon) -> Token | None:
    """The object of the verb whose "for" or "of" phrase a gerund is the complement of, when
    that verb's object does the gerund ("praised X for helping": X), else None."""
    prep = gerund.head
    verb = prep.head
    if (
        gerund.dep_ != "pcomp"
        or gerund.tag_ != "VBG"
        or prep.dep_ != "prep"
        or prep.lower_ not in _GERUND_PREPS
        or verb.lemma_.lower() not in lex.gerund_control
    ):
        return None
    for c in verb.children:
        if c.dep_ in _OBJECTS and c.i < prep.i:
            return c
        if c.dep_ == "nsubjpass":
            return c  # "Iran was praised by Obama for releasing the sailors": Iran
    return None


def misjoined(verb: Token) -> Token | None:
    """The verb a past form joined to a gerund really joins ("were convicted of infecting children and
    sentenced to death": "convicted"), else None. A gerund's conjunct is a gerund; the parser hangs a
    past form there when it shares the clause, not the gerund."""
    gerund = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or gerund.tag_ != "VBG":
        return None
    prep = gerund.head
    return prep.head if gerund.dep_ == "pcomp" and prep.dep_ == "prep" else None
