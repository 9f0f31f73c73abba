"""List every CASE dev item whose predicted event types differ from the gold, to sort by hand into classes.

    newsgraph evaluate events ../shared/data/events/case2021_dev.jsonl --out case.jsonl
    python scripts/events_case_errors.py ../shared/data/events/case2021_dev.jsonl case.jsonl

For each such item: its id, ACLED label, gold and predicted type sets, the missed (FN) and false (FP)
types, the snippet and the predicted events. The last two lines count the missed and false types by
type over all items (the scorer's micro-F1 counts the same type sets).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter


def main() -> None:
    """Print each item whose type set differs from the gold, then the FN and FP counts by type."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold")
    parser.add_argument("pred")
    args = parser.parse_args()
    with open(args.pred, encoding="utf-8") as f:
        pred = {p["id"]: p for p in map(json.loads, f)}
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    with open(args.gold, encoding="utf-8") as f:
        for gold in map(json.loads, f):
            want = {e["type"] for e in gold["events"]}
            events = pred.get(gold["id"], {"events": []})["events"]
            got = {e["type"] for e in events}
            if want == got:
                continue
            missed.update(want - got)
            false.update(got - want)
            print(f"== {gold['id']} {gold['orig_label']} gold {sorted(want)} pred {sorted(got)}")
            print(f"   FN {sorted(want - got)} FP {sorted(got - want)}")
            print(f"   {gold['text']}")
            for e in events:
                print(f"   - {e['type']}/{e['mode']} {e['source']} -> {e['target']} [[{e['trigger']}]]")
    print(f"FN {sum(missed.values())}: {dict(missed.most_common())}")
    print(f"FP {sum(false.values())}: {dict(false.most_common())}")


if __name__ == "__main__":
    main()
