"""Indirect quotes: the content dependent of a cue and where it ends.

The content is the cue's dependent of the relation its pattern row names (`quote_patterns.json`:
a `ccomp` clause, an object, a prepositional object), or the clause an "according to X" phrase
hangs on. A content ends where the reporter's words begin (`content_spans`): before a verb
coordinated with it that is a cue of its own ("said the plan was fair and *noted* that …" — a
second quote of the same speaker) and before a trailing relative clause after a comma (", *who*
was …"); an object content takes the cue's complements that follow it ("mocked the governor *for
cutting* …"), up to a time, a place or a clause of time or concession.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.quotes.context import Construction, Context, Draft, tok_end
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.components.quotes.speakers import SUBJ_DEPS, set_speaker, speaker_from_token

_TRIM_LEFT = frozenset({"that", ",", ":", ";", "—", "–", "-", "and", "but"})
_CONTENT_SKIP_DEPS = frozenset({"punct"})
FINITE_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_CUT_PUNCT = frozenset({",", ";", "—", "–", "-", "--"})
_BARE_PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "DT"})  # "it", "what", "which", "this"
_MAX_CUT_DEPTH = 40  # a content's right edge is walked this deep at most


def clause_quote(lex: QuoteLexicon, doc: Doc, ctx: Context, cue: Token) -> Draft | None:
    """An indirect quote: the cue's content dependent (clause, object, prepositional object)."""
    content, span = _content_span(lex, doc, ctx, cue)
    if span is None:
        return None
    start, end = span
    # the content stays in the cue's paragraph (the parse may run a clause over a line break)
    para_lo, para_hi = ctx.para_bounds_tokens(ctx.para_of(cue.idx))
    start, end = max(start, para_lo), min(end, para_hi)
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    if end - start < 1 or (end - start < 2 and not doc[start].is_alpha):
        return None
    q = Draft(frags=[(doc[start].idx, tok_end(doc[end - 1]))], cue=cue, cue_lemma=cue.lemma_.lower())
    q.para = ctx.para_of(cue.idx)
    q.content = construction(content)
    set_speaker(lex, doc, q, cue, ctx)
    if q.unnamed_source and q.content == "inf":
        subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS and c.i < cue.i), None)
        lo = max(para_lo, ctx.sentence_tokens(cue.i)[0])
        if subj is not None and lo <= subj.left_edge.i and subj.left_edge.idx < q.frags[0][0]:
            # "the number is expected to rise": what is reported is the whole proposition
            q.frags = [(subj.left_edge.idx, q.frags[0][1])]
    return q


def _content_span(
    lex: QuoteLexicon, doc: Doc, ctx: Context, cue: Token
) -> tuple[Token | None, tuple[int, int] | None]:
    """The cue's content dependent and the token range of the content it heads."""
    lemma = cue.lemma_.lower()
    rels = lex.patterns.get((lemma, cue.pos_))
    found = _content_child(cue, rels) if rels else None
    if found is not None and (lemma, cue.pos_, found[1]) in lex.quoted_only:
        child = found[0]
        if not ctx.mostly_quoted(child.left_edge.idx, tok_end(child.right_edge)):
            rels = lex.unquoted_patterns.get((lemma, cue.pos_))
            found = _content_child(cue, rels) if rels else None
    content = found[0] if found is not None else None
    if (
        content is not None
        and content.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in lex.adverbial_marks for c in content.children)
    ):
        content = None  # "…, as the talks stalled": a clause of time or concession, not content
    if content is not None and not _speech_content(lex, ctx, cue, content):
        content = None
    if content is None:
        return None, _that_clause(cue, ctx) if lemma in lex.verbs and cue.pos_ == "VERB" else None
    right = content.right_edge.i + 1
    cut = _content_cut(lex, content, cue) if lex.span_cuts else None
    if cut is not None:
        right = cut[0]
        if cut[1] is not None:
            ctx.coordinated[cut[1].i] = cue
    elif content.dep_ in {"dobj", "pobj"} and lex.object_extend:
        right = _object_end(lex, content, cue, right)
    span = _trim(doc, content.left_edge.i, right, cue.i)
    if span is not None and span[1] - span[0] == 1 and doc[span[0]].tag_ in _BARE_PRONOUN_TAGS:
        return content, None  # "asked what", "opposed it": the content is elsewhere, not a proposition
    if span is not None and content.dep_ in {"pobj", "pcomp"} and span[1] - span[0] < lex.min_words:
        # "slammed the opponents for “wasting time”": the object belongs to the content
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < content.i), None)
        if obj is not None:
            span = (obj.left_edge.i, span[1])
    return content, span


