"""The quotes component (`newsgraph_quotes`): who said what.

Reads the parse (`token.dep_`, `token.lemma_`, sentences), `doc.ents` and the entities of the
entities component (`get_entities`, `entity_in_tokens`); writes `get_quotes(doc)` and adds the
speakers' mentions (names, pronouns, descriptions) and, when a speaker has none yet, entities
(`new_entity`, `add_mention`).

Three kinds of quotes are found:

* **direct** — the content stands in quotation marks (`_quotes_marks.find_regions`), attributed to
  the cue verb the quotation hangs on in the parse or stands next to (“…,” she said / X said: “…”);
  a quotation split around its cue is one quote with `fragments`, one running over several
  paragraphs is kept whole, and a paragraph that is only a quotation continues the speaker of the
  quote just before it. Short quoted phrases with no cue (scare quotes, titles) are not quotes.
* **indirect** — the content clause of a cue verb (its `ccomp`: "X said (that) …", "…, X said."),
  or the clause an "according to X" phrase is attached to. A content ends where the reporter's
  words begin (`quote_patterns.json` `content_spans`): before a verb coordinated with it that is a
  cue of its own ("said the plan was fair and *noted* that …" — a second quote of the same speaker)
  and before a trailing relative clause after a comma (", *who* was …"); an object content takes
  the cue's complements that follow it ("mocked the governor *for cutting* …").
* **mixed** — an indirect quote whose content clause contains a quoted part.

Not quotes (each restriction measured on the PolNeAR training articles, figures in the lexicons):
a cue inside the content of another quote ("she said they *plan* to …"; kept for a speech verb
with a finite clause of its own), pattern rows of low precision (`quote_patterns.json`
`disabled`), an adverbial clause of time or concession as content ("… *as* the strike went on").

Speakers are the cue verb's subject (in either order, through "who said", "…, saying …"), the
object of "according to", with the mention span on the person's name when the subject phrase
carries one. An agentless passive ("is believed to …", "was told that …") and a raising verb with
a thing as subject ("the talks appear to …") report an unnamed source: no speaker. Pronouns
resolve to the most recent compatible speaker; a description ("a spokesman for …") to a named
person quoted the same way just after it, else it stays a description entity.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components._quotes_marks import Region, find_regions
from newsgraph.extract.extensions import (
    add_mention,
    doc_text,
    entity_in_tokens,
    get_entities,
    get_quotes,
    new_entity,
    set_extensions,
)
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.spans import write_spans
from newsgraph.models import Entity, EntityType, MentionKind, Quote
from newsgraph.models import Span as TextSpan

LOGGER = logging.getLogger(__name__)

_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp"})
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
_NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_NOT_SPEAKERS = frozenset({"that", "which", "this", "there", "what", "whatever"})
_PRONOUN_TAGS = frozenset({"PRP"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
_GROUP_PRONOUNS = frozenset({"they", "we", "them", "us", "it"})
_NAME_LABELS: dict[str, EntityType] = {
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
_WORD_RE = re.compile(r"\w+")
_TRIM_LEFT = frozenset({"that", ",", ":", ";", "—", "–", "-", "and", "but"})
_CONTENT_SKIP_DEPS = frozenset({"punct"})
_MAX_QUOTES = 3000  # no article quotes more; bounds speaker resolution on pathological input
_LOOKBACK_CHARS = 20_000  # how far back "was this name mentioned before" looks
_NESTED_LOOKBACK = 50  # outer contents looked at per inner cue (nesting is shallow in prose)
_FINITE_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_CUT_PUNCT = frozenset({",", ";", "—", "–", "-", "--"})
_MAX_CUT_DEPTH = 40  # a content's right edge is walked this deep at most
_MAX_REGION_TOKENS_SCAN = 400  # dependency scan of one quotation is bounded (pathological input)


@dataclass(slots=True)
class _Quote:
    """A quote being built: content pieces, cue and speaker mention (token offsets)."""

    frags: list[tuple[int, int]]
    cue: Token | None
    cue_lemma: str | None
    speaker: tuple[int, int] | None = None  # token range of the speaker's mention in this frame
    speaker_kind: MentionKind | Literal["relative"] | None = None
    antecedent: int | None = None  # token of the noun a relative pronoun speaker stands for
    speaker_label: str | None = None  # spaCy label of a named speaker
    entity: Entity | None = None
    regions: list[int] = field(default_factory=list)
    para: int = 0
    carried_from: _Quote | None = None
    # the content's construction: "finite" (a clause with its own subject: "that he would …"),
    # "inf" ("to expand …"), "np" (a noun phrase: "a ceasefire"), "other" (a gerund, …)
    content: Literal["finite", "inf", "np", "other"] = "other"
    unnamed_source: bool = False  # an agentless passive cue: reported, but by no one named

    @property
    def start(self) -> int:
        return min(s for s, _ in self.frags)

    @property
    def end(self) -> int:
        return max(e for _, e in self.frags)


class QuoteExtractor:
    """Find direct, indirect and mixed quotes and their speakers (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        cue_lexicon: str,
        speaker_lexicon: str,
        pattern_lexicon: str,
        min_precision: float,
    ) -> None:
        """Load the lexicons and compile the cue matcher once."""
        cues = load_json(cue_lexicon)
        self.verbs: dict[str, str] = dict(cues["verbs"])
        self.direct_only: frozenset[str] = frozenset(cues.get("direct_only", []))
        # (lemma, pos) -> [(relation, precision)], best first
        self.patterns: dict[tuple[str, str], list[tuple[str, float]]] = {}
        pattern_data = load_json(pattern_lexicon)
        marks = pattern_data.get("adverbial_marks", {}).get("words", [])
        self.adverbial_marks: frozenset[str] = frozenset(marks)
        # rows used only when their content stands in quotation marks (low precision otherwise)
        self.quoted_only: frozenset[tuple[str, str, str]] = frozenset(
            (row[0], row[1], row[2]) for row in pattern_data.get("disabled", {}).get("rows", [])
        )
        for lemma, pos, rel, seen, hits in pattern_data["patterns"]:
            if seen and hits / seen >= min_precision:
                self.patterns.setdefault((lemma, pos), []).append((rel, hits / seen))
        for rels in self.patterns.values():
            rels.sort(key=lambda r: -r[1])
        self.unquoted_patterns = {
            key: [r for r in rels if (*key, r[0]) not in self.quoted_only]
            for key, rels in self.patterns.items()
        }
        self.cue_lemmas: frozenset[str] = frozenset(self.verbs) | self.direct_only
        self.raising: frozenset[str] = frozenset(cues.get("raising", {}).get("verbs", []))
        nested = cues.get("nested", {})
        # reporting cues whose content makes the cues inside it part of the reported speech
        self.outer_classes: frozenset[str] = frozenset(nested.get("outer_classes", []))
        # classes of cues still quoted inside such content when they head a finite clause
        self.inner_keep_classes: frozenset[str] = frozenset(nested.get("inner_keep_finite_classes", []))
        # contents of an inner quote dropped inside the content of any cue
        self.inner_drop_contents: frozenset[str] = frozenset(nested.get("inner_drop_contents", []))
        self.min_words = 4
        spans = pattern_data.get("content_spans", {})
        # which right-hand parts end a content clause (see `_content_cut`)
        self.span_cuts: frozenset[str] = frozenset(spans.get("cuts", []))
        self.span_advcl_marks: frozenset[str] = frozenset(spans.get("advcl_marks", []))
        self.object_extend: frozenset[str] = frozenset(spans.get("object_extend", []))
        self.extend_skip_preps: frozenset[str] = frozenset(spans.get("extend_skip_preps", []))
        nouns = load_json(speaker_lexicon)
        self.person_nouns: frozenset[str] = frozenset(nouns["person"])
        self.org_nouns: frozenset[str] = frozenset(nouns["organisation"])
        self.document_nouns: frozenset[str] = frozenset(nouns["document"])
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add(
            "CUE", [[{"LEMMA": {"IN": sorted(self.cue_lemmas)}, "POS": {"IN": ["VERB", "AUX"]}}]]
        )
        pattern_lemmas = sorted({lemma for lemma, _ in self.patterns})
        self.matcher.add(
            "PATTERN", [[{"LEMMA": {"IN": pattern_lemmas}, "POS": {"IN": ["VERB", "NOUN", "ADJ"]}}]]
        )
        phrases = []
        for phrase in cues.get("phrases", []):
            phrases.append([{"LOWER": w} for w in phrase.split()])
        self.matcher.add("PHRASE", phrases)
        self.phrase_key = nlp.vocab.strings["PHRASE"]
        self.cue_key = nlp.vocab.strings["CUE"]

    def __call__(self, doc: Doc) -> Doc:
        """Append the doc's quotes to `get_quotes(doc)`."""
        self._extract(doc)
        return write_spans(doc, "newsgraph_quotes", "newsgraph_entities")

    # -- the steps -------------------------------------------------------------------------------

    def _extract(self, doc: Doc) -> None:
        text = doc_text(doc)
        if not text.strip() or len(doc) == 0:
            return
        ctx = _Context(doc, find_regions(text), self.min_words)
        cues, according = self._find_cues(doc, ctx)
        quotes: list[_Quote] = []
        by_cue: dict[int, _Quote] = {}
        for cue in cues:
            q = self._clause_quote(doc, ctx, cue)
            if q is not None:
                quotes.append(q)
                by_cue[cue.i] = q
        for tok in according:
            q = self._according_quote(doc, ctx, tok)
            if q is not None:
                quotes.append(q)
        speech = {c.i for c in cues if c.lemma_.lower() in self.cue_lemmas and c.pos_ in {"VERB", "AUX"}}
        self._attach_regions(doc, ctx, quotes, by_cue, {c.i for c in cues}, speech)
        quotes = self._drop_nested(ctx, _dedupe(_prune(quotes)))
        quotes.sort(key=lambda q: (q.start, q.end))
        if len(quotes) > _MAX_QUOTES:
            LOGGER.warning("%d quotes found; keeping the first %d", len(quotes), _MAX_QUOTES)
            quotes = quotes[:_MAX_QUOTES]
        self._resolve_and_write(doc, ctx, quotes)

    def _find_cues(self, doc: Doc, ctx: _Context) -> tuple[list[Token], list[Token]]:
        """Cue words outside quotations: pattern words (with speech verbs) and 'according to'."""
        seen: set[int] = set()
        cues: list[Token] = []
        according: list[Token] = []
        for match_id, start, _end in self.matcher(doc):
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

    def _clause_quote(self, doc: Doc, ctx: _Context, cue: Token) -> _Quote | None:
        """An indirect quote: the cue's content dependent (clause, object, prepositional object)."""
        lemma = cue.lemma_.lower()
        rels = self.patterns.get((lemma, cue.pos_))
        span: tuple[int, int] | None = None
        found = _content_child(cue, rels) if rels else None
        if found is not None and (lemma, cue.pos_, found[1]) in self.quoted_only:
            child = found[0]
            if not ctx.mostly_quoted(child.left_edge.idx, _tok_end(child.right_edge)):
                rels = self.unquoted_patterns.get((lemma, cue.pos_))
                found = _content_child(cue, rels) if rels else None
        content = found[0] if found is not None else None
        if (
            content is not None
            and content.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in self.adverbial_marks for c in content.children)
        ):
            content = None  # "…, as the talks stalled": a clause of time or concession, not content
        if content is not None:
            right = content.right_edge.i + 1
            cut = self._content_cut(content, cue) if self.span_cuts else None
            if cut is not None:
                right = cut[0]
                if cut[1] is not None:
                    ctx.coordinated[cut[1].i] = cue
            elif content.dep_ in {"dobj", "pobj"} and self.object_extend:
                right = self._object_end(content, cue, right)
            span = _trim(doc, content.left_edge.i, right, cue.i)
            if span is not None and content.dep_ in {"pobj", "pcomp"} and span[1] - span[0] < self.min_words:
                # "slammed the opponents for “wasting time”": the object belongs to the content
                obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < content.i), None)
                if obj is not None:
                    span = (obj.left_edge.i, span[1])
        elif lemma in self.verbs and cue.pos_ == "VERB":
            span = _that_clause(cue, ctx)
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
        q = _Quote(frags=[(doc[start].idx, _tok_end(doc[end - 1]))], cue=cue, cue_lemma=lemma)
        q.para = ctx.para_of(cue.idx)
        q.content = _construction(content)
        self._set_speaker(doc, q, cue, ctx)
        return q

    def _object_end(self, content: Token, cue: Token, right: int) -> int:
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
            if child.left_edge.i != right or child.dep_ not in self.object_extend:
                break
            if child.dep_ == "prep" and (
                child.lower_ in self.extend_skip_preps
                or any(c.dep_ == "pobj" and c.ent_type_ in _TIME_LABELS for c in child.children)
            ):
                break  # "… on Wednesday", "… during a debate": when or where, not what
            if child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.adverbial_marks for c in child.children
            ):
                break  # "… while calling for …": a clause of time or concession, not the object's
            stop = self._adverbial_on_spine(child)
            if stop is not None:
                return max(right, _cut_start(stop))
            right = child.right_edge.i + 1
        return right

    def _adverbial_on_spine(self, top: Token) -> Token | None:
        """A clause of time or concession ending `top`'s subtree ("as X while calling …"), if any."""
        node = top
        for _ in range(_MAX_CUT_DEPTH):
            last = None
            for right in node.rights:
                last = right
            if last is None:
                return None
            if last.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.adverbial_marks for c in last.children
            ):
                return last
            node = last
        return None

    def _content_cut(self, content: Token, cue: Token) -> tuple[int, Token | None] | None:
        """Where a content clause ends before its subtree does, walking down its right edge.

        The parse hangs on the content what the reporter adds after it: a verb coordinated with
        the content's verb that is a cue of its own ("said the plan was fair *and noted that* …",
        a new quote of the same speaker, returned as the second item), a non-restrictive relative
        clause or an appositive after a comma or dash (", *who* was …", "— *a* play on words"), a
        participle clause after a comma (", *calling* them …") and a clause of time or contrast
        (`advcl_marks`: "… *after* prosecutors determined"). Returns the first token left out.
        """
        cuts = self.span_cuts
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
                if child.lemma_.lower() in self.cue_lemmas and not any(
                    c.dep_ in _FINITE_SUBJ_DEPS for c in child.children
                ):
                    return _cut_start(child), child if node is content else None
            elif dep == "advcl" and comma and child.tag_ == "VBG" and "participle" in cuts:
                # "…, calling them …": the speaker's own words again when the participle is a cue
                speaker_cue = node is content and child.lemma_.lower() in self.cue_lemmas
                return _cut_start(child), child if speaker_cue else None
            elif (
                (dep == "relcl" and comma and "relcl" in cuts)
                or (dep == "appos" and comma and "appos" in cuts)
                or (
                    dep == "advcl"
                    and "advcl" in cuts
                    and any(c.dep_ == "mark" and c.lower_ in self.span_advcl_marks for c in child.children)
                )
            ):
                return _cut_start(child), None
            node = child
        return None

    def _according_quote(self, doc: Doc, ctx: _Context, tok: Token) -> _Quote | None:
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
        q = _Quote(frags=[(doc[a].idx, _tok_end(doc[b - 1]))], cue=tok, cue_lemma="according to")
        q.para = ctx.para_of(tok.idx)
        self._speaker_from_token(doc, ctx, q, source)
        return q

    def _cue_class(self, q: _Quote) -> str | None:
        if q.cue_lemma == "according to":
            return "phrase"
        return self.verbs.get(q.cue_lemma or "")

    def _drop_nested(self, ctx: _Context, quotes: list[_Quote]) -> list[_Quote]:
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
                outer = self._cue_class(q) in self.outer_classes
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
            keep_class = self._cue_class(q) in self.inner_keep_classes
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
            drop = under_speech or (under_other and not keep_class and q.content in self.inner_drop_contents)
            if drop and ctx.kind(q.frags) != "direct":
                continue
            out.append(q)
        return out

    def _set_speaker(self, doc: Doc, q: _Quote, cue: Token, ctx: _Context) -> None:
        outer = ctx.coordinated.get(cue.i)
        if outer is not None and outer.i != cue.i:
            # "X said … and noted that …": the coordinated cue is X's (the parse hung it on the content)
            cue = outer
        subj = _subject(cue)
        if subj is not None and (subj.pos_ in {"VERB", "AUX"} or ctx.in_quote(subj.idx)):
            subj = None  # "Reporting from Doha, X said": a participle is no speaker
        if (
            subj is not None
            and cue.lemma_.lower() in self.raising
            and subj.pos_ == "NOUN"
            and not subj.ent_type_
            and subj.lemma_.lower() not in self.person_nouns | self.org_nouns
        ):
            # "the talks appear to have stalled": a thing appearing so is no source
            subj = None
            q.unnamed_source = True
        elif subj is None and _agentless_passive(cue):
            # "the group is believed to control …", "Obama is expected to join …": the passive's
            # subject is what is reported on, not the source, which the text does not name
            q.unnamed_source = True
        elif subj is None:
            subj = _adjacent_speaker(cue, ctx)
        if subj is not None:
            self._speaker_from_token(doc, ctx, q, subj)

    def _speaker_from_token(self, doc: Doc, ctx: _Context, q: _Quote, subj: Token) -> None:
        """Set the quote's speaker mention from the subject token (name, pronoun or description)."""
        if subj.ent_type_ in _NOT_SPEAKER_LABELS or _is_dateline(subj):
            return  # "1:50 p.m. — …", "LONDON —": a timestamp or a dateline, not a speaker
        antecedent = _antecedent(subj)
        if antecedent is not None:
            q.speaker = (subj.i, subj.i + 1)
            q.speaker_kind = "relative"
            q.antecedent = antecedent.i
            return
        if subj.tag_ in _PRONOUN_TAGS or subj.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            q.speaker = (subj.i, subj.i + 1)
            q.speaker_kind = "pronoun"
            return
        lo, hi = _speaker_span(subj)
        name = _name_in(ctx, lo, hi, subj)
        if name is not None:
            q.speaker = (name.start, name.end)
            q.speaker_kind = "name"
            q.speaker_label = name.label_
            return
        if subj.pos_ == "PROPN":
            q.speaker = (lo, hi)
            q.speaker_kind = "name"
            q.speaker_label = "ORG"
            return
        q.speaker = (lo, hi)
        q.speaker_kind = "description"

    def _attach_regions(
        self,
        doc: Doc,
        ctx: _Context,
        quotes: list[_Quote],
        by_cue: dict[int, _Quote],
        cue_ids: set[int],
        speech_ids: set[int],
    ) -> None:
        """Fold the quotations in marks into the quotes: absorb, extend, attribute or drop."""
        text = ctx.text
        # Quotations inside an indirect quote's content make it mixed; a content clause that lies
        # inside one quotation becomes that quotation.
        covered: dict[int, _Quote] = {}
        for q in quotes:
            s, e = q.frags[0]
            for ri in ctx.regions_overlapping(s, e):
                r = ctx.regions[ri]
                inner = max(0, min(e, r.inner_end) - max(s, r.inner_start))
                if inner >= 0.6 * (e - s):
                    q.frags = [(r.inner_start, r.inner_end)]
                    q.regions = [ri]
                    covered[ri] = q
                    break
                if r.inner_start >= s and r.inner_end <= e + (0 if r.closed else 1):  # marks may lie outside
                    covered.setdefault(ri, q)
                    q.regions.append(ri)
        direct_by_cue: dict[int, _Quote] = {}
        for q in quotes:
            if q.cue is not None and q.regions and len(q.frags) == 1:
                direct_by_cue[q.cue.i] = q
        last_direct: _Quote | None = None
        for ri, r in enumerate(ctx.regions):
            if ri in covered:
                q0 = covered[ri]
                if len(q0.regions) == 1 and q0.frags == [(r.inner_start, r.inner_end)]:
                    last_direct = q0
                continue
            if r.continues is not None and r.continues in covered:
                owner = covered[r.continues]
                if owner.frags and owner.frags[-1][1] <= r.start:
                    owner.frags.append((r.inner_start, r.inner_end))
                    owner.regions.append(ri)
                    covered[ri] = owner
                    continue
            words = len(_WORD_RE.findall(text, r.inner_start, r.inner_end))
            if words < self.min_words:
                # a scare quote, a title or a quoted word — unless a speech verb introduces it
                # ("the crowd chanted, “Lock her up!”", "he yelled “You lie!”")
                if not words:
                    continue
                cue = _introducing_verb(doc, ctx, r, speech_ids)
            else:
                cue = self._region_cue(doc, ctx, ri, cue_ids, speech_ids)
            if cue is not None:
                joined = direct_by_cue.get(cue.i) or by_cue.get(cue.i)
                if joined is not None and joined.para == r.para and joined.regions:
                    owner = joined
                    owner.frags.append((r.inner_start, r.inner_end))
                    owner.frags.sort()
                    owner.regions.append(ri)
                    covered[ri] = owner
                    last_direct = owner
                    continue
                q = _Quote(frags=[(r.inner_start, r.inner_end)], cue=cue, cue_lemma=cue.lemma_.lower())
                q.regions = [ri]
                q.para = r.para
                self._set_speaker(doc, q, cue, ctx)
                quotes.append(q)
                by_cue.setdefault(cue.i, q)
                direct_by_cue[cue.i] = q
                covered[ri] = q
                last_direct = q
                continue
            intro = _colon_introducer(doc, ctx, r, speech_ids) if words >= self.min_words else None
            if intro is not None:
                cue_tok, head = intro
                q = _Quote(frags=[(r.inner_start, r.inner_end)], cue=cue_tok, cue_lemma=None)
                q.regions = [ri]
                q.para = r.para
                if cue_tok is not None:
                    q.cue_lemma = cue_tok.lemma_.lower()
                    self._set_speaker(doc, q, cue_tok, ctx)
                elif head is not None:
                    self._speaker_from_token(doc, ctx, q, head)
                quotes.append(q)
                covered[ri] = q
                last_direct = q
                continue
            alone = ctx.paragraph_is_quote(ri)
            if alone and last_direct is not None and r.para - last_direct.para <= 4 and words >= 4:
                q = _Quote(frags=[(r.inner_start, r.inner_end)], cue=None, cue_lemma=None)
                q.regions = [ri]
                q.para = r.para
                q.carried_from = last_direct
                quotes.append(q)
                covered[ri] = q
                last_direct = q
                continue
            if not r.single and _looks_like_speech(text, r, words):
                q = _Quote(frags=[(r.inner_start, r.inner_end)], cue=None, cue_lemma=None)
                q.regions = [ri]
                q.para = r.para
                quotes.append(q)
                covered[ri] = q
                last_direct = q

    def _region_cue(
        self, doc: Doc, ctx: _Context, ri: int, cue_ids: set[int], speech_ids: set[int]
    ) -> Token | None:
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
                between = ctx.text[_tok_end(tok) : r.start]
                if after_quote or colon or len(_WORD_RE.findall(between)) <= 6:
                    return tok
                break
        return None

    # -- speakers --------------------------------------------------------------------------------

    def _resolve_and_write(self, doc: Doc, ctx: _Context, quotes: list[_Quote]) -> None:
        """Resolve each quote's speaker to an entity, in text order, and append the quotes."""
        recent: dict[str, Entity] = {}
        out = get_quotes(doc)
        for idx, q in enumerate(quotes):
            if q.carried_from is not None:
                src = q.carried_from
                q.entity = src.entity
                q.speaker = src.speaker
                q.speaker_kind = src.speaker_kind
            else:
                self._resolve(doc, ctx, q, quotes[idx + 1 :], recent)
            if q.entity is not None:
                recent["person" if q.entity.type == "PERSON" else "group"] = q.entity
            out.append(self._to_quote(doc, ctx, q, f"q{len(out) + 1}"))

    def _resolve(
        self, doc: Doc, ctx: _Context, q: _Quote, following: list[_Quote], recent: dict[str, Entity]
    ) -> None:
        if q.speaker is None:
            return
        s, e = q.speaker
        if q.speaker_kind == "name":
            q.entity = self._name_entity(doc, ctx, q)
        elif q.speaker_kind == "pronoun":
            word = doc[s].lower_
            target = recent.get("person") if word in _PERSON_PRONOUNS else recent.get("group")
            if target is None and word in _PERSON_PRONOUNS:
                target = _previous_person(doc, ctx, s)
            if target is not None:
                q.entity = target
                add_mention(doc, target, doc[s].idx, _tok_end(doc[e - 1]), "pronoun")
        elif q.speaker_kind == "description":
            q.entity = self._description_entity(doc, ctx, q, following)
        elif q.speaker_kind == "relative" and q.antecedent is not None:
            proxy = _Quote(frags=q.frags, cue=q.cue, cue_lemma=q.cue_lemma)
            self._speaker_from_token(doc, ctx, proxy, doc[q.antecedent])
            if proxy.speaker_kind != "relative":
                self._resolve(doc, ctx, proxy, following, recent)
            q.entity = proxy.entity
            if q.entity is not None:
                add_mention(doc, q.entity, doc[s].idx, _tok_end(doc[e - 1]), "pronoun")

    def _name_entity(self, doc: Doc, ctx: _Context, q: _Quote) -> Entity | None:
        assert q.speaker is not None
        s, e = q.speaker
        entity = entity_in_tokens(doc, s, e)
        start, end = doc[s].idx, _tok_end(doc[e - 1])
        if entity is not None:
            add_mention(doc, entity, start, end, "name")
            return entity
        name = ctx.text[start:end]
        label = _NAME_LABELS.get(q.speaker_label or "", "ORG")
        entity = _find_entity_by_name(doc, name, label)
        if entity is None:
            entity = new_entity(doc, name, label)
        add_mention(doc, entity, start, end, "name")
        return entity

    def _description_entity(
        self, doc: Doc, ctx: _Context, q: _Quote, following: list[_Quote]
    ) -> Entity | None:
        """A description speaker: the named person quoted the same way just after it, else itself."""
        assert q.speaker is not None
        s, e = q.speaker
        head = _head_noun(doc, s, e)
        if head is None:
            return None
        lemma = head.lemma_.lower()
        start, end = doc[s].idx, _tok_end(doc[e - 1])
        if lemma in self.document_nouns:
            return None
        existing = entity_in_tokens(doc, head.i, head.i + 1)
        if existing is not None:
            add_mention(doc, existing, start, end, "description")
            return existing
        is_person = lemma in self.person_nouns
        is_org = lemma in self.org_nouns
        if not (is_person or is_org):
            return None
        if is_person and head.tag_ == "NN":
            sent_i = ctx.sentence_of(q.cue.idx if q.cue is not None else start)
            for nq in following[:3]:
                if nq.speaker is None or nq.speaker_kind != "name" or nq.speaker_label != "PERSON":
                    continue
                if ctx.sentence_of(nq.start) - sent_i > 1:
                    break
                ns, ne = nq.speaker
                name_text = doc[ns:ne].text
                if _mentioned_before(ctx.text, name_text, start):
                    break
                entity = self._name_entity(doc, ctx, nq)
                if entity is not None:
                    add_mention(doc, entity, start, end, "description")
                    nq.entity = entity
                    return entity
                break
        if head.tag_ in {"NNS", "NNPS"} and is_person:
            type_: EntityType = "GROUP"
        else:
            type_ = "PERSON" if is_person else "ORG"
        entity = new_entity(doc, _description_name(doc, s, e), type_)
        add_mention(doc, entity, start, end, "description")
        return entity

    def _to_quote(self, doc: Doc, ctx: _Context, q: _Quote, qid: str) -> Quote:
        text = ctx.text
        frags = sorted(set(q.frags))
        start, end = frags[0][0], max(e for _, e in frags)
        kind = ctx.kind(frags)
        speaker_start = speaker_end = None
        speaker_text = None
        if q.speaker is not None:
            s, e = q.speaker
            speaker_start, speaker_end = doc[s].idx, _tok_end(doc[e - 1])
            speaker_text = text[speaker_start:speaker_end]
        cue_start = cue_end = None
        if q.cue is not None:
            cue_start = q.cue.idx
            cue_end = _tok_end(q.cue.nbor(1)) if q.cue_lemma == "according to" else _tok_end(q.cue)
        return Quote(
            id=qid,
            kind=kind,
            start=start,
            end=end,
            text=text[start:end],
            fragments=[TextSpan(start=a, end=b, text=text[a:b]) for a, b in frags] if len(frags) > 1 else [],
            speaker=q.entity.id if q.entity is not None else None,
            speaker_start=speaker_start,
            speaker_end=speaker_end,
            speaker_text=speaker_text,
            cue=q.cue_lemma,
            cue_start=cue_start,
            cue_end=cue_end,
            sentence=ctx.sentence_of(start),
        )


