"""A verb's own phrase places each word up the chain of heads once per verb (issue 15, events CPU): it
climbed from every token to the verb, reading each head three times, and the tokens of one phrase share
their way up. The tokens kept are those of the climb from each token."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Token

from newsgraph.extract.components.events._own_phrase import CLAUSE_DEPS, own_phrase
from tests.support.event_parses import parsed, spec

# "agreed to try to hold talks with rebels who attacked the town"
_ROWS = spec(
    "agreed/0/ROOT/VBD/VERB to/2/aux/TO/PART try/0/xcomp/VB/VERB to/4/aux/TO/PART hold/2/xcomp/VB/VERB "
    "talks/4/dobj/NNS/NOUN with/5/prep/IN/ADP rebels/6/pobj/NNS/NOUN who/9/nsubj/WP/PRON "
    "attacked/7/relcl/VBD/VERB the/11/det/DT/DET town/9/dobj/NN/NOUN"
)


class _Counted:
    """A token that counts the reads of its head."""

    def __init__(self, tok: Token, words: dict[int, _Counted], reads: list[int]) -> None:
        self.tok, self.words, self.reads = tok, words, reads
        self.i, self.dep_ = tok.i, tok.dep_

    @property
    def head(self) -> _Counted:
        self.reads.append(self.i)
        return self.words[self.tok.head.i]


def _climbed(verb: Token, tok: Token) -> bool:
    """Whether a token is in a clause below a dependent of the verb, climbing from it alone."""
    path: list[Token] = []
    while tok.i != verb.i:
        if tok.head.i == tok.i:
            return False
        path.append(tok)
        tok = tok.head
    chain = False
    for node in reversed(path):
        if node.head.i == verb.i:
            chain = node.dep_ == "xcomp"
        elif not (node.dep_ == "xcomp" and chain):
            if node.dep_ in CLAUSE_DEPS:
                return True
            chain = False
    return False


def test_own_phrase_reads_each_head_once_per_verb() -> None:
    doc = parsed(_ROWS)
    reads: list[int] = []
    words: dict[int, _Counted] = {}
    for tok in doc:
        words[tok.i] = _Counted(tok, words, reads)
    tokens = [words[i] for i in range(1, len(doc))]
    kept = own_phrase(cast(Token, words[0]), cast(list[Token], tokens))
    assert [t.i for t in kept] == list(range(1, 8))  # the clause "who attacked the town" is cut
    assert sorted(reads) == list(range(1, len(doc)))  # each word's head read once


def test_own_phrase_keeps_what_the_climb_from_each_token_keeps() -> None:
    doc = parsed(_ROWS)
    for verb in doc:
        tokens = [t for c in verb.children for t in c.subtree]
        assert own_phrase(verb, tokens) == [t for t in tokens if not _climbed(verb, t)]
