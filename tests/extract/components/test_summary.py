"""Tests of the summary component (`newsgraph_summary`)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from newsgraph.extract.extensions import get_summary
from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]

ARTICLE = (
    "City councillors in Leeds voted on Tuesday to close three public libraries by the end of the year, "
    "despite a petition signed by more than 12,000 residents.\n"
    "The council said the closures would save about £1.2 million a year as it faces a budget shortfall.\n"
    "Councillor Helen Moore, who leads the council, said the decision was painful but unavoidable.\n"
    "“We have protected front-line care, and that has meant hard choices elsewhere,” Moore said.\n"
    "Opposition members argued that the libraries serve as warm spaces for elderly residents in winter.\n"
    "The three branches are in Armley, Bramley and Seacroft.\n"
    "Campaigners said they would seek a judicial review of the decision.\n"
    "Follow us on Twitter @leedsnews for live updates.\n"
    "A spokesperson for the library workers’ union said staff had not been consulted.\n"
    "The council will hold a public meeting on the future of the buildings next month.\n"
    "Click here to sign up for our newsletter and get the latest stories every morning.\n"
    "Residents can still borrow books from the central library and from two mobile library vans.\n"
    "Share this:\n"
)


def _sentences(analysis: Analysis) -> list[str]:
    return [analysis.text[s.start : s.end].strip() for s in analysis.sentences]


def test_summary_picks_lead_sentences(analyze_text: Analyze) -> None:
    analysis = analyze_text(ARTICLE, clean=False)
    assert 3 <= len(analysis.summary) <= 5
    assert analysis.summary[0] == 0, "the lead sentence belongs in the summary"
    assert analysis.summary == sorted(analysis.summary)
    assert all(0 <= i < len(analysis.sentences) for i in analysis.summary)


def test_summary_excludes_junk(analyze_text: Analyze) -> None:
    analysis = analyze_text(ARTICLE, clean=False)
    picked = [_sentences(analysis)[i] for i in analysis.summary]
    for text in picked:
        assert "@leedsnews" not in text
        assert "newsletter" not in text
        assert text != "Share this:"


def test_summary_skips_verbless_and_short_lines(nlp: Language) -> None:
    summary = nlp.get_pipe("newsgraph_summary")
    doc = nlp(
        "Flood waters rose across the river valley overnight, forcing hundreds of families from their homes. "
        "In pictures: the flooded valley at dawn. "
        "Emergency crews opened three shelters in school gymnasiums and asked volunteers to bring blankets. "
        "Stay safe. "
        "The national weather service expects more rain over the weekend, and several roads remain closed."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert len(sentences) == 5, sentences
    picked = [sentences[i] for i in get_summary(doc)]
    assert len(picked) == 3, "all three reporting sentences, none of the two others"
    assert picked[0].startswith("Flood waters")
    assert not any(t.startswith(("In pictures", "Stay safe")) for t in picked)
    assert summary.size(usable=1, total=2) == 1


def test_summary_short_article_gets_fewer_sentences(analyze_text: Analyze) -> None:
    text = (
        "A magnitude 5.1 earthquake shook central Chile on Sunday, the national seismology centre said. "
        "There were no immediate reports of damage."
    )
    analysis = analyze_text(text, clean=False)
    assert 1 <= len(analysis.summary) <= 2
    assert analysis.summary[0] == 0


def test_summary_is_stable(analyze_text: Analyze) -> None:
    first = analyze_text(ARTICLE, clean=False).summary
    second = analyze_text(ARTICLE, clean=False).summary
    assert first == second
