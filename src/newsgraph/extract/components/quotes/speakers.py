"""Who a quote's speaker mention is: the cue's subject, the agent, a neighbour of the cue.

Speakers are the cue verb's subject (in either order, through "who said", "…, saying …"), the
object of "according to", with the mention span on the person's name when the subject phrase
carries one. An agentless passive ("is believed to …", "was told that …") and a raising verb with
a thing as subject ("the talks appear to …") report an unnamed source: no speaker. This module
finds the mention only; `resolve` turns it into an entity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.quotes.context import Context, Draft
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.models import EntityType

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_SPEAKER_KEEP_DEPS = frozenset(
    {
        "compound",
        "flat",
        "prep",
        "pobj",
        "poss",
        "amod",
        "nummod",
        "appos",
        "nmod",
        "case",
        "det",
        "cc",
        "conj",
    }
)
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_ADDRESSEE_DEPS = frozenset({"dobj", "dative"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", ""})
_OBJECT_DEPS = frozenset({"pobj"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis"})
_NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_NOT_SPEAKERS = frozenset({"that", "which", "this", "there", "what", "whatever"})
_PRONOUN_TAGS = frozenset({"PRP"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us", "it"})
NAME_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "FAC",
    "LOC": "LOC",
    "WORK_OF_ART": "WORK_OF_ART",
    "PRODUCT": "PRODUCT",
    "LAW": "LAW",
    "EVENT": "EVENT",
}


def set_speaker(lex: QuoteLexicon, doc: Doc, q: Draft, cue: Token, ctx: Context) -> None:
    """Set the quote's speaker mention from its cue: subject, agent or neighbour; none when unnamed."""
    outer = ctx.coordinated.get(cue.i)
    if outer is not None and outer.i != cue.i:
        # "X said … and noted that …": the coordinated cue is X's (the parse hung it on the content)
        cue = outer
    subj = _subject(cue)
    if subj is not None and (subj.pos_ in {"VERB", "AUX"} or ctx.in_quote(subj.idx)):
        subj = None  # "Reporting from Doha, X said": a participle is no speaker
    if (
        subj is not None
        and cue.lemma_.lower() in lex.raising
        and subj.pos_ == "NOUN"
        and not subj.ent_type_
        and subj.lemma_.lower() not in lex.person_nouns | lex.org_nouns
    ):
        # "the talks appear to have stalled": a thing appearing so is no source
        subj = None
        q.unnamed_source = True
    elif subj is None and _agentless_passive(cue):
        # "the group is believed to control …", "Obama is expected to join …": the passive's
        # subject is what is reported on, not the source, which the text does not name
        q.unnamed_source = True
    elif subj is None:
        subj = _adjacent_speaker(cue, ctx, cue.lemma_.lower() in lex.addressed)
    if subj is not None:
        speaker_from_token(doc, ctx, q, subj)


def speaker_from_token(doc: Doc, ctx: Context, q: Draft, subj: Token) -> None:
    """Set the quote's speaker mention from the subject token (name, pronoun or description)."""
    if subj.ent_type_ in _NOT_SPEAKER_LABELS or _is_dateline(subj):
        return  # "1:50 p.m. — …", "LONDON —": a timestamp or a dateline, not a speaker
    antecedent = _antecedent(subj)
    if antecedent is not None:
        q.speaker = (subj.i, subj.i + 1)
        q.speaker_kind = "relative"
        q.antecedent = antecedent.i
        return
    if not _capitals(subj) and (
        subj.tag_ in _PRONOUN_TAGS or subj.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
    ):
        q.speaker = (subj.i, subj.i + 1)
        q.speaker_kind = "pronoun"
        return
    lo, hi = _speaker_span(subj)
    name = name_in(ctx, lo, hi, subj)
    if name is not None:
        q.speaker = (name.start, name.end)
        q.speaker_kind = "name"
        q.speaker_label = name.label_
        return
    if subj.pos_ == "PROPN" or _capitals(subj):
        q.speaker = (lo, hi)
        q.speaker_kind = "name"
        q.speaker_label = "ORG"
        return
    q.speaker = (lo, hi)
    q.speaker_kind = "description"