def _speech_content(lex: QuoteLexicon, ctx: Context, cue: Token, content: Token) -> bool:
    """Whether a content dependent can be reported speech given its cue's class and its form.

    A verb of doing ("introduced the iPhone", "recalled the eggs", "the truce allowed them to
    launch …") reports speech only through a quotation in marks; a content before its cue ("…, X
    said") only a verb of saying or thinking (`verbs`) can take.
    """
    lemma = cue.lemma_.lower()
    if lemma not in lex.not_speech and (content.i > cue.i or lemma in lex.verbs):
        return True
    return ctx.mostly_quoted(content.left_edge.idx, tok_end(content.right_edge))


def _object_end(lex: QuoteLexicon, content: Token, cue: Token, right: int) -> int:
    """Extend an object content over the cue's complements right after it.

    The parse often hangs what completes an object on the cue itself: "mocked Rubio *for not
    having won*", "called for the minister *to resign*", "announced steps *to tighten* …". The
    cue's dependents of `object_extend` relations that follow the content without a gap (no
    comma, no conjunction) join it.
    """
    anchor = content if content.dep_ == "dobj" else content.head
    for child in cue.rights:
        if child.i <= anchor.i:
            continue
        if child.left_edge.i != right or child.dep_ not in lex.object_extend:
            break
        if child.dep_ == "prep" and (
            child.lower_ in lex.extend_skip_preps
            or any(c.dep_ == "pobj" and c.ent_type_ in _TIME_LABELS for c in child.children)
        ):
            break  # "… on Wednesday", "… during a debate": when or where, not what
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.adverbial_marks for c in child.children
        ):
            break  # "… while calling for …": a clause of time or concession, not the object's
        stop = _adverbial_on_spine(lex, child)
        if stop is not None:
            return max(right, _cut_start(stop))
        right = child.right_edge.i + 1
    return right


def _adverbial_on_spine(lex: QuoteLexicon, top: Token) -> Token | None:
    """A clause of time or concession ending `top`'s subtree ("as X while calling …"), if any."""
    node = top
    for _ in range(_MAX_CUT_DEPTH):
        last = None
        for right in node.rights:
            last = right
        if last is None:
            return None
        if last.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.adverbial_marks for c in last.children
        ):
            return last
        node = last
    return None


def _content_cut(lex: QuoteLexicon, content: Token, cue: Token) -> tuple[int, Token | None] | None:
    """Where a content clause ends before its subtree does, walking down its right edge.

    The parse hangs on the content what the reporter adds after it: a verb coordinated with
    the content's verb that is a cue of its own ("said the plan was fair *and noted that* …",
    a new quote of the same speaker, returned as the second item), a non-restrictive relative
    clause or an appositive after a comma or dash (", *who* was …", "— *a* play on words"), a
    participle clause after a comma (", *calling* them …") and a clause of time or contrast
    (`advcl_marks`: "… *after* prosecutors determined"). Returns the first token left out.
    """
    cuts = lex.span_cuts
    end = content.right_edge.i
    node = content
    for _ in range(_MAX_CUT_DEPTH):
        # only the dependent that ends the content can be cut off ("praising X, who quit, as
        # “…”" keeps the relative clause): the last one of each node on the right edge
        child = None
        for right in node.rights:
            if right.dep_ not in _CONTENT_SKIP_DEPS:
                child = right
        if child is None or child.right_edge.i != end:
            return None
        left = child.left_edge.i
        comma = left > 0 and child.doc[left - 1].text in _CUT_PUNCT
        dep = child.dep_
        if dep == "conj" and "coord" in cuts and child.pos_ in {"VERB", "AUX"}:
            if child.lemma_.lower() in lex.cue_lemmas and not any(
                c.dep_ in FINITE_SUBJ_DEPS for c in child.children
            ):
                return _cut_start(child), child if node is content else None
        elif dep == "advcl" and comma and child.tag_ == "VBG" and "participle" in cuts:
            # "…, calling them …": the speaker's own words again when the participle is a cue
            speaker_cue = node is content and child.lemma_.lower() in lex.cue_lemmas
            return _cut_start(child), child if speaker_cue else None
        elif (
            (dep == "relcl" and comma and "relcl" in cuts)
            or (dep == "appos" and comma and "appos" in cuts)
            or (
                dep == "advcl"
                and "advcl" in cuts
                and any(c.dep_ == "mark" and c.lower_ in lex.span_advcl_marks for c in child.children)
            )
        ):
            return _cut_start(child), None
        node = child
    return None


