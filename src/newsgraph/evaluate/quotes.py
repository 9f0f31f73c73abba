"""Quotes: quote spans and their speakers (PolNeAR style, `eval/quotes/score.py`).

Each quote becomes `{"start", "end", "kind", "speaker", "speaker_start", "speaker_end",
"fragments"?}`: `speaker` is the resolved entity's name (else the speaker phrase as written),
`speaker_start`/`speaker_end` the speaker's mention in the quote's own frame ("she"), which is
what the scorer matches first. Gold offsets point into the raw text, so cleaning is off.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every quote of the analysis with its speaker's name and mention span."""
    quotes = []
    for q in analysis.quotes:
        entity = analysis.entity(q.speaker)
        line: dict[str, Any] = {
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": entity.name if entity is not None else q.speaker_text,
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
        }
        if q.fragments:
            line["fragments"] = [[f.start, f.end] for f in q.fragments]
        quotes.append(line)
    return {"id": record["id"], "quotes": quotes}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """The scorer takes the gold and prediction paths as positional arguments."""
    return [str(gold), str(pred)]


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Overlap F1 of direct and of all quotes, speaker accuracy, attributed F1 (overlap and speaker)."""
    result = scorer.score(scorer.load_jsonl(gold), scorer.load_jsonl(pred))
    return {
        "direct_F1": result["ov_direct"]["F1"],
        "all_F1": result["ov_all"]["F1"],
        "speaker_acc": result["speaker_acc"],
        "attributed_F1": result["attributed"]["F1"],
    }


TASK = Task(
    name="quotes",
    scorer="quotes/score.py",
    predict=predict,
    figures=figures,
    scorer_args=scorer_args,
    clean=False,
)
