"""Whole page as text: the article newsgraph finds in a page's visible text (`eval/extract/score.py`).

The input (`input.jsonl`, `{"id", "text"}`) holds everything a page shows, one block a line —
menus, share bars, related links, footers — as `html-text` or a browser's select-all gives it;
`expected.jsonl` beside it holds the article text. The text is cleaned like any input
(`newsgraph.clean.clean_text`) and the Analysis's `text` is scored (label `extract_page`).
"""

from __future__ import annotations

from newsgraph.evaluate import Task
from newsgraph.evaluate.cleaning import expected_beside, predict

TASK = Task(
    name="extract_page",
    scorer="extract/score.py",
    predict=predict,
    scorer_args=expected_beside("extract_page"),
    clean=True,
    components=(),
)
