"""Clause targets: a proposition is no act done to its subject; a charge names the accused as its doer.

A finite content clause of a verb of agreeing or denying (`proposition_types`: "agreed that a president
should …", "denied that Clinton had anything to do with …") is a proposition about its subject, not an
act done to it, and none of its words names the target. A demand, a charge or a warning ("demanded that
Beijing remove them", "alleged that the military was behind …") names in its clause whom it aims at; a
to-infinitive ("allowed agencies to go") and a clause whose subject is the source or a pronoun ("promised
that it would …") are the source's own act; both keep their target. A content clause comes after its
verb (a clause before it is one the parse joined across a semicolon), and a "verb" with a determiner is
a noun the parse took for one ("declined a Defense Department offer to …").

A charge made in a finite content clause says what the accused did ("alleged that Trump personally earned
$5 million", "charged that Mrs. Clinton hid the documents"): the accused is the clause's doer, its subject
when active, its "by" phrase when passive. A passive clause's subject underwent the act ("alleged that
family members were prevented from visiting", "complained that they have not been given approval"): a
victim or the accuser, no one accused; nor is the clause's object, the act's victim ("alleged that the
police beat protesters": the police), nor a listener ("complained to the mayor that …"). A clause whose
doer the sentence does not name accuses no one. A verb of accusing of the trigger lexicon says this of
its clause; of the verbs the CAMEO dictionary alone codes, only those whose clause is a charge
(`charge_verbs`: "charged that …", not "suspected that the disease would spread").
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import WEAK_ORIGINS, Lexicon
from newsgraph.extract.components.events._practices import open_practice


class ActorReader(Protocol):
    """What is read here of `_arguments.ArgumentFinder` (`_drafting.Drafter` calls `charged`)."""

    g: Grammar
    lex: Lexicon

    def is_actorish(self, tok: Token) -> bool: ...


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""The tags of a tensed verb or a modal."""


def finite(clause: Token) -> bool:
    """Whether a clause is finite: a tensed verb or auxiliary, or "that" ("that a president should …")."""
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS) or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


def acts_among(
    verb: Token, complements: list[Token], type_: str, exclude: set[int], lex: Lexicon
) -> list[Token]:
    """Return the complements of `verb`, of type `type_`, that may name its target: all but a proposition
    after it about another party than the source ("agreed that a president should …") and a bare gerund
    naming a practice (`_practices`: "supports keeping troops there"). `exclude` holds the source's tokens."""
    complements = [c for c in complements if not open_practice(c, type_, lex)]
    if type_ not in lex.proposition_types:
        return complements
    return [c for c in complements if c.i < verb.i or not _proposition(c, exclude, lex)]


def _proposition(clause: Token, exclude: set[int], lex: Lexicon) -> bool:
    """Whether `clause` is a finite content clause whose subject is another party than the source."""
    if clause.dep_ != "ccomp" or not finite(clause) or any(c.dep_ == "det" for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.i not in exclude and subj.lower_ not in lex.pronouns


def _content(clause: Token) -> bool:
    """Whether a clause is a finite content clause, not a free relative the parse took for one: "denounced
    what he called …" denounces a thing, whose clause names the speaker, no one accused."""
    return clause.pos_ in ("VERB", "AUX") and finite(clause) and clause.left_edge.tag_ not in ("WP", "WDT")


def charged(cand: Candidate, source: Token | None, target: Token | None, args: ActorReader) -> Token | None:
    """Return a verb trigger's target: when it has no object and makes a charge in a finite content clause,
    the accused, the clause's doer if it is an actor other than the accuser (`source`), else `target` if it
    stands outside the clause; with no such charge, `target`."""
    g, verb = args.g, cand.tok
    if cand.sense.type != "ACCUSE" or cand.noun or g.patient(verb) is not None:
        return target
    if cand.sense.origin in WEAK_ORIGINS and g.lemma(verb) not in args.lex.charge_verbs:
        return target
    clause = next((c for c in g.kids(verb) if c.dep_ == "ccomp" and c.i > verb.i and _content(c)), None)
    if clause is None:
        return target
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    doer = g.agent(clause)
    if (
        doer is not None
        and doer.i in inside
        and (source is None or doer.i != source.i)
        and doer.lower_ != "it"  # "complained that it was unfair": an empty or a thing's "it", no one accused
        and args.is_actorish(doer)
    ):
        return doer
    # the clause names no one accused: none of its words is the target (a victim, the accuser), but a party
    # outside it stays ("China complained to Washington that the sales broke the accord"; `_hearers` drops
    # a private listener)
    return target if target is not None and target.i not in inside else None
