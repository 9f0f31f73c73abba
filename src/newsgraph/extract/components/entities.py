"""Entities: spaCy's names, repaired for news and resolved into one entity per person or organisation.

The component reads spaCy's `doc.ents`, the parse, the part-of-speech tags and sentence starts,
and writes `doc._.newsgraph_entities` (a list of `models.Entity`, mentions of kind "name") and
the token index behind `entity_at_token` / `entity_in_tokens` (through `add_mentions`). An
unnamed organisation a person is placed in ("Ahmed Ali of the foreign ministry") becomes an ORG
entity with a "description" mention.

What it does, in order:

1. Repairs spaCy's name spans: a possessive swallowed into a name ("Al Jazeera’s"), a leading
   "the", punctuation and numbers at the edges, spans running across a line break, a bracket, a
   comma or "at" ("Grace Road, Leicestershire"; not "Washington, DC"), two names joined by a
   possessive ("Al Jazeera’s Rosalind Jordan"; not "People’s Republic of China"), titles inside a
   PERSON span ("President Joe Biden" → role "President"), one-word spans that are only a title
   word ("Supreme" before "Leader"), a first name or an initial left outside a PERSON span,
   nationality words tagged PERSON ("Rwandan Hutu" → NORP).
2. Adds what spaCy missed: the place in a dateline ("LONDON 1996-08-30", "KABUL, Afghanistan (AP) —"),
   country names (gazetteer), initialled names ("A. Hollioake"), people in results lists
   ("Wilson Kipketer (Denmark)"), further mentions of names already found (a surname alone, a
   company without "Inc.", an acronym given in brackets, names in ALL-CAPS headlines, which are
   otherwise only trusted when confirmed). One-word names seen only at sentence starts that are
   ordinary words ("Death") are dropped.
3. Resolves mentions into entities: same name (case, dots, accents and British spellings aside);
   a person's surname or first name; an acronym and the full name; a company and its short form;
   the aliases of a data table ("US", "U.S.", "America" → "United States"). The entity's type is
   voted over its mentions (a full PERSON name outweighs a surname tagged ORG); data tables of
   well-known actors and of countries and capitals outrank votes. The canonical name is the
   table's, else the longest mention.
4. Reads roles and affiliations from titles before a name ("Qatar’s counterterrorism envoy
   Mutlaq al-Qahtani"), appositions after or before it ("Louis Gallois, the Airbus chief
   executive,"; "the head of the High Council for National Reconciliation, Abdullah Abdullah")
   and "of/from/at" phrases ("Karim Haddad of the Interior Ministry").

Ids are `e1`, `e2`, … in order of first mention. Work is per entity span and per name form (regex
scans of the text), not per token. Lexicons: `entity_fixes.json`, `gpe_names.json`, `titles.json`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from newsgraph.extract.extensions import add_mentions, doc_text, entity_at_token, new_entity, set_extensions
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.spans import write_spans
from newsgraph.models import Entity, EntityType

LOGGER = logging.getLogger(__name__)

KEPT_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
"""spaCy labels kept as entities; numbers and times are other components' business."""

_RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_AFFILIATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_DETERMINERS = frozenset({"the", "a", "an"})
_SEPARATORS = frozenset({"(", ")", "[", "]", ";", "|", "/", "•", "·"})
_PREFIXES = frozenset(
    {"pro", "anti", "ex", "non", "post", "pre", "mid", "neo", "former", "then", "all", "pan"}
)
_DEMONYM_ENDINGS = frozenset({"i", "n", "an", "ian", "ese", "ish", "ic", "ean", "ite"})
_COUNTRY_ENDINGS = (("istan", 4), ("stan", 4), ("ia", 5), ("a", 5))
_INITIALLED = re.compile(r"(?<![\w.’'-])(?:[A-Z]\. ?){1,3}[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?![\w’'-])")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "Jr", "Jr.", "Sr", "Sr."})
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "to", "&"})
_MAX_ROLE_TOKENS = 16
_MAX_LEFT_RUN = 6
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your", "this", "that"})
_LOOSE_ENDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "VERB"})
_MAX_FORMS = 2000
_BIG = 1 << 62

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}))?"
    r"(?= +\d{4}-\d\d-\d\d\b| ?\([A-Za-z][A-Za-z .&/-]{0,30}\)| +[—–]| +--)"
)
_LINE = re.compile(r"[^\n]+")
_UPPER = re.compile(r"[A-Z]")
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class _Mention:
    """A name span during resolution (token offsets) with where it came from."""

    start: int
    end: int
    label: str | None
    source: str  # ner | dateline | gazetteer | propagated | acronym
    weak: bool = False  # found in an ALL-CAPS line: only trusted when confirmed
    titles: list[tuple[int, int]] = field(default_factory=list)  # title tokens split off the span


@dataclass(slots=True)
class _Chain:
    """Mentions of one entity."""

    mentions: list[_Mention]
    key: str
    canonical: str | None = None
    forced_type: str | None = None

    @property
    def first(self) -> int:
        """Token index of the chain's first mention."""
        return min(m.start for m in self.mentions)


