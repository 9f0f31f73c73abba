"""A speech act told in a participle clause ("…, accusing the government of …") is an act of its own, unless
it says what its governor's event is about: the demand of a protest ("marched, demanding reforms") or the
same act said twice ("blamed India, accusing it of …"). Only a verb the project's lexicon codes stands alone:
a sense the dictionary reads off a pattern tells how the governor's act was done ("attacked …, using
mortars")."""

from __future__ import annotations

from newsgraph.extract.components.events._lexicon import Lexicon, Sense


def own_act(lex: Lexicon, owner: Sense, act: Sense) -> bool:
    """Whether a participle's speech act (`act`) stands as its own event beside its governor's event
    (`owner`), rather than as that event's content."""
    return (
        act.origin == "lexicon"
        and owner.type is not None
        and owner.type != act.type
        and owner.type not in lex.speech_hosts
    )
