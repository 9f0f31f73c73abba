"""Join the hand-judged corpus events of `docs/evaluation.md` to the events the code now gives, with
the inputs of each event's confidence, and count the fully-right rate by each input's value.

    python scripts/events_confidence_study.py --corpus ../shared/data/corpus/news.jsonl \
        --docs docs/evaluation.md --out /tmp/e14/study.jsonl

The judged tables are those of samples 10a, 11 (seed 8383), 12 (seed 1212), 1313 and 13 (seed 1414):
one row per event with its article, its coded type, source → target and trigger, and a verdict that
begins "right", "right, borderline" or "wrong". Each row is matched to an event of the article's fresh
analysis with the same type, trigger and sides; a row whose event is gone or coded otherwise now is
skipped (its verdict judged another coding) and counted. An event judged in two samples counts once.
The inputs are read off the drafting step (`Drafter._score`, wrapped here): how the trigger was found
(the sense's origin, verb or noun form), the sides and whether they resolve to entities, the mood
(negation, intention, possibility, reported speech), the modality penalties, the sentence position.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from newsgraph.extract.components.events import _drafting
from newsgraph.extract.pipeline import analyze
from newsgraph.models import EVENT_MIN_CONFIDENCE

_SAMPLES = {
    "10a": "### Sample 10a (seed 6161",
    "11": "## Issue 15: 30 random confident events on the merged main (m32, seed 8383)",
    "12": "### Sample 12 (seed 1212",
    "1313": "### Sample 1313 (seed 1313",
    "13": "### Sample 13 (seed 1414",
}
_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
"""PLOVER's verbal cooperation and verbal conflict types (the rest are material)."""
_ROW = re.compile(r"^\| (\d+) \| ([\w-]+) \| (.*) \|\s*$")
_CODED = re.compile(r"^([A-Z]+)(?:/[\w-]+)?( \(negated\))?: (.*?) → (.*?)(?: \(\"(.*?)\"\s*(.*?)\))?$")
_MARK = re.compile(r"\[\[(.*?)\]\]")

_FEATURES: dict[tuple[str, int], dict[str, Any]] = {}
"""(article id, trigger start) -> the drafting inputs of the event coded there."""
_CURRENT = {"id": ""}
"""The article being analysed (one at a time)."""


def _judged(docs: str) -> list[dict[str, Any]]:
    """Parse the judged rows of each sample's table."""
    lines = docs.splitlines()
    rows: list[dict[str, Any]] = []
    for sample, head in _SAMPLES.items():
        i = next(k for k, line in enumerate(lines) if line.startswith(head))
        while not lines[i].startswith("| # |"):
            i += 1
        wide = lines[i].count("|") == 6  # sample 11: sentence, coded, verdict
        i += 2
        while lines[i].startswith("|"):
            m = _ROW.match(lines[i])
            assert m, lines[i]
            cells = [c.strip() for c in m.group(3).split(" | ")]
            if wide:
                sentence, coded, verdict = cells
                mark = _MARK.search(sentence)
                trigger = mark.group(1) if mark else ""
            else:
                coded, verdict = cells
                trigger = ""
            c = _CODED.match(re.sub(r"\s*\(no entity\)|\s*\([^()]*\)(?= →)|\s*\([^()\"]*\)$", "", coded))
            assert c, coded
            trigger = trigger or (c.group(5) or "")
            label = (
                "wrong"
                if verdict.startswith("wrong")
                else "borderline"
                if "borderline" in verdict[:20]
                else "right"
            )
            rows.append(
                {
                    "sample": sample,
                    "n": int(m.group(1)),
                    "article": m.group(2),
                    "type": c.group(1),
                    "negated": bool(c.group(2)),
                    "source": c.group(3),
                    "target": c.group(4),
                    "trigger": trigger,
                    "verdict": label,
                }
            )
            i += 1
    return rows


def _wrap_score() -> None:
    """Record each draft's inputs when `Drafter._score` sets its confidence."""
    original = _drafting.Drafter._score

    def score(self: Any, st: Any, cand: Any, d: Any, mood: Any) -> None:
        before = d.confidence
        original(self, st, cand, d, mood)
        anchor = d.anchor if d.anchor is not None else d.tok
        form = (
            "verb"
            if not cand.noun
            else "noun_light"
            if cand.light is not None
            else ("noun_occurs" if cand.occurs is not None else "noun")
        )
        _FEATURES[(_CURRENT["id"], d.start)] = {
            "origin": cand.sense.origin,
            "form": form,
            "base_after_args": round(before, 3),
            "has_source": bool(d.sources),
            "has_target": bool(d.targets),
            "source_entity": any(a.entity for a in d.sources),
            "target_entity": any(a.entity for a in d.targets),
            "negated": d.negated,
            "intended": mood.intended,
            "possible": mood.possible,
            "reported": mood.reporter is not None,
            "conditional": self.mod.conditional(anchor),
            "embedded": self.mod.embedded(anchor),
            "background": self.mod.background(anchor),
            "inside_content": self.mod.inside_content(anchor, st.cands),
            "unresolved": d.unresolved,
            "headline": self.mod.headline(cand.tok.sent),
            "prep_depth": self.g.prep_depth(cand.tok),
            "sentence": d.sent,
            "type_kind": "verbal" if d.type in _VERBAL else "material",
        }

    _drafting.Drafter._score = score  # type: ignore[method-assign]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("…", " ")).strip()


def _same(now: str, judged: str) -> bool:
    """Whether two side texts name the same side: one's words all in the other's (tables trim them)."""
    a, b = set(now.split()), set(judged.split())
    return a <= b or b <= a


