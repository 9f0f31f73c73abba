"""Stage 5: each chain's entity type.

Data tables first (the alias table's type, well-known actors), then a full personal name, a
surname used alone or a person cue in context ("Devina Cordero, 20,", "his lawyer, Amine
Sidhoum"), then the labels voted over the chain's mentions (a full PERSON name outweighs a surname
tagged ORG), corrected by the lists of countries, capitals and places.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.link import Link
from newsgraph.extract.components.entities.spans import Chain, label_vote, mention_key, mention_text
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


def chain_type(
    doc: Doc, lex: EntityLexicon, c: Chain, link: Link | None = None, cue: str | None = None
) -> str:
    """Decide a chain's entity type.

    Data tables first; then what the knowledge bases say (`link`), unless the text marks a
    person; a country is never a person; a product's form; what the context says (`cue`,
    `cues.context_type`); then a full personal name or a person cue, then the vote of the
    mentions' labels, corrected by the lists of capitals and places.
    """
    if c.forced_type:
        return c.forced_type
    for m in c.mentions:
        entry = lex.known.local.get(mention_key(doc, m))
        if entry is not None:
            return entry.type  # "Congress" where it is not the table's: still an organisation
    person = _titled(doc, lex, c) or _surname_used_alone(doc, lex, c) or _person_cue(doc, lex, c)
    label = label_vote(c)
    if link is not None and (link.type == "PERSON" or not person):
        if link.type not in {"GPE", "NORP"}:
            return link.type
        first = c.mentions[0]
        demonym = all(m.end - m.start == 1 for m in c.mentions) and lex.is_demonym(doc[first.start].text)
        if demonym or (link.type == "NORP" and label == "NORP"):
            return "NORP"  # "Ukrainian", "Chinese"; not "Hong Kong", which the dictionary calls an adjective
        return label if label in {"LOC", "FAC"} else "GPE"
    if c.key in lex.countries and label not in {"LOC", "FAC", "NORP"} and not person:
        return "GPE"
    if any(m.source == "pattern" and m.label == "PRODUCT" for m in c.mentions):
        return "PRODUCT"  # a model number or a name written like a product's
    if not person and label == "PERSON" and _group_or_place_of_business(doc, lex, c):
        return "ORG"  # "the Beatles", "Music Store"
    if label == "ORG" and link is None and not person and _ends_with(doc, c, lex.work_heads):
        return "WORK_OF_ART"  # "the Global Terrorism Index"
    org_cue = label == "ORG" and link is None and cue in {"PRODUCT", "GPE", "EVENT", "FAC"}
    if (
        cue is not None
        and not person
        and (label == "PERSON" or org_cue or (label == "NORP" and cue == "PRODUCT"))
    ):
        return cue  # "German airline Air Berlin", "the Aura sedan", "in Khartoum", "the annual X Summit"
    if person or any(m.label == "PERSON" and m.end - m.start >= 2 for m in c.mentions):
        return "PERSON"
    if c.key in lex.capitals and label in {"PERSON", "NORP", "ORG"}:
        return "GPE"
    if c.key in lex.places and label in {"PERSON", "NORP"}:
        return "GPE"
    if all(m.end - m.start == 1 for m in c.mentions) and lex.is_demonym(mention_text(doc, c.mentions[0])):
        return "NORP"
    return label


def _ends_with(doc: Doc, c: Chain, heads: frozenset[str]) -> bool:
    """Whether the chain's longest name of two words or more ends with one of `heads`."""
    longest = max(c.mentions, key=lambda m: m.end - m.start)
    return longest.end - longest.start >= 2 and doc[longest.end - 1].text in heads


def _group_or_place_of_business(doc: Doc, lex: EntityLexicon, c: Chain) -> bool:
    """Whether a name spaCy took for a person's is an organisation's.

    Every mention follows "the" without modifying a noun after it ("the Beatles"; not "the
    Obama administration"), or the name ends with a word that heads organisations' and places'
    names, never people's ("Music Store", "Kennedy Elementary Schools").
    """
    longest = max(c.mentions, key=lambda m: m.end - m.start)
    if doc[longest.end - 1].text in lex.org_heads:
        return True
    after_the = 0
    for m in c.mentions:
        if doc[m.end - 1].dep_ in {"compound", "amod", "nmod"} and doc[m.end - 1].head.i >= m.end:
            continue  # "Beatles songs", "the Obama administration": says nothing
        if m.start == 0 or doc[m.start - 1].lower_ != "the":
            return False
        after_the += 1
    return after_the > 0


def _titled(doc: Doc, lex: EntityLexicon, c: Chain) -> bool:
    """Whether a mention of the chain comes with a title ("President Bush", "Mr. Jordan")."""
    for m in c.mentions:
        if m.titles:
            return True
        before = doc[m.start - 1] if m.start > 0 else None
        if before is not None and before.is_title and not lex.is_demonym(doc[m.start].text):
            word = before.lower_.rstrip(".")
            if word in lex.titles or word in lex.honorifics or before.lower_ in lex.honorifics:
                return True
    return False


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
        comma = k >= 0 and doc[k].text == ","
        if comma:
            k -= 1
        if k >= 0 and doc[k].is_lower and lex.is_title_noun(doc[k]) and not (comma and doc[k].tag_ == "NNS"):
            return True  # "his lawyer, Amine Sidhoum"; not "Speaking to reporters, Beledweyne District"
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