def according_quote(doc: Doc, ctx: Context, tok: Token) -> Draft | None:
    """'according to X, …': the clause the phrase is attached to, X the speaker."""
    to = tok.nbor(1) if tok.i + 1 < len(doc) else None
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    head = tok.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    if head is tok:
        return None
    sent_start, sent_end = ctx.sentence_tokens(tok.i)
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    lo, hi = max(lo, sent_start), min(hi, sent_end)
    ex_lo, ex_hi = tok.left_edge.i, tok.right_edge.i + 1
    pieces = []
    if ex_lo > lo:
        pieces.append((lo, ex_lo))
    if hi > ex_hi:
        pieces.append((ex_hi, hi))
    frags = []
    for a, b in pieces:
        trimmed = _trim(doc, a, b, None)
        if trimmed is not None and trimmed[1] - trimmed[0] >= 2:
            frags.append(trimmed)
    if not frags:
        return None
    a, b = max(frags, key=lambda f: f[1] - f[0])
    q = Draft(frags=[(doc[a].idx, tok_end(doc[b - 1]))], cue=tok, cue_lemma="according to")
    q.para = ctx.para_of(tok.idx)
    speaker_from_token(doc, ctx, q, source)
    return q


def _content_child(cue: Token, rels: list[tuple[str, float]]) -> tuple[Token, str] | None:
    """The dependent of `cue` holding the content and its relation, by the first of `rels` it has."""
    children = list(cue.children)
    for rel, _ in rels:
        if rel.startswith("prep_"):
            word = rel[5:]
            for child in children:
                if child.dep_ == "prep" and child.lower_ == word:
                    for obj in child.children:
                        if obj.dep_ in {"pobj", "pcomp"}:
                            return obj, rel
        else:
            for child in children:
                if child.dep_ == rel and not (child.left_edge.i < cue.i < child.right_edge.i):
                    return child, rel
    return None


def construction(content: Token | None) -> Construction:
    """The construction of a content dependent (None: a 'that' clause found by `_that_clause`)."""
    if content is None:
        return "finite"
    if content.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in FINITE_SUBJ_DEPS for c in content.children):
            return "finite"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in content.children):
            return "inf"
        return "other"
    if content.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        return "np"
    return "other"


def _cut_start(child: Token) -> int:
    """The first token a cut leaves out: the dependent's subtree with its comma, dash or 'and'."""
    i = child.left_edge.i
    doc = child.doc
    while i > 0 and (doc[i - 1].text in _CUT_PUNCT or doc[i - 1].dep_ == "cc"):
        i -= 1
    return i


def _trim(doc: Doc, start: int, end: int, cue_i: int | None) -> tuple[int, int] | None:
    """Trim a content clause's token range: leading 'that'/punctuation, trailing punctuation."""
    if cue_i is not None and start <= cue_i < end:
        # the clause precedes the cue ("…, she said"): cut at the cue
        end = cue_i if cue_i > start else end
    while start < end and (doc[start].lower_ in _TRIM_LEFT or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"and", "but"}):
        end -= 1
    return (start, end) if end > start else None


def _that_clause(cue: Token, ctx: Context) -> tuple[int, int] | None:
    """A 'that' clause a few words after a speech verb the parse did not hang on it.

    "X said at the end of the talks that …" is often parsed with the clause on the last noun.
    """
    doc = cue.doc
    sent_end = ctx.sentence_tokens(cue.i)[1]
    for i in range(cue.i + 1, min(sent_end, cue.i + 12)):
        tok = doc[i]
        if tok.lower_ == "that" and tok.dep_ == "mark":
            clause = tok.head
            if clause.i > i and clause.right_edge.i + 1 > clause.i:
                end = clause.right_edge.i + 1
                while end > i + 1 and doc[end - 1].is_punct:
                    end -= 1
                return (i + 1, end) if end > i + 2 else None
            return None
        if tok.pos_ in {"VERB", "AUX"} or tok.text in {".", ";", ":", "“", '"'}:
            return None
    return None