def normalize_name(text: str) -> str:
    """Return the comparison key of a name: case-folded, no leading 'the', no dots, one space."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = _SPACES.sub(" ", text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    text = text.replace(".", "").casefold().strip()
    if not text.isascii():
        # "Kürecik" = "Kurecik", "Médecins" = "Medecins"
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    spelling: dict[str, str] = load_json("entity_fixes.json")["spelling"]
    if any(word in text for word in spelling):
        text = " ".join(spelling.get(w, w) for w in text.split())
    return text


def acronym_candidates(name: str) -> set[str]:
    """Return the acronyms a multi-word name may be shortened to (Asia-Pacific Economic Cooperation: APEC)."""
    words = [w for w in re.split(r"[\s]+", name.replace("’", "'")) if w]
    if len(words) < 2:
        return set()
    out: set[str] = set()
    for split_hyphens in (False, True):
        parts: list[str] = []
        for w in words:
            parts.extend(w.split("-") if split_hyphens else [w])
        parts = [p for p in parts if p and p[0].isalpha()]
        full = "".join(p[0] for p in parts).upper()
        content = "".join(p[0] for p in parts if p.lower() not in _ACRONYM_SKIP).upper()
        out.update({full, content})
    return {a for a in out if len(a) >= 2}


class EntityResolver:
    """Build resolved entities from spaCy's NER (see the module docstring).

    Reads `doc.ents`, `token.pos_`, `token.dep_`, sentence boundaries; writes
    `doc._.newsgraph_entities` and the token index (`add_mention`).
    """

    def __init__(self, nlp: Language) -> None:
        """Load the lexicons once and build the gazetteer matcher."""
        fixes = load_json("entity_fixes.json")
        gpe = load_json("gpe_names.json")
        titles = load_json("titles.json")
        self.alias_to: dict[str, tuple[str, str]] = {}
        for group in fixes["aliases"]:
            for form in (group["name"], *group["aliases"]):
                self.alias_to[normalize_name(form)] = (group["name"], group["type"])
        self.actor_types: dict[str, str] = {normalize_name(k): v for k, v in fixes["types"].items()}
        self.not_names: frozenset[str] = frozenset(w.casefold() for w in fixes["not_names"])
        self.particles: frozenset[str] = frozenset(fixes["name_particles"])
        self.org_words: frozenset[str] = frozenset(fixes["org_words"])
        self.possessive_names: frozenset[str] = frozenset(fixes["possessive_names"])
        self.corporate_suffixes: frozenset[str] = frozenset(
            normalize_name(w) for w in fixes["corporate_suffixes"]
        )
        self.org_nouns: frozenset[str] = frozenset(w.casefold() for w in fixes["org_words"] if w.isalpha())
        self.countries: frozenset[str] = frozenset(normalize_name(c) for c in gpe["countries"])
        self.places: frozenset[str] = frozenset(normalize_name(c) for c in gpe["places"])
        self.titles: frozenset[str] = frozenset(t.casefold() for t in titles["titles"])
        self.modifiers: frozenset[str] = frozenset(t.casefold() for t in titles["modifiers"])
        self.honorifics: frozenset[str] = frozenset(t.casefold() for t in titles["honorifics"])
        self.title_words: frozenset[str] = self.titles | self.modifiers
        self.capitals: frozenset[str] = frozenset(normalize_name(c) for c in gpe["capitals"])
        self.demonyms: frozenset[str] = frozenset(gpe.get("demonyms", []))
        self.country_stems: dict[str, int] = {}
        for country in self.countries:
            if " " in country:
                continue
            for ending, shortest in _COUNTRY_ENDINGS:
                if country.endswith(ending) and len(country) - len(ending) >= shortest:
                    self.country_stems.setdefault(country[: -len(ending)], len(ending))
        no_fill = set(gpe["no_gap_fill"])
        fill = [c for c in gpe["countries"] if c not in no_fill]
        fill += [a for g in fixes["aliases"] if g["type"] == "GPE" for a in (g["name"], *g["aliases"])]
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = sorted({*fill, *(c.upper() for c in fill)})
        self.matcher.add("GPE", [nlp.make_doc(p) for p in patterns])

    def __call__(self, doc: Doc) -> Doc:
        """Fill the doc's entities."""
        self.resolve(doc)
        return write_spans(doc, "newsgraph_entities")

    # ------------------------------------------------------------------ pipeline of steps

    def resolve(self, doc: Doc) -> None:
        """Run all steps on one doc."""
        if len(doc) == 0:
            return
        text = doc_text(doc)  # spaCy rebuilds doc.text from the tokens at every access
        caps = self._caps_lines(text)
        mentions = self._ner_mentions(doc, caps)
        mentions = self._add_datelines(doc, mentions, text)
        mentions = self._add_gazetteer(doc, mentions)
        mentions = self._add_initialled_names(doc, mentions, text)
        mentions = self._merge_adjacent_persons(doc, mentions)
        mentions = self._people_with_country(doc, mentions)
        chains = self._chain(doc, mentions)
        chains = self._drop_common_words(doc, chains, text)
        self._propagate(doc, chains, caps, text)
        self._acronyms_in_brackets(doc, chains, text)
        chains = self._fold_chains(doc, chains)
        written = self._write(doc, chains, text)
        self._roles(doc, written)

    # ------------------------------------------------------------------ 1. repair spaCy's spans

    @staticmethod
    def _caps_lines(text: str) -> list[tuple[int, int]]:
        """Return the character ranges of lines written in capitals (headlines, datelines)."""
        out = []
        for m in _LINE.finditer(text):
            line = m.group()
            if line == line.upper() and len(_UPPER.findall(line, 0, 200)) >= 6:
                out.append((m.start(), m.end()))
        if sum(b - a for a, b in out) > len(text) // 2:
            return []  # a text all in capitals: spaCy's names are all there is
        return out

    @staticmethod
    @staticmethod
    def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
        """Whether `pos` falls in one of the sorted, disjoint `ranges`."""
        k = bisect_right(ranges, (pos, _BIG)) - 1
        return k >= 0 and ranges[k][0] <= pos < ranges[k][1]

    def _ner_mentions(self, doc: Doc, caps: list[tuple[int, int]]) -> list[_Mention]:
        """Turn spaCy's kept `doc.ents` into repaired mentions; those in capitals lines are weak."""
        out: list[_Mention] = []
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            for start, end in self._split(doc, ent.start, ent.end, ent.label_):
                m = self._trim(doc, start, end, ent.label_)
                if m is None:
                    continue
                if caps and self._in_ranges(doc[m.start].idx, caps):
                    m.weak = True
                out.append(m)
        return out

    def _split(self, doc: Doc, start: int, end: int, label: str) -> Iterable[tuple[int, int]]:
        """Split a span at line breaks, brackets, internal possessives and separators.

        "Al Jazeera’s Rosalind Jordan" (owner and owned), "Yuri Kushko\nTAVILDARA" (two lines),
        "Olabisi Afolabi (Nigeria" (a bracket), "Yorkshire at Headingley", "Grace Road, Leicestershire"
        (but not "Washington, DC": an abbreviation after the comma stays).
        """
        piece = start
        for i in range(start, end):
            tok = doc[i]
            text = tok.text
            separator = tok.is_space or text in _SEPARATORS
            if not separator and text in _POSSESSIVES and tok.tag_ == "POS" and i + 1 < end:
                separator = self._possessive_separates(doc, piece, i, end)
            elif not separator and text == "at" and piece < i < end - 1 and doc[i + 1].is_title:
                separator = True
            elif not separator and text == "," and i + 1 < end and label in _RESOLVED_LABELS:
                after = doc[i + 1 : end]
                abbreviation = len(after) == 1 and (
                    (after[0].is_upper and len(after[0]) <= 4) or after[0].text[-1:] == "."
                )
                suffix = all(normalize_name(t.text) in self.corporate_suffixes for t in after)
                separator = not (abbreviation or suffix)  # "Washington, DC", "Boskovich Farms, Inc."
            if separator:
                if piece < i:
                    yield piece, i
                piece = i + 1
            elif "\n" in tok.whitespace_:
                yield piece, i + 1
                piece = i + 1
        if piece < end:
            yield piece, end

    def _possessive_separates(self, doc: Doc, start: int, i: int, end: int) -> bool:
        """Whether the possessive at `i` parts two names, unlike "People’s Republic of China"."""
        if i - start == 1 and doc[start].text in self.possessive_names:
            return False
        return not any(t.text in self.org_words for t in doc[i + 1 : end])

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> _Mention | None:
        """Trim determiners, possessives, punctuation, numbers and titles off a span's edges."""
        numbers = label in _RESOLVED_LABELS  # "the 2001 Olympics" keeps its number
        while start < end:
            tok = doc[start]
            low = tok.lower_
            if tok.is_lower and _glued_hyphen_after(doc, start, end) and low not in _PREFIXES:
                break  # "al-Gama'a": a name particle, not a stray word
            if (
                low in _DETERMINERS
                or tok.is_punct
                or tok.is_space
                or (numbers and tok.like_num)
                or tok.is_lower
            ):
                start += 1
            else:
                break
        while end > start:
            tok = doc[end - 1]
            if tok.is_lower and end - 2 > start and _glued_hyphen_after(doc, end - 3, end):
                break  # "Chen Chun-yeh"
            digits = numbers and any(ch.isdigit() for ch in tok.text)
            if tok.text in _POSSESSIVES or tok.is_punct or tok.is_space or tok.is_lower or digits:
                end -= 1
            else:
                break
        if end <= start:
            return None
        if all(_INITIAL.match(t.text) for t in doc[start:end]):
            label = "PERSON"  # "D." (before "Gough"), whatever spaCy called it
        elif label == "PERSON" and all(self._is_demonym(t.text) for t in doc[start:end]):
            label = "NORP"  # "Rwandan Hutu"
        mention = _Mention(start, end, label, "ner")
        if label == "PERSON":
            self._split_titles(doc, mention)
            self._extend_person(doc, mention)
        span = doc[mention.start : mention.end]
        if not any(ch.isupper() for ch in span.text):
            return None
        if all(t.lower_.rstrip(".") in self.title_words or t.lower_ in self.title_words for t in span):
            return None  # "Supreme" (before "Leader"), "President" alone
        if len(span) == 1 and span.text.casefold().rstrip(".") in self.not_names:
            return None
        if all(normalize_name(t.text) in self.corporate_suffixes for t in span):
            return None  # "Inc." left over
        return mention

    def _is_demonym(self, word: str) -> bool:
        """Whether a word names a nationality derived from a country ("Tajik", "Rwandan", "Qatari")."""
        if len(word) < 4 or not word[:1].isupper() or not word[1:].islower():
            return False
        if word in self.demonyms or (word[-1] == "s" and word[:-1] in self.demonyms):
            return True
        low = word.casefold()
        if low in self.countries:
            return False
        if low[-1] == "s" and low[-2:] not in {"ss", "is", "us"}:
            low = low[:-1]  # "Afghans", "Qataris"
        for n in (3, 2, 1):  # "Qatari", "Rwandan", "Iranian", "Sudanese"
            if low[:-n] in self.countries and low[-n:] in _DEMONYM_ENDINGS:
                return True
        return low in self.country_stems  # "Tajik" (Tajikistan), "Somali" (Somalia)

    def _is_title(self, tok: Token) -> bool:
        """Whether a token is a title, a title modifier or an honorific."""
        low = tok.lower_
        return low in self.title_words or low.rstrip(".") in self.title_words or low in self.honorifics

    def _split_titles(self, doc: Doc, m: _Mention) -> None:
        """Move leading titles of a PERSON span ("President", "Gen.", "Mr") out of the name."""
        i = m.start
        while i < m.end - 1 and (self._is_title(doc[i]) or self._is_demonym(doc[i].text) or doc[i].is_punct):
            i += 1
        while i > m.start and not self._is_title(doc[i - 1]):
            i -= 1  # "Belgian Baudouin": a nationality alone is no title
        if i == m.start:
            return
        # keep only title words that name a role (not the honorific "Mr")
        first = m.start
        while first < i and (doc[first].lower_ in self.honorifics or self._is_demonym(doc[first].text)):
            first += 1
        if first < i:
            m.titles.append((first, i))
        m.start = i

    def _extend_person(self, doc: Doc, m: _Mention) -> None:
        """Take in a first name spaCy left outside ("Rosalind" + "Jordan") and a suffix ("Henry VIII")."""
        while m.start > 0 and m.end - m.start < 5:
            prev = doc[m.start - 1]
            if "\n" in prev.whitespace_ or (prev.ent_type_ and prev.ent_type_ != "PERSON"):
                break
            if _INITIAL.match(prev.text) or (
                prev.pos_ == "PROPN"
                and prev.is_title
                and not prev.ent_type_
                and not self._is_title(prev)
                and not self._is_demonym(prev.text)
                and prev.text.casefold() not in self.not_names
            ):
                m.start -= 1
            else:
                break
        while (
            m.end < len(doc)
            and all(_INITIAL.match(t.text) for t in doc[m.start : m.end])
            and doc[m.end].is_title
            and "\n" not in doc[m.end - 1].whitespace_
        ):
            m.end += 1  # "D." + "Gough"
        if m.end < len(doc) and doc[m.end].text in _ROMAN and doc[m.end - 1].whitespace_ == " ":
            m.end += 1

    # ------------------------------------------------------------------ 2. add what spaCy missed

    def _add_datelines(self, doc: Doc, mentions: list[_Mention], text: str) -> list[_Mention]:
        """Add the place of a dateline as GPE, replacing what spaCy made of it."""
        found: list[_Mention] = []
        for match in _DATELINE.finditer(text[:20000]):
            for group in ("place", "region"):
                if match.group(group) is None:
                    continue
                span = doc.char_span(match.start(group), match.end(group))
                if span is not None:
                    found.append(_Mention(span.start, span.end, "GPE", "dateline"))
        if not found:
            return mentions
        kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
        return sorted(kept + found, key=lambda m: m.start)

    def _add_gazetteer(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """Add country names spaCy missed (not glued to other capitalised words)."""
        taken = _taken(mentions)
        added = []
        for _, start, end in self.matcher(doc):
            if any(i in taken for i in range(start, end)):
                continue
            if self._joined_to_other_name(doc, start, end):
                continue
            added.append(_Mention(start, end, "GPE", "gazetteer"))
            taken.update(range(start, end))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: m.start)

    def _add_initialled_names(self, doc: Doc, mentions: list[_Mention], text: str) -> list[_Mention]:
        """Add names written with initials that spaCy missed ("A. Hollioake", "J.R. Smith")."""
        taken = _taken(mentions)
        added = []
        for match in _INITIALLED.finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            last = span[-1]
            if last.pos_ != "PROPN" or last.is_stop or self._is_title(last) or last.text in self.org_words:
                continue
            added.append(_Mention(span.start, span.end, "PERSON", "pattern"))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: m.start)

    @staticmethod
    def _joined_to_other_name(doc: Doc, start: int, end: int) -> bool:
        """Whether a match is glued to more capitalised words (part of a longer name)."""
        if start > 0:
            prev = doc[start - 1]
            if prev.is_title and prev.is_alpha and not prev.is_sent_start and "\n" not in prev.whitespace_:
                return not doc[start].is_upper
        if end < len(doc):
            nxt = doc[end]
            if nxt.is_title and nxt.is_alpha and "\n" not in doc[end - 1].whitespace_:
                return not doc[end - 1].is_upper
        return False

    @staticmethod
    def _merge_adjacent_persons(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """Join two PERSON spans that touch on one line ("Kengo" + "Dondo" split by the tagger)."""
        out: list[_Mention] = []
        for m in mentions:
            if (
                out
                and out[-1].label == "PERSON"
                and m.label == "PERSON"
                and out[-1].end == m.start
                and "\n" not in doc[m.start - 1].whitespace_
            ):
                out[-1].end = m.end
                continue
            out.append(m)
        return out

    def _people_with_country(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """Type "Wilson Kipketer (Denmark)" as a person: results lists and party labels."""
        by_end = {m.end: m for m in mentions}
        added: list[_Mention] = []
        for m in mentions:
            if m.label != "GPE" or m.start < 2 or m.end >= len(doc):
                continue
            if doc[m.start - 1].text != "(" or doc[m.end].text != ")":
                continue
            if self._key(doc, m) not in self.countries and self._key(doc, m) not in self.alias_to:
                continue
            before = by_end.get(m.start - 1)
            if before is not None:
                if before.label in {"ORG", "LOC", "FAC"} and 2 <= before.end - before.start <= 4:
                    before.label = "PERSON"
                continue
            start = m.start - 1
            while start > 0 and m.start - 1 - start < 4:
                tok = doc[start - 1]
                if not (tok.is_title and tok.is_alpha) or "\n" in tok.whitespace_ or self._is_title(tok):
                    break
                start -= 1
            if m.start - 1 - start >= 2 and not any(i in _taken(mentions) for i in range(start, m.start - 1)):
                added.append(_Mention(start, m.start - 1, "PERSON", "pattern"))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda x: x.start)

    def _drop_common_words(self, doc: Doc, chains: list[_Chain], text: str) -> list[_Chain]:
        """Drop one-word names seen only at a sentence start when the word is an ordinary one ("Death")."""
        kept = []
        for c in chains:
            if c.forced_type is None and all(
                m.end - m.start == 1 and m.source == "ner" and _starts_sentence(doc[m.start])
                for m in c.mentions
            ):
                tok = doc[c.mentions[0].start]
                key = c.key
                known = (
                    key in self.countries
                    or key in self.capitals
                    or key in self.places
                    or key in self.actor_types
                )
                if not known and (tok.pos_ not in {"PROPN", "X"} or self._common_word(tok, text)):
                    continue
            kept.append(c)
        return kept

    # ------------------------------------------------------------------ 3. resolve

    def _key(self, doc: Doc, m: _Mention) -> str:
        """Return the comparison key of a mention's text."""
        return normalize_name(doc[m.start : m.end].text)

    def _chain(self, doc: Doc, mentions: list[_Mention]) -> list[_Chain]:
        """Group mentions with the same key (after the alias table); weak ones only join."""
        by_key: dict[str, _Chain] = {}
        weak: list[tuple[str, _Mention]] = []
        for m in mentions:
            key = self._key(doc, m)
            if not key:
                continue
            canonical = None
            forced = None
            if key in self.alias_to:
                canonical, forced = self.alias_to[key]
                key = normalize_name(canonical)
            if m.weak:
                weak.append((key, m))
                continue
            chain = by_key.get(key)
            if chain is None:
                chain = by_key[key] = _Chain([], key, canonical, forced)
            chain.mentions.append(m)
        for key, m in weak:
            chain = by_key.get(key)
            if chain is not None:
                chain.mentions.append(m)
            elif key in self.countries or key in self.places or key in self.alias_to:
                m.label = "GPE" if key not in self.alias_to else self.alias_to[key][1]
                by_key[key] = _Chain([m], key, self.alias_to.get(key, (None, None))[0], None)
        return list(by_key.values())

    def _propagate(self, doc: Doc, chains: list[_Chain], caps: list[tuple[int, int]], text: str) -> None:
        """Find further mentions of names already known (a surname alone, names in capitals)."""
        forms: dict[str, _Chain] = {}
        upper_forms: dict[str, _Chain] = {}
        for chain in chains:
            if not any(m.label in _RESOLVED_LABELS for m in chain.mentions):
                continue
            for m in chain.mentions:
                if m.weak:
                    continue
                span = doc[m.start : m.end]
                form = span.text
                if len(form) >= 2 and "\n" not in form:
                    forms.setdefault(form, chain)
                    if len(form) >= 4:
                        upper_forms.setdefault(form.upper(), chain)
                if (
                    m.label == "ORG"
                    and len(span) >= 2
                    and normalize_name(span[-1].text) in self.corporate_suffixes
                ):
                    k = len(span) - 1
                    while k > 1 and normalize_name(span[k - 1].text) in self.corporate_suffixes:
                        k -= 1
                    short = span[:k].text.rstrip(",")
                    if len(short) >= 3:
                        forms.setdefault(short, chain)  # "Northwind" for "Northwind Inc."
                if m.label == "PERSON" and len(span) >= 2:
                    last = span[-1]
                    if last.is_title and len(last.text) >= 3 and last.lower_ not in self.particles:
                        forms.setdefault(last.text, chain)
                        if len(last.text) >= 4:
                            upper_forms.setdefault(last.text.upper(), chain)
        if not forms or len(forms) > _MAX_FORMS:
            return
        taken = {i for c in chains for m in c.mentions for i in range(m.start, m.end)}
        self._scan(doc, forms, taken, None, text)
        if caps:
            self._scan(doc, upper_forms, taken, caps, text)

    def _scan(
        self,
        doc: Doc,
        forms: dict[str, _Chain],
        taken: set[int],
        caps: list[tuple[int, int]] | None,
        text: str,
    ) -> None:
        """Add unlabelled occurrences of known name forms as mentions of their chains."""
        pattern = re.compile(
            r"(?<![\w\-])(?:"
            + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            + r")(?![\w\-])"
        )
        for match in pattern.finditer(text):
            if caps is not None and not self._in_ranges(match.start(), caps):
                continue
            span = doc.char_span(match.start(), match.end())
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if caps is None:
                if self._joined_to_other_name(doc, span.start, span.end):
                    continue
                first = span[0]
                if (
                    len(span) == 1
                    and (first.is_sent_start or first.i == 0)
                    and self._common_word(first, text)
                ):
                    continue
                if span[0].pos_ not in {"PROPN", "NOUN", "ADJ", "X"} and not span[0].is_upper:
                    continue
            chain = forms[match.group()]
            chain.mentions.append(_Mention(span.start, span.end, None, "propagated", weak=caps is not None))
            taken.update(range(span.start, span.end))

    @staticmethod
    def _common_word(tok: Token, text: str) -> bool:
        """Whether a sentence-initial capitalised word is an ordinary word ("Such", "Death")."""
        if tok.is_stop:
            return True
        return re.search(r"(?<![\w\-])" + re.escape(tok.lower_) + r"(?![\w\-])", text) is not None

    def _acronyms_in_brackets(self, doc: Doc, chains: list[_Chain], text: str) -> None:
        """Link "Full Name (ACR)" and give ACR to the full name's chain, tagged or not."""
        key_to_chain = {c.key: c for c in chains}
        by_token = {m.start: c for c in chains for m in c.mentions if m.end - m.start == 1}
        for chain in list(chains):
            for m in list(chain.mentions):
                if m.label not in {"ORG", "GPE", "NORP", "FAC", "LOC"} or m.end - m.start < 2:
                    continue
                if m.end + 2 >= len(doc) or doc[m.end].text != "(" or doc[m.end + 2].text != ")":
                    continue
                acr = doc[m.end + 1]
                if not (acr.is_upper and 2 <= len(acr.text) <= 8 and acr.is_alpha) or not chain.mentions:
                    continue
                other = by_token.get(acr.i) or key_to_chain.get(normalize_name(acr.text))
                if other is not None and other is not chain and other.mentions:
                    if other.forced_type is not None and chain.forced_type is None:
                        _merge(other, chain)  # "Democratic Republic of Congo (DRC)": the table's entity
                    else:
                        _merge(chain, other)
                elif other is None:
                    chain.mentions.append(_Mention(acr.i, acr.i + 1, m.label, "acronym"))
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
            taken = {i for c in chains for m in c.mentions for i in range(m.start, m.end)}
            self._scan(doc, forms, taken, None, text)

    def _fold_chains(self, doc: Doc, chains: list[_Chain]) -> list[_Chain]:
        """Fold surnames into full names and acronyms into the names they abbreviate."""
        single_person = {c.key for c in chains if any(m.label == "PERSON" for m in c.mentions)}
        persons = [c for c in chains if self._full_person(doc, c) or self._person_like(doc, c, single_person)]
        person_tokens: dict[int, tuple[str, ...]] = {}
        for c in persons:
            words = _name_words(c.key)
            person_tokens[id(c)] = tuple(t for t in words if t not in self.particles) or words
        folded: set[int] = set()
        # longer names first, so "Omar Shinwari" goes into "Ajmal Omar Shinwari" before "Shinwari" looks
        for short in sorted(chains, key=lambda c: -len(_name_words(c.key))):
            if id(short) in folded or short.forced_type is not None:
                continue
            labels = {m.label for m in short.mentions if m.label}
            if "PERSON" not in labels and (
                short.key in self.countries
                or short.key in self.capitals
                or short.key in self.places
                or not labels & {"ORG", "GPE", "LOC", "FAC"}
                or self._is_demonym(doc[short.mentions[0].start : short.mentions[0].end].text)
            ):
                continue
            words = tuple(t for t in _name_words(short.key) if t not in self.particles) or _name_words(
                short.key
            )
            targets = []
            for long in persons:
                if long is short or id(long) in folded:
                    continue
                lw = person_tokens[id(long)]
                if len(lw) <= len(words):
                    continue
                if _name_part(words, _name_words(long.key), lw, first_name="PERSON" in labels):
                    targets.append(long)
            if not targets:
                continue
            target = _nearest(short, targets)
            target.mentions.extend(short.mentions)
            short.mentions = []
            folded.add(id(short))
        chains = [c for c in chains if c.mentions]
        chains = self._fold_org_short_forms(doc, chains)
        # acronyms: "APEC" into "Asia-Pacific Economic Cooperation"
        by_acronym: dict[str, list[_Chain]] = {}
        for c in chains:
            if self._label_vote(c) in {"ORG", "LOC", "FAC", "NORP"} and len(c.key.split()) >= 2:
                for acr in acronym_candidates(self._longest_text(doc, c)):
                    by_acronym.setdefault(acr, []).append(c)
        if by_acronym:
            for c in chains:
                text = doc[c.mentions[0].start : c.mentions[0].end].text
                if c.forced_type is not None or not (
                    text.isupper() and text.isalpha() and 2 <= len(text) <= 8
                ):
                    continue
                cands = [
                    t
                    for t in by_acronym.get(text, [])
                    if t is not c
                    and t.mentions
                    and t.forced_type is None
                    and text.casefold() not in t.key.split()
                ]
                if len(cands) == 1:
                    cands[0].mentions.extend(c.mentions)
                    c.mentions = []
            chains = [c for c in chains if c.mentions]
        return chains

    def _fold_org_short_forms(self, doc: Doc, chains: list[_Chain]) -> list[_Chain]:
        """Fold "Apple" into "Apple Inc.", "High Council" into "High Council for National Reconciliation"."""
        orgs = [c for c in chains if c.forced_type is None and self._label_vote(c) == "ORG"]
        if len(orgs) < 2:
            return chains
        for short in sorted(orgs, key=lambda c: len(c.key.split())):
            words = short.key.split()
            targets = []
            for long in orgs:
                lw = long.key.split()
                if long is short or not long.mentions or len(lw) <= len(words):
                    continue
                rest = lw[len(words) :]
                if lw[: len(words)] == words and (
                    all(w in self.corporate_suffixes for w in rest)
                    or (len(words) >= 2 and rest[0] in {"of", "for", "on", "in"})
                ):
                    targets.append(long)
                elif len(words) >= 2 and lw[-len(words) :] == words and lw[-len(words) - 1] in {"of", "for"}:
                    targets.append(long)  # "Homeland Security" in "Department of Homeland Security"
            if len(targets) == 1 and short.mentions:
                targets[0].mentions.extend(short.mentions)
                short.mentions = []
        return [c for c in chains if c.mentions]

    def _person_like(self, doc: Doc, c: _Chain, single_person: set[str]) -> bool:
        """A 2–3 word name spaCy typed otherwise whose last word is used alone as a person's name."""
        words = c.key.split()
        if not 2 <= len(words) <= 3 or words[-1] not in single_person or c.forced_type:
            return False
        if c.key in self.countries or c.key in self.capitals or c.key in self.places:
            return False
        m = max(c.mentions, key=lambda x: x.end - x.start)
        tokens = doc[m.start : m.end]
        return all(t.is_title and t.is_alpha and t.text not in self.org_words for t in tokens)

    @staticmethod
    def _full_person(doc: Doc, c: _Chain) -> bool:
        """Whether a chain holds a PERSON name of two or more words."""
        return any(m.label == "PERSON" and m.end - m.start >= 2 and not m.weak for m in c.mentions)

    # ------------------------------------------------------------------ types, names, output

    def _label_vote(self, c: _Chain) -> str:
        """Return the label most of the chain's mentions carry (a dateline or a full name weighs more)."""
        votes: Counter[str] = Counter()
        for m in c.mentions:
            if m.label:
                weight = (
                    3 if m.source == "dateline" else 2 if m.label == "PERSON" and m.end - m.start >= 2 else 1
                )
                votes[m.label] += weight
        if not votes:
            return "ORG"
        best = max(votes.values())
        ordered = sorted(c.mentions, key=lambda m: -(m.end - m.start))
        for m in ordered:
            if m.label and votes[m.label] == best:
                return m.label
        return votes.most_common(1)[0][0]

    def _type(self, doc: Doc, c: _Chain) -> str:
        """Decide a chain's entity type: data tables first, then a full personal name, then the vote."""
        if c.forced_type:
            return c.forced_type
        for m in c.mentions:
            key = self._key(doc, m)
            if key in self.actor_types:
                return self.actor_types[key]
        if any(m.label == "PERSON" and m.end - m.start >= 2 for m in c.mentions):
            return "PERSON"
        if self._surname_used_alone(doc, c) or self._person_cue(doc, c):
            return "PERSON"
        label = self._label_vote(c)
        if c.key in self.countries and label not in {"LOC", "FAC", "NORP"}:
            return "GPE"
        if c.key in self.capitals and label in {"PERSON", "NORP", "ORG"}:
            return "GPE"
        if c.key in self.places and label in {"PERSON", "NORP"}:
            return "GPE"
        if all(m.end - m.start == 1 for m in c.mentions) and self._is_demonym(
            doc[c.mentions[0].start : c.mentions[0].end].text
        ):
            return "NORP"
        return label

    def _person_cue(self, doc: Doc, c: _Chain) -> bool:
        """Whether a 2–3 word name spaCy typed otherwise reads as a person's in context.

        Cues: an age after it ("Devina Cordero, 20,"), "who" after it, or a role noun right
        before it ("his lawyer, Amine Sidhoum", "trainer Bart Cummings").
        """
        if (
            c.key in self.countries
            or c.key in self.capitals
            or c.key in self.places
            or c.key in self.alias_to
        ):
            return False
        n = len(doc)
        for m in c.mentions:
            tokens = doc[m.start : m.end]
            if not 2 <= len(tokens) <= 3 or m.weak:
                continue
            if not all(t.is_title and t.is_alpha and t.text not in self.org_words for t in tokens):
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
            if k >= 0 and doc[k].is_lower and self._is_title_noun(doc[k]):
                return True
        return False

    def _surname_used_alone(self, doc: Doc, c: _Chain) -> bool:
        """Whether a chain holds a 2–3 word name and its last word alone tagged PERSON ("Lendl")."""
        longest = max(c.mentions, key=lambda x: x.end - x.start)
        if not 2 <= longest.end - longest.start <= 3:
            return False
        last = doc[longest.end - 1].lower_
        return any(
            m.label == "PERSON" and m.end - m.start == 1 and doc[m.start].lower_ == last for m in c.mentions
        ) and all(t.text not in self.org_words for t in doc[longest.start : longest.end])

    @staticmethod
    def _longest_text(doc: Doc, c: _Chain) -> str:
        """Return the longest mention text (not from a capitals line when there is another)."""
        strong = [m for m in c.mentions if not m.weak] or c.mentions
        best = max(
            strong,
            key=lambda m: (m.end - m.start, doc[m.end - 1].idx + len(doc[m.end - 1]) - doc[m.start].idx),
        )
        return _SPACES.sub(" ", doc[best.start : best.end].text)

    def _write(self, doc: Doc, chains: list[_Chain], text: str) -> list[tuple[Entity, _Chain]]:
        """Create the entities in order of first mention; return each with its chain."""
        written: list[tuple[Entity, _Chain]] = []
        chains.sort(key=lambda c: c.first)
        for c in chains:
            type_ = self._type(doc, c)
            name = c.canonical or self._longest_text(doc, c)
            entity = new_entity(doc, name, _entity_type(type_))
            offsets = []
            aliases: list[str] = []
            for m in sorted(c.mentions, key=lambda m: m.start):
                span = doc[m.start : m.end]
                offsets.append((span.start_char, span.end_char))
                alias = _SPACES.sub(" ", span.text)
                if alias != name and alias not in aliases:
                    aliases.append(alias)
            add_mentions(doc, entity, offsets, "name", text=text)
            entity.aliases = aliases
            written.append((entity, c))
        return written

    # ------------------------------------------------------------------ 4. roles and affiliations

    def _roles(self, doc: Doc, written: list[tuple[Entity, _Chain]]) -> None:
        """Give each person the roles and the affiliation its mentions' contexts state."""
        for entity, chain in written:
            if entity.type != "PERSON":
                continue
            for m in chain.mentions:
                if m.weak:
                    continue
                for role, aff in self._mention_roles(doc, m, entity):
                    role = _SPACES.sub(" ", role).strip()
                    if role and role.casefold() not in {r.casefold() for r in entity.roles}:
                        entity.roles.append(role)
                    if aff is not None and entity.affiliation is None and aff.id != entity.id:
                        entity.affiliation = aff.id

    def _mention_roles(self, doc: Doc, m: _Mention, entity: Entity) -> list[tuple[str, Entity | None]]:
        """Return (role, affiliation) pairs stated around one mention of a person."""
        out: list[tuple[str, Entity | None]] = []
        start = m.start
        title_text = None
        if m.titles:
            a, b = m.titles[0]
            title_text = doc[a:b].text
            start = a
        left = self._left_run(doc, start)
        if left is not None:
            a, b = left
            role = doc[a : (m.titles[0][1] if m.titles else b)].text
            out.append((role, self._owner_before(doc, a)))
        elif title_text:
            out.append((title_text, self._owner_before(doc, start)))
        else:
            owner = self._owner_before(doc, start)
            if owner is not None and doc[start - 1].text in _POSSESSIVES:
                out.append(("", owner))
        out.extend(self._appositions(doc, m))
        owner = self._postmodifier(doc, m)
        if owner is not None:
            out.append(("", owner))
        return out

    def _postmodifier(self, doc: Doc, m: _Mention) -> Entity | None:
        """The organisation in "Ahmed Ali of the Interior Ministry" / "… of the interior ministry"."""
        if m.end >= len(doc) or doc[m.end].lower_ not in {"of", "from", "at", "with"}:
            return None
        prep = doc[m.end]
        if prep.head.i < m.start or prep.head.i >= m.end:
            return None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        found = entity_at_token(doc, obj.i)
        if found is not None:
            return found if found.type in {"ORG", "GPE"} else None
        if obj.is_lower and obj.pos_ in {"NOUN", "PROPN"} and obj.lower_ in self.org_nouns:
            # an unnamed organisation: "the foreign ministry", "the state oil company"
            first = obj.left_edge.i
            while first < obj.i and (doc[first].lower_ in _DETERMINERS or doc[first].pos_ == "DET"):
                first += 1
            if any(entity_at_token(doc, k) is not None for k in range(first, obj.i + 1)):
                return None
            span = doc[first : obj.i + 1]
            entity = new_entity(doc, span.text, "ORG")
            add_mentions(doc, entity, [(span.start_char, span.end_char)], "description")
            return entity
        return None

    def _left_run(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """Return the title words right before a name ("counterterrorism envoy", "Supreme Leader")."""
        i = start - 1
        if i < 0 or not self._is_role_word(doc[i]) or not self._in_titles(doc[i]):
            return None
        end = start
        while i >= 0 and start - i <= _MAX_LEFT_RUN:
            tok = doc[i]
            if tok.is_space or "\n" in tok.whitespace_:
                break
            if self._is_role_word(tok) and (
                i == start - 1 or self._is_title(tok) or not doc[i + 1].is_title
            ):  # "counterterrorism envoy", but not "news conference Dr."
                i -= 1
                continue
            if tok.text == "-" and tok.whitespace_ == "" and i > 0 and doc[i - 1].whitespace_ == "":
                i -= 1
                continue
            if tok.lower_ == "of" and i > 0 and self._in_titles(doc[i - 1]):
                i -= 1  # "Minister of Justice"
                continue
            break
        first = i + 1
        while first < end and doc[first].lower_ in _DETERMINERS:
            first += 1
        return (first, end) if first < end else None

    def _is_role_word(self, tok: Token) -> bool:
        """Whether a token may sit in a role before a name (not a name or an honorific)."""
        if tok.lower_ in self.honorifics or entity_at_token(tok.doc, tok.i) is not None:
            return False
        low = tok.lower_
        if low in self.title_words or low.rstrip(".") in self.title_words:
            return True
        return tok.is_lower and tok.pos_ in {"NOUN", "ADJ", "PROPN"}

    @staticmethod
    def _owner_before(doc: Doc, i: int) -> Entity | None:
        """The organisation or country owning a role: "Qatar’s …", "Taliban leader …"."""
        j = i - 1
        if j >= 0 and doc[j].text in _POSSESSIVES:
            j -= 1
        if j < 0:
            return None
        owner = entity_at_token(doc, j)
        if owner is not None and owner.type in _AFFILIATION_LABELS:
            return owner
        return None

    def _appositions(self, doc: Doc, m: _Mention) -> list[tuple[str, Entity | None]]:
        """Roles from an apposition after the name or a title noun the name is in apposition to."""
        span = doc[m.start : m.end]
        root = span.root
        out: list[tuple[str, Entity | None]] = []
        for child in root.children:
            if child.dep_ == "appos" and child.i >= m.end and self._is_title_noun(child):
                out.append(self._role_phrase(doc, child, exclude=(m.start, m.end)))
        head = root.head
        if root.dep_ == "appos" and head.i < m.start and self._is_title_noun(head):
            out.append(self._role_phrase(doc, head, exclude=(m.start, m.end)))
        elif head.dep_ == "appos" and head.head.i == root.i and self._is_title_noun(head):
            pass  # already found as a child
        return [r for r in out if r[0]]

    def _in_titles(self, tok: Token) -> bool:
        """Whether a token is a title noun (by its form or lemma)."""
        low = tok.lower_
        return low in self.titles or low.rstrip(".") in self.titles or tok.lemma_.lower() in self.titles

    def _is_title_noun(self, tok: Token) -> bool:
        """Whether a token is a noun that names a title or a role."""
        return tok.pos_ in {"NOUN", "PROPN"} and self._in_titles(tok)

    def _role_phrase(self, doc: Doc, head: Token, exclude: tuple[int, int]) -> tuple[str, Entity | None]:
        """Return the role text headed by `head` and the organisation it names, if any."""
        left = head.left_edge.i
        right = head.i + 1
        # the title's own of/for/at phrase: "head of the High Council for National Reconciliation"
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "to", "with", "in"}:
                right = max(right, child.right_edge.i + 1)
        if exclude[0] < right <= exclude[1] or left <= exclude[0] < right:
            right = min(right, exclude[0])
        right = min(right, left + _MAX_ROLE_TOKENS)
        # stop before a clause or a comma
        for k in range(head.i + 1, right):
            if doc[k].text in {",", ";", "(", "—", "–"} or doc[k].tag_ in {"WDT", "WP", "WP$"}:
                right = k
                break
        while left < head.i and (
            doc[left].lower_ in _DETERMINERS or doc[left].lower_ in _POSSESSIVE_PRONOUNS or doc[left].is_punct
        ):
            left += 1
        while right > head.i + 1 and (doc[right - 1].pos_ in _LOOSE_ENDS or doc[right - 1].is_punct):
            right -= 1  # "… regional office of" cut short
        affiliation: Entity | None = None
        # an owner before a possessive: "the country's interior minister", "Qatar’s envoy"
        for k in range(head.i - 1, left - 1, -1):
            if doc[k].text in _POSSESSIVES and doc[k].tag_ == "POS":
                owner = entity_at_token(doc, k - 1) if k > 0 else None
                if owner is not None and owner.type in _AFFILIATION_LABELS:
                    affiliation = owner
                left = k + 1
                break
        # a leading owner: "the Airbus chief executive"
        k = left
        owner = entity_at_token(doc, k)
        if affiliation is None and owner is not None and owner.type in _AFFILIATION_LABELS:
            while k < head.i and entity_at_token(doc, k) is owner:
                k += 1
            if k < head.i and doc[k].text in _POSSESSIVES:
                k += 1
            affiliation = owner
            left = k
        if affiliation is None:
            named = [
                e
                for e in (entity_at_token(doc, k) for k in range(left, right))
                if e is not None and e.type in _AFFILIATION_LABELS
            ]
            # an organisation before a country or a city ("director of the Berlin-based … Center")
            affiliation = next((e for e in named if e.type == "ORG"), named[0] if named else None)
        if left >= right:
            return "", affiliation
        return doc[left:right].text, affiliation


def _merge(into: _Chain, other: _Chain) -> None:
    """Move `other`'s mentions into `into`, keeping a table name and type either had."""
    into.mentions.extend(other.mentions)
    other.mentions = []
    if into.canonical is None:
        into.canonical = other.canonical
    if into.forced_type is None:
        into.forced_type = other.forced_type


def _name_words(key: str) -> tuple[str, ...]:
    """Split a name key into words at spaces and hyphens ("omar al-bashir" → omar, al, bashir)."""
    return tuple(w for w in re.split(r"[\s\-‐–]+", key) if w)


def _starts_sentence(tok: Token) -> bool:
    """Whether a token opens a sentence or a line (possibly after a quotation mark)."""
    i = tok.i
    doc = tok.doc
    while i > 0 and doc[i - 1].is_quote:
        i -= 1
    return i == 0 or doc[i].is_sent_start is True or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_


def _glued_hyphen_after(doc: Doc, i: int, end: int) -> bool:
    """Whether token `i` is joined to the next word by a hyphen without spaces ("al-Qahtani")."""
    return (
        i + 2 < end and doc[i + 1].text == "-" and doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == ""
    )


def _taken(mentions: Iterable[_Mention]) -> set[int]:
    """Return the token indices the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


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


def _nearest(short: _Chain, targets: list[_Chain]) -> _Chain:
    """The candidate mentioned last before the short name; else the first one after it."""
    pos = short.first
    before = [(max(m.start for m in t.mentions if m.start < pos), t) for t in targets if t.first < pos]
    if before:
        return max(before, key=lambda x: x[0])[1]
    return min(targets, key=lambda t: t.first)


def _entity_type(label: str) -> EntityType:
    """Map a spaCy label to the Analysis entity type (unknown labels become ORG)."""
    allowed: dict[str, EntityType] = {
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
    }
    return allowed.get(label, "ORG")


@Language.factory(
    "newsgraph_entities",
    assigns=["doc._.newsgraph_entities", "doc._.newsgraph_entity_by_token"],
    requires=["doc.ents", "token.pos", "token.dep", "token.tag"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntityResolver:
    """Create the entities component (`newsgraph_entities`)."""
    set_extensions()
    return EntityResolver(nlp)
