"""Stage 1: spaCy's name spans, repaired for news.

A possessive swallowed into a name ("Al Jazeera’s"), a leading "the", punctuation and numbers at
the edges, spans running across a line break, a bracket, a comma or "at" ("Grace Road,
Leicestershire"; not "Washington, DC"), two names joined by a possessive ("Al Jazeera’s Rosalind
Jordan"; not "People’s Republic of China"), titles inside a PERSON span ("President Joe Biden" →
role "President"), one-word spans that are only a title word ("Supreme" before "Leader"), a first
name or an initial left outside a PERSON span, nationality words tagged PERSON ("Rwandan Hutu" →
NORP).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.lexicon import (
    DETERMINERS,
    KEPT_LABELS,
    POSSESSIVES,
    RESOLVED_LABELS,
    EntityLexicon,
)
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.components.entities.products import product_words
from newsgraph.extract.components.entities.spans import INITIAL, NameMention, glued_hyphen_after, in_ranges
from newsgraph.extract.extensions import span_text
from newsgraph.knowledge import longest_agent_match

_SEPARATORS = frozenset({"(", ")", "[", "]", ";", "|", "/", "•", "·"})
_PREFIXES = frozenset(
    {"pro", "anti", "ex", "non", "post", "pre", "mid", "neo", "former", "then", "all", "pan"}
)
_KINDS_OF_ORGANISATION = frozenset(
    {"agency", "commission", "company", "council", "department", "ministry", "committee", "authority"}
    | {"bureau", "office", "firm", "group", "government", "corporation", "organisation", "organization"}
)
"""Kinds of organisation that, capitalised after "the", refer back to a named one ("the Agency")."""
_FUNCTION_POS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "PRON", "DET"})
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "Jr", "Jr.", "Sr", "Sr."})


def ner_mentions(doc: Doc, lex: EntityLexicon, caps: list[tuple[int, int]]) -> list[NameMention]:
    """Turn spaCy's kept `doc.ents` into repaired mentions; those in capitals lines are weak.

    A generic noun is no name ("Police" said, "Riot" police): see `_generic`.
    """
    out: list[NameMention] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        for start, end in split_span(doc, lex, ent.start, ent.end, ent.label_):
            m = trim(doc, lex, start, end, ent.label_)
            if m is None:
                continue
            if _generic(doc, lex, m) or _back_reference(doc, lex, m):
                continue
            if caps and in_ranges(doc[m.start].idx, caps):
                m.weak = True
            out.append(m)
    return out


def _generic(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether a one-word span is a generic noun of the actor dictionary, not a name.

    Alone ("Police said", "the Cabinet"; not a legislature, a court or a religion, which name one
    body or a people, nor a person's or a people's name: "King", "Muslim"), or as the first word
    of a generic noun phrase ("Riot police").
    """
    if m.end - m.start != 1 or m.label == "PRODUCT" or not doc[m.start].is_alpha:
        return False
    if lex.known.knows(normalize_name(doc[m.start].text)):
        return False
    found = longest_agent_match([doc[i].text for i in range(m.start, min(m.start + 4, len(doc)))], 0)
    if found is None:
        return False
    end, agent = found
    if end > 1:
        return all(t.is_lower for t in doc[m.start + 1 : m.start + end])  # "Riot police"
    return m.label not in {"PERSON", "NORP"} and agent.sector not in {"legislature", "judiciary", "religious"}


