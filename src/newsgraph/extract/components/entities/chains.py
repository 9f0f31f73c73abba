"""Stage 3: mentions grouped into chains, and further mentions of the names found.

Mentions with the same key (case, dots, accents and British spellings aside; the alias table's
forms under their canonical name) form a chain; names in ALL-CAPS lines only join a chain the
body confirms. Then the known forms are looked for again in the text (a surname alone, a company
without "Inc.", the acronym given in brackets after a name), and one-word names seen only at
sentence starts that are ordinary words ("Death") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.known import KnownEntity
from newsgraph.extract.components.entities.lexicon import RESOLVED_LABELS, EntityLexicon
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.components.entities.phrases import PhraseEntry
from newsgraph.extract.components.entities.spans import (
    Chain,
    NameMention,
    common_word,
    in_ranges,
    joined_to_other_name,
    mention_key,
    mention_text,
    starts_sentence,
)
from newsgraph.extract.extensions import span_text

_MAX_FORMS = 2000
_WORDISH = re.compile(r"[\w\-]")
"""A character that continues a word: a name form is found only where none stands beside it."""
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})  # "Full Name's (ACR)", "Full Names' (ACR)"


def chain_mentions(
    doc: Doc,
    lex: EntityLexicon,
    mentions: list[NameMention],
    entries: dict[str, PhraseEntry] | None = None,
    *,
    main: str | None = None,
    mentioned: frozenset[str] | None = None,
) -> list[Chain]:
    """Group mentions with the same key (after the known-entity table); weak ones only join.

    A lexicon mention (a disease, an index) joins the chain of its entry in `entries`; `main`
    is the article's most-mentioned country (`KnownTable.main_country`), `mentioned` all the
    countries it names (`KnownTable.country_counts`; None: not known).
    """
    keys = [mention_key(doc, m) for m in mentions]
    shadowed = _shadowed_words(doc, lex, mentions, keys)
    by_key: dict[str, Chain] = {}
    weak: list[tuple[str, NameMention, KnownEntity | None]] = []
    for m, key in zip(mentions, keys, strict=True):
        if not key:
            continue
        if m.kb is not None and entries is not None:
            phrase = entries[m.kb]
            by_key.setdefault(m.kb, Chain([], m.kb, phrase.name, phrase.type, phrase.key)).mentions.append(m)
            continue
        entry = _known(lex, m, key, main, shadowed)
        if (
            entry is not None
            and mentioned is not None
            and lex.known.national_elsewhere(key, entry, mentioned)
        ):
            entry = None  # "the Department of Agriculture" of a story about the Philippines
        if entry is not None:
            key = normalize_name(entry.name)
        if m.weak:
            weak.append((key, m, entry))
            continue
        if key not in by_key:
            by_key[key] = _new_chain(key, entry)
            by_key[key].canonical = by_key[key].canonical or m.canonical
        by_key[key].mentions.append(m)
    for key, m, entry in weak:
        if key in by_key:
            by_key[key].mentions.append(m)
        elif key in lex.countries or key in lex.places or entry is not None:
            m.label = "GPE" if entry is None else entry.type
            by_key[key] = _new_chain(key, entry, forced=False)
            by_key[key].mentions.append(m)
    return list(by_key.values())


def _new_chain(key: str, entry: KnownEntity | None, *, forced: bool = True) -> Chain:
    """Return an empty chain, named, typed and linked by its known-entity entry if any."""
    if entry is None:
        return Chain([], key)
    return Chain([], key, entry.name, entry.type if forced else None, entry.key)


def _known(
    lex: EntityLexicon, m: NameMention, key: str, main: str | None, shadowed: set[str]
) -> KnownEntity | None:
    """Return the known entity a mention names, unless its one word is part of another name here."""
    entry = lex.known.find(key)
    if entry is None:
        local = lex.known.local.get(key)
        return local if local is not None and local.country == main else None
    if m.end - m.start == 1 and (key in shadowed or m.titles) and entry.type != "GPE":
        return None  # "Ford" after "Henry Ford", "Apple" in an article about "Apple Corps"
    return entry


def _shadowed_words(doc: Doc, lex: EntityLexicon, mentions: list[NameMention], keys: list[str]) -> set[str]:
    """Return the words that open an organisation's or end a person's longer name here.

    A one-word alias of the table ("Ford", "Apple") names the table's entry only when no
    longer name of something else uses it ("Henry Ford", "Apple Corps").
    """
    out: set[str] = set()
    for m, key in zip(mentions, keys, strict=True):
        if m.end - m.start < 2 or lex.known.find(key) is not None:
            continue
        if m.label == "PERSON":
            out.add(normalize_name(doc[m.end - 1].text))
        elif m.label == "ORG":
            out.add(normalize_name(doc[m.start].text))
    return out


def drop_common_words(doc: Doc, lex: EntityLexicon, chains: list[Chain], text: str) -> list[Chain]:
    """Drop one-word names seen only at a sentence start when the word is an ordinary one ("Death")."""
    kept = []
    for c in chains:
        if c.forced_type is None and all(
            m.end - m.start == 1 and m.source == "ner" and starts_sentence(doc[m.start]) for m in c.mentions
        ):
            tok = doc[c.mentions[0].start]
            known = lex.is_place(c.key) or lex.known.knows(c.key)
            if not known and (tok.pos_ not in {"PROPN", "X"} or common_word(tok, text)):
                continue
        kept.append(c)
    return kept


def _known_forms(
    doc: Doc, lex: EntityLexicon, chains: list[Chain]
) -> tuple[dict[str, Chain], dict[str, Chain]]:
    """Return the name forms to look for again (as written, and in capitals) with their chains."""
    forms: dict[str, Chain] = {}
    upper_forms: dict[str, Chain] = {}
    for chain in chains:
        if not any(m.label in RESOLVED_LABELS or m.label == "PRODUCT" for m in chain.mentions):
            continue
        for m in chain.mentions:
            if m.weak:
                continue
            form = mention_text(doc, m)  # the words below are read by index: no Span is made
            words = m.end - m.start
            if len(form) >= 2 and "\n" not in form:
                forms.setdefault(form, chain)
                if len(form) >= 4:
                    upper_forms.setdefault(form.upper(), chain)
            if (
                m.label == "ORG"
                and words >= 2
                and normalize_name(doc[m.end - 1].text) in lex.corporate_suffixes
            ):
                k = words - 1
                while k > 1 and normalize_name(doc[m.start + k - 1].text) in lex.corporate_suffixes:
                    k -= 1
                short = span_text(doc, m.start, m.start + k).rstrip(",")
                if len(short) >= 3:
                    forms.setdefault(short, chain)  # "Northwind" for "Northwind Inc."
            if m.label == "PRODUCT" and words >= 2 and any(ch.isdigit() for ch in doc[m.start].text):
                forms.setdefault(doc[m.start].text, chain)  # "787" for "787 Dreamliner"
            if m.label == "PERSON" and words >= 2:
                last = doc[m.end - 1]
                if last.is_title and len(last.text) >= 3 and last.lower_ not in lex.particles:
                    forms.setdefault(last.text, chain)
                    if len(last.text) >= 4:
                        upper_forms.setdefault(last.text.upper(), chain)
    return forms, upper_forms


def propagate(
    doc: Doc, lex: EntityLexicon, chains: list[Chain], caps: list[tuple[int, int]], text: str
) -> None:
    """Find further mentions of names already known (a surname alone, names in capitals)."""
    forms, upper_forms = _known_forms(doc, lex, chains)
    if not forms or len(forms) > _MAX_FORMS:
        return
    covered = {i for c in chains for m in c.mentions for i in range(m.start, m.end)}
    scan(doc, forms, covered, None, text)
    if caps:
        scan(doc, upper_forms, covered, caps, text)


def scan(
    doc: Doc,
    forms: dict[str, Chain],
    covered: set[int],
    caps: list[tuple[int, int]] | None,
    text: str,
) -> None:
    """Add unlabelled occurrences of known name forms as mentions of their chains."""
    for start, end in occurrences(text, forms):
        if caps is not None and not in_ranges(start, caps):
            continue
        span = doc.char_span(start, end)
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        if caps is None:
            if joined_to_other_name(doc, span.start, span.end):
                continue
            first = span[0]
            if len(span) == 1 and (first.is_sent_start or first.i == 0) and common_word(first, text):
                continue
            if (
                span[0].pos_ not in {"PROPN", "NOUN", "ADJ", "X"}
                and not span[0].is_upper
                and not _model(span[0])
            ):
                continue
        chain = forms[text[start:end]]
        chain.mentions.append(NameMention(span.start, span.end, None, "propagated", weak=caps is not None))
        covered.update(range(span.start, span.end))


def occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Return where the forms occur in `text` as whole words (no word character or hyphen on either
    side), left to right without overlaps, the longest form winning where several start together:
    the matches of one alternation of all the forms, longest first, found with `str.find` instead
    of compiling a pattern of each article's names."""
    found: list[tuple[int, int]] = []
    for form in forms:
        if not form:
            continue  # an empty form would occur everywhere
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not (at and _WORDISH.match(text, at - 1)) and not _WORDISH.match(text, end):
                found.append((at, -end))
            at = text.find(form, at + 1)
    out: list[tuple[int, int]] = []
    for start, neg_end in sorted(found):
        if not out or start >= out[-1][1]:
            out.append((start, -neg_end))
    return out


