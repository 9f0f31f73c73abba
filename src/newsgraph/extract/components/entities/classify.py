"""Stage 5: each chain's entity type.

Data tables first (the alias table's type, well-known actors), then a full personal name, a
surname used alone or a person cue in context ("Devina Cordero, 20,", "his lawyer, Amine
Sidhoum"), then the labels voted over the chain's mentions (a full PERSON name outweighs a surname
tagged ORG), corrected by the lists of countries, capitals and places.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.spans import Chain, mention_key
from newsgraph.models import EntityType

_ENTITY_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW",
    "DISEASE": "DISEASE",
    "INDEX": "INDEX",
}


def entity_type(label: str) -> EntityType:
    """Map a spaCy label to the Analysis entity type (unknown labels become ORG)."""
    return _ENTITY_TYPES.get(label, "ORG")


def label_vote(c: Chain) -> str:
    """Return the label most of the chain's mentions carry (a dateline or a full name weighs more)."""
    votes: Counter[str] = Counter()
    for m in c.mentions:
        if m.label:
            weight = 3 if m.source == "dateline" else 2 if m.label == "PERSON" and m.end - m.start >= 2 else 1
            votes[m.label] += weight
    if not votes:
        return "ORG"
    best = max(votes.values())
    ordered = sorted(c.mentions, key=lambda m: -(m.end - m.start))
    for m in ordered:
        if m.label and votes[m.label] == best:
            return m.label
    return votes.most_common(1)[0][0]


def chain_type(doc: Doc, lex: EntityLexicon, c: Chain) -> str:
    """Decide a chain's entity type: data tables first, then a full personal name, then the vote."""
    if c.forced_type:
        return c.forced_type
    for m in c.mentions:
        entry = lex.known.local.get(mention_key(doc, m))
        if entry is not None:
            return entry.type  # "Congress" where it is not the table's: still an organisation
    if any(m.label == "PERSON" and m.end - m.start >= 2 for m in c.mentions):
        return "PERSON"
    if _surname_used_alone(doc, lex, c) or _person_cue(doc, lex, c):
        return "PERSON"
    label = label_vote(c)
    if c.key in lex.countries and label not in {"LOC", "FAC", "NORP"}:
        return "GPE"
    if c.key in lex.capitals and label in {"PERSON", "NORP", "ORG"}:
        return "GPE"
    if c.key in lex.places and label in {"PERSON", "NORP"}:
        return "GPE"
    if all(m.end - m.start == 1 for m in c.mentions) and lex.is_demonym(
        doc[c.mentions[0].start : c.mentions[0].end].text
    ):
        return "NORP"
    return label


def _person_cue(doc: Doc, lex: EntityLexicon, c: Chain) -> bool:
    """Whether a 2–3 word name spaCy typed otherwise reads as a person's in context.

    Cues: an age after it ("Devina Cordero, 20,"), "who" after it, or a role noun right
    before it ("his lawyer, Amine Sidhoum", "trainer Bart Cummings").
    """
    if lex.is_place(c.key) or lex.known.knows(c.key):
        return False
    n = len(doc)
    for m in c.mentions:
        tokens = doc[m.start : m.end]
        if not 2 <= len(tokens) <= 3 or m.weak:
            continue
        if not all(t.is_title and t.is_alpha and t.text not in lex.org_words for t in tokens):
            continue
        after = doc[m.end : min(n, m.end + 3)]
        age = (
            len(after) >= 3
            and after[0].text == ","
            and after[1].text.isdigit()
            and 1 <= int(after[1].text) <= 120
            and after[2].text in {",", ".", ")"}
        )
        placed = m.start > 0 and doc[m.start - 1].pos_ == "ADP"  # "a woman from West Java, who"
        who = (len(after) >= 2 and after[0].text == "," and after[1].lower_ == "who") or (
            bool(after) and after[0].lower_ == "who"
        )
        if age or (who and not placed and m.label != "GPE"):
            return True
        k = m.start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 0 and doc[k].is_lower and lex.is_title_noun(doc[k]):
            return True
    return False


def _surname_used_alone(doc: Doc, lex: EntityLexicon, c: Chain) -> bool:
    """Whether a chain holds a 2–3 word name and its last word alone tagged PERSON ("Lendl")."""
    longest = max(c.mentions, key=lambda x: x.end - x.start)
    if not 2 <= longest.end - longest.start <= 3:
        return False
    last = doc[longest.end - 1].lower_
    return any(
        m.label == "PERSON" and m.end - m.start == 1 and doc[m.start].lower_ == last for m in c.mentions
    ) and all(t.text not in lex.org_words for t in doc[longest.start : longest.end])
