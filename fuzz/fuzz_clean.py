"""Coverage-guided fuzzing of the cleaner (atheris/libFuzzer): no input raises, offsets hold.

    python fuzz/fuzz_clean.py -max_total_time=60 [corpus_dir ...]

Every input is decoded as text (any Unicode, no surrogates) and cleaned; the cleaner must not
raise, every `removed` range must lie inside the input, and the kept text must not be longer
than the input. libFuzzer's own options (`-timeout`, `-rss_limit_mb`, `-runs`) apply; a failure
writes the crashing input to `crash-*` and exits non-zero.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsgraph.extract.clean"]):
    from newsgraph.extract.clean import clean_text


def test_one(data: bytes) -> None:
    """Clean one fuzzed text and check the cleaner's invariants."""
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    cleaned = clean_text(text)
    assert len(cleaned.text) <= len(text), (len(cleaned.text), len(text))
    for removed in cleaned.removed:
        assert 0 <= removed.start < removed.end <= len(text), removed


def main() -> None:
    """Run libFuzzer with this process's arguments."""
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
