"""Stage 3: acronyms the article uses without brackets, tied to the organisation they stand for.

An all-capital word of two to six letters that spaCy left out of every name is an organisation's
mention in two general shapes of news English:

1. The article names the organisation in full and the word spells its initials
   (`names.acronym_candidates`, the test the acronym fold uses): "Islamic State" … "seven additional
   IS members", "IS fighters". It joins that organisation's chain when exactly one organisation of
   the article abbreviates so.
2. The article defines it by apposition, either order: "the African Union Support and Stabilization
   Mission in Somalia, AUSSOM," (the name, then the word) or "EUFOR, the European Union's
   peacekeeping force" (the word, then a description whose head is an organisation's word). The
   word's letters must be read, in order, in the name or description, its first letter at the start
   of a word (the abbreviation test of Schwartz and Hearst, 2003, PSB). It joins the name's chain,
   or becomes an organisation of its own after a description; its later uses follow it.

Never a word of an all-capitals line (a headline "TRUMP IS …") or beside another word in capitals
("WHAT IS NEXT" in a mixed line), a place or country ("US", "UK"),
a word the entity lexicon lists as never a name (time zones, currencies), or a word the article
spells out in brackets after it ("DS (Bureau of Diplomatic Security)": its own definition rules).

Work is one regex scan of the text per article; the parse is read only at a candidate word.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.chains import merge, scan
from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.names import acronym_candidates, normalize_name
from newsgraph.extract.components.entities.spans import (
    Chain,
    NameMention,
    in_ranges,
    label_vote,
    longest_text,
)

_CAPS_WORD = re.compile(r"(?<![\w.\-’'])[A-Z]{2,6}(?![\w\-])")
_DESCRIPTION_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
_DETERMINERS = frozenset({"the", "a", "an"})
_MAX_DESCRIPTION = 10
_MAX_TAIL = 4  # "… Mission in Somalia, AUSSOM": the place a name's "in" adds


def loose_acronyms(
    doc: Doc, lex: EntityLexicon, chains: list[Chain], caps: list[tuple[int, int]], text: str
) -> list[Chain]:
    """Give untagged acronyms to the organisations they abbreviate (see the module docstring)."""
    words = _untagged_caps(doc, lex, chains, caps, text)
    if not words:
        return chains
    by_token = {m.start: c for c in chains for m in c.mentions}
    by_end = {m.end: c for c in chains for m in c.mentions if m.label == "ORG" and m.end - m.start >= 2}
    initials = _initials(doc, chains)
    found: dict[str, Chain] = {}
    for tok in words:
        if tok.text in found:
            continue
        own = by_token.get(tok.i)  # spaCy's chain of the word alone, if it tagged it
        owners = [c for c in initials.get(tok.text, []) if c is not own]
        chain = (
            owners[0] if len(owners) == 1 and own is None else _apposition(doc, lex, tok, by_end, by_token)
        )
        if chain is None or chain is own:
            continue
        if own is not None and not chain.mentions:
            for m in own.mentions:
                m.label = "ORG"  # spaCy's word alone, described as an organisation
            chain = own
        elif own is not None:
            merge(chain, own)  # "… Mission in Somalia, AUSSOM,": spaCy's "AUSSOM" alone
        else:
            if not chain.mentions:
                chains.append(chain)
            chain.mentions.append(NameMention(tok.i, tok.i + 1, "ORG", "acronym"))
        found[tok.text] = chain
    if found:
        chains[:] = [c for c in chains if c.mentions]
        covered = {i for c in chains for m in c.mentions for i in range(m.start, m.end)}
        scan(doc, found, covered, None, text)  # its other uses
    return chains


def _untagged_caps(
    doc: Doc, lex: EntityLexicon, chains: list[Chain], caps: list[tuple[int, int]], text: str
) -> list[Token]:
    """The all-capital words of two to six letters outside every name and every capitals line."""
    words = []
    for match in _CAPS_WORD.finditer(text):
        word = match.group()
        if word in lex.not_names or (caps and in_ranges(match.start(), caps)) or word + " (" in text:
            continue  # "DS (Bureau of Diplomatic Security)": the article spells it out itself
        key = normalize_name(word)
        if key in lex.countries or lex.is_place(key) or lex.known.knows(key):
            continue  # "US", "UK"; a known acronym is the table's business
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and not _among_capitals(doc, span.start):
            words.append(span[0])  # not "WHAT IS NEXT" inside a line of mixed case
    if not words:
        return words
    covered = {
        i for c in chains if not _acronym_alone(doc, c) for m in c.mentions for i in range(m.start, m.end)
    }
    return [tok for tok in words if tok.i not in covered]


def _among_capitals(doc: Doc, i: int) -> bool:
    """Whether a word next to it is also written in capitals (a shouted phrase, not an acronym)."""
    return any(
        0 <= k < len(doc) and doc[k].is_alpha and doc[k].is_upper and len(doc[k]) >= 2 for k in (i - 1, i + 1)
    )


def _acronym_alone(doc: Doc, c: Chain) -> bool:
    """Whether a chain is only one capitals word spaCy tagged alone, with no table entry behind it."""
    if c.forced_type is not None or c.kb is not None:
        return False
    return all(m.end - m.start == 1 and doc[m.start].is_upper for m in c.mentions) and (
        len({doc[m.start].text for m in c.mentions}) == 1
    )


def _initials(doc: Doc, chains: list[Chain]) -> dict[str, list[Chain]]:
    """The article's organisations by the acronyms their names may be shortened to."""
    out: dict[str, list[Chain]] = {}
    for c in chains:
        if (c.forced_type or label_vote(c)) != "ORG":
            continue
        names = {longest_text(doc, c)} | ({c.canonical} if c.canonical else set())
        for acr in set().union(*(acronym_candidates(n) for n in names)):
            out.setdefault(acr, []).append(c)
    return out


