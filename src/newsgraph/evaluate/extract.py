"""HTML extraction: the article text newsgraph reads from a web page (`eval/extract/score.py`).

Each gold record names its page (`html_file`, relative to the gold file's folder) and the true
article text. The page is read like any HTML input (`sources.read.read_html_file`: decoding,
then trafilatura), analyzed, and the Analysis's `text` is the prediction. The gold `text` is
never read for the prediction: a page that cannot be read predicts an empty text.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis
from newsgraph.sources.base import RawArticle, Rejected
from newsgraph.sources.read import read_html_file


def source(record: dict[str, Any], gold: Path) -> RawArticle | Rejected:
    """Read the page a gold record points to into the article to analyze."""
    rid = str(record["id"])
    name = record.get("html_file")
    if not isinstance(name, str) or not name:
        return Rejected(f"gold:{rid}", "record has no `html_file`", id=rid)
    items = list(read_html_file(gold.parent / name))
    item = items[0] if items else Rejected(str(gold.parent / name), "nothing read", id=rid)
    if isinstance(item, RawArticle):
        item.id = rid
        url = record.get("url")
        if isinstance(url, str) and url and not item.url:
            item.url = url
    return item


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """The article text extracted from the page."""
    return {"id": record["id"], "text": analysis.text}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """The extraction scorer's command-line arguments (label `extract`)."""
    return ["--gold", str(gold), "--pred", str(pred), "--label", "extract"]


def shingle_figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """F1, precision and recall of word 4-shingles over the documents, as the scorer's last line."""
    true, guess = scorer.load_jsonl(gold), scorer.load_jsonl(pred)
    f1, precision, recall = scorer.aggregate(
        [scorer.doc_counts(true[k], guess.get(k, ""), 4) for k in sorted(true)]
    )
    return {"F1": f1, "P": precision, "R": recall}


# Extraction needs no newsgraph component: only the text that reaches the pipeline is scored.
TASK = Task(
    name="extract",
    scorer="extract/score.py",
    predict=predict,
    figures=shingle_figures,
    scorer_args=scorer_args,
    clean=True,
    components=(),
    source=source,
)