def _model(tok: Token) -> bool:
    """Whether a number is a model's name here: after "the" or a possessive ("the 787", "Boeing's 787")."""
    if tok.i == 0 or not any(ch.isdigit() for ch in tok.text):
        return False
    before = tok.doc[tok.i - 1]
    return before.lower_ in {"the", "its", "their", "his", "her"} or before.tag_ == "POS"


def acronyms_in_brackets(doc: Doc, chains: list[Chain], text: str) -> None:
    """Link "Full Name (ACR)" and give ACR to the full name's chain, tagged or not."""
    key_to_chain = {c.key: c for c in chains}
    by_token = {m.start: c for c in chains for m in c.mentions if m.end - m.start == 1}
    for chain in list(chains):
        for m in list(chain.mentions):
            if m.label not in {"ORG", "GPE", "NORP", "FAC", "LOC", "DISEASE", "INDEX"} or m.end - m.start < 2:
                continue
            after = m.end + 1 if m.end < len(doc) and doc[m.end].text in _POSSESSIVES else m.end
            if after + 2 >= len(doc) or doc[after].text != "(" or doc[after + 2].text != ")":
                continue  # "Full Name (ACR)", "Full Name's (ACR)"
            acr = doc[after + 1]
            if not (acr.is_upper and 2 <= len(acr.text) <= 8 and acr.is_alpha) or not chain.mentions:
                continue
            other = by_token.get(acr.i) or key_to_chain.get(normalize_name(acr.text))
            if other is not None and other is not chain and other.mentions:
                if other.forced_type is not None and chain.forced_type is None:
                    merge(other, chain)  # "Democratic Republic of Congo (DRC)": the table's entity
                else:
                    merge(chain, other)
            elif other is None:
                chain.mentions.append(NameMention(acr.i, acr.i + 1, m.label, "acronym"))
                key_to_chain[normalize_name(acr.text)] = chain
                by_token[acr.i] = chain
    chains[:] = [c for c in chains if c.mentions]
    # the acronym's later mentions
    forms = {}
    for chain in chains:
        for m in chain.mentions:
            if m.source == "acronym":
                forms[doc[m.start].text] = chain
    if forms:
        covered = {i for c in chains for m in c.mentions for i in range(m.start, m.end)}
        scan(doc, forms, covered, None, text)


def merge(into: Chain, other: Chain) -> None:
    """Move `other`'s mentions into `into`, keeping a table name, type and link either had."""
    into.mentions.extend(other.mentions)
    other.mentions = []
    if into.canonical is None:
        into.canonical = other.canonical
    if into.forced_type is None:
        into.forced_type = other.forced_type
    if into.kb is None:
        into.kb = other.kb
