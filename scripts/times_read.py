"""Read the times component's output: gold value errors by class, a random sample, a diff.

    # predictions of the times component alone on a gold file, then its value errors by class
    PYTHONPATH=src .venv/bin/python scripts/times_read.py predict ../shared/data/times/train.jsonl \
        --out /tmp/train.pred.jsonl
    .venv/bin/python scripts/times_read.py errors ../shared/data/times/train.jsonl /tmp/train.pred.jsonl
    # its span errors: gold times missed, times the gold lacks, extents too wide or too narrow
    .venv/bin/python scripts/times_read.py spans ../shared/data/times/train.jsonl /tmp/train.pred.jsonl
    # 40 random times of an `analyze --jsonl` output, with their sentence and publication date
    .venv/bin/python scripts/times_read.py sample /tmp/corpus.jsonl --n 40 --seed 4040
    # the times whose span, type, value or mod differ between two `analyze --jsonl` outputs
    .venv/bin/python scripts/times_read.py diff before.jsonl after.jsonl
    # a gold file with its document dates removed (the test of a reference date read from the text),
    # then the values two predictions on it give differently, each judged against the gold value
    .venv/bin/python scripts/times_read.py undated ../shared/data/times/train.jsonl --out /tmp/undated.jsonl
    .venv/bin/python scripts/times_read.py changed ../shared/data/times/train.jsonl before.pred after.pred

The times component reads only spaCy's parse and the publication date, so running it alone
(`components=("newsgraph_times",)`) gives the times of the whole pipeline at a fraction of the
cost. Errors are those of the TempEval-3 scorer (`eval/times/score.py`): relaxed-matched pairs
whose value strings differ; each is printed with the document date and the text around it,
grouped by the shapes of the gold and predicted values ("9999-99-99 <- 9999-W99").
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.evaluate import predict, read_gold
from newsgraph.evaluate.times import TASK
from newsgraph.settings import Settings


def _shape(value: str | None) -> str:
    return re.sub(r"\d", "9", value or "-")


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_predictions(gold: Path, out: Path) -> None:
    settings = Settings(components=("newsgraph_times",))
    with out.open("w", encoding="utf-8") as fh:
        for line in predict(TASK, read_gold(gold), settings, gold):
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def _pairs(gold_doc: dict[str, Any], pred: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    """The scorer's one-to-one matching: largest overlap first."""
    cands = []
    for gi, g in enumerate(gold_doc["timexes"]):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _overlap, gi, pi in sorted(cands):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold_doc["timexes"][gi], pred[pi]))
    return out


def errors(gold: Path, pred: Path, context: int) -> None:
    preds = {d["id"]: [p for p in d["timexes"] if p["end"] > p["start"]] for d in _read(pred)}
    by_class: dict[str, list[str]] = defaultdict(list)
    n = 0
    for doc in _read(gold):
        text = doc["text"]
        for g, p in _pairs(doc, preds.get(doc["id"], [])):
            if (g["value"] or "").strip() == (p["value"] or "").strip():
                continue
            n += 1
            lo, hi = min(g["start"], p["start"]), max(g["end"], p["end"])
            around = text[max(0, lo - context) : lo] + "[" + text[lo:hi] + "]" + text[hi : hi + context]
            by_class[f"{_shape(g['value'])} <- {_shape(p['value'])}"].append(
                f"  {doc['id']} dct={doc.get('dct')} gold {g['text']!r}={g['value']} "
                f"pred {text[p['start'] : p['end']]!r}={p['value']}\n"
                f"      …{' '.join(around.split())}…"
            )
    for key, rows in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"== {key} ({len(rows)})")
        print("\n".join(rows))
    print(f"{n} value errors")


def _around(doc_id: str, text: str, lo: int, hi: int, note: str, context: int) -> str:
    around = text[max(0, lo - context) : lo] + "[" + text[lo:hi] + "]" + text[hi : hi + context]
    return f"  {doc_id} {note}\n      …{' '.join(around.split())}…"


def spans(gold: Path, pred: Path, context: int) -> None:
    """The span errors: gold times not found, times found that the gold lacks, extents that differ."""
    preds = {d["id"]: [p for p in d["timexes"] if p["end"] > p["start"]] for d in _read(pred)}
    by_class: dict[str, list[str]] = defaultdict(list)
    for doc in _read(gold):
        text, found = doc["text"], preds.get(doc["id"], [])
        pairs = _pairs(doc, found)
        matched_g = {id(g) for g, _p in pairs}
        matched_p = {id(p) for _g, p in pairs}

        for g in doc["timexes"]:
            if id(g) not in matched_g:
                note = f"gold {g['text']!r}={g['value']}"
                by_class["missed"].append(_around(doc["id"], text, g["start"], g["end"], note, context))
        for p in found:
            if id(p) not in matched_p:
                note = f"pred {text[p['start'] : p['end']]!r}={p['value']}"
                by_class["spurious"].append(_around(doc["id"], text, p["start"], p["end"], note, context))
        for g, p in pairs:
            if (g["start"], g["end"]) == (p["start"], p["end"]):
                continue
            kind = "too wide" if p["start"] <= g["start"] and p["end"] >= g["end"] else "too narrow"
            if not (p["start"] >= g["start"] and p["end"] <= g["end"]) and kind == "too narrow":
                kind = "shifted"
            lo, hi = min(g["start"], p["start"]), max(g["end"], p["end"])
            note = f"gold {g['text']!r} pred {text[p['start'] : p['end']]!r}"
            by_class[kind].append(_around(doc["id"], text, lo, hi, note, context))
    for key, rows in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"== {key} ({len(rows)})")
        print("\n".join(rows))