def _match(row: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event of the row's article with its type, trigger and sides, or None. A table may trim the
    trigger ("seeking … assistance") or shorten a side ("UNICEF"): when nothing matches on all three,
    the one event matching on two of them (sides present alike) is taken."""
    want_src, want_tgt = _norm(row["source"]), _norm(row["target"])
    full, loose = [], []
    for e in events:
        if e["type"] != row["type"] or e["negated"] != row["negated"]:
            continue
        src, tgt = _norm(e["source_text"] or ""), _norm(e["target_text"] or "")
        if bool(src) != bool(want_src) or bool(tgt) != bool(want_tgt):
            continue
        trig = _same(_norm(e["trigger"]["text"]), _norm(row["trigger"])) or not row["trigger"]
        sides = _same(src, want_src) and _same(tgt, want_tgt)
        if trig and sides:
            full.append(e)
        elif trig or sides:
            loose.append(e)
    if full:
        return full[0]
    return loose[0] if len(loose) == 1 else None


def main() -> None:
    """Write each judged event with its inputs (JSONL) and print the rates by input value."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.docs, encoding="utf-8") as fh:
        rows = _judged(fh.read())
    wanted = {r["article"] for r in rows}
    _wrap_score()
    events: dict[str, list[dict[str, Any]]] = {}
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            raw = json.loads(line)
            if raw["id"] not in wanted:
                continue
            _CURRENT["id"] = raw["id"]
            analysis = analyze(
                raw["text"],
                published=raw.get("published"),
                url=raw.get("url"),
                title=raw.get("title"),
                id=raw["id"],
                source=raw.get("source"),
            )
            events[raw["id"]] = [e.model_dump() for e in analysis.events]
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    skipped: list[dict[str, Any]] = []
    for r in rows:
        e = _match(r, events.get(r["article"], []))
        if e is None:
            skipped.append(r)
            continue
        key = (r["article"], e["trigger"]["start"])
        if key in seen:
            seen[key]["samples"].append(f"{r['sample']}#{r['n']}")
            continue
        feats = _FEATURES.get(key, {"origin": "speech_act"})
        seen[key] = {
            **r,
            "samples": [f"{r['sample']}#{r['n']}"],
            "confidence": e["confidence"],
            "now_trigger": e["trigger"]["text"],
            "now_source": e["source_text"],
            "now_target": e["target_text"],
            **feats,
        }
    with open(args.out, "w", encoding="utf-8") as out:
        for item in seen.values():
            out.write(json.dumps(item) + "\n")
    matched = len(rows) - len(skipped)
    print(f"rows {len(rows)}; matched {matched} ({len(seen)} distinct events); skipped {len(skipped)}")
    for r in skipped:
        sides = f"{r['source']} -> {r['target']}"
        print(f"  skipped {r['sample']}#{r['n']} {r['article']} {r['type']} {sides} ({r['trigger']})")
    _rates(list(seen.values()))
    print(f"(threshold {EVENT_MIN_CONFIDENCE})")


def _band(confidence: float) -> str:
    """The confidence band an event falls in."""
    for low, name in ((0.85, "0.85+"), (0.7, "0.70-0.84"), (0.5, "0.50-0.69")):
        if confidence >= low:
            return name
    return "under 0.50"


_CELLS: dict[str, Callable[[dict[str, Any]], object]] = {
    "type": lambda it: it["type"],
    "type kind": lambda it: it.get("type_kind"),
    "confidence band": lambda it: _band(it["confidence"]),
    "origin": lambda it: it.get("origin"),
    "form": lambda it: it.get("form"),
    "has source": lambda it: it.get("has_source"),
    "has target": lambda it: it.get("has_target"),
    "source is an entity": lambda it: it.get("source_entity"),
    "target is an entity": lambda it: it.get("target_entity"),
    "intended": lambda it: it.get("intended"),
    "reported": lambda it: it.get("reported"),
    "background": lambda it: it.get("background"),
    "in first sentence": lambda it: it.get("sentence") == 0 if "sentence" in it else None,
    "kind x sides": lambda it: (it.get("type_kind"), it.get("has_source"), it.get("has_target")),
    "kind x reported": lambda it: (it.get("type_kind"), it.get("reported")),
}
"""The inputs and pairs of inputs whose values are counted."""


def _rates(items: list[dict[str, Any]]) -> None:
    """Print, for each input, each value's count, its strict, lenient and wrong rates, and the AUC of
    the confidence itself (the chance a right event outscores a not-right one)."""
    for name, cell in _CELLS.items():
        by: dict[str, list[str]] = defaultdict(list)
        for it in items:
            by[str(cell(it))].append(it["verdict"])
        print(f"\n{name}:")
        for v, verdicts in sorted(by.items()):
            n, right, wrong = len(verdicts), verdicts.count("right"), verdicts.count("wrong")
            print(
                f"  {v:>34}  n={n:3d}  right {right:3d} ({right / n:4.0%})"
                f"  wrong {wrong:3d} ({wrong / n:4.0%})"
            )
    for label, good in (("strict", ("right",)), ("lenient", ("right", "borderline"))):
        pos = [it["confidence"] for it in items if it["verdict"] in good]
        neg = [it["confidence"] for it in items if it["verdict"] not in good]
        wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
        print(
            f"\nAUC of the confidence, {label}: {wins / (len(pos) * len(neg)):.3f} ({len(pos)} vs {len(neg)})"
        )


if __name__ == "__main__":
    main()
