"""Stage 4: in-article aliases, folded into the chain of the full name.

A person's surname or first name into the full name mentioned nearest before it ("Mansouri" →
"Farida Mansouri"); a company's short form ("Apple" → "Apple Inc.") and an organisation's
shortened name ("Homeland Security" → "Department of Homeland Security"); an acronym into the one
name it abbreviates ("APEC" → "Asia-Pacific Economic Cooperation"); a product's plural into the
product ("iPods" → "iPod", "A380s" → "A380"), and a product line alone into the one numbered model
of it the article is about ("the iPhone" → "iPhone 4").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.names import acronym_candidates
from newsgraph.extract.components.entities.products import product_words
from newsgraph.extract.components.entities.spans import (
    Chain,
    label_vote,
    longest_text,
    mention_text,
    name_words,
)

_INITIALS = re.compile(r"\b[A-Za-z]\.[A-Za-z]\.")


def fold_chains(doc: Doc, lex: EntityLexicon, chains: list[Chain]) -> list[Chain]:
    """Fold surnames into full names and acronyms into the names they abbreviate."""
    chains = _fold_person_parts(doc, lex, chains)
    chains = _fold_org_short_forms(lex, chains)
    chains = _fold_product_parts(chains)
    chains = _fold_product_plurals(doc, chains)
    chains = _fold_product_lines(chains)
    return _fold_acronyms(doc, chains)


def _fold_person_parts(doc: Doc, lex: EntityLexicon, chains: list[Chain]) -> list[Chain]:
    """Fold a surname or first name into the full person name mentioned nearest before it."""
    single_person = {c.key for c in chains if any(m.label == "PERSON" for m in c.mentions)}
    persons = [c for c in chains if _full_person(c) or _person_like(doc, lex, c, single_person)]
    person_tokens: dict[int, tuple[str, ...]] = {}
    for c in persons:
        person_tokens[id(c)] = _core_words(lex, name_words(c.key))
    folded: set[int] = set()
    # longer names first, so "Omar Shinwari" goes into "Ajmal Omar Shinwari" before "Shinwari" looks
    for short in sorted(chains, key=lambda c: -len(name_words(c.key))):
        if id(short) in folded or short.forced_type is not None:
            continue
        labels = {m.label for m in short.mentions if m.label}
        if "PERSON" not in labels and (
            lex.is_place(short.key)
            or not labels & {"ORG", "GPE", "LOC", "FAC"}
            or lex.is_demonym(mention_text(doc, short.mentions[0]))
        ):
            continue
        if any(_abbreviation(mention_text(doc, m)) for m in short.mentions):
            continue  # "U.N." is not the "Un" of "Kim Jong Un"
        words = tuple(t for t in name_words(short.key) if t not in lex.particles) or name_words(short.key)
        targets = []
        for long in persons:
            if long is short or id(long) in folded:
                continue
            lw = person_tokens[id(long)]
            if len(lw) <= len(words):
                continue
            if _name_part(words, name_words(long.key), lw, first_name="PERSON" in labels):
                targets.append(long)
        if not targets:
            continue
        target = _nearest(short, targets)
        target.mentions.extend(short.mentions)
        short.mentions = []
        folded.add(id(short))
    return [c for c in chains if c.mentions]


def _core_words(lex: EntityLexicon, words: tuple[str, ...]) -> tuple[str, ...]:
    """Return a full person name's words without the particles inside it ("ursula von der leyen"
    → ursula, leyen); a particle that starts a full name is a given name ("Ben Carter", "Van
    Jones"), while one that starts a surname alone is not ("al-Assad" → assad)."""
    return (*words[:1], *(t for t in words[1:] if t not in lex.particles))


def _abbreviation(text: str) -> bool:
    """Whether a name is written as an abbreviation: initials with full stops ("U.N.") or capitals
    only ("UN"), never a person's surname or given name in running text."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and (all(ch.isupper() for ch in letters) or bool(_INITIALS.search(text)))


def _fold_org_short_forms(lex: EntityLexicon, chains: list[Chain]) -> list[Chain]:
    """Fold "Apple" into "Apple Inc.", "High Council" into "High Council for National Reconciliation"."""
    orgs = [c for c in chains if (c.forced_type or label_vote(c)) == "ORG"]
    if len(orgs) < 2:
        return chains
    for short in sorted(orgs, key=lambda c: len(c.key.split())):
        if short.forced_type is not None:
            continue
        words = short.key.split()
        targets = []
        for long in orgs:
            lw = long.key.split()
            if long is short or not long.mentions or len(lw) <= len(words):
                continue
            rest = lw[len(words) :]
            if lw[: len(words)] == words and (
                all(w in lex.corporate_suffixes for w in rest)
                or (len(words) >= 2 and rest[0] in {"of", "for", "on", "in"})
            ):
                targets.append(long)
            elif len(words) >= 2 and lw[-len(words) :] == words and lw[-len(words) - 1] in {"of", "for"}:
                targets.append(long)  # "Homeland Security" in "Department of Homeland Security"
        if len(targets) == 1 and short.mentions:
            targets[0].mentions.extend(short.mentions)
            short.mentions = []
    return [c for c in chains if c.mentions]


def _fold_product_parts(chains: list[Chain]) -> list[Chain]:
    """Fold a model word alone into the one product of the article it ends ("the Nano": "iPod nano")."""
    products = [c for c in chains if c.forced_type is None and label_vote(c) == "PRODUCT" and " " in c.key]
    if not products:
        return chains
    words = {w.casefold() for w in product_words().model}
    for short in chains:
        if short.key not in words or short.forced_type is not None or not short.mentions:
            continue
        targets = [p for p in products if p.key.split()[-1] == short.key]
        if len(targets) == 1:
            targets[0].mentions.extend(short.mentions)
            short.mentions = []
    return [c for c in chains if c.mentions]


def _products(chains: list[Chain]) -> dict[str, Chain]:
    """Return the article's product chains by key."""
    return {c.key: c for c in chains if c.forced_type is None and c.mentions and label_vote(c) == "PRODUCT"}


def _fold_product_plurals(doc: Doc, chains: list[Chain]) -> list[Chain]:
    """Fold a product's plural into the product the article also names ("iPods", "other iPhone 4s").

    Every mention must end in a lower-case "s" added to the singular's last word ("iPhone 4S" is
    a model of its own, "iTunes" no plural).
    """
    products = _products(chains)
    for key, plural in products.items():
        single = products.get(key[:-1])
        if single is None or not key.endswith("s") or plural is single:
            continue
        if all(doc[m.end - 1].text.endswith("s") and len(doc[m.end - 1]) > 1 for m in plural.mentions):
            single.canonical = single.canonical or longest_text(doc, single)
            single.mentions.extend(plural.mentions)
            plural.mentions = []
    return [c for c in chains if c.mentions]


def _fold_product_lines(chains: list[Chain]) -> list[Chain]:
    """Fold a product line alone into the numbered model of it the article names most.

    "The new iPhone" in an article about the "iPhone 4" is the iPhone 4, as an annotator linking
    each mention to the thing it refers to reads it (MEANTIME does); with two models named
    equally often the line stays itself. A model word ("iPod nano") is a product of its own
    beside its line, not a version of it, so "the iPod" beside it stays the line.
    """
    products = _products(chains)
    for key, line in products.items():
        if any(ch.isdigit() for ch in key):
            continue
        models = [
            c
            for k, c in products.items()
            if k.startswith(key + " ") and c.mentions and _model_number(k[len(key) + 1 :])
        ]
        if not models:
            continue
        counts = sorted((len(c.mentions) for c in models), reverse=True)
        if len(counts) > 1 and counts[0] == counts[1]:
            continue
        model = max(models, key=lambda c: len(c.mentions))
        model.mentions.extend(line.mentions)
        line.mentions = []
    return [c for c in chains if c.mentions]


def _model_number(words: str) -> bool:
    """Whether the rest of a product's name after its line is one model number ("4", "3gs", "a380")."""
    return " " not in words and any(ch.isdigit() for ch in words)


def _fold_acronyms(doc: Doc, chains: list[Chain]) -> list[Chain]:
    """Fold "APEC" into "Asia-Pacific Economic Cooperation" when that is the one name it abbreviates."""
    by_acronym: dict[str, list[Chain]] = {}
    for c in chains:
        if label_vote(c) in {"ORG", "LOC", "FAC", "NORP"} and len(c.key.split()) >= 2:
            for acr in acronym_candidates(longest_text(doc, c)):
                by_acronym.setdefault(acr, []).append(c)
    if not by_acronym:
        return chains
    for c in chains:
        text = mention_text(doc, c.mentions[0])
        if c.forced_type is not None or not (text.isupper() and text.isalpha() and 2 <= len(text) <= 8):
            continue
        cands = [
            t
            for t in by_acronym.get(text, [])
            if t is not c and t.mentions and t.forced_type is None and text.casefold() not in t.key.split()
        ]
        if len(cands) == 1:
            cands[0].mentions.extend(c.mentions)
            c.mentions = []
    return [c for c in chains if c.mentions]


def _person_like(doc: Doc, lex: EntityLexicon, c: Chain, single_person: set[str]) -> bool:
    """A 2–3 word name spaCy typed otherwise whose last word is used alone as a person's name."""
    words = c.key.split()
    if not 2 <= len(words) <= 3 or words[-1] not in single_person or c.forced_type:
        return False
    if lex.is_place(c.key):
        return False
    m = max(c.mentions, key=lambda x: x.end - x.start)
    tokens = doc[m.start : m.end]
    return all(t.is_title and t.is_alpha and t.text not in lex.org_words for t in tokens)


def _full_person(c: Chain) -> bool:
    """Whether a chain holds a PERSON name of two or more words."""
    return any(m.label == "PERSON" and m.end - m.start >= 2 and not m.weak for m in c.mentions)


def _name_part(
    words: tuple[str, ...], long_all: tuple[str, ...], long_core: tuple[str, ...], *, first_name: bool
) -> bool:
    """Whether a shorter name is part of a full person name (surname, first name, or in order)."""
    if not words or len(words) >= len(long_all):
        return False
    if len(words) == 1:
        return words[0] in {long_core[-1], long_all[-1]} or (first_name and words[0] == long_core[0])
    if words[-1] != long_all[-1]:
        return False
    it = iter(long_all)
    return all(w in it for w in words)


def _nearest(short: Chain, targets: list[Chain]) -> Chain:
    """The candidate mentioned last before the short name; else the first one after it."""
    pos = short.first
    before = [(max(m.start for m in t.mentions if m.start < pos), t) for t in targets if t.first < pos]
    if before:
        return max(before, key=lambda x: x[0])[1]
    return min(targets, key=lambda t: t.first)
