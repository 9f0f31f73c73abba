"""CPU time to load the events component's compiled CAMEO verb dictionary and its lexicons.

    .venv/bin/python benchmarks/bench_cameo.py [--repeat N]

Each load runs in a fresh process and is timed with `time.process_time` (figures that hold on a
shared machine): importing the events package (spaCy and the rest, which every caller has
already paid for) is measured apart from `load_dictionary()` itself (read
`lexicons/cameo_verbs.json`, parse, build the pattern tables) and from `load_lexicon()` (this
project's trigger, actor, rule and confidence files). The issue's bound is 0.5 s for the
dictionary load. The median of N runs is printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_LOAD = """
import json, time
t0 = time.process_time()
import newsgraph.extract.components.events._dictionary as d
import newsgraph.extract.components.events._lexicon as lx
t1 = time.process_time()
cameo = d.load_dictionary()
t2 = time.process_time()
lx.load_lexicon()
t3 = time.process_time()
patterns = sum(len(b) for b in cameo.blocks)
print(json.dumps({"import": t1 - t0, "dictionary": t2 - t1, "lexicon": t3 - t2,
                  "verbs": len(cameo.verbs), "patterns": patterns}))
"""


def load_times(repeat: int) -> dict[str, float]:
    """Median CPU seconds of the import, the dictionary load and the lexicon load, fresh processes."""
    runs = [
        json.loads(
            subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True).stdout
        )
        for _ in range(repeat)
    ]
    out = {key: statistics.median(r[key] for r in runs) for key in ("import", "dictionary", "lexicon")}
    out["verbs"], out["patterns"] = runs[0]["verbs"], runs[0]["patterns"]
    return out


def main() -> None:
    """Print the load figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="Fresh processes to time (median kept).")
    args = parser.parse_args()
    t = load_times(args.repeat)
    print(f"CAMEO dictionary: {t['verbs']:.0f} verb lemmas, {t['patterns']:.0f} patterns")
    print(f"import of the events package: {t['import']:.3f} s CPU (median of {args.repeat})")
    print(f"load_dictionary():            {t['dictionary']:.3f} s CPU (bound: 0.5 s)")
    print(f"load_lexicon():               {t['lexicon']:.3f} s CPU")


if __name__ == "__main__":
    main()
