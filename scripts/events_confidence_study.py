"""Join the hand-judged corpus events of `docs/evaluation.md` to the events the code now gives, with
the inputs of each event's confidence, count the fully-right rate by each input's value, and test
candidate rules out of sample.

    python scripts/events_confidence_study.py --corpus ../shared/data/corpus/news.jsonl \
        --docs docs/evaluation.md --out /tmp/e71/study.jsonl
    python scripts/events_confidence_study.py --study /tmp/e71/study.jsonl    # the rates again, no analysis

The judged tables are every table of judged events in the document (`_HEADERS`: the 30-event reads
of samples, passes and independent readers, seeds 1515 … 3636), each one read, numbered in document
order: one row per event with its article, its coded type, source → target and trigger, and a
verdict that begins "right", "right, borderline" or "wrong". Each row is matched to an event of the
article's fresh analysis with the same type, trigger and sides; a row whose event is gone or coded
otherwise now is skipped (its verdict judged another coding) and counted. An event judged in several
reads counts once, in its first read, with its latest verdict. The inputs are read off the drafting
step (`Drafter._score`, wrapped here): how the trigger was found (the sense's origin, verb or noun
form), the sides and whether they resolve to entities, the mood (negation, intention, possibility,
reported speech), the modality penalties, the sentence position, the mode and the CAMEO root.
Each rule of `_RULES` is then fitted on all reads but one and tested on the held-out read (and on
the older half for the newer and back): it is adopted where it covers at least `_MIN_EVENTS`
confident events with a wrong rate `_MARGIN` above the pool's.
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

_HEADERS = (
    "| # | article | event (type: source → target, trigger) | verdict |",
    "| # | article | sentence (trimmed, trigger/source/target marked) | coded | verdict |",
)
"""The heads of the judged tables of 30 (or so) events: one row per event with its article, its coded type,
source → target and trigger, and a verdict (the second is the wide table of seed 8383)."""
_HEADING = re.compile(r"^#{2,4} ")
_PARTIES = frozenset({"PERSON", "ORG", "GPE", "GROUP", "NORP"})
"""The entity types that can be a side of an event."""
_COUNTERPART_TYPES = frozenset({"SANCTION", "AID", "COOPERATE", "SUPPORT", "CONCEDE"})
"""Acts done to a counterpart (event_rules.json named_counterpart_types)."""
_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
"""PLOVER's verbal cooperation and verbal conflict types (the rest are material)."""
_ROW = re.compile(r"^\| (\d+) \| ([\w-]+) \| (.*) \|\s*$")
_CODED = re.compile(r"^([A-Z]+)(?:/[\w-]+)?( \(negated\))?: (.*?) → (.*?)(?: \(\"(.*?)\"\s*(.*?)\))?$")
_CODED_OLD = re.compile(r"^([A-Z]+)(?:/[\w-]+)?( \(negated\))?: ([^→]*?) \(\"(.*?)\"\)$")
"""The first read's older form: a source and the trigger, no arrow and no target shown."""
_MARK = re.compile(r"\[\[(.*?)\]\]")

_FEATURES: dict[tuple[str, int], dict[str, Any]] = {}
"""(article id, trigger start) -> the drafting inputs of the event coded there."""
_CURRENT = {"id": ""}
"""The article being analysed (one at a time)."""


