"""List every abbreviation whose period ends its token, followed by a capitalised word.

    # every such place in the corpus (the cleaned texts of an `analyze --jsonl` output) and in
    # PolNeAR, one JSON line each (text around it, the word after, its tag, and whether the
    # pipeline starts a sentence there)
    newsgraph -q analyze --jsonl ../shared/data/corpus/news.jsonl --out /tmp/corpus.jsonl --workers 1
    PYTHONPATH=src .venv/bin/python scripts/abbrev_ends.py /tmp/corpus.jsonl \
        ../shared/data/quotes/train.jsonl ../shared/data/quotes/dev.jsonl --out /tmp/abbrev.jsonl
    # the places of two such outputs (main's, a branch's) counted by the class of the word after
    # and the kind of abbreviation, split or joined in each, then every place whose split differs
    .venv/bin/python scripts/abbrev_ends.py --compare /tmp/abbrev.main.jsonl /tmp/abbrev.jsonl

"U.S. Trudeau said" is one token "U.S." then a name: the tokenizer keeps the abbreviation's
period, so a sentence that ends with it has no full stop of its own, and only the parser (and
`newsgraph_paragraphs` before it) can start the next sentence there. The texts run through the
pipeline's own tokenizer, tagger, paragraphs component and parser (entities and the newsgraph
components are not needed to see the sentences).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.extract.lexicons import load_json
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


_TITLES = frozenset(
    {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Rev.", "Adm.", "St.", "v.", "vs."}
)


def _word_class(row: dict[str, Any]) -> str:
    """The class of the word after the abbreviation: a class of `sentence_openers.json`, or a name."""
    classes = load_json("sentence_openers.json")["classes"]
    for name, entry in classes.items():
        if row["next"] in entry["words"]:
            return str(name)
    return "name + verb" if re.match(r"VB|MD", row["after_tag"]) else "other capitalised word"


def _abbreviation_kind(row: dict[str, Any]) -> str:
    """A title before a name ("Sen."), one initial ("J."), or another abbreviation ("U.S.", "Inc.")."""
    if row["abbrev"] in _TITLES:
        return "title"
    return "initial" if re.fullmatch(r"[A-Z]\.", row["abbrev"]) else "other"


def compare(before: Path, after: Path) -> None:
    """Print the places of two `collect` outputs of the same texts counted by class, then the changes."""
    rows = [json.loads(line) for line in before.open(encoding="utf-8")]
    later = [json.loads(line) for line in after.open(encoding="utf-8")]
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row, other in zip(rows, later, strict=True):
        word = _word_class(row)
        kind = _abbreviation_kind(row) if word in ("name + verb", "other capitalised word") else "any"
        counts[word, kind][row["source"]] += 1
        counts[word, kind]["split before"] += row["split"]
        counts[word, kind]["split after"] += other["split"]
    sources = sorted({row["source"] for row in rows})
    print("\t".join(["word after", "abbreviation", *sources, "split before", "split after"]))
    for (word, kind), n in sorted(counts.items()):
        cells = [
            word,
            kind,
            *(str(n[source]) for source in sources),
            str(n["split before"]),
            str(n["split after"]),
        ]
        print("\t".join(cells))
    for row, other in zip(rows, later, strict=True):
        if row["split"] != other["split"]:
            sign = "+" if other["split"] else "-"
            print(f"{sign} {row['source']} {row['id']} | {row['context']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two `collect` outputs")
    args = parser.parse_args()
    if args.compare:
        compare(args.inputs[0], args.inputs[1])
    else:
        collect(args.inputs, args.out)


if __name__ == "__main__":
    main()
