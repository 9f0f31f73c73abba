"""Where known name forms occur again in an article (`chains.occurrences`)."""

from __future__ import annotations

from newsgraph.extract.components.entities.chains import occurrences


def _found(text: str, forms: list[str]) -> list[str]:
    return [text[s:e] for s, e in occurrences(text, forms)]


def test_whole_words_only_and_the_longest_form_wins() -> None:
    text = "Mr. Okafor met Okafor-Smith, then Amara Okafor spoke; Okafors and OKAFOR were absent."
    assert _found(text, ["Okafor", "Amara Okafor", "OKAFOR"]) == ["Okafor", "Amara Okafor", "OKAFOR"]


def test_no_overlap_and_forms_at_the_text_edges() -> None:
    text = "Lagos State said Lagos"
    assert occurrences(text, ["Lagos", "Lagos State", "State said"]) == [(0, 11), (17, 22)]


def test_a_hyphen_or_underscore_beside_a_form_keeps_it_out() -> None:
    assert _found("pre-Lagos and Lagos_x and (Lagos)", ["Lagos"]) == ["Lagos"]
