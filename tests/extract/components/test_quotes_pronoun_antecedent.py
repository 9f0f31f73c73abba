"""Rule test of the quotes component: whom a speaker's "he" or "she" stands for.

A person named as the subject of the sentence just before a quotation is who the quote's "he" or "she"
is, even when the quotation runs over several sentences, rather than a person quoted earlier ("Hansen
answered on Friday. “… . …,” he wrote"); the common pattern "X said … . “… . …,” he said" keeps X."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _last_speaker(a: Analysis) -> str | None:
    quote = a.quotes[-1]
    return next((e.name for e in a.entities if e.id == quote.speaker), None)


def test_quotes_pronoun_after_a_quotation_of_several_sentences_is_the_person_named_before(
    analyze_text: Analyze,
) -> None:
    a = analyze_text(
        "Senator Maria Olsen opened the hearing in Oslo. “The budget is a disgrace,” Olsen said. "
        "Governor Peter Hansen answered on Twitter on Friday. “We reject these claims. "
        "The state will keep every promise it made,” he wrote."
    )
    assert _last_speaker(a) == "Peter Hansen"


def test_quotes_pronoun_after_a_long_quotation_follows_the_subject_not_the_last_quoted(
    analyze_text: Analyze,
) -> None:
    a = analyze_text(
        "“The river will flood by Sunday,” said Thomas Berg, a hydrologist at the university. "
        "Mayor John Carter visited the levee on Tuesday. “We are ready. Every family has a place to go. "
        "Nobody will be left behind,” he told reporters."
    )
    assert _last_speaker(a) == "John Carter"


def test_quotes_pronoun_keeps_the_last_named_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“Prices will rise,” said Paul Klein, an economist at the bank. Anna Lund said the vote was fair. "
        "“We won. The voters have spoken,” she said."
    )
    assert _last_speaker(a) == "Anna Lund"


def test_quotes_pronoun_is_not_the_subject_of_a_participle(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“The levy is fair,” said Paul Grant, the city engineer. Senator Tom Walsh spoke in the square, "
        "with Richard Hale standing beside him. “Vote for the levy. Our schools need it,” he told the crowd."
    )
    assert _last_speaker(a) == "Tom Walsh"
