"""The word lists and patterns of the quotes component, loaded once per pipeline.

`cue_verbs.json` (reporting verbs and their classes), `quote_patterns.json` (which dependent of a
cue holds the content, mined from the PolNeAR training articles, and where a content ends) and
`speaker_nouns.json` (head nouns of speaker descriptions) are read into one frozen object that
every stage of the component reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.lexicons import load_json

MIN_WORDS = 4
"""Words a quotation in marks needs to be speech on its own (shorter: a scare quote or a title)."""


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Everything the quotes component reads from its lexicon files.

    Attributes:
        verbs: reporting verb lemma -> class (speech, writing, opinion, finding).
        direct_only: lemmas that are cues only next to a quotation in marks.
        phrases: multi-word cues ("according to").
        patterns: (lemma, pos) -> [(relation, precision)], best first, the content dependents.
        unquoted_patterns: the same without the rows usable only for quoted content.
        quoted_only: (lemma, pos, relation) rows usable only when the content is quoted.
        cue_lemmas: every lemma that is a cue next to a quotation.
        raising: verbs whose subject is what is reported on ("appear", "seem").
        not_speech: verbs of doing whose object is a thing acted on, not speech ("introduce").
        outer_classes, inner_keep_classes, inner_drop_contents: the nested-cue rules.
        adverbial_marks: subordinators of a clause of time or concession (never content).
        span_cuts, span_advcl_marks, object_extend, extend_skip_preps: where a content ends.
        person_nouns, org_nouns, document_nouns: head nouns of speaker descriptions.
        partitives: words naming a part of a whole given by "of" ("percent", "most").
        male_words, female_words: courtesy titles and role words that mark a person's sex.
    """

    verbs: dict[str, str]
    direct_only: frozenset[str]
    phrases: tuple[str, ...]
    patterns: dict[tuple[str, str], list[tuple[str, float]]]
    unquoted_patterns: dict[tuple[str, str], list[tuple[str, float]]]
    quoted_only: frozenset[tuple[str, str, str]]
    cue_lemmas: frozenset[str]
    raising: frozenset[str]
    not_speech: frozenset[str]
    outer_classes: frozenset[str]
    inner_keep_classes: frozenset[str]
    inner_drop_contents: frozenset[str]
    adverbial_marks: frozenset[str]
    span_cuts: frozenset[str]
    span_advcl_marks: frozenset[str]
    object_extend: frozenset[str]
    extend_skip_preps: frozenset[str]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    document_nouns: frozenset[str]
    partitives: frozenset[str] = frozenset()
    addressed: frozenset[str] = frozenset()
    """Cue verbs whose object is whom the words are said to ("told AFP"), never the speaker."""
    male_words: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    min_words: int = MIN_WORDS

    def cue_class(self, lemma: str | None) -> str | None:
        """The class of a cue lemma ("phrase" for 'according to'), None when it has none."""
        if lemma == "according to":
            return "phrase"
        return self.verbs.get(lemma or "")


def _patterns(
    rows: list[list[object]], min_precision: float
) -> dict[tuple[str, str], list[tuple[str, float]]]:
    """(lemma, pos) -> [(relation, precision)] for the rows reaching `min_precision`, best first."""
    out: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for lemma, pos, rel, seen, hits in rows:
        assert isinstance(seen, int) and isinstance(hits, int)
        if seen and hits / seen >= min_precision:
            out.setdefault((str(lemma), str(pos)), []).append((str(rel), hits / seen))
    for rels in out.values():
        rels.sort(key=lambda r: -r[1])
    return out


def load_lexicon(
    cue_lexicon: str, speaker_lexicon: str, pattern_lexicon: str, min_precision: float
) -> QuoteLexicon:
    """Read the three lexicon files (package data names) into a `QuoteLexicon`."""
    cues = load_json(cue_lexicon)
    pattern_data = load_json(pattern_lexicon)
    nouns = load_json(speaker_lexicon)
    verbs: dict[str, str] = dict(cues["verbs"])
    direct_only = frozenset(cues.get("direct_only", []))
    quoted_only = frozenset(
        (row[0], row[1], row[2]) for row in pattern_data.get("disabled", {}).get("rows", [])
    )
    patterns = _patterns(pattern_data["patterns"], min_precision)
    nested = cues.get("nested", {})
    spans = pattern_data.get("content_spans", {})
    return QuoteLexicon(
        verbs=verbs,
        direct_only=direct_only,
        phrases=tuple(cues.get("phrases", [])),
        patterns=patterns,
        unquoted_patterns={
            key: [r for r in rels if (*key, r[0]) not in quoted_only] for key, rels in patterns.items()
        },
        quoted_only=quoted_only,
        cue_lemmas=frozenset(verbs) | direct_only,
        raising=frozenset(cues.get("raising", {}).get("verbs", [])),
        addressed=frozenset(cues.get("addressed", {}).get("verbs", [])),
        not_speech=frozenset(cues.get("not_speech", {}).get("words", [])),
        outer_classes=frozenset(nested.get("outer_classes", [])),
        inner_keep_classes=frozenset(nested.get("inner_keep_finite_classes", [])),
        inner_drop_contents=frozenset(nested.get("inner_drop_contents", [])),
        adverbial_marks=frozenset(pattern_data.get("adverbial_marks", {}).get("words", [])),
        span_cuts=frozenset(spans.get("cuts", [])),
        span_advcl_marks=frozenset(spans.get("advcl_marks", [])),
        object_extend=frozenset(spans.get("object_extend", [])),
        extend_skip_preps=frozenset(spans.get("extend_skip_preps", [])),
        person_nouns=frozenset(nouns["person"]),
        org_nouns=frozenset(nouns["organisation"]),
        document_nouns=frozenset(nouns["document"]),
        partitives=frozenset(nouns["partitive"]),
        male_words=frozenset(nouns["gender"]["male"]),
        female_words=frozenset(nouns["gender"]["female"]),
    )
