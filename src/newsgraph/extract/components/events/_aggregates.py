"""Aggregates: a count or a trend of events over a period, reported as one event.

"504 attacks were launched last year", "a wave of kidnappings", "hundreds have been killed since
2009", "the group frequently conducts bombings", "attacks have increased" tell of many acts, or of
acts that recur, not of one act an analyst could count once. `Aggregates.aggregate` reads the shapes
of English that say so from the parse, with the word lists of `event_rules.json`:

- the event noun is counted: a number of at least `aggregate_min_count` ("504 attacks"; not a year
  as in "the 2012 attacks"), a plural number noun ("hundreds of attacks"), a counter noun ("a wave
  of kidnappings", "a rise in attacks") or a frequency adjective ("repeated raids");
- the clause recurs: a frequency adverb ("routinely deny", "has repeatedly called", "twice") or
  "every"/"each" with a period ("protests every day");
- a trend: a plural event noun rises or falls ("attacks have increased"), or is stepped up in the
  perfect ("have intensified attacks"; "escalated his attacks on Saturday" is one act);
- a period in the perfect with many acts in it: "since …", "over the past … years", "for years",
  "this year" on a clause in the perfect whose acts are many: a plural event noun, or its object or
  passive subject counted or a bare plural ("have arrested at least 2,400 people since …", "has been
  attacking Kenyan troops since 2011"). One act that lasts ("has been detained since 2010", "no
  country has recognized the Taliban since 2021") has one patient and is left alone.

An ordinal ("the third such attack this month") counts one act among others: it is left alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.extract.components.events._counts import number_of
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_RECENT = frozenset({"past", "last", "recent"})
_EVERY = frozenset({"every", "each"})


class Aggregates:
    """Tell an event that counts or charts many acts from one act (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def aggregate(self, tok: Token, anchor: Token, noun: bool) -> bool:
        """Whether a trigger (`noun` when an event noun) anchored at a clause verb reports many acts."""
        if noun and (self.counted(tok) or self._trend(tok)):
            return True
        if self._recurs(anchor):
            return True
        verbs = self._conjoined(anchor)
        return (
            any(self._perfect(v) for v in verbs)
            and any(self._period(v, tok) for v in verbs)
            and any(self._many(v, tok, noun) for v in verbs)
        )

    def _conjoined(self, verb: Token) -> list[Token]:
        """Return a clause verb with the verbs that share its subject, whose auxiliaries, objects and
        adverbials it shares ("has been attacking and fighting Kenyan troops since 2011")."""
        verbs = [verb]
        verbs.extend(c for c in self.g.kids(verb) if c.dep_ == "conj" and _bare(c, self.g))
        if verb.dep_ == "conj" and verb.head.i != verb.i and _bare(verb, self.g):
            verbs.append(verb.head)
        return verbs

    def counted(self, noun: Token) -> bool:
        """Whether an event noun is counted as many: "504 attacks", "hundreds of attacks", "a wave of
        kidnappings", "a rise in attacks", "repeated raids"."""
        lex = self.lex
        if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in"):
            counter = noun.head.head
            if counter.lemma_.lower() in lex.aggregate_counters:
                return True
            if noun.head.lower_ == "of" and counter.tag_ == "NNS" and counter.lower_ in lex.number_words:
                return True  # "hundreds of attacks", "dozens of raids"
        if noun.tag_ != "NNS":
            return False
        if any(c.dep_ == "amod" and c.lower_ in lex.aggregate_amods for c in self.g.kids(noun)):
            return True
        return self._many_by_number(noun)

    def _many_by_number(self, noun: Token) -> bool:
        """Whether a noun's number counts at least `aggregate_min_count` ("2,400 people"; not "2012")."""
        if any(c.dep_ == "nummod" and _YEAR.fullmatch(c.text) for c in self.g.kids(noun)):
            return False  # "the 2012 Benghazi attacks": a year, not a count
        value = number_of(noun, self.lex)
        return value is not None and value >= self.lex.aggregate_min_count

    def _trend(self, noun: Token) -> bool:
        """Whether a plural event noun rises or falls ("attacks have increased") or is stepped up in the
        perfect ("have intensified attacks", "has stepped up his attacks")."""
        if noun.tag_ != "NNS":
            return False
        head = noun.head
        if self.g.lemma(head) not in self.lex.trend_verbs:
            return False
        if noun.dep_ == "nsubj":
            return not any(c.dep_ in ("dobj", "obj") for c in self.g.kids(head))  # "attacks will increase X"
        return noun.dep_ == "dobj" and self._perfect(head)

    def _recurs(self, verb: Token) -> bool:
        """Whether a clause tells of a recurring act: "routinely deny", "has repeatedly called", "twice",
        "protests every day"."""
        for c in self.g.kids(verb):
            if c.dep_ == "advmod" and c.lower_ in self.lex.habitual_adverbs:
                return True
            if (
                c.dep_ == "npadvmod"
                and c.lemma_.lower() in self.lex.period_nouns
                and any(x.lower_ in _EVERY for x in self.g.kids(c))
            ):
                return True
        return False

    def _perfect(self, verb: Token) -> bool:
        """Whether a clause is in the perfect ("have killed", "has been attacking", "had been held")."""
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in self.g.kids(verb))

    def _period(self, verb: Token, tok: Token) -> bool:
        """Whether a clause spans a period: "since 2009", "since the troops left", "over the past two
        years", "in recent months", "for years", "this year" (not a phrase the trigger is in)."""
        for c in self.g.kids(verb):
            if c.left_edge.i <= tok.i <= c.right_edge.i:
                continue  # "since the Paris attacks": the event is the period's start, not in it
            low = c.lower_
            if c.dep_ == "prep" and low == "since":
                return True
            since = c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in self.g.kids(c)
            )
            if since and c.tag_ in ("VBD", "VBN"):
                return True  # "since the withdrawal started"; not "since many are staging protests"
            if c.dep_ == "prep" and low in self.lex.period_preps:
                span = self.g.pobj(c)
                if span is not None and self._span_of_time(span):
                    return True
            if (
                c.dep_ == "npadvmod"
                and c.lemma_.lower() in self.lex.period_nouns
                and any(x.lower_ == "this" for x in self.g.kids(c))
            ):
                return True  # "have conducted 11,654 operations so far this year"
        return False

    def _span_of_time(self, noun: Token) -> bool:
        """Whether a noun is a stretch of time: "years", "the past decade", "recent months"."""
        if noun.lemma_.lower() not in self.lex.period_nouns:
            return False
        recent = any(x.lower_ in _RECENT for x in self.g.kids(noun))
        return noun.tag_ == "NNS" or (recent and noun.lemma_.lower() != "day")

    def _many(self, verb: Token, tok: Token, noun: bool) -> bool:
        """Whether the acts of a clause are many: a plural event noun, or an object or passive subject that
        is counted or a bare plural ("people" in "have arrested at least 2,400 people", "hundreds of people
        have been killed", "has been attacking Kenyan troops")."""
        if noun and tok.tag_ == "NNS":
            return True
        for c in self.g.kids(verb):
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            if c.tag_ == "NNS" and c.lower_ in self.lex.number_words:
                return True  # "hundreds (of people) have been killed"
            bare = not any(x.dep_ in ("det", "poss", "nummod") for x in self.g.kids(c))
            if c.tag_ == "NNS" and (bare or self._many_by_number(c)):
                return True
        return False


def _bare(verb: Token, grammar: Grammar) -> bool:
    """Whether a conjoined verb has no subject of its own (it shares its conjunct's)."""
    return verb.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in grammar.kids(verb)
    )


def _marked(verb: Token, word: str, grammar: Grammar) -> bool:
    """Whether a clause is introduced by a subordinator ("since the troops left")."""
    return any(m.dep_ == "mark" and m.lower_ == word for m in grammar.kids(verb))
