"""An event's evidence: its sentence with the trigger, the source and the target marked.

The trigger's offsets are stored; the actors are found in the sentence by the phrases the coder
wrote for them (`source_text`, `target_text`, several joined by " ; "), the occurrence nearest the
trigger. An actor that the sentence names only by a pronoun resolved elsewhere stays unmarked.
Every piece of text is escaped.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

_ROLES = {
    "trigger": ("ev-trig", "what happened"),
    "source": ("ev-src", "who did it"),
    "target": ("ev-trg", "to whom"),
}


def _find(sentence: str, phrase: str, near: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the span of the occurrence of `phrase` nearest `near` that overlaps no taken span."""
    best: tuple[int, int] | None = None
    i = sentence.find(phrase)
    while i >= 0:
        span = (i, i + len(phrase))
        if not any(s < span[1] and span[0] < e for s, e in taken) and (
            best is None or abs(i - near) < abs(best[0] - near)
        ):
            best = span
        i = sentence.find(phrase, i + 1)
    return best


def evidence_spans(
    sentence: str, trigger: tuple[int, int], source_text: str | None, target_text: str | None
) -> list[tuple[int, int, str]]:
    """Return the marked spans of an event's sentence, (start, end, role), in text order."""
    spans: list[tuple[int, int, str]] = []
    t0, t1 = max(0, trigger[0]), min(len(sentence), trigger[1])
    if t0 < t1:
        spans.append((t0, t1, "trigger"))
    for role, text in (("source", source_text), ("target", target_text)):
        for phrase in (p.strip() for p in (text or "").split(" ; ")):
            if not phrase:
                continue
            found = _find(sentence, phrase, t0, [(s, e) for s, e, _r in spans])
            if found is not None:
                spans.append((found[0], found[1], role))
    return sorted(spans)


def event_evidence(
    sentence: str, trigger: tuple[int, int], source_text: str | None, target_text: str | None
) -> Markup:
    """Return the sentence as HTML with the trigger, source and target in <mark>s (all text escaped)."""
    out: list[str] = []
    pos = 0
    for start, end, role in evidence_spans(sentence, trigger, source_text, target_text):
        cls, title = _ROLES[role]
        out.append(escape(sentence[pos:start]))
        out.append(f'<mark class="{cls}" title="{title}">{escape(sentence[start:end])}</mark>')
        pos = end
    out.append(escape(sentence[pos:]))
    return Markup("".join(out))