def _judged(docs: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse the judged rows of every table of judged events, each table one read (named by the heading
    above it, numbered in the order of the document: older first). Return the rows and the rows that
    could not be parsed."""
    lines = docs.splitlines()
    rows: list[dict[str, Any]] = []
    bad: list[str] = []
    heading, read = "", 0
    i = 0
    while i < len(lines):
        if _HEADING.match(lines[i]):
            heading = lines[i].lstrip("#").strip()
        if not lines[i].startswith(_HEADERS):
            i += 1
            continue
        wide = lines[i].count("|") == 6
        read += 1
        i += 2
        while i < len(lines) and lines[i].startswith("|"):
            row = _row(lines[i], wide)
            if row is None:
                bad.append(lines[i][:160])
            else:
                rows.append({**row, "read": read, "sample": _read_name(heading)})
            i += 1
    return rows, bad


def _read_name(heading: str) -> str:
    """A read's short name: its seed, else its heading's start."""
    seed = re.search(r"seed[s]? (\d+)|Sample (\d+)", heading)
    return (seed.group(1) or seed.group(2)) if seed else heading[:40]


def _row(line: str, wide: bool) -> dict[str, Any] | None:
    """One judged row, or None when its cells do not read as a coded event."""
    m = _ROW.match(line)
    if not m:
        return None
    cells = [c.strip() for c in m.group(3).split(" | ")]
    if len(cells) != (3 if wide else 2):
        return None
    if wide:
        sentence, coded, verdict = cells
        mark = _MARK.search(sentence)
        trigger = mark.group(1) if mark else ""
    else:
        coded, verdict = cells
        trigger = ""
    c = _CODED.match(re.sub(r"\s*\(no entity\)|\s*\([^()]*\)(?= →)|\s*\([^()\"]*\)$", "", coded))
    old = None if c else _CODED_OLD.match(coded)
    if old is None and c is None:
        return None
    low = verdict.lower().lstrip("*")
    if low.startswith("wrong"):
        label = "wrong"
    elif "borderline" in low[:20]:
        label = "borderline"
    elif low.startswith("right"):
        label = "right"
    else:
        return None
    if c is not None:
        source, target, quoted = c.group(3), c.group(4), c.group(5) or ""
    else:  # the older form: the target is not shown, so the event must have none
        c, source, target, quoted = old, old.group(3), "", old.group(4)
    return {
        "n": int(m.group(1)),
        "article": m.group(2),
        "type": c.group(1),
        "negated": bool(c.group(2)),
        "source": source,
        "target": target,
        "trigger": trigger or quoted,
        "verdict": label,
    }


def _wrap_score() -> None:
    """Record each draft's inputs when `Drafter._score` sets its confidence."""
    original = _drafting.Drafter._score

    def score(self: Any, st: Any, cand: Any, d: Any, mood: Any) -> None:
        before = d.confidence
        original(self, st, cand, d, mood)
        anchor = d.anchor if d.anchor is not None else d.tok
        doc = st.doc
        _FEATURES[(_CURRENT["id"], d.start)] = {
            "origin": cand.sense.origin,
            "form": _form(cand, d),
            "base_after_args": round(before, 3),
            "has_source": bool(d.sources),
            "has_target": bool(d.targets),
            "source_entity": any(a.entity for a in d.sources),
            "target_entity": any(a.entity for a in d.targets),
            "sources": len(d.sources),
            "pronoun_side": any(doc[a.head].tag_ in ("PRP", "PRP$") for a in d.sources + d.targets),
            "negated": d.negated,
            "mode": d.mode,
            "cameo_root": (d.cameo or "")[:2] or None,
            "intended": mood.intended,
            "possible": mood.possible,
            "reported": mood.reporter is not None,
            "conditional": self.mod.conditional(anchor)
            or (not mood.intended and self.mod.rule_of_condition(anchor)),
            "unestablished": self._asserted(cand) and self.mod.unestablished(anchor),
            "one_actor_no_target": not d.targets and _drafting._one_actor(doc, d),
            "embedded": self.mod.embedded(anchor),
            "background": self.mod.background(anchor),
            "inside_content": self.mod.inside_content(anchor, st.cands),
            "unresolved": d.unresolved,
            "headline": self.mod.headline(cand.tok.sent),
            "prep_depth": self.g.prep_depth(cand.tok),
            "aggregate": d.ceiling < 1.0,
            "sentence": d.sent,
            "type_kind": "verbal" if d.type in _VERBAL else "material",
        }

    _drafting.Drafter._score = score  # type: ignore[method-assign]


def _form(cand: Any, d: Any) -> str:
    """How the trigger was found: a verb, a noun with a light verb, a noun said to occur, a noun with a
    side, a bare noun (no side)."""
    if not cand.noun:
        return "verb"
    if cand.light is not None:
        return "noun_light"
    if cand.occurs is not None:
        return "noun_occurs"
    return "noun" if d.sources or d.targets else "noun_bare"


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
    parser.add_argument("--corpus", help="the corpus to analyse afresh (with --docs and --out)")
    parser.add_argument("--docs")
    parser.add_argument("--out")
    parser.add_argument("--study", help="an --out file written before: print its rates, analyse nothing")
    args = parser.parse_args()
    if args.study:
        with open(args.study, encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh]
    else:
        items = _join(args.corpus, args.docs, args.out)
    pool = [it for it in items if it["confidence"] >= EVENT_MIN_CONFIDENCE]
    for name, group in (("confident", pool), ("under the threshold", [i for i in items if i not in pool])):
        verdicts = [it["verdict"] for it in group]
        print(
            f"{name}: {len(group)}, right {verdicts.count('right')}, "
            f"borderline {verdicts.count('borderline')}, wrong {verdicts.count('wrong')}; "
            f"strict {_strict(verdicts)}"
        )
    _auc(items)
    print("\nrates by input, the confident pool:")
    _rates(pool)
    print(f"(threshold {EVENT_MIN_CONFIDENCE})")
    for name, rule in _RULES.items():
        _holdout(items, name, rule)


def _analyse(corpus: str, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Analyse the wanted articles of the corpus afresh, recording each draft's inputs."""
    _wrap_score()
    events: dict[str, list[dict[str, Any]]] = {}
    with open(corpus, encoding="utf-8") as fh:
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
            direct = [(q.start, q.end) for q in analysis.quotes if q.kind == "direct"]
            kinds = {e.id: e.type for e in analysis.entities}
            parties = [(e.id, m.start) for e in analysis.entities if e.type in _PARTIES for m in e.mentions]
            events[raw["id"]] = [
                {
                    **e.model_dump(),
                    "in_quote": any(qs <= e.trigger.start < qe for qs, qe in direct),
                    "source_kind": kinds.get(e.source[0]) if e.source else None,
                    "target_kind": kinds.get(e.target[0]) if e.target else None,
                    "other_party": _other_party(e, analysis.sentences[e.sentence], parties),
                }
                for e in analysis.events
            ]
    return events


def _other_party(event: Any, sentence: Any, parties: list[tuple[str, int]]) -> bool:
    """Whether the event's sentence mentions a party (a person, an organisation, a group, a country, a
    people) that is none of its sides."""
    sides = set(event.source) | set(event.target)
    return any(sentence.start <= at < sentence.end and eid not in sides for eid, at in parties)


def _join(corpus: str, docs: str, out: str) -> list[dict[str, Any]]:
    """Match each judged row to today's events; an event judged in several reads counts once, in its
    first read, with its latest verdict (the last reading of the same coding)."""
    with open(docs, encoding="utf-8") as fh:
        rows, bad = _judged(fh.read())
    events = _analyse(corpus, {r["article"] for r in rows})
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
            seen[key]["verdicts"].append(r["verdict"])
            seen[key]["verdict"] = r["verdict"]
            continue
        seen[key] = {
            **r,
            "samples": [f"{r['sample']}#{r['n']}"],
            "verdicts": [r["verdict"]],
            "confidence": e["confidence"],
            "now_trigger": e["trigger"]["text"],
            "now_source": e["source_text"],
            "now_target": e["target_text"],
            "in_quote": e["in_quote"],
            "other_party": e["other_party"],
            "source_kind": e["source_kind"],
            "target_kind": e["target_kind"],
            "position": _position(e["sentence"]),
            "article_kind": r["article"].split("-")[0],
            **_FEATURES.get(key, {"origin": "speech_act"}),
        }
    with open(out, "w", encoding="utf-8") as fh:
        for item in seen.values():
            fh.write(json.dumps(item) + "\n")
    reads = len({r["read"] for r in rows})
    print(f"reads {reads}; rows {len(rows)} (+{len(bad)} unparsed); matched {len(rows) - len(skipped)}")
    print(f"  ({len(seen)} distinct events); skipped {len(skipped)} (coded otherwise today or gone)")
    split = sum(len(set(it["verdicts"])) > 1 for it in seen.values())
    print(f"  events judged more than once with differing verdicts: {split} (the latest kept)")
    return list(seen.values())


def _position(sentence: int) -> str:
    """Where in its article an event's sentence stands: the lead, the next two, further down."""
    return "lead" if sentence == 0 else "2nd-3rd" if sentence < 3 else "4th-8th" if sentence < 8 else "9th+"


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
    "sentence position": lambda it: it.get("position"),
    "in a direct quote": lambda it: it.get("in_quote"),
    "source entity kind": lambda it: it.get("source_kind"),
    "target entity kind": lambda it: it.get("target_kind"),
    "article source": lambda it: it.get("article_kind"),
    "negated x type": lambda it: (it.get("negated"), it["type"]) if it.get("negated") else None,
    "mode x type": lambda it: (it["type"], it.get("mode")),
    "another party in the sentence": lambda it: it.get("other_party"),
    "no target x another party": lambda it: (it.get("has_target"), it.get("other_party")),
    "no target, another party x type": lambda it: (
        it["type"] if it.get("has_target") is False and it.get("other_party") else None
    ),
    "negated": lambda it: it.get("negated"),
    "mode": lambda it: it.get("mode"),
    "CAMEO root": lambda it: it.get("cameo_root"),
    "possible": lambda it: it.get("possible"),
    "conditional": lambda it: it.get("conditional"),
    "unestablished": lambda it: it.get("unestablished"),
    "embedded": lambda it: it.get("embedded"),
    "inside content": lambda it: it.get("inside_content"),
    "headline": lambda it: it.get("headline"),
    "aggregate": lambda it: it.get("aggregate"),
    "unresolved pronoun": lambda it: it.get("unresolved"),
    "pronoun side": lambda it: it.get("pronoun_side"),
    "sources": lambda it: min(it.get("sources", 0), 2),
    "prep depth": lambda it: it.get("prep_depth"),
    "one actor, no target": lambda it: it.get("one_actor_no_target"),
    "base after arguments": lambda it: it.get("base_after_args"),
    "sides resolved": lambda it: (
        "source " + ("entity" if it.get("source_entity") else "text" if it.get("has_source") else "none"),
        "target " + ("entity" if it.get("target_entity") else "text" if it.get("has_target") else "none"),
    ),
    "kind x one actor, no target": lambda it: (it.get("type_kind"), it.get("one_actor_no_target")),
    "type x one actor, no target": lambda it: (it["type"], it.get("one_actor_no_target")),
    "form x sides": lambda it: (it.get("form"), it.get("has_source"), it.get("has_target")),
    "kind x sides": lambda it: (it.get("type_kind"), it.get("has_source"), it.get("has_target")),
    "kind x reported": lambda it: (it.get("type_kind"), it.get("reported")),
}
"""The inputs and pairs of inputs whose values are counted."""


def _rates(items: list[dict[str, Any]]) -> None:
    """Print, for each input, each value's count and its right, borderline and wrong verdicts."""
    for name, cell in _CELLS.items():
        by: dict[str, list[str]] = defaultdict(list)
        for it in items:
            by[str(cell(it))].append(it["verdict"])
        print(f"\n{name}:")
        for v, verdicts in sorted(by.items()):
            n, right, wrong = len(verdicts), verdicts.count("right"), verdicts.count("wrong")
            print(
                f"  {v:>34}  n={n:3d}  right {right:3d} ({right / n:4.0%})"
                f"  borderline {n - right - wrong:3d}  wrong {wrong:3d} ({wrong / n:4.0%})"
            )


def _auc(items: list[dict[str, Any]]) -> None:
    """Print the AUC of the confidence (the chance a right event outscores a not-right one)."""
    for label, good in (("strict", ("right",)), ("lenient", ("right", "borderline"))):
        pos = [it["confidence"] for it in items if it["verdict"] in good]
        neg = [it["confidence"] for it in items if it["verdict"] not in good]
        wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
        print(
            f"\nAUC of the confidence, {label}: {wins / (len(pos) * len(neg)):.3f} ({len(pos)} vs {len(neg)})"
        )


_RULES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "no target": lambda it: it.get("has_target") is False,
    "one actor, no target": lambda it: bool(it.get("one_actor_no_target")),
    "verbal, no target": lambda it: it.get("type_kind") == "verbal" and it.get("has_target") is False,
    "material, source, no target": lambda it: (
        it.get("type_kind") == "material" and bool(it.get("has_source")) and it.get("has_target") is False
    ),
    "no source": lambda it: it.get("has_source") is False,
    "intended": lambda it: bool(it.get("intended")),
    "intended, no target": lambda it: bool(it.get("intended")) and it.get("has_target") is False,
    "intended AGREE, no target": lambda it: (
        bool(it.get("intended")) and it["type"] == "AGREE" and it.get("has_target") is False
    ),
    "CAMEO pattern": lambda it: it.get("origin") == "cameo_pattern",
    "event noun, no light verb": lambda it: it.get("form") in ("noun", "noun_bare", "noun_occurs"),
    "reported, verbal": lambda it: bool(it.get("reported")) and it.get("type_kind") == "verbal",
    "target text, no entity": lambda it: bool(it.get("has_target")) and not it.get("target_entity"),
    "no target, another party in the sentence": lambda it: (
        it.get("has_target") is False and bool(it.get("other_party"))
    ),
    "material, no target, another party": lambda it: (
        it.get("type_kind") == "material" and it.get("has_target") is False and bool(it.get("other_party"))
    ),
    "counterpart type, no target, another party": lambda it: (
        it["type"] in _COUNTERPART_TYPES and it.get("has_target") is False and bool(it.get("other_party"))
    ),
    "counterpart type or a threat, no target, another party": lambda it: (
        it["type"] in _COUNTERPART_TYPES | {"THREATEN"}
        and it.get("has_target") is False
        and bool(it.get("other_party"))
    ),
    "negated": lambda it: bool(it.get("negated")),
    "in a direct quote": lambda it: bool(it.get("in_quote")),
}
"""Candidate rules, each a test of an event's inputs that would put it out of the confident pool."""
_MIN_EVENTS = 12
"""The fewest confident judged events a rule must cover in the reads it is fitted on."""
_MARGIN = 0.15
"""How far above the pool's wrong rate a rule's wrong rate must be in the reads it is fitted on."""


