"""The tense of the verb that governs a time expression: it decides which way "Friday" points.

"The committee voted on Friday" is the Friday before the publication date, "the chamber will
vote on Friday" the one after. The governing verb is the first verb up the dependency tree from
the expression's first token; its auxiliaries and tag give the tense.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsgraph.extract.components._times_calendar import Tense


class TenseReader:
    """Read the tense governing a character offset of a parsed Doc.

    Args:
        future_aux: auxiliaries and semi-auxiliaries that make a verb future ("will", "plans").
        past_tags: the Penn tags of past forms (VBD, VBN).
        plan_verbs: lemmas of verbs whose object or infinitive lies ahead ("plan", "agree").
    """

    def __init__(self, future_aux: set[str], past_tags: set[str], plan_verbs: set[str]) -> None:
        """Keep the word lists."""
        self._future_aux = future_aux
        self._past_tags = past_tags
        self._plan_verbs = plan_verbs

    def tense(self, doc: Doc, token_starts: list[int], char: int) -> Tense:
        """Return the tense of the verb governing the token at `char`.

        A possessive ("Wednesday's ruling") has none: the verb is the ruling's, not the day's.
        """
        i = max(0, bisect.bisect_right(token_starts, char) - 1)
        head: Token = doc[i]
        if head.dep_ == "poss" or (i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
            return None
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
                break
            if head.dep_ == "dobj" and head.head.lemma_ in self._plan_verbs:
                return "future"  # "planned a demonstration on Saturday"
            if head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        return self._verb_tense(head, 0)

    def _verb_tense(self, verb: Token, depth: int) -> Tense:
        """Return the tense of a verb; an infinitive takes it from the verb it depends on."""
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                low = child.lower_
                if low in self._future_aux:
                    return "future"
                if child.tag_ in self._past_tags:
                    return "past"
                if low == "to":
                    return self._infinitive_tense(verb, depth)
        if verb.tag_ in self._past_tags:
            return "past"
        if verb.tag_ == "VBG":
            return (
                "future" if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children) else None
            )
        if verb.tag_ == "VB":
            return "future"  # "to meet", "plans to meet"
        if verb.tag_ in ("VBZ", "VBP"):
            return "present"
        return None

    def _infinitive_tense(self, verb: Token, depth: int) -> Tense:
        """Return the tense of "to meet": future after "plans", "agreed"; else its governor's.

        "They staged celebrations to mark the entry into NATO on Friday" is past: the purpose
        of a past act; "they agreed to meet on Friday" points ahead.
        """
        governor = verb.head
        if governor.i == verb.i or governor.pos_ not in ("VERB", "AUX") or depth >= 3:
            return "future"
        if (
            governor.lemma_ in self._plan_verbs
            or governor.lemma_ == "be"
            or governor.lower_ in self._future_aux
        ):
            return "future"  # "agreed to meet", "is to resume", "set to resume"
        return self._verb_tense(governor, depth + 1)
