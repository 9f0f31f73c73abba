"""List every abbreviation whose period ends its token, followed by a capitalised word.

    # every such place in the corpus and in PolNeAR, one JSON line each (text around it, the word
    # after, its tag, and whether the pipeline starts a sentence there)
    PYTHONPATH=src .venv/bin/python scripts/abbrev_ends.py ../shared/data/corpus/news.jsonl \
        ../shared/data/quotes/train.jsonl ../shared/data/quotes/dev.jsonl --out /tmp/abbrev.jsonl
    # the same places counted by the word after and by split/joined
    .venv/bin/python scripts/abbrev_ends.py --count /tmp/abbrev.jsonl

"U.S. Trudeau said" is one token "U.S." then a name: the tokenizer keeps the abbreviation's
period, so a sentence that ends with it has no full stop of its own, and only the parser (and
`newsgraph_paragraphs` before it) can start the next sentence there. The texts run through the
pipeline's own tokenizer, tagger, paragraphs component and parser (entities and the newsgraph
components are not needed to see the sentences).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.extract.pipeline import get_nlp
from newsgraph.settings import Settings

_CONTEXT = 70


def texts(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of each record of a JSONL file of articles."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield str(record.get("id")), record["text"]


def places(doc: Doc, doc_id: str, source: str) -> Iterator[dict[str, object]]:
    """The abbreviations of `doc` ending in a period and followed by a capitalised word."""
    for token in doc[:-1]:
        text = token.text
        if len(text) < 2 or not text.endswith(".") or not any(ch.isalpha() for ch in text):
            continue
        nxt = doc[token.i + 1]
        if not (nxt.text[:1].isupper() and nxt.text[:1].isalpha()):
            continue
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        start, end = token.idx, nxt.idx + len(nxt.text)
        yield {
            "source": source,
            "id": doc_id,
            "abbrev": text,
            "next": nxt.text,
            "next_tag": nxt.tag_,
            "after": after.text if after is not None else "",
            "after_tag": after.tag_ if after is not None else "",
            "split": bool(nxt.is_sent_start),
            "context": doc.text[max(0, start - _CONTEXT) : end + _CONTEXT].replace("\n", " / "),
        }


def collect(paths: list[Path], out: Path) -> None:
    """Write the places of every text of `paths` to `out`, one JSON line each."""
    nlp = get_nlp(Settings(components=()))
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            records = list(texts(path))
            docs = nlp.pipe((text for _, text in records), disable=["lemmatizer", "ner"])
            for (doc_id, _), doc in zip(records, docs, strict=True):
                for place in places(doc, doc_id, path.parent.name + "/" + path.stem):
                    sink.write(json.dumps(place, ensure_ascii=False) + "\n")


def count(path: Path) -> None:
    """Print the places of a `collect` output counted by source, word after and split."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    by_source = Counter((row["source"], row["split"]) for row in rows)
    for (source, split), n in sorted(by_source.items()):
        print(f"{source}\t{'split' if split else 'joined'}\t{n}")
    by_word = Counter((row["next"], row["split"]) for row in rows)
    for (word, split), n in by_word.most_common():
        print(f"{n}\t{'split' if split else 'joined'}\t{word}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--count", action="store_true", help="count the places of a `collect` output")
    args = parser.parse_args()
    if args.count:
        count(args.inputs[0])
    else:
        collect(args.inputs, args.out)


if __name__ == "__main__":
    main()