def antecedent_from_token(doc: Doc, ctx: Context, q: Draft, subj: Token) -> None:
    """Set the mention a pronoun speaker stands for from its antecedent, the subject `subj`.

    As `speaker_from_token`, but a name elsewhere in the phrase is no antecedent: "Donald Trump's
    supporters … they" are the supporters, a description; and a proper name spaCy did not mark
    ends at its head word: "the Autonomous Administration in north Syria … it" is the
    Administration, not Syria.
    """
    speaker_from_token(doc, ctx, q, subj)
    if q.speaker is None or q.speaker_kind != "name":
        return
    s, e = q.speaker
    if not s <= subj.i < e:
        q.speaker = _speaker_span(subj)
        q.speaker_kind = "description"
        q.speaker_label = None
    elif not any(ent.start == s and ent.end == e for ent in ctx.ents_in(s, e)):
        q.speaker = (s, subj.i + 1)


def _agentless_passive(cue: Token) -> bool:
    """Whether the cue is a passive without a 'by' agent ("is believed to", "was told that")."""
    deps = {c.dep_ for c in cue.children}
    return "nsubjpass" in deps and "agent" not in deps


def _subject(cue: Token) -> Token | None:
    """The subject of a cue, climbing through 'saying', 'and said', 'likely to say', 'his criticism of'.

    A relative pronoun subject ("who said") is returned as it is: it is the speaker's mention in
    this frame; `_antecedent` finds the noun it stands for.
    """
    v = cue
    for _ in range(5):
        for child in v.children:
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj  # "was accused by X": the agent speaks
        for child in v.children:
            if child.dep_ in SUBJ_DEPS:
                if child.dep_ == "nsubjpass" and v is cue:
                    return None  # "Clinton was asked …": the passive subject is not the speaker
                if child.lower_ in _NOT_SPEAKERS and not (child.lower_ in _RELATIVE and v.dep_ == "relcl"):
                    return None
                return child
            if child.dep_ == "poss" and v.pos_ == "NOUN":
                return child
        if v.dep_ in {"relcl", "acl"} and v.head.pos_ in {"PROPN", "PRON"}:
            return v.head
        if v.head is v or v.dep_ in {"ccomp", "ROOT", "parataxis", "relcl"}:
            break
        v = v.head
    return None


def _adjacent_speaker(cue: Token, ctx: Context | None, addressed: bool = False) -> Token | None:
    """The noun right before the cue ("… X said:") or right after it ("said X"), or the subject of
    a clause hanging on the cue ("…,” she explained, added that …"). After a verb whose object is its
    hearer (`QuoteLexicon.addressed`), that object is no speaker ("…,” Ramos, 58, told AFP")."""
    for child in cue.children:
        if child.dep_ in {"parataxis", "conj"} and child.i < cue.i:
            for grand in child.children:
                if grand.dep_ in SUBJ_DEPS and grand.pos_ in {"PRON", "PROPN", "NOUN"}:
                    return grand
    doc = cue.doc
    for step in (-1, 1):
        i = cue.i + step
        while (
            0 <= i < len(doc)
            and (doc[i].pos_ in {"ADV", "AUX", "PART"} or doc[i].dep_ in {"aux", "neg"})
            and not (doc[i].is_title and doc[i].is_alpha)
        ):
            i += step
        if step == -1 and 0 <= i < len(doc) and doc[i].text == ")":
            # "Sen. Elizabeth Warren (D-MA) said": step over the parenthesis
            k = i - 1
            while k > max(0, i - 8) and doc[k].text != "(":
                k -= 1
            if doc[k].text == "(":
                i = k - 1
        elif (
            step == -1
            and 0 <= i < len(doc)
            and doc[i].text == ","
            and i > 0
            and doc[i - 1].ent_type_ == "PERSON"
        ):
            i -= 1  # "her adviser, Jake Sullivan, said:"
        elif step == -1 and 0 <= i < len(doc) and doc[i].text == ",":
            i = _before_apposition(doc, i)  # "…,” Ramos, 58, told AFP"
        if not 0 <= i < len(doc):
            continue
        tok = doc[i]
        name_like = tok.is_alpha and tok.is_title and not tok.is_sent_start
        if (tok.pos_ in {"PROPN", "NOUN", "PRON"} or name_like) and not (
            ctx is not None and ctx.in_quote(tok.idx)
        ):
            if tok.lower_ in _NOT_SPEAKERS:
                return None
            if step == 1 and addressed and _addressee(tok, cue):
                continue  # "…,” Ramos, 58, told AFP": whom one tells is no speaker
            if step == 1 and tok.dep_ == "compound":
                head = tok.head
                if head.i > tok.i and head.pos_ in {"PROPN", "NOUN"}:
                    return head
            return tok
    return None


