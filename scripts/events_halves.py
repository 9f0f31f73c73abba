"""Score event predictions on two halves of a gold file, to check a change on data it was not tuned on.

    .venv/bin/newsgraph evaluate events GOLD -o PRED
    .venv/bin/python scripts/events_halves.py GOLD PRED [--per-type]

Half A holds the gold file's even lines (0, 2, …), half B its odd lines; each is scored with the
shared scorer's own `score()` (`../shared/eval/events/score.py`), then the whole file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "score.py"


def main() -> None:
    """Print the scores of half A, half B and the whole gold file."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--per-type", action="store_true")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("events_score", args.scorer)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    lines = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = scorer.load(str(args.pred))
    for name, part in (("A", lines[0::2]), ("B", lines[1::2]), ("all", lines)):
        s = scorer.score({str(d["id"]): d for d in part}, pred)
        print(
            f"{name}: items={s['items']} microF1={s['microF1']:.3f} macroF1={s['macroF1']:.3f} "
            f"actor_acc={s['actor_acc']:.3f} P={s['P']:.3f} R={s['R']:.3f}"
        )
        if args.per_type and name == "all":
            for type_, (tp, fp, fn) in sorted(s["per_type"].items()):
                print(f"  {type_:10} tp={tp:3d} fp={fp:3d} fn={fn:3d} F1={scorer.f1(tp, fp, fn)[2]:.2f}")


if __name__ == "__main__":
    main()
