"""Dependency labels as the ids the parse stores (`Token.dep`), for the hottest walks over children.

`Token.dep_` looks the label's string up and decodes it at every read; `Token.dep` is the label's id,
the same for every doc (`get_string_id` of the label: spaCy's symbol for a label it has one for, else
the string's hash), so `c.dep == PREP` answers as `c.dep_ == "prep"` does."""

from __future__ import annotations

from spacy.strings import get_string_id


def dep_ids(*labels: str) -> frozenset[int]:
    """Return the ids of dependency labels (`Token.dep`), for a membership test."""
    return frozenset(get_string_id(label) for label in labels)


ADVMOD, AGENT, APPOS, AUX, CONJ, DOBJ, OPRD, PCOMP, POBJ, PREP, PRT = (
    get_string_id(label)
    for label in ("advmod", "agent", "appos", "aux", "conj", "dobj", "oprd", "pcomp", "pobj", "prep", "prt")
)
SUBJECTS = dep_ids("nsubj", "csubj")
"""An active verb's subjects (`Grammar.agent`)."""
AUXPASS = get_string_id("auxpass")
PASSIVE_MARKS = dep_ids("auxpass", "nsubjpass")
"""The children that make a verb passive (`Grammar.is_passive`)."""
ACTIVE_MARKS = dep_ids("aux", "nsubj")
"""The children of a participle conjunct that show it has its own active clause (`Grammar.is_passive`)."""