def _apposition(
    doc: Doc, lex: EntityLexicon, tok: Token, by_end: dict[int, Chain], by_token: dict[int, Chain]
) -> Chain | None:
    """The organisation the word is set beside with commas: a name before it, or a description
    after it (a new chain); None when neither spells it."""
    i = tok.i
    if i >= 2 and doc[i - 1].text == ",":
        for end in range(i - 1, max(i - 2 - _MAX_TAIL, 0), -1):
            chain = by_end.get(end)
            if chain is not None and (end == i - 1 or doc[end].lower_ == "in"):
                name = doc[min(m.start for m in chain.mentions if m.end == end) : i - 1].text
                return chain if abbreviates(tok.text, name) else None
    if i + 2 < len(doc) and doc[i + 1].text == "," and doc[i + 2].lower_ in _DETERMINERS:
        k = i + 3
        while k < len(doc) and k - i <= _MAX_DESCRIPTION and doc[k].pos_ in _DESCRIPTION_POS:
            k += 1
        head = doc[k - 1]
        if (
            k > i + 3
            and _organisation_word(lex, head)
            and k - 1 not in by_token
            and abbreviates(tok.text, doc[i + 3 : k].text)
        ):
            return Chain([], normalize_name(tok.text))
    return None


def _organisation_word(lex: EntityLexicon, head: Token) -> bool:
    """Whether a description's head noun names a kind of organisation ("force", "agency")."""
    word = head.lower_
    return head.pos_ == "NOUN" and (word in lex.org_nouns or word in lex.org_cue_nouns)


def abbreviates(short: str, long: str) -> bool:
    """Whether `short`'s letters occur in `long` in order, the first at the start of a word
    (Schwartz and Hearst's test of an abbreviation against its definition, read from the end)."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    text = long.lower()
    k = len(text) - 1
    for n in range(len(letters) - 1, -1, -1):
        ch = letters[n]
        while k >= 0 and (text[k] != ch or (n == 0 and k > 0 and text[k - 1].isalnum())):
            k -= 1
        if k < 0:
            return False
        k -= 1
    return True