def _back_reference(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether a one-word organisation name is a kind of organisation said again ("the Agency")."""
    if m.end - m.start != 1 or m.label != "ORG" or lex.known.knows(normalize_name(doc[m.start].text)):
        return False
    return doc[m.start].lower_ in _KINDS_OF_ORGANISATION and m.start > 0 and doc[m.start - 1].lower_ == "the"


def split_span(doc: Doc, lex: EntityLexicon, start: int, end: int, label: str) -> Iterable[tuple[int, int]]:
    """Split a span at line breaks, brackets, internal possessives, verbs and separators.

    "Al Jazeera’s Rosalind Jordan" (owner and owned), "Yuri Kushko\nTAVILDARA" (two lines),
    "Olabisi Afolabi (Nigeria" (a bracket), "Yorkshire at Headingley", "Grace Road, Leicestershire"
    (but not "Washington, DC": an abbreviation after the comma stays).
    """
    piece = start
    for i in range(start, end):
        tok = doc[i]
        text = tok.text
        separator = tok.is_space or text in _SEPARATORS or _spaced_dash(doc, i) or _inner_verb(tok)
        if not separator and text in POSSESSIVES and tok.tag_ == "POS" and i + 1 < end:
            separator = _possessive_separates(doc, lex, piece, i, end)
        elif not separator and text == "at" and piece < i < end - 1 and doc[i + 1].is_title:
            separator = True
        elif not separator and text == "," and i + 1 < end and label in RESOLVED_LABELS:
            separator = _comma_separates(doc, lex, piece, i, end, label)
        if separator:
            if piece < i:
                yield piece, i
            piece = i + 1
        elif "\n" in tok.whitespace_:
            yield piece, i + 1
            piece = i + 1
    if piece < end:
        yield piece, end


def _inner_verb(tok: Token) -> bool:
    """Whether a token is a lower-case verb, which no name holds ("Apple passed Wal-Mart")."""
    return tok.is_lower and len(tok) > 1 and tok.pos_ in {"VERB", "AUX"}


def _spaced_dash(doc: Doc, i: int) -> bool:
    """Whether token `i` is a dash with spaces around it between two names ("San Jose - Cisco").

    Between two single words it is taken for a hyphen written with spaces ("Wal - Mart").
    """
    if doc[i].text not in {"-", "–", "—"} or i == 0 or i + 1 >= len(doc):
        return False
    if doc[i - 1].whitespace_ == "" or doc[i].whitespace_ == "":
        return False
    return (i > 1 and doc[i - 2].is_title) or (i + 2 < len(doc) and doc[i + 2].is_title)


def _comma_separates(doc: Doc, lex: EntityLexicon, start: int, i: int, end: int, label: str) -> bool:
    """Whether the comma at `i` parts two names, unlike "Washington, DC" or "Boskovich Farms, Inc."

    A comma also stays inside an organisation's name that lists its fields ("Department for
    Environment, Food and Rural Affairs").
    """
    after = doc[i + 1 : end]
    if len(after) == 1 and ((after[0].is_upper and len(after[0]) <= 4) or after[0].text[-1:] == "."):
        return False
    if all(normalize_name(t.text) in lex.corporate_suffixes for t in after):
        return False
    return not (
        label == "ORG"
        and any(t.text in lex.org_words for t in doc[start:i])
        and any(t.lower_ in {"and", "&"} for t in after)
        and all(t.is_title or t.lower_ in {"and", "&", "of"} for t in after)
    )


def _possessive_separates(doc: Doc, lex: EntityLexicon, start: int, i: int, end: int) -> bool:
    """Whether the possessive at `i` parts two names, unlike "People’s Republic of China"."""
    if doc[i - 1].text in lex.possessive_names:
        return False  # "People’s Republic of China", "SOS Children’s Villages"
    return not any(t.text in lex.org_words for t in doc[i + 1 : end])


def _trim_edges(doc: Doc, start: int, end: int, numbers: bool) -> tuple[int, int]:
    """Move a span's edges past determiners, possessives, punctuation, lower-case words and numbers."""
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if tok.is_lower and glued_hyphen_after(doc, start, end) and low not in _PREFIXES:
            break  # "al-Gama'a": a name particle, not a stray word
        opener = tok.is_sent_start and tok.is_stop and tok.pos_ in _FUNCTION_POS  # "Beyond Ukraine"
        if (
            low in DETERMINERS
            or tok.is_punct
            or tok.is_space
            or (numbers and tok.like_num)
            or tok.is_lower
            or opener
        ):
            start += 1
        else:
            break
    while end > start:
        tok = doc[end - 1]
        if tok.is_lower and end - 2 > start and glued_hyphen_after(doc, end - 3, end):
            break  # "Chen Chun-yeh"
        digits = numbers and any(ch.isdigit() for ch in tok.text)
        if tok.text in POSSESSIVES or tok.is_punct or tok.is_space or tok.is_lower or digits:
            end -= 1
        else:
            break
    return start, end


def trim(doc: Doc, lex: EntityLexicon, start: int, end: int, label: str) -> NameMention | None:
    """Trim determiners, possessives, punctuation, numbers and titles off a span's edges."""
    start, end = _trim_edges(doc, start, end, numbers=label in RESOLVED_LABELS)  # "the 2001 Olympics"
    if end <= start or _glued_to_number(doc, start):
        return None
    if all(INITIAL.match(doc[i].text) for i in range(start, end)):  # the words by index: no Span is made
        label = "PERSON"  # "D." (before "Gough"), whatever spaCy called it
    elif label == "PERSON" and all(lex.is_demonym(t.text) for t in doc[start:end]):
        label = "NORP"  # "Rwandan Hutu"
    if label == "ORG":
        end = _without_title_tail(doc, lex, start, end)  # "U.N. Resident Coordinator": "U.N."
    if end - start >= 2 and doc[end - 1].text == "Flight" and end < len(doc) and doc[end].like_num:
        end -= 1  # "Air France Flight 447": the airline
    if _places_joined(doc, lex, start, end):
        return None  # "U.S.-Japan" (talks)
    mention = NameMention(start, end, label, "ner")
    if label == "PERSON":
        split_titles(doc, lex, mention)
        extend_person(doc, lex, mention)
    span = doc[mention.start : mention.end]
    text = span_text(doc, mention.start, mention.end)  # read once: `span.text` joins the tokens each time
    if not any(ch.isupper() for ch in text):
        return None
    if all(t.lower_.rstrip(".") in lex.title_words or t.lower_ in lex.title_words for t in span):
        return None  # "Supreme" (before "Leader"), "President" alone
    if len(span) == 1 and text.casefold().rstrip(".") in lex.not_names:
        return None
    if _doctrine(text):
        return None  # "Pan-Arabism", "Islamism": a doctrine, not a name
    numbered = len(span) == 1 and text in product_words().numbered
    if numbered and mention.end < len(doc) and doc[mention.end].like_num:
        return None  # "Bill 461", "Chapter 11"
    if all(normalize_name(t.text) in lex.corporate_suffixes for t in span):
        return None  # "Inc." left over
    return mention


def _doctrine(text: str) -> bool:
    """Whether a one-word name is a doctrine's or a movement's noun ("Pan-Arabism", "Zionism")."""
    return " " not in text and len(text) >= 6 and text.endswith(("ism", "isms"))


def _without_title_tail(doc: Doc, lex: EntityLexicon, start: int, end: int) -> int:
    """Return the end of an organisation's name before the person's title that ends the span.

    "U.N. Resident Coordinator" → "U.N."; not when the rest would end on a function word or a
    hyphen ("Royal Courts of Justice", "Health Officer-Administrator").
    """
    if lex.known.knows(normalize_name(span_text(doc, start, end))):
        return end
    k = end
    while k > start + 1 and doc[k - 1].lower_ in lex.titles and doc[k - 1].text not in lex.org_words:
        k -= 1
    while (
        start + 1 < k < end and doc[k - 1].lower_ in lex.title_words and doc[k - 1].text not in lex.org_words
    ):
        k -= 1  # "Resident" before "Coordinator"
    last = doc[k - 1]
    if k == end or last.whitespace_ == "" or last.is_punct or last.pos_ in {"ADP", "DET", "CCONJ", "ADJ"}:
        return end
    return k


def _places_joined(doc: Doc, lex: EntityLexicon, start: int, end: int) -> bool:
    """Whether a span is two place names joined by a hyphen ("U.S.-Japan"; not "Guinea-Bissau")."""
    text = span_text(doc, start, end)
    if " " in text or lex.known.find(normalize_name(text)) is not None or lex.is_place(normalize_name(text)):
        return False
    for dash in ("-", "–"):
        left, _, right = text.partition(dash)
        if left and right:
            keys = (normalize_name(left), normalize_name(right))
            return all(lex.is_place(k) or lex.known.find(k) is not None for k in keys)
    return False


def _glued_to_number(doc: Doc, start: int) -> bool:
    """Whether a span's first token is written onto a number before it ("GB" in "16GB")."""
    return start > 0 and doc[start - 1].whitespace_ == "" and doc[start - 1].text[-1:].isdigit()


def split_titles(doc: Doc, lex: EntityLexicon, m: NameMention) -> None:
    """Move leading titles of a PERSON span ("President", "Gen.", "Mr") out of the name."""
    i = m.start
    while i < m.end - 1 and (lex.is_title(doc[i]) or lex.is_demonym(doc[i].text) or doc[i].is_punct):
        i += 1
    while i > m.start and not lex.is_title(doc[i - 1]):
        i -= 1  # "Belgian Baudouin": a nationality alone is no title
    if i == m.start:
        return
    # keep only title words that name a role (not the honorific "Mr")
    first = m.start
    while first < i and (doc[first].lower_ in lex.honorifics or lex.is_demonym(doc[first].text)):
        first += 1
    if first < i:
        m.titles.append((first, i))
    m.start = i


def extend_person(doc: Doc, lex: EntityLexicon, m: NameMention) -> None:
    """Take in a first name spaCy left outside ("Rosalind" + "Jordan") and a suffix ("Henry VIII")."""
    while m.start > 0 and m.end - m.start < 5:
        prev = doc[m.start - 1]
        if "\n" in prev.whitespace_ or (prev.ent_type_ and prev.ent_type_ != "PERSON"):
            break
        if INITIAL.match(prev.text) or (
            prev.pos_ == "PROPN"
            and prev.is_title
            and not prev.ent_type_
            and not lex.is_title(prev)
            and not lex.is_demonym(prev.text)
            and prev.text.casefold() not in lex.not_names
        ):
            m.start -= 1
        else:
            break
    while (
        m.end < len(doc)
        and all(INITIAL.match(t.text) for t in doc[m.start : m.end])
        and doc[m.end].is_title
        and "\n" not in doc[m.end - 1].whitespace_
    ):
        m.end += 1  # "D." + "Gough"
    if m.end < len(doc) and doc[m.end].text in _ROMAN and doc[m.end - 1].whitespace_ == " ":
        m.end += 1
    hyphened = m.end + 2 < len(doc) and glued_hyphen_after(doc, m.end, m.end + 3)
    given = hyphened and doc[m.end].is_title and doc[m.end + 2].is_lower and not doc[m.end].ent_type_
    if given and doc[m.end - 1].whitespace_ == " ":
        m.end += 3  # "Ahn" + "So-young", "Lee" + "Myung-bak"
