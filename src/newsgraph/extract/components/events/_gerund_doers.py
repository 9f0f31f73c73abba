"""The doer of a gerund after a verb of praising or blaming: the verb's object, not its subject.

English names the one praised, blamed or punished as the object and what they did as a gerund in the
verb's "for" or "of" phrase: "attacked the newspaper for refusing to back his plans", "chastised the
governor for refusing to ask for aid", "thanked Japan for supporting the sanctions", "accused the rebels
of plotting the attack"; in the passive, its subject ("Iran was praised for releasing the sailors"). The
object does the gerund, and so every act inside it ("refusing to support"); the verb's subject only
judges it. The verbs are `gerund_control` of `lexicons/event_rules.json`, which `controls_infinitive`
reads for the same reason. A "from" gerund ("barred the party from contesting the election", "blocking
refugees from coming") is an act stopped before it happens, and no mode says so: with its doer found it
would be coded as done, so it is not sought here (docs/evaluation.md, branch `e78`). A verb of charging
names the act in a "with" phrase ("charged him with kidnapping", "He was charged with robbing trucks …,
raping, kidnapping and attacking motorists": He), its doer again the object or the passive's subject; the
verbs are `with_gerund_control` (branch `e123`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

_GERUND_PREPS = frozenset({"of", "for"})
_OBJECTS = frozenset({"dobj", "dative"})


def gerund_doer(gerund: Token, lex: Lexicon) -> Token | None:
    """The object of the verb whose "for" or "of" phrase a gerund is the complement of, when
    that verb's object does the gerund ("praised X for helping": X), else None."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return None
    return _phrase_doer(gerund.head, lex)


def listed_gerund_doer(gerund: Token, lex: Lexicon) -> Token | None:
    """The doer of a gerund listed after a noun the parser made the phrase's object ("charged with robbing
    trucks …, raping, kidnapping and attacking motorists": the list hangs on "trucks"), else None."""
    if gerund.tag_ != "VBG" or gerund.dep_ != "conj":
        return None
    first = gerund
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return _phrase_doer(first.head, lex) if first.dep_ == "pobj" else None


def _phrase_doer(prep: Token, lex: Lexicon) -> Token | None:
    """The object (the passive's subject) of the verb a preposition hangs from, when it does the
    preposition's gerund."""
    verb = prep.head
    if prep.dep_ != "prep" or not _controls(verb.lemma_.lower(), prep.lower_, lex):
        return None
    for c in verb.children:
        if c.dep_ in _OBJECTS and c.i < prep.i:
            return c
        if c.dep_ == "nsubjpass":
            return c  # "Iran was praised by Obama for releasing the sailors": Iran
    return None


def _controls(lemma: str, prep: str, lex: Lexicon) -> bool:
    """Whether a verb's object does the gerund of its phrase with this preposition."""
    if prep == "with":
        return lemma in lex.with_gerund_control
    return prep in _GERUND_PREPS and lemma in lex.gerund_control


def misjoined(verb: Token) -> Token | None:
    """The verb a past form joined to a gerund really joins ("were convicted of infecting children and
    sentenced to death": "convicted"), else None. A gerund's conjunct is a gerund; the parser hangs a
    past form there when it shares the clause, not the gerund."""
    gerund = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or gerund.tag_ != "VBG":
        return None
    prep = gerund.head
    return prep.head if gerund.dep_ == "pcomp" and prep.dep_ == "prep" else None
