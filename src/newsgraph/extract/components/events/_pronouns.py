"""Third-person pronouns: which entities they can stand for, and when two name the same one."""

from __future__ import annotations


def pronoun_fits(pron: str, type_: str) -> bool:
    """Whether a pronoun can stand for an entity of a type: "they" no one person, "he" no country."""
    if pron in ("they", "them", "their", "theirs"):
        return type_ != "PERSON"
    if pron in ("he", "him", "his", "she", "her", "hers"):
        return type_ not in ("GPE", "ORG", "NORP", "LOC")
    return pron not in ("it", "its") or type_ != "PERSON"


_PRONOUN_FORMS = {"him": "he", "his": "he", "her": "she", "them": "they", "their": "they"}


def same_referent(pron: str, subject: str) -> bool:
    """Whether a third-person pronoun continues a previous sentence's pronoun subject ("he" … "his")."""
    a, b = _PRONOUN_FORMS.get(pron, pron), _PRONOUN_FORMS.get(subject, subject)
    return a == b and a in ("he", "she", "they")
