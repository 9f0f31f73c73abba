"""Cue words and which quotations and clauses they introduce.

A cue is a reporting verb of `cue_verbs.json`, a word of a pattern row of `quote_patterns.json`
or the phrase "according to", outside quotation marks (a cue inside one belongs to the quoted
speech). A quotation hangs on the cue the parse attaches it to or that stands next to it ("…,”
she said" / "X said: “…”"). A cue inside the content of another quote is part of that reported
speech, not a quote of its own ("she said they *plan* to …").
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from newsgraph.extract.attribute_ruler import IndexedMatcher
from newsgraph.extract.components.quotes.context import WORD_RE, Context, Draft, tok_end
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.components.quotes.marks import Region

_NESTED_LOOKBACK = 50  # outer contents looked at per inner cue (nesting is shallow in prose)
_MAX_REGION_TOKENS_SCAN = 400  # dependency scan of one quotation is bounded (pathological input)


class CueFinder:
    """The cue matcher of one pipeline: reporting verbs, pattern words and phrases."""

    def __init__(self, nlp: Language, lex: QuoteLexicon) -> None:
        """Compile the matcher once."""
        matcher = Matcher(nlp.vocab)
        matcher.add("CUE", [[{"LEMMA": {"IN": sorted(lex.cue_lemmas)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        pattern_lemmas = sorted({lemma for lemma, _ in lex.patterns})
        matcher.add("PATTERN", [[{"LEMMA": {"IN": pattern_lemmas}, "POS": {"IN": ["VERB", "NOUN", "ADJ"]}}]])
        matcher.add("PHRASE", [[{"LOWER": w} for w in phrase.split()] for phrase in lex.phrases])
        # the same matches as spaCy's matcher, by table look-up; its order differs only between
        # matches of different starts (a one-word match at a start still comes before a phrase's)
        self.matcher = IndexedMatcher(matcher)
        self.phrase_key = nlp.vocab.strings["PHRASE"]

    def find(self, doc: Doc, ctx: Context) -> tuple[list[Token], list[Token]]:
        """Cue words outside quotations: pattern words (with speech verbs) and 'according to'."""
        seen: set[int] = set()
        cues: list[Token] = []
        according: list[Token] = []
        # allow_missing (the indexed look-up) only when nothing is missing: on a doc without
        # lemmas or parts of speech spaCy's matcher raises
        tagged = doc.has_annotation("LEMMA") and doc.has_annotation("POS")
        for match_id, start, _end in self.matcher(doc, allow_missing=tagged):
            tok = doc[start]
            if start in seen or ctx.region_at(tok.idx) is not None:
                continue  # a cue inside a quotation belongs to the quoted speech
            seen.add(start)
            if match_id == self.phrase_key:
                according.append(tok)
            else:
                cues.append(tok)
        cues.sort(key=lambda t: t.i)
        return cues, according


def drop_nested(lex: QuoteLexicon, ctx: Context, quotes: list[Draft]) -> list[Draft]:
    """Drop clause quotes whose cue stands inside another quote's reported content.

    "She said they plan to expand the program": "plan" is part of what she said, not a second
    quote. Inside the content of a quote cued by a word of `outer_classes` (speech verbs,
    'according to'), an inner quote (not in quotation marks) is kept only when its cue is of
    `inner_keep_classes` and heads a finite clause ("he said the mayor claimed that …").
    Inside the content of any other cue ("the truce allowed them to launch attacks"), an inner
    quote whose cue is not of `inner_keep_classes` is dropped when its content is of
    `inner_drop_contents` (a noun phrase, an infinitive).
    """
    if len(quotes) < 2:
        return quotes
    spans: list[tuple[int, int, int, bool]] = []  # content (start, end), owner, speech-like owner
    for k, q in enumerate(quotes):
        if q.cue is not None:
            outer = lex.cue_class(q.cue_lemma) in lex.outer_classes
            spans.extend((s, e, k, outer) for s, e in q.frags)
    if not spans:
        return quotes
    spans.sort()
    starts = [s for s, _, _, _ in spans]
    out = []
    for k, q in enumerate(quotes):
        if q.cue is None or q.carried_from is not None or q.cue_lemma == "according to":
            out.append(q)
            continue
        keep_class = lex.cue_class(q.cue_lemma) in lex.inner_keep_classes
        if keep_class and q.content == "finite":
            out.append(q)
            continue
        at = q.cue.idx
        j = bisect_right(starts, at) - 1
        under_speech = under_other = False
        for s, e, owner, outer in spans[max(0, j - _NESTED_LOOKBACK) : j + 1]:
            if s <= at < e and owner != k:
                under_speech = under_speech or outer
                under_other = under_other or not outer
        drop = under_speech or (under_other and not keep_class and q.content in lex.inner_drop_contents)
        if drop and ctx.kind(q.frags) != "direct":
            continue
        out.append(q)
    return out


def region_cue(doc: Doc, ctx: Context, ri: int, cue_ids: set[int], speech_ids: set[int]) -> Token | None:
    """The cue a quotation hangs on: by the parse, else the nearest cue after or before it."""
    r = ctx.regions[ri]
    t0, t1 = ctx.tokens_in(r.start, r.end)
    if t1 <= t0:
        return None
    # 1. the parse: a quoted token whose head (within two steps) is a cue outside the quotation
    for i in range(t0, min(t1, t0 + _MAX_REGION_TOKENS_SCAN)):
        h = doc[i].head
        for _ in range(2):
            if h.i < t0 or h.i >= t1:
                if h.i in cue_ids and ctx.para_of(h.idx) == r.para:
                    return h
                break
            h = h.head
    para_lo, para_hi = ctx.para_bounds_tokens(r.para)
    # 2. after: "…,” she said" — the cue within a few tokens, before any other quotation
    ends_sentence = r.closed and ctx.text[max(r.inner_start, r.inner_end - 1) : r.inner_end] in {
        ".",
        "\u2026",
    }
    limit = 4 if ends_sentence else 9
    nxt = ctx.next_region_start(ri)
    for i in range(t1, min(para_hi, t1 + limit)):
        tok = doc[i]
        if nxt is not None and tok.idx >= nxt:
            break
        if i in speech_ids:
            return tok
        if tok.text in {".", "!", "?"}:
            break
    # 3. before: "X said: “…”", "X told reporters, “…”"
    prev = ctx.prev_region(ri)
    prv = prev.end if prev is not None else None
    after_quote = prev is not None and prev.para == r.para
    colon = ctx.text[max(0, r.start - 3) : r.start].rstrip().endswith(":")
    window = 30 if after_quote else 60 if colon else 12
    for i in range(t0 - 1, max(para_lo, t0 - window) - 1, -1):
        tok = doc[i]
        if prv is not None and tok.idx < prv:
            break
        if tok.text in {".", "!", "?"} and i < t0 - 1 and not after_quote:
            break
        if i in speech_ids:
            between = ctx.text[tok_end(tok) : r.start]
            if after_quote or colon or len(WORD_RE.findall(between)) <= 6:
                return tok
            break
    return None


# -- speakers --------------------------------------------------------------------------------


def colon_introducer(
    doc: Doc, ctx: Context, r: Region, speech_ids: set[int]
) -> tuple[Token | None, Token | None] | None:
    """A quotation introduced by a colon, in its paragraph or ending the one before.

    Returns (the speech verb of the introducing sentence, None) — "Dr. Ward stated:" — or, when
    the sentence has none, (None, the noun right before the colon) — "Pew Research: “…”".
    """
    text = ctx.text
    p = r.start - 1
    while p >= max(0, r.start - 12) and text[p].isspace():
        p -= 1
    if p < 0 or text[p] != ":":
        return None
    colon, _ = ctx.tokens_in(p, p + 1)
    if colon >= len(doc) or colon == 0:
        return None
    sent_start, _ = ctx.sentence_tokens(colon - 1)
    for i in range(colon - 1, max(sent_start, colon - 40) - 1, -1):
        if i in speech_ids:
            return doc[i], None
        if ctx.in_quote(doc[i].idx):
            break
    head = doc[colon - 1]
    if head.pos_ in {"PROPN", "NOUN"} and not ctx.in_quote(head.idx):
        return None, head
    return None


def introducing_verb(doc: Doc, ctx: Context, r: Region, speech_ids: set[int]) -> Token | None:
    """The speech verb right before a quotation ("chanted, “Lock her up!”"), if there is one."""
    t0, _ = ctx.tokens_in(r.start, r.end)
    i = t0 - 1
    while i >= 0 and doc[i].text in {",", ":"}:
        i -= 1
    return doc[i] if i >= 0 and i in speech_ids else None
