"""Coverage-guided fuzzing of the quotes component (atheris/libFuzzer) on the real pipeline.

    python fuzz/fuzz_quotes.py -max_total_time=60 [corpus_dir ...]

The spaCy model is loaded once with the entities and quotes components (quotes needs entities
for speakers); the quotes modules are instrumented for coverage. Each input is decoded as text,
run through the pipeline, and every quote must satisfy the span invariants:
0 <= start < end <= len(text) and text[start:end] == quote.text, and the same for its speaker.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(
    include=["newsgraph.extract.components.quotes", "newsgraph.extract.components.quotes.marks"]
):
    from newsgraph.extract.components import quotes as _quotes  # noqa: F401  (instrumented)
    from newsgraph.extract.extensions import get_quotes
    from newsgraph.extract.pipeline import get_nlp
    from newsgraph.settings import Settings

MAX_CHARS = 5000
NLP = get_nlp(Settings(components=("newsgraph_entities", "newsgraph_quotes")))


def test_one(data: bytes) -> None:
    """Run one fuzzed text through entities + quotes and check every quote's spans."""
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(min(len(data), MAX_CHARS))
    doc = NLP(text)
    for quote in get_quotes(doc):
        assert 0 <= quote.start < quote.end <= len(doc.text), quote
        assert doc.text[quote.start : quote.end] == quote.text, quote
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(doc.text), quote
            assert doc.text[quote.speaker_start : quote.speaker_end] == quote.speaker_text, quote


def main() -> None:
    """Run libFuzzer with this process's arguments."""
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