def _adopted(train: list[dict[str, Any]], rule: Callable[[dict[str, Any]], bool]) -> bool:
    """Whether the fitting reads back a rule: enough events, a wrong rate well above the pool's."""
    hit = [it for it in train if rule(it)]
    if len(hit) < _MIN_EVENTS:
        return False
    wrong = sum(it["verdict"] == "wrong" for it in hit) / len(hit)
    pool = sum(it["verdict"] == "wrong" for it in train) / len(train)
    return wrong >= pool + _MARGIN


def _holdout(items: list[dict[str, Any]], name: str, rule: Callable[[dict[str, Any]], bool]) -> None:
    """Test a rule out of sample on today's confident judged events: fitted on every read but one and
    applied to the held-out read (leave-one-read-out), then on the older half for the newer and back.
    Print the held-out strict rate of the pool before and after, and the verdicts of those it drops."""
    pool = [it for it in items if it["confidence"] >= EVENT_MIN_CONFIDENCE]
    reads = sorted({it["read"] for it in pool})
    middle = reads[len(reads) // 2]
    folds = [([r], f"read {r}") for r in reads]
    halves = [
        ([r for r in reads if r < middle], "older half"),
        ([r for r in reads if r >= middle], "newer half"),
    ]
    print(f"\nrule {name!r}: in the whole pool {sum(map(rule, pool))} of {len(pool)}")
    for scheme, groups in (("leave one read out", folds), ("halves", halves)):
        kept: list[str] = []
        dropped: list[str] = []
        every: list[str] = []
        adopted = 0
        for held, _label in groups:
            test = [it for it in pool if it["read"] in held]
            train = [it for it in pool if it["read"] not in held]
            on = _adopted(train, rule)
            adopted += on
            for it in test:
                every.append(it["verdict"])
                (dropped if on and rule(it) else kept).append(it["verdict"])
        print(
            f"  {scheme}: adopted in {adopted} of {len(groups)} fits; held-out strict "
            f"{_strict(every)} -> {_strict(kept)}; dropped {len(dropped)}: "
            f"right {dropped.count('right')}, borderline {dropped.count('borderline')}, "
            f"wrong {dropped.count('wrong')}"
        )


def _strict(verdicts: list[str]) -> str:
    """The share of right verdicts, with its count."""
    if not verdicts:
        return "-"
    return f"{verdicts.count('right') / len(verdicts):.1%} of {len(verdicts)}"


if __name__ == "__main__":
    main()
