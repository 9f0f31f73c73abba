"""The summary component (`newsgraph_summary`): a short extractive summary.

Reads the sentences and the parse (lemmas, parts of speech, stop words), the entities
(`get_entities`) and the quotes (`get_quotes`); writes `get_summary(doc)`: the indices of 3 to 5
sentences (fewer for very short articles) in `list(doc.sents)` order, which is the order of the
Analysis's `sentences`, sorted by position.

Each sentence is scored by its position (news puts the essentials first), its centrality (how
many of its content words the rest of the article repeats, a TF-IDF-like overlap), the named
entities it mentions and whether it carries an attributed quote. Page furniture and promotion
(links, share prompts, credits, teasers; patterns in `lexicons/summary_junk.json`), lines without
a finite verb (headlines, captions) and fragments are never picked, and a sentence that repeats
one already picked is skipped. Everything is computed from arrays of the parse in one pass.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_right

import numpy as np
from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.extensions import doc_text, get_entities, get_quotes, get_summary, set_extensions
from newsgraph.extract.lexicons import load_json

LOGGER = logging.getLogger(__name__)

_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_FINITE_TAGS = ("VBD", "VBP", "VBZ", "MD")  # a sentence, not a caption or a headline


class Summary:
    """Pick the summary sentences; see the module docstring.

    Args:
        max_sentences: the most sentences a summary has (long articles).
        min_sentences: the fewest, when the article has that many usable sentences.
        position_weight: weight of the lead bias; centrality and entities share the rest.
    """

    def __init__(self, max_sentences: int = 5, min_sentences: int = 3, position_weight: float = 0.5) -> None:
        data = load_json("summary_junk.json")
        self.junk = re.compile("|".join(f"(?:{p})" for p in data["patterns"]), re.IGNORECASE)
        self.min_words = int(data["min_words"])
        self.max_sentences = max_sentences
        self.min_sentences = min_sentences
        self.position_weight = position_weight

    def __call__(self, doc: Doc) -> Doc:
        """Write `get_summary(doc)`."""
        summary = get_summary(doc)
        summary.clear()
        summary.extend(self.pick(doc))
        return doc

    def size(self, usable: int, total: int) -> int:
        """Return how many sentences to pick from `usable` good ones of `total` sentences."""
        if total < 12:
            want = self.min_sentences
        elif total < 25:
            want = self.min_sentences + 1
        else:
            want = self.max_sentences
        if total <= 4:  # a very short article: one or two sentences say it
            want = min(want, max(1, total // 2))
        return min(want, usable)

    def pick(self, doc: Doc) -> list[int]:
        """Return the indices of the summary sentences, in text order."""
        if len(doc) == 0 or not doc.has_annotation("SENT_START"):
            return []
        sents = list(doc.sents)
        n = len(sents)
        starts = [s.start for s in sents]
        arr = doc.to_array([LEMMA, POS, IS_ALPHA, IS_STOP, TAG])
        pos_ids = arr[:, 1]
        vocab = doc.vocab.strings
        content_pos = np.array([vocab[p] for p in _CONTENT_POS], dtype=arr.dtype)
        finite_tags = np.array([vocab[t] for t in _FINITE_TAGS], dtype=arr.dtype)
        alpha = arr[:, 2] == 1
        content = alpha & (arr[:, 3] == 0) & np.isin(pos_ids, content_pos)
        sent_of = np.searchsorted(np.array(starts), np.arange(len(doc)), side="right") - 1

        words = np.bincount(sent_of[alpha], minlength=n)
        has_verb = np.bincount(sent_of[np.isin(arr[:, 4], finite_tags)], minlength=n) > 0
        lemma_sets: list[set[int]] = [set() for _ in range(n)]
        for i, lemma in zip(sent_of[content].tolist(), arr[content, 0].tolist(), strict=True):
            lemma_sets[i].add(lemma)

        text = doc_text(doc)  # slices of it: Span.text rebuilds each sentence from its tokens
        usable = [
            i
            for i, s in enumerate(sents)
            if words[i] >= self.min_words and has_verb[i] and not self._junk(text[s.start_char : s.end_char])
        ]
        if not usable:
            return []
        df: dict[int, int] = {}
        for i in usable:
            for lemma in lemma_sets[i]:
                df[lemma] = df.get(lemma, 0) + 1
        central = {
            i: sum(math.log1p(df[lemma] - 1) for lemma in lemma_sets[i]) / math.sqrt(len(lemma_sets[i]) or 1)
            for i in usable
        }
        sent_starts = [s.start_char for s in sents]
        names = self._entity_counts(doc, sent_starts, n)
        quoted = self._quoted(doc, sent_starts)
        top_central = max(central.values()) or 1.0
        top_names = max((names[i] for i in usable), default=0) or 1
        rest = 1.0 - self.position_weight
        rank = {
            i: self.position_weight / math.sqrt(1 + usable.index(i))
            + rest * 0.6 * central[i] / top_central
            + rest * 0.4 * min(names[i], top_names) / top_names
            + (0.05 if i in quoted else 0.0)
            for i in usable
        }
        want = self.size(len(usable), n)
        chosen: list[int] = []
        for i in sorted(usable, key=lambda i: (-rank[i], i)):
            if len(chosen) >= want:
                break
            if any(_overlap(lemma_sets[i], lemma_sets[j]) > 0.6 for j in chosen):
                continue  # says again what a chosen sentence says
            chosen.append(i)
        return sorted(chosen)

    def _junk(self, text: str) -> bool:
        stripped = text.strip()
        letters = "".join(filter(str.isalpha, stripped))
        if letters and sum(map(str.isupper, letters)) > 0.7 * len(letters):
            return True  # a shouted headline or a caption
        return self.junk.search(stripped) is not None

    def _entity_counts(self, doc: Doc, sent_starts: list[int], n: int) -> list[int]:
        counts = [0] * n
        for entity in get_entities(doc):
            for m in entity.mentions:
                if m.kind == "name":
                    counts[bisect_right(sent_starts, m.start) - 1] += 1
        if not get_entities(doc):
            for ent in doc.ents:
                counts[bisect_right(sent_starts, ent.start_char) - 1] += 1
        return counts

    def _quoted(self, doc: Doc, sent_starts: list[int]) -> set[int]:
        return {bisect_right(sent_starts, q.start) - 1 for q in get_quotes(doc) if q.speaker is not None}


def _overlap(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@Language.factory(
    "newsgraph_summary",
    assigns=["doc._.newsgraph_summary"],
    requires=["token.lemma", "token.pos", "token.tag", "token.is_sent_start"],
    default_config={"max_sentences": 5, "min_sentences": 3, "position_weight": 0.5},
)
def make_summary(
    nlp: Language, name: str, max_sentences: int, min_sentences: int, position_weight: float
) -> Summary:
    """Build the summary component."""
    set_extensions()
    return Summary(max_sentences=max_sentences, min_sentences=min_sentences, position_weight=position_weight)
