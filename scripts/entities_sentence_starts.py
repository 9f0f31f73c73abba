"""List the names that run across a sentence start: in spaCy's `doc.ents` and in an analysis.

    python scripts/entities_sentence_starts.py ents SET.jsonl       # spaCy's spans (model pipes only)
    python scripts/entities_sentence_starts.py analyses OUT.jsonl   # name mentions of an analysis

`ents` reads the article text of each JSONL line (`text`) through the pipeline's spaCy components
and the paragraphs component (the newsgraph components after them are off) and lists every entity
span holding a sentence start after its first token. `analyses` reads `newsgraph analyze --jsonl`
output and lists every name mention that holds a sentence start (`sentences`) after its start.
The last line is the count.
"""

from __future__ import annotations

import argparse
import bisect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.extract.pipeline import get_nlp


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def spacy_spans(path: Path) -> Iterator[str]:
    """One line per `doc.ents` span that holds a sentence start after its first token."""
    nlp = get_nlp()
    model = [n for n in nlp.pipe_names if not n.startswith("newsgraph_") or n == "newsgraph_paragraphs"]
    rows = list(_lines(path))
    with nlp.select_pipes(enable=model):
        for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16), strict=True):
            for ent in doc.ents:
                if any(t.is_sent_start for t in ent[1:]):
                    yield f"{row['id']}\t{ent.label_}\t{ent.text!r}"


def analysis_mentions(path: Path) -> Iterator[str]:
    """One line per name mention of an analysis that holds a sentence start after its start."""
    for a in _lines(path):
        starts = [s["start"] for s in a["sentences"]]
        for entity in a["entities"]:
            for m in entity["mentions"]:
                k = bisect.bisect_right(starts, m["start"])
                if m["kind"] == "name" and k < len(starts) and starts[k] < m["end"]:
                    yield f"{a['id']}\t{entity['type']}\t{m['text']!r}\t(entity {entity['name']!r})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["ents", "analyses"])
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    found = spacy_spans(args.path) if args.what == "ents" else analysis_mentions(args.path)
    n = 0
    for line in found:
        print(line)
        n += 1
    print(f"{n} names run across a sentence start")


if __name__ == "__main__":
    main()
