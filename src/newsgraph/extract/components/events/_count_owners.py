"""Which act of a sentence a casualty count belongs to.

A harm word ("killed", "injured", "dead", "toll") and its count tell of one act. English ties them to it
through the parse: the harm word is the act's own trigger ("killed 12 people"), or stands in the act's
clause chain ("an attack that killed 12", "the attack, killing 12", "12 people were killed in the
attack"). When a sentence tells of several assaults ("a bomb killed 11 miners, while the rebels attacked
a convoy"), the count goes to the assault whose trigger is nearest the harm word in the parse tree (the
fewest dependency arcs between them; the nearer one in the text on a tie), so one count is never given
to two assaults and never to an act told in a sibling clause. A lone assault in its sentence takes
every count of the sentence, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsgraph.extract.components.events._drafting import Draft

_FAR = 10_000


def tree_distance(a: Token, b: Token) -> int:
    """Return the number of dependency arcs between two tokens of one sentence (a large number if none)."""
    up_a = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return up_a[t.i] + k
    return _FAR


def _nearness(harm: Token, act: Sequence[Token]) -> tuple[int, int]:
    """Return how near an act's trigger words are to a harm word: arcs first, then words of text."""
    return min((tree_distance(harm, t), abs(harm.i - t.i)) for t in act)


def owns_count(harm: Token, act: Sequence[Token], rivals: Sequence[Sequence[Token]]) -> bool:
    """Say whether the harm word's count belongs to the act (its trigger words) rather than a rival act."""
    if not rivals:
        return True
    own = _nearness(harm, act)
    return all(own <= _nearness(harm, r) for r in rivals)


def trigger_words(d: Draft) -> list[Token]:
    """Return a draft's trigger word and the clause word it is anchored at ("called the assault")."""
    return [d.tok] if d.anchor is None or d.anchor.i == d.tok.i else [d.tok, d.anchor]


def rival_acts(d: Draft, drafts: Sequence[Draft]) -> list[list[Token]]:
    """Return the trigger words of the other assaults of the draft's sentence."""
    return [trigger_words(o) for o in drafts if o is not d and o.type == "ASSAULT" and o.sent == d.sent]
