"""An attack, a blast or a weapon is no doer of the harm it did ("the attack killed 25 people").

In English an event noun or a weapon as the subject of a verb of harm ("the attack killed", "the blast
wounded", "airstrikes killed", "a bomb destroyed", "the explosion injured") names the act or its means,
not who did it, and so does the "by" phrase of such a verb in the passive ("were killed by the blast").
The doer is the noun's own owner or agent ("the Taliban's attack", "Israeli airstrikes", "attacks carried
out by X", `NounDoers.modifier`) or no one: with none named, the verb's event has no source (an assault
with no source is coded as every such assault is, less certain; nor does the reporter stand in for it).
A noun of the lexicon's events (`plover_triggers.json` nouns) or of its weapons and munitions
(`weapon_nouns`, `munition_nouns`) that is no actor noun and no agent noun ("a suicide bomber",
"snipers" are people) and names no doer of its own is such a means.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._noun_doers import NounDoers

_AGENT_SUFFIXES = ("er", "or")
"""The endings of English agent nouns: a word of the weapon list so formed names who uses it ("sniper",
"bomber")."""


def doerless_means(tok: Token, lex: Lexicon, doers: NounDoers, actors: ActorFinder) -> bool:
    """Whether a verb's doer is an act or a weapon with no doer of its own ("the blast", "airstrikes";
    not "Israeli airstrikes", "the Taliban's attack", "a suicide bomber")."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    low = tok.lemma_.lower()
    if low not in lex.nouns and low not in lex.weapon_nouns and low not in lex.munition_nouns:
        return False
    if actors.is_actor(tok) or low.endswith(_AGENT_SUFFIXES):
        return False  # "snipers", "a suicide bomber": people (or their craft), who act
    if low in lex.nouns:
        return doers.undone(tok)
    return doers.modifier(tok) is None and doers.counted_by(tok) is None
