"""List every event that differs between two corpus analyses, each with its sentence, to read by hand.

    newsgraph -q analyze --jsonl ../shared/data/corpus/news.jsonl --out before.jsonl --workers 1  # main
    newsgraph -q analyze --jsonl ../shared/data/corpus/news.jsonl --out after.jsonl --workers 1   # branch
    python scripts/events_diff.py before.jsonl after.jsonl

The two files hold one Analysis JSON per line, in the same order (the corpus's). Events are matched by
the trigger's start; an event differs when its type, mode, negation, sides, trigger or confidence do.
The last line counts the events and the confident ones (>= `models.EVENT_MIN_CONFIDENCE`) of each file.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from newsgraph.models import EVENT_MIN_CONFIDENCE


def _describe(event: dict[str, Any] | None) -> str:
    if event is None:
        return "-"
    mode = f"/{event['mode']}" if event["mode"] else ""
    negated = " (negated)" if event["negated"] else ""
    sides = f"{event['source_text'] or '-'} -> {event['target_text'] or '-'}"
    return f"{event['type']}{mode}{negated}: {sides} [[{event['trigger']['text']}]] {event['confidence']:.2f}"


def _sentence(analysis: dict[str, Any], start: int) -> str:
    for sent in analysis["sentences"]:
        if sent["start"] <= start < sent["end"]:
            return str(analysis["text"][sent["start"] : sent["end"]])
    return ""


def main() -> None:
    """Print each changed event (before, after, sentence) and the totals."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args()
    changed, totals, confident = 0, [0, 0], [0, 0]
    with open(args.before, encoding="utf-8") as fb, open(args.after, encoding="utf-8") as fa:
        for line_b, line_a in zip(fb, fa, strict=True):
            before, after = json.loads(line_b), json.loads(line_a)
            for k, analysis in enumerate((before, after)):
                totals[k] += len(analysis["events"])
                confident[k] += sum(e["confidence"] >= EVENT_MIN_CONFIDENCE for e in analysis["events"])
            old = {e["trigger"]["start"]: e for e in before["events"]}
            new = {e["trigger"]["start"]: e for e in after["events"]}
            for start in sorted(old.keys() | new.keys()):
                was, now = _describe(old.get(start)), _describe(new.get(start))
                if was != now:
                    changed += 1
                    print(f"{after['id']}\n  before: {was}\n  after:  {now}\n  {_sentence(after, start)}")
    print(f"changed {changed}; events {totals[0]} -> {totals[1]}; confident {confident[0]} -> {confident[1]}")


if __name__ == "__main__":
    main()