class _Context:
    """Offsets of one doc, precomputed once: tokens, sentences, paragraphs, quotations."""

    def __init__(self, doc: Doc, regions: list[Region], min_words: int) -> None:
        text = doc_text(doc)
        self.doc = doc
        self.text = text
        self.regions = regions
        self.tok_starts = [t.idx for t in doc]
        self.sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.para_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.sent_tokens = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.ents = list(doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self.region_starts = [r.start for r in regions]
        self.region_ends = [r.end for r in regions]
        self._inside = [(r.inner_start, r.inner_end) for r in regions]
        self._para_words: dict[int, tuple[int, int]] = {}
        # a cue coordinated with another cue's content -> that other cue (same speaker)
        self.coordinated: dict[int, Token] = {}
        self.speech = [
            i
            for i, r in enumerate(regions)
            if len(_WORD_RE.findall(text, r.inner_start, r.inner_end)) >= min_words
        ]

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end)

    def para_bounds_tokens(self, para: int) -> tuple[int, int]:
        lo = self.para_starts[para]
        hi = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(self.text)
        return self.tokens_in(lo, hi)

    def sentence_tokens(self, i: int) -> tuple[int, int]:
        """The token range of the sentence holding token `i`."""
        k = max(0, bisect_right(self.sent_tokens, i) - 1)
        end = self.sent_tokens[k + 1] if k + 1 < len(self.sent_tokens) else len(self.doc)
        return self.sent_tokens[k], end

    def ents_in(self, lo: int, hi: int) -> list[Span]:
        """The named entities (spaCy's) lying within tokens [lo, hi)."""
        k = bisect_left(self._ent_starts, lo)
        out = []
        while k < len(self.ents) and self.ents[k].start < hi:
            if self.ents[k].end <= hi:
                out.append(self.ents[k])
            k += 1
        return out

    def persons_before(self, i: int, limit: int = 50) -> list[Span]:
        """The PERSON names ending before token `i`, nearest first (at most `limit` names looked at)."""
        k = bisect_left(self._ent_starts, i) - 1
        out: list[Span] = []
        while k >= 0 and len(out) < limit and i - self.ents[k].end < 2000:
            ent = self.ents[k]
            if ent.label_ == "PERSON" and ent.end <= i:
                out.append(ent)
            k -= 1
        return out

    def mostly_quoted(self, start: int, end: int) -> bool:
        """Whether one quotation holds at least 60% of the characters [start, end)."""
        for ri in self.regions_overlapping(start, end):
            r = self.regions[ri]
            if max(0, min(end, r.inner_end) - max(start, r.inner_start)) >= 0.6 * (end - start):
                return True
        return False

    def in_quote(self, char: int) -> bool:
        return self.region_at(char) is not None

    def region_at(self, char: int) -> int | None:
        i = bisect_right(self.region_starts, char) - 1
        if i >= 0 and self.regions[i].start <= char < self.regions[i].end:
            return i
        return None

    def regions_overlapping(self, start: int, end: int) -> range:
        lo = bisect_right(self.region_ends, start)
        hi = bisect_left(self.region_starts, end)
        return range(lo, max(lo, hi))

    def next_region_start(self, ri: int) -> int | None:
        """Where the next quotation long enough to be speech starts (titles are skipped)."""
        k = bisect_right(self.speech, ri)
        return self.regions[self.speech[k]].start if k < len(self.speech) else None

    def prev_region(self, ri: int) -> Region | None:
        """The previous quotation long enough to be speech."""
        k = bisect_left(self.speech, ri) - 1
        return self.regions[self.speech[k]] if k >= 0 else None

    def paragraph_is_quote(self, ri: int) -> bool:
        """Whether the quotation's paragraph holds no word outside it (constant time once cached)."""
        r = self.regions[ri]
        first, last = self._word_bounds(r.para)
        return first >= r.start and last <= r.end

    def _word_bounds(self, para: int) -> tuple[int, int]:
        """Start of the first and end of the last word character of a paragraph (cached)."""
        bounds = self._para_words.get(para)
        if bounds is None:
            lo = self.para_starts[para]
            hi = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(self.text)
            m = _WORD_RE.search(self.text, lo, hi)
            if m is None:
                bounds = (hi, lo)
            else:
                end = hi
                while end > m.start() and not (self.text[end - 1].isalnum() or self.text[end - 1] == "_"):
                    end -= 1
                bounds = (m.start(), end)
            self._para_words[para] = bounds
        return bounds

    def kind(self, frags: list[tuple[int, int]]) -> Any:
        """'direct' when ≥ 95% of the content's letters and digits lie inside quotation marks."""
        total = inside = 0
        for s, e in frags:
            total += _alnum(self.text, s, e)
            for ri in self.regions_overlapping(s, e):
                a, b = self._inside[ri]
                a, b = max(a, s), min(b, e)
                if b > a and not self.regions[ri].single:
                    inside += _alnum(self.text, a, b)
        if total == 0 or inside == 0:
            return "indirect"
        return "direct" if inside >= 0.95 * total else "mixed"


