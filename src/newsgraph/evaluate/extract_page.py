"""Whole page as text: the article newsgraph finds in a page's visible text (`eval/extract/score.py`).

The input (`input.jsonl`, `{"id", "text"}`) holds everything a page shows, one block a line —
menus, share bars, related links, footers — as `html-text` or a browser's select-all gives it;
`expected.jsonl` beside it holds the article text. The text is cleaned like any input
(`newsgraph.extract.clean.clean_text`) and the Analysis's `text` is scored (label `extract_page`).
"""

from __future__ import annotations

from newsgraph.evaluate.cleaning import noisy_text_task

TASK = noisy_text_task("extract_page", "extract_page")
