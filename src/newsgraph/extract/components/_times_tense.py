"""The tense of the verb that governs a time expression: it decides which way "Friday" points.

"The committee voted on Friday" is the Friday before the publication date, "the chamber will
vote on Friday" the one after. The governing verb is the first verb up the dependency tree from
the expression's first token; its auxiliaries and tag give the tense.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsgraph.extract.components._times_calendar import Tense

_TIME_NOUNS = frozenset(
    {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year"}
)
"""Nouns a weekday or month may modify without naming an event ("Tuesday morning")."""

_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "conj", "ccomp", "xcomp"})
"""Relations of a bare participle to what it hangs on: an adverbial clause ("rose, rising to"), a
noun it modifies ("banks collapsing"), a verb it is coordinated with, the predicate of a verb's
object ("showed the numbers falling") or its complement ("began trading")."""


class TenseReader:
    """Read the tense governing a character offset of a parsed Doc.

    Args:
        future_aux: auxiliaries and semi-auxiliaries that make a verb future ("will", "plans").
        past_tags: the Penn tags of past forms (VBD, VBN).
        plan_verbs: lemmas of verbs whose object or infinitive lies ahead ("plan", "agree").
        scheduling_verbs: lemmas of verbs that place what they govern ahead when passive ("is
            expected in December") or with an object ("scheduled a news conference Thursday").
    """

    def __init__(
        self,
        future_aux: set[str],
        past_tags: set[str],
        plan_verbs: set[str],
        scheduling_verbs: set[str],
        same_past_present: set[str],
        deadline_verbs: set[str],
    ) -> None:
        """Keep the word lists."""
        self._deadline_verbs = deadline_verbs
        self._future_aux = future_aux
        self._past_tags = past_tags
        self._plan_verbs = plan_verbs
        self._scheduling_verbs = scheduling_verbs
        self._same_past_present = same_past_present

    def tense(self, doc: Doc, token_starts: list[int], char: int) -> Tense:
        """Return the tense of the verb governing the token at `char`.

        A possessive ("Wednesday's ruling") has none: the verb is the ruling's, not the day's. A
        date modifying an event noun ("the October slaying") is past unless the verb is plainly
        future; a scheduling verb, passive or with an object, points ahead.
        """
        i = max(0, bisect.bisect_right(token_starts, char) - 1)
        head: Token = doc[i]
        if head.dep_ == "poss" or (i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
            return None
        if head.head.lower_ == "since" or (i > 0 and doc[i - 1].lower_ == "since"):
            return "past"  # "blocked since Tuesday afternoon": what began lies behind
        if self._deadline(head) or self._until_ahead(head):
            return "future"  # "extended its deadline until 9 a.m. Tuesday", "is closed until March"
        if _after_effective(doc, i):
            return None  # "created an office, effective Feb. 1": the change's date, not the verb's
        before = doc[i - 2] if i > 1 and doc[i - 1].lower_ == "on" else doc[i - 1] if i > 0 else None
        if before is not None and before.tag_ == "VBD":
            return "past"  # "said Sunday (that) Israel will …": the day is the saying's
        modified = head.head if head.dep_ in ("compound", "amod", "nmod") and head.head.i > i else None
        event_noun = modified is not None and modified.pos_ == "NOUN" and modified.lower_ not in _TIME_NOUNS
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
                break
            if head.dep_ == "dobj" and head.head.lemma_ in self._plan_verbs:
                return "future"  # "planned a demonstration on Saturday"
            if head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return "past" if event_noun else None
        if event_noun:
            return "future" if self._plainly_future(head) else "past"
        scheduled = any(c.dep_ in ("auxpass", "dobj") for c in head.children)
        if head.lemma_ in self._scheduling_verbs and scheduled:
            return "future"  # "the ruling is expected in December", "scheduled a news conference Thursday"
        return self._verb_tense(head, 0)

    def past_form(self, doc: Doc, token_starts: list[int], char: int) -> bool:
        """Tell whether the verb governing the token at `char` is itself in a past form: "was soon
        released", "soon became". Not an infinitive or a participle that takes its time from
        another verb ("wanted to present it very soon", "must be reviewed and placed … soon")."""
        head: Token = doc[max(0, bisect.bisect_right(token_starts, char) - 1)]
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
                break
            if head.head.i == head.i:
                return False
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return False
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if auxes:
            return any(c.tag_ == "VBD" for c in auxes)
        return head.tag_ == "VBD"

    def _deadline(self, token: Token) -> bool:
        """Tell whether a time ends a delay or a grant: "postponed until Tuesday", "extended to Nov.
        16", "given until 9 a.m. Tuesday". The new date lies ahead, whatever the verb's tense.
        """
        prep = preposition(token)
        if prep is None or prep.lower_ not in ("until", "till", "through", "to"):
            return False
        return prep.head.lemma_ in self._deadline_verbs

    def _until_ahead(self, token: Token) -> bool:
        """Tell whether a time ends a state that holds now: "are not due until October", "has kept
        the markets closed until Friday", "will stay open until March". With no past form in the
        verb (a past tense or a past auxiliary: "was closed until March", "it was not until
        Tuesday that"), the end lies ahead.
        """
        prep = preposition(token)
        if prep is None or prep.lower_ not in ("until", "till"):
            return False
        verb = prep.head
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            verb = verb.head  # "are due until": the copula's tense
        for _ in range(4):
            if verb.pos_ not in ("VERB", "AUX"):
                return False
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
                return False
            finite = next((t for t in (verb, *auxes) if t.tag_ in ("VBZ", "VBP", "MD")), None)
            if finite is not None:
                return finite.lower_ not in self._same_past_present  # not "cut", "put": past as well
            if verb.head.i == verb.i:
                return False
            verb = verb.head  # "to hold the markets closed until Friday": the governing verb's form
        return False

    def _plainly_future(self, verb: Token) -> bool:
        """Tell whether a future auxiliary ("will enable") or a plan ("expects North Korea to
        launch") puts a verb ahead; a progressive or a chain of infinitives does not."""
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in self._future_aux:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and verb.head.lemma_ in self._plan_verbs:
                return True
        return False

    def _verb_tense(self, verb: Token, depth: int) -> Tense:
        """Return the tense of a verb; an infinitive takes it from the verb it depends on.

        A modal perfect is past ("may have been responsible on Wednesday"), and so is a denied
        "could" ("could not be reached Saturday"); a passive with a present auxiliary is present
        ("when the case is heard in May"), not past.
        """
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lemma_ == "have" and c.tag_ == "VB" for c in auxes):
            return "past"
        for child in auxes:
            low = child.lower_
            if low == "could" and _negated(verb):
                return "past"  # "could not be reached for comment Saturday": a failed attempt
            if low in self._future_aux:
                return "future"
            if child.tag_ in self._past_tags:
                return "past"
            if low == "to":
                return self._infinitive_tense(verb, depth)
        if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in auxes):
            return "present"
        if verb.tag_ in self._past_tags:
            return "past"
        if verb.tag_ == "VBG":
            if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
                return "future"
            return self._participle_tense(verb, depth) if not auxes else None
        if verb.tag_ == "VB":
            return "future"  # "to meet", "plans to meet"
        if verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lower_ not in self._same_past_present):
            return "present"  # not "hurt", "cut": the same form in the past
        return None

    def _participle_tense(self, verb: Token, depth: int) -> Tense:
        """Return the tense of a bare present participle from the finite verb it hangs on.

        A participle has no tense of its own: it takes the time its clause is told from. "The
        stock rose, rising from $29.75 in March" and "lessened fears of banks collapsing after the
        collapse in September" are past, "would start with Cruz defeating Trump on Monday night"
        ahead. A present auxiliary on that verb (a present perfect, a progressive: "has
        announced cuts, resulting in closures during the fourth quarter", "is taking a toll,
        pointing to victories Tuesday") tells from now, which gives no direction.
        """
        if verb.dep_ not in _PARTICIPLE_DEPS or depth >= 3:
            return None
        head = verb.head
        for _ in range(8):
            if head.i == verb.i or (head.pos_ in ("VERB", "AUX") and head.dep_ != "aux"):
                break
            if head.head.i == head.i:
                return None
            head = head.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in head.children):
            return None  # "has announced cuts, resulting in closures during the fourth quarter": now
        return self._verb_tense(head, depth + 1)

    def _infinitive_tense(self, verb: Token, depth: int) -> Tense:
        """Return the tense of "to meet": future after "plans", "agreed"; else its governor's.

        "They staged celebrations to mark the entry into NATO on Friday" is past: the purpose
        of a past act; "they agreed to meet on Friday" points ahead.
        """
        governor = verb.head
        if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
            governor = governor.head  # "was due to expire": the copula's tense
        if governor.i == verb.i or governor.pos_ not in ("VERB", "AUX") or depth >= 3:
            return "future"
        if _was_to(governor, verb.head):
            return "past"  # "was scheduled to speak Friday": a plan as the story stood, mostly behind
        if (
            governor.lemma_ in self._plan_verbs
            or governor.lemma_ == "be"
            or governor.lower_ in self._future_aux
        ):
            return "future"  # "agreed to meet", "is to resume", "set to resume"
        return self._verb_tense(governor, depth + 1)


