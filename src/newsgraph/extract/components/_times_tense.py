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
    """

    def __init__(self, future_aux: set[str], past_tags: set[str]) -> None:
        """Keep the word lists."""
        self._future_aux = future_aux
        self._past_tags = past_tags

    def tense(self, doc: Doc, token_starts: list[int], char: int) -> Tense:
        """Return the tense of the verb governing the token at `char`."""
        i = max(0, bisect.bisect_right(token_starts, char) - 1)
        head: Token = doc[i]
        for _ in range(8):
            if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
                break
            if head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        for child in head.children:
            if child.dep_ in ("aux", "auxpass"):
                low = child.lower_
                if low in self._future_aux:
                    return "future"
                if child.tag_ in self._past_tags:
                    return "past"
                if low == "to":
                    return "future"  # "to meet", "plans to meet"
        if head.tag_ in self._past_tags:
            return "past"
        if head.tag_ == "VBG":
            return (
                "future" if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children) else None
            )
        if head.tag_ == "VB":
            return "future"  # "to meet", "plans to meet"
        if head.tag_ in ("VBZ", "VBP"):
            return "present"
        return None