def _before_apposition(doc: Doc, comma: int) -> int:
    """The noun an apposition closed by this comma belongs to ("Ramos, 58,", "Lewal, an Afghan writer,"),
    else the comma itself."""
    if comma == 0:
        return comma
    tok = doc[comma - 1]
    for _ in range(8):
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            head = tok.head
            # a speaker, not a place and its state ("retired in Cambridge, Mass.,"), a people, nor the
            # object of a preposition ("In a message to Clinton, Tanden, head of …,": the parse hangs
            # Tanden on Clinton)
            if (
                head.pos_ in ("PROPN", "NOUN")
                and head.ent_type_ in _SPEAKER_LABELS
                and head.dep_ not in _OBJECT_DEPS
            ):
                return head.i
            break
        if tok.head.i == tok.i or tok.head.i >= comma or tok.dep_ in _CLAUSE_DEPS:
            break  # an apposition is a noun phrase: "the CEO of GM, which filed … today," is no way back
        tok = tok.head
    return comma


def _addressee(tok: Token, cue: Token) -> bool:
    """Whether a noun after the cue is its object, or a word of it: whom it is told to ("told AFP", "told
    CBS News"), not who says it, who stands after the cue as its subject ("said Jim Press")."""
    obj = tok.head if tok.dep_ == "compound" else tok
    return obj.head.i == cue.i and obj.dep_ in _ADDRESSEE_DEPS


def _is_dateline(tok: Token) -> bool:
    """An upper-case place name opening a paragraph ("CLEVELAND —", "NEW YORK (AP) —")."""
    if not (tok.is_upper and len(tok.text) > 2 and tok.is_alpha):
        return False
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha:
        i -= 1
    return i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("Jeb Bush, who announced …" -> Bush)."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and not _capitals(tok):
        return tok.head.head
    return None


def _capitals(tok: Token) -> bool:
    """Whether a word is written in capitals, an acronym rather than a pronoun ("WHO", "US")."""
    return len(tok.text) > 1 and tok.text.isupper()


def _speaker_span(subj: Token) -> tuple[int, int]:
    """The token range of the subject's noun phrase, without relative clauses and trailing commas."""
    lo = subj.left_edge.i
    hi = subj.i + 1
    for child in subj.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ in _SPEAKER_KEEP_DEPS:
            hi = max(hi, child.right_edge.i + 1)
        else:
            break
    doc = subj.doc
    for i in range(subj.i + 1, hi):
        if doc[i].text in {",", "(", "—", "–"} and doc[i + 1 : hi].text and i > subj.i:
            # keep an appositive name ("envoy, Mutlaq al-Qahtani") but not a clause after a comma
            nxt = doc[i + 1] if i + 1 < hi else None
            if nxt is None or nxt.ent_type_ != "PERSON":
                hi = i
                break
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    while lo < hi - 1 and doc[lo].is_punct:
        lo += 1
    return lo, hi


def name_in(ctx: Context, lo: int, hi: int, head: Token) -> Span | None:
    """The name in a speaker phrase: a person's name first, else the organisation it heads."""
    ents = ctx.ents_in(lo, hi)
    if not ents:
        return None
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons:
        for e in persons:
            if e.start <= head.i < e.end:
                return e
        return persons[-1]
    for e in ents:
        if e.start <= head.i < e.end and e.label_ in NAME_LABELS:
            return e
    return None
