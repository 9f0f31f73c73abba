"""What a speaker pronoun can stand for: the subject before it that agrees, and the person's sex.

"it" and "they" stand for the nearest subject before them that agrees with them and can speak:
earlier in the same sentence ("Nasdaq says …; it noted"), else in the sentence before, its source
("according to sources. They said …") or its subjects, main clause first ("The agency counted the
cases. It said …"), rather than for the last body quoted further back. Only the subject of a
finite clause counts. "it" is one body, country or text, never a person or a plural; "they" a
plural or a coordination of people or bodies, or the whole a part is of ("79 percent of Democrats
said they …"). The same pronoun as subject before ("It said … It added") goes on with the speaker
the last quote had, as does a pronoun with no such subject near it; for "it" the last speaker
that is no plural of people.

"he" and "she" never stand for a person the text marks as of the other sex: a courtesy title just
before the name ("Mr. Lee", "Ms. Lee") or a word of a role it gives ("the committee's
chairwoman").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.extract.components.quotes.context import Context
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.components.quotes.speakers import SUBJ_DEPS
from newsgraph.extract.extensions import entity_in_tokens
from newsgraph.models import Entity

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_TYPES = frozenset({"GROUP", "NORP"})
"""Entity types naming people in the plural ("officials", "Republicans"): never what "it" stands for."""
_BODY_LABELS = frozenset({"ORG", "GPE"})  # entity types "it" can stand for as a speaker
_PLURAL_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "GROUP"})  # and "they"
_SUBJECT_PRONOUNS = frozenset({"it", "they"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
_AUX_DEPS = frozenset({"aux", "auxpass"})
_PRONOUN_SEX = {"he": "male", "him": "male", "she": "female", "her": "female"}
_WORD_BEFORE_RE = re.compile(r"(\w+\.?)\s+$")
_TITLE_WINDOW = 12  # characters before a name searched for its courtesy title ("Mrs. ")


def subject_antecedent(lex: QuoteLexicon, ctx: Context, pron: Token) -> Token | None:
    """The subject an "it" or "they" speaker stands for; None when the last speaker carries it."""
    word = pron.lower_
    if word not in _SUBJECT_PRONOUNS:
        return None
    for cand in _subjects_before(ctx, pron):
        if cand.lower_ == word:
            return None  # "It said … It added": the chain of the last speaker
        if word == "they":
            cand = _whole(lex, cand) or cand
        if _agrees(lex, cand, word):
            return cand
    return None


def _subjects_before(ctx: Context, pron: Token) -> list[Token]:
    """Sources and subjects outside quotation marks: this sentence's before the pronoun, nearest
    first, then the previous sentence's, its "according to" source first, then its subjects, main
    clause first."""
    doc = pron.doc
    lo, _ = ctx.sentence_tokens(pron.i)
    same = [t for t in reversed(doc[lo : pron.i]) if finite_subject(t) or _is_source(t)]
    before: list[Token] = []
    if lo > 0:
        plo, phi = ctx.sentence_tokens(lo - 1)
        before = [t for t in doc[plo:phi] if _is_source(t)]
        before += sorted((t for t in doc[plo:phi] if finite_subject(t)), key=lambda t: (clause_depth(t), t.i))
    return [t for t in same + before if not ctx.in_quote(t.idx)]


def finite_subject(tok: Token) -> bool:
    """The subject of a finite clause ("the agency said", "it was told"), not of a participle or
    a bare infinitive ("Republicans aiming to …", "help candidates identify …")."""
    if tok.dep_ not in SUBJ_DEPS:
        return False
    verb = tok.head
    if any(c.dep_ in _AUX_DEPS and c.tag_ in _FINITE_TAGS for c in verb.children):
        return True
    return verb.tag_ not in _NONFINITE_TAGS  # a mis-tagged finite verb ("shares" as NNS) counts


def _is_source(tok: Token) -> bool:
    """The object of "according to", the source a sentence gives."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.i > 0
        and prep.doc[prep.i - 1].lower_ == "according"
    )


def _whole(lex: QuoteLexicon, tok: Token) -> Token | None:
    """The whole a part or a number is of: "79 percent of *Democrats*", "most of the *voters*"."""
    if not (tok.like_num or tok.lower_ in lex.partitives):
        return None
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def clause_depth(tok: Token) -> int:
    """How many heads up a token is from its sentence's root: 1 for the main clause's subject."""
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def _agrees(lex: QuoteLexicon, tok: Token, word: str) -> bool:
    """Whether a subject agrees with "it" or "they" in number and can be a speaker."""
    if tok.pos_ == "PRON":
        return False
    entity = entity_in_tokens(tok.doc, tok.i, tok.i + 1)
    label = entity.type if entity is not None else tok.ent_type_  # the entities component's type first
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in tok.children)
    if word == "it":
        if label == "PERSON":
            return False
        if tok.pos_ == "PROPN" and (label in _BODY_LABELS or tok.ent_type_ in _BODY_LABELS):
            return True  # a body's name is one body: "the United States", "Reporters Without Borders"
        if plural:
            return False
        if label:
            return label in _BODY_LABELS
        return lemma in lex.org_nouns or lemma in lex.document_nouns
    if not plural:
        return False
    return label in _PLURAL_LABELS or lemma in lex.person_nouns or lemma in lex.org_nouns


def sex_agrees(lex: QuoteLexicon, text: str, entity: Entity, pronoun: str) -> bool:
    """False only when "he"/"she" stands for a person the text marks as of the other sex."""
    want = _PRONOUN_SEX.get(pronoun)
    if want is None:
        return True
    sex = _sex_of(lex, text, entity)
    return sex is None or sex == want


def _sex_of(lex: QuoteLexicon, text: str, entity: Entity) -> str | None:
    """ "male" or "female" when the text marks the person so, and only so; else None."""
    words: set[str] = set()
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        found = _WORD_BEFORE_RE.search(text[max(0, mention.start - _TITLE_WINDOW) : mention.start])
        if found is not None:
            words.add(found.group(1).lower())
        words.update(text[mention.start : mention.end].lower().split()[:1])
    for role in entity.roles:
        words.update(role.lower().split())
    marks = {"male"} if words & lex.male_words else set()
    if words & lex.female_words:
        marks.add("female")
    return marks.pop() if len(marks) == 1 else None