def _negated(verb: Token) -> bool:
    """Tell whether a verb is denied: "could not be reached", "neither he nor his aides could be
    located". A denied "could" reports an attempt that failed, which lies behind; an affirmed one
    ("could meet Friday") is a possibility ahead."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "preconj" and c.lower_ == "neither" for c in child.children
        ):
            return True
    return False


def _was_to(governor: Token, head: Token) -> bool:
    """Tell whether an infinitive hangs on a past "be": "was to", "was scheduled to", "was due to".

    Not a past plan in the active ("were planning to drive Monday", "agreed to meet"), which
    points ahead.
    """
    if governor.lemma_ == "be" and governor.tag_ == "VBD":
        return True
    if governor.tag_ == "VBN" or head.pos_ == "ADJ":
        return any(
            c.dep_ in ("auxpass", "aux") and c.tag_ == "VBD" and c.lemma_ in ("be", "have")
            for c in governor.children
        )
    return False


def preposition(token: Token) -> Token | None:
    """Return the preposition a time hangs on ("until" of "until 9 a.m. Tuesday"), if any."""
    for _ in range(4):
        if token.dep_ not in ("npadvmod", "pobj", "nummod", "compound", "appos", "amod"):
            return None
        token = token.head
        if token.dep_ == "prep" or token.pos_ == "ADP":
            return token
    return None


def _after_effective(doc: Doc, i: int) -> bool:
    """Tell whether the time at token `i` follows "effective" ("effective Feb. 1", "effective on
    Monday"): the day a change starts, which the reporting verb's tense does not place.
    """
    j = i - 1
    if j > 0 and doc[j].lower_ in ("on", "from"):
        j -= 1
    return j >= 0 and doc[j].lower_ == "effective"