def sample(analyses: Path, n: int, seed: int, context: int) -> None:
    rows = []
    for a in _read(analyses):
        for t in a.get("times") or []:
            rows.append((a, t))
    picked = random.Random(seed).sample(rows, n)
    for k, (a, t) in enumerate(picked, 1):
        text = a["text"]
        around = text[max(0, t["start"] - context) : t["start"]] + "[" + t["text"] + "]"
        around += text[t["end"] : t["end"] + context]
        print(
            f"{k}. {a['id']} published={a.get('published')} {t['text']!r} {t['type']} "
            f"value={t['value']} mod={t.get('mod')}\n    …{' '.join(around.split())}…"
        )
    print(f"{n} of {len(rows)} times, seed {seed}")


def diff(before: Path, after: Path, context: int) -> None:
    def times(path: Path) -> dict[str, dict[tuple[int, int], dict[str, Any]]]:
        return {a["id"]: {(t["start"], t["end"]): t for t in a.get("times") or []} for a in _read(path)}

    def show(t: dict[str, Any] | None) -> str:
        return "(none)" if t is None else f"{t['text']!r} {t['type']} {t['value']} {t.get('mod')}"

    texts = {a["id"]: (a["text"], a.get("published")) for a in _read(after)}
    a, b = times(before), times(after)
    changed = 0
    for doc_id in sorted(set(a) | set(b)):
        ta, tb = a.get(doc_id, {}), b.get(doc_id, {})
        text, published = texts.get(doc_id, ("", None))
        for key in sorted(set(ta) | set(tb)):
            if show(ta.get(key)) == show(tb.get(key)):
                continue
            changed += 1
            lo, hi = key
            around = text[max(0, lo - context) : lo] + "[" + text[lo:hi] + "]" + text[hi : hi + context]
            print(f"{doc_id} published={published}: {show(ta.get(key))} -> {show(tb.get(key))}")
            print(f"    …{' '.join(around.split())}…")
    print(f"{changed} times changed; {sum(map(len, a.values()))} before, {sum(map(len, b.values()))} after")


def undated(gold: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for record in _read(gold):
            fh.write(json.dumps({**record, "dct": None}, ensure_ascii=False) + "\n")


def changed(gold: Path, before: Path, after: Path) -> None:
    old = {d["id"]: {(p["start"], p["end"]): p["value"] for p in d["timexes"]} for d in _read(before)}
    new = {d["id"]: [p for p in d["timexes"] if p["end"] > p["start"]] for d in _read(after)}
    right = total = 0
    for doc in _read(gold):
        for g, p in _pairs(doc, new.get(doc["id"], [])):
            was = old.get(doc["id"], {}).get((p["start"], p["end"]))
            if was == p["value"]:
                continue
            total += 1
            right += p["value"] == g["value"]
            verdict = "right" if p["value"] == g["value"] else "wrong"
            where = f"{doc['id']} (dct {doc.get('dct')}) {g['text']!r}"
            print(f"{where}: {was} -> {p['value']} (gold {g['value']}) {verdict}")
    print(f"{total} matched values changed, {right} now equal to the gold")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("predict")
    p.add_argument("gold", type=Path)
    p.add_argument("--out", type=Path, required=True)
    e = sub.add_parser("errors")
    e.add_argument("gold", type=Path)
    e.add_argument("pred", type=Path)
    sp = sub.add_parser("spans")
    sp.add_argument("gold", type=Path)
    sp.add_argument("pred", type=Path)
    s = sub.add_parser("sample")
    s.add_argument("analyses", type=Path)
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--seed", type=int, default=4040)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    u = sub.add_parser("undated")
    u.add_argument("gold", type=Path)
    u.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("changed")
    c.add_argument("gold", type=Path)
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    for command in (e, sp, s, d):
        command.add_argument("--context", type=int, default=100)
    args = parser.parse_args()
    if args.cmd == "predict":
        write_predictions(args.gold, args.out)
    elif args.cmd == "errors":
        errors(args.gold, args.pred, args.context)
    elif args.cmd == "spans":
        spans(args.gold, args.pred, args.context)
    elif args.cmd == "sample":
        sample(args.analyses, args.n, args.seed, args.context)
    elif args.cmd == "undated":
        undated(args.gold, args.out)
    elif args.cmd == "changed":
        changed(args.gold, args.before, args.after)
    else:
        diff(args.before, args.after, args.context)


if __name__ == "__main__":
    main()
