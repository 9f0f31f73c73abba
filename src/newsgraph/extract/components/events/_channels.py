"""Channels: who passes a quote on is not its speaker, so a first person inside the quote is not theirs.

A news outlet that carries a quote ("Xinhua translated the quote as: “… we do not buy …”") and the one
that quotes another ("Detik.com quoted Djamal as saying", "AP quoted him as saying", "The Financial
Times cited security officials as saying") relay another's words. The first person inside those words
("we", "I") is the quoted speaker and that speaker's side, never the channel:

- a verb of relaying (`relay_verbs`: "quote", "cite") names the speaker as its object: "quoted Djamal";
- a news outlet as a subject is skipped: an organisation the Phoenix actor dictionary codes as media
  (MED: Xinhua, Reuters, AFP, CNN, The New York Times …).

`relayed_speaker` climbs the clause chain from the pronoun as `_pronouns.quoted_speaker` does. Only when
the chain meets a channel does it settle the pronoun; otherwise the ordinary search goes on unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._entity_tags import ent_at
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.extensions import entity_at_token
from newsgraph.knowledge import longest_match

_SUBJ = frozenset({"nsubj", "nsubjpass"})
_OBJ = frozenset({"dobj"})
_MAX_CLIMB = 8
_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})


def is_outlet(tok: Token) -> bool:
    """Whether a noun names a news organisation: a name the Phoenix actor dictionary codes as media."""
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return False
    known = entity_at_token(tok.doc, tok.i)
    names = [known.name] if known is not None else []
    ent = ent_at(tok.doc, tok.i)
    names.append(ent.text if ent is not None else tok.text)
    for name in names:
        words = name.split()
        for i in range(len(words)):
            found = longest_match(words, i)
            if found is not None and found[1].sector == "media" and found[1].kind == "organization":
                return True
    return False


def relayed_speaker(
    pron: Token, quoted: list[tuple[int, int]], g: Grammar, is_actor: Callable[[Token], bool]
) -> tuple[bool, Token | None]:
    """Whether a first person inside quoted words is settled by a channel up its clause chain, and its
    speaker then: the object of a verb of relaying, else the next subject up the chain that is no
    channel, else None (the quote's own speaker is then taken, `DocState.speak`)."""
    met = False
    tok = pron.head
    for _ in range(_MAX_CLIMB):
        subj = next((c for c in g.kids(tok) if _outside(c, pron, quoted) and c.dep_ in _SUBJ), None)
        if subj is not None:
            if g.lemma(tok) in g.lex.relay_verbs:
                relayed = next((c for c in g.kids(tok) if c.dep_ in _OBJ and _speaker(c, is_actor)), None)
                if relayed is not None:
                    return True, relayed  # "Detik.com quoted Djamal as saying": Djamal speaks
                met = True
            elif is_outlet(subj):
                met = True  # "Xinhua translated the quote as": the agency only carries it
            elif met and _speaker(subj, is_actor):
                return True, subj
            elif not met:
                return False, None  # the first subject up the chain is no channel: the ordinary search
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return met, None


def _outside(c: Token, pron: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether a token stands outside the quoted words that hold the pronoun."""
    return c.i != pron.i and not any(s <= c.idx < e for s, e in quoted)


def _speaker(c: Token, is_actor: Callable[[Token], bool]) -> bool:
    """Whether a subject or object can be a speaker: an actor noun or a personal pronoun."""
    return (c.pos_ in ("NOUN", "PROPN") and is_actor(c)) or c.lower_ in _PERSON_PRONOUNS