def _alnum(text: str, s: int, e: int) -> int:
    return sum(len(w) - w.count("_") for w in _WORD_RE.findall(text, s, e))


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


def _construction(content: Token | None) -> Literal["finite", "inf", "np", "other"]:
    """The construction of a content dependent (None: a 'that' clause found by `_that_clause`)."""
    if content is None:
        return "finite"
    if content.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in _FINITE_SUBJ_DEPS for c in content.children):
            return "finite"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in content.children):
            return "inf"
        return "other"
    if content.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        return "np"
    return "other"


def _agentless_passive(cue: Token) -> bool:
    """Whether the cue is a passive without a 'by' agent ("is believed to", "was told that")."""
    deps = {c.dep_ for c in cue.children}
    return "nsubjpass" in deps and "agent" not in deps


def _cut_start(child: Token) -> int:
    """The first token a cut leaves out: the dependent's subtree with its comma, dash or 'and'."""
    i = child.left_edge.i
    doc = child.doc
    while i > 0 and (doc[i - 1].text in _CUT_PUNCT or doc[i - 1].dep_ == "cc"):
        i -= 1
    return i


def _tok_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


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
            if child.dep_ in _SUBJ_DEPS:
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


def _colon_introducer(
    doc: Doc, ctx: _Context, r: Region, speech_ids: set[int]
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


def _introducing_verb(doc: Doc, ctx: _Context, r: Region, speech_ids: set[int]) -> Token | None:
    """The speech verb right before a quotation ("chanted, “Lock her up!”"), if there is one."""
    t0, _ = ctx.tokens_in(r.start, r.end)
    i = t0 - 1
    while i >= 0 and doc[i].text in {",", ":"}:
        i -= 1
    return doc[i] if i >= 0 and i in speech_ids else None


def _that_clause(cue: Token, ctx: _Context) -> tuple[int, int] | None:
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


def _adjacent_speaker(cue: Token, ctx: _Context | None) -> Token | None:
    """The noun right before the cue ("… X said:") or right after it ("said X"), or the subject of
    a clause hanging on the cue ("…,” she explained, added that …")."""
    for child in cue.children:
        if child.dep_ in {"parataxis", "conj"} and child.i < cue.i:
            for grand in child.children:
                if grand.dep_ in _SUBJ_DEPS and grand.pos_ in {"PRON", "PROPN", "NOUN"}:
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
        if not 0 <= i < len(doc):
            continue
        tok = doc[i]
        name_like = tok.is_alpha and tok.is_title and not tok.is_sent_start
        if (tok.pos_ in {"PROPN", "NOUN", "PRON"} or name_like) and not (
            ctx is not None and ctx.in_quote(tok.idx)
        ):
            if tok.lower_ in _NOT_SPEAKERS:
                return None
            if step == 1 and tok.dep_ == "compound":
                head = tok.head
                if head.i > tok.i and head.pos_ in {"PROPN", "NOUN"}:
                    return head
            return tok
    return None


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
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


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


def _name_in(ctx: _Context, lo: int, hi: int, head: Token) -> Span | None:
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
        if e.start <= head.i < e.end and e.label_ in _NAME_LABELS:
            return e
    return None


def _head_noun(doc: Doc, s: int, e: int) -> Token | None:
    span = doc[s:e]
    root = span.root
    return root if root.pos_ in {"NOUN", "PROPN"} else None


def _description_name(doc: Doc, s: int, e: int) -> str:
    words = doc[s:e]
    if len(words) > 1 and words[0].lower_ in {"a", "an", "the", "this", "that"}:
        words = doc[s + 1 : e]
    return words.text


def _mentioned_before(text: str, name: str, before: int) -> bool:
    last = name.split()[-1] if name.split() else name
    return bool(last) and text.find(last, max(0, before - _LOOKBACK_CHARS), before) >= 0


def _find_entity_by_name(doc: Doc, name: str, type_: EntityType) -> Entity | None:
    """An entity of this type already named so, or (persons) sharing the surname."""
    last = name.split()[-1] if name.split() else name
    for entity in get_entities(doc):
        if entity.type != type_:
            continue
        if entity.name == name:
            return entity
        if type_ == "PERSON" and entity.name.split()[-1:] == [last]:
            return entity
    return None


def _previous_person(doc: Doc, ctx: _Context, before_tok: int) -> Entity | None:
    """The entity of the last person named before a token (made when no component made it)."""
    for ent in ctx.persons_before(before_tok):
        entity = entity_in_tokens(doc, ent.start, ent.end)
        if entity is not None:
            return entity
        found = _find_entity_by_name(doc, ent.text, "PERSON")
        if found is not None:
            return found
        entity = new_entity(doc, ent.text, "PERSON")
        add_mention(doc, entity, ent.start_char, ent.end_char, "name")
        return entity
    return None


def _looks_like_speech(text: str, r: Region, words: int) -> bool:
    """An unattributed quotation worth reporting: a clause, not a scare quote or a title."""
    if words < 6:
        return False
    inner = text[r.inner_start : r.inner_end]
    tokens = inner.split()
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return not (capitalised >= 0.7 * len(tokens) and not inner.rstrip().endswith((".", "?", "!", ",")))


def _prune(quotes: list[_Quote]) -> list[_Quote]:
    """Drop indirect candidates with no speaker at all ("it did appear to …").

    An agentless passive ("is expected to …") is kept without a speaker: its source is unnamed.
    """
    out = []
    for q in quotes:
        if not q.regions and q.speaker is None and q.carried_from is None and not q.unnamed_source:
            continue
        out.append(q)
    return out


def _dedupe(quotes: list[_Quote]) -> list[_Quote]:
    """Drop a quote whose content is the same as an earlier one's (two cues on one clause)."""
    seen: dict[tuple[tuple[int, int], ...], _Quote] = {}
    out = []
    for q in quotes:
        key = tuple(sorted(set(q.frags)))
        if key in seen:
            continue
        seen[key] = q
        out.append(q)
    return out


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.newsgraph_quotes", "doc._.newsgraph_entities"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={
        "cue_lexicon": "cue_verbs.json",
        "speaker_lexicon": "speaker_nouns.json",
        "pattern_lexicon": "quote_patterns.json",
        "min_precision": 0.35,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    cue_lexicon: str,
    speaker_lexicon: str,
    pattern_lexicon: str,
    min_precision: float,
) -> QuoteExtractor:
    """Build the quotes component."""
    set_extensions()
    return QuoteExtractor(nlp, cue_lexicon, speaker_lexicon, pattern_lexicon, min_precision)
