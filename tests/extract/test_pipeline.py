"""The pipeline: raw article to Analysis, batching, order, rejection of bad input."""

from __future__ import annotations

import gc

import orjson
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.batch.local import Done, analyze_parallel
from newsgraph.errors import ArticleTooLong, EmptyArticle, ExtractionError, InputError
from newsgraph.extract.pipeline import analyze, analyze_stream, get_nlp, normalize_published
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected
from newsgraph.sources.read import read_jsonl
from tests.support.paths import SAMPLES

ARTICLE = (
    "The mayor of Lyon, Claire Martin, said on Friday that the city would close two bridges "
    "for repairs. “We cannot wait any longer,” Martin told reporters.\n"
)


def test_pipeline_get_nlp_loads_once_per_process(settings: Settings, nlp: Language) -> None:
    assert get_nlp(settings) is nlp
    ours = [n for n in nlp.pipe_names if n.startswith("newsgraph_")]
    assert ours == ["newsgraph_paragraphs", *settings.components]
    assert nlp.pipe_names.index("newsgraph_paragraphs") < nlp.pipe_names.index("parser")
    assert gc.get_freeze_count() > 100_000  # built, the pipeline is out of the collector's full passes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-07-18", "2021-07-18"),
        ("2021-07-18T00:00:00", "2021-07-18"),
        ("2021-07-18T09:30:00Z", "2021-07-18T09:30:00+00:00"),
        ("Sun, 18 Jul 2021 09:30:00 +0000", "2021-07-18T09:30:00+00:00"),
        ("2021-07-18 extra words", "2021-07-18"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_pipeline_normalize_published(value: str | None, expected: str | None) -> None:
    assert normalize_published(value) == expected


def test_pipeline_analysis_has_sentences_and_stable_identity(settings: Settings) -> None:
    a = analyze(ARTICLE, published="2024-05-03", settings=settings)
    b = analyze(ARTICLE, published="2024-05-03", settings=settings)
    assert a.to_json() == b.to_json()
    assert a.hash == b.hash and len(a.hash) == 64 and a.id == a.hash[:16]
    assert a.published == "2024-05-03"
    assert len(a.sentences) == 2
    for s in a.sentences:
        assert 0 <= s.start < s.end <= len(a.text)
    assert a.text == ARTICLE.strip()


def test_pipeline_stream_keeps_order_and_rejects_bad_input(settings: Settings) -> None:
    small = settings.model_copy(update={"max_chars": 1000, "batch_size": 2})
    items: list[RawArticle | Rejected] = [
        RawArticle(text=ARTICLE, id="one", origin="x:1"),
        RawArticle(text="   \n\t ", id="blank", origin="x:2"),
        Rejected("x:3", "invalid JSON"),
        RawArticle(text=ARTICLE * 20, id="long", origin="x:4"),
        RawArticle(text=ARTICLE.replace("Lyon", "Nice"), id="five", origin="x:5"),
    ]
    results = list(analyze_stream(items, settings=small))
    assert len(results) == 5
    assert isinstance(results[0], Analysis) and results[0].id == "one"
    assert isinstance(results[1], Rejected) and "no article text" in results[1].reason
    assert isinstance(results[2], Rejected) and results[2].reason == "invalid JSON"
    assert isinstance(results[3], Rejected) and "over the limit" in results[3].reason
    assert isinstance(results[4], Analysis) and results[4].id == "five"


def test_pipeline_analyze_raises_on_empty_text(settings: Settings) -> None:
    with pytest.raises(InputError):
        analyze("  \n ", settings=settings)


def test_pipeline_workers_give_identical_output(settings: Settings) -> None:
    items = list(read_jsonl(SAMPLES / "articles.jsonl"))
    one = list(analyze_parallel(items, settings, workers=1))
    two = list(analyze_parallel(items, settings.model_copy(update={"batch_size": 1}), workers=2))
    assert all(isinstance(r, Done) for r in one)
    assert [r.json for r in one] == [r.json for r in two]  # type: ignore[union-attr]
    ids = [orjson.loads(r.json)["id"] for r in one]  # type: ignore[union-attr]
    assert ids == ["harbor-strike", "flood-relief", "council-vote"]


@pytest.mark.parametrize(
    "garbage",
    ["“" * 100_000, "%" * 5_000, "<>" * 3_000],
)
def test_pipeline_rejects_text_the_tokenizer_cannot_handle(settings: Settings, garbage: str) -> None:
    items = [
        RawArticle(text=f"{ARTICLE}\n{garbage}\n", id="bad", origin="x:1"),
        RawArticle(text=ARTICLE, id="ok"),
    ]
    bad, good = analyze_stream(items, settings=settings)
    assert isinstance(bad, Rejected)
    assert "pathological text" in bad.reason
    assert isinstance(good, Analysis)


def test_pipeline_keeps_long_words_and_urls(settings: Settings) -> None:
    url = "https://example.org/" + "a/b-c_d" * 300
    a = analyze(f"{ARTICLE}\nSource: {url}\n", settings=settings)
    assert url in a.text


def test_pipeline_line_breaks_end_sentences(settings: Settings) -> None:
    text = (
        "Harbour strike enters its third week\n"
        "Dock workers in Genoa stayed off the job on Monday as talks with the port authority\n"
        "stalled again, the union said.\n"
    )
    a = analyze(text, settings=settings)
    starts = [a.text[s.start : s.end] for s in a.sentences]
    assert starts[0] == "Harbour strike enters its third week"
    assert starts[1].startswith("Dock workers in Genoa")
    assert starts[1].endswith("the union said."), "a hard-wrapped line stays in its sentence"


def test_pipeline_failing_component_rejects_its_article_or_fails_in_strict_mode(
    settings: Settings, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    component = type(nlp.get_pipe("newsgraph_quantities"))
    original = component.__call__

    def explode(self: object, doc: Doc) -> Doc:
        if "EXPLODE" in doc.text:
            raise RuntimeError("component failure")
        return original(self, doc)

    alone = analyze(ARTICLE, settings=settings)
    monkeypatch.setattr(component, "__call__", explode)
    items = [
        RawArticle(text=ARTICLE, id="a"),
        RawArticle(text=ARTICLE.replace("Lyon", "EXPLODE"), id="bad", origin="x:2"),
        RawArticle(text=ARTICLE, id="c"),
    ]
    lenient = settings.model_copy(update={"batch_size": 8, "strict": False})
    first, bad, last = analyze_stream(items, settings=lenient)
    assert isinstance(bad, Rejected)
    assert (bad.origin, bad.id) == ("x:2", "bad")
    assert bad.reason == "extraction failed in newsgraph_quantities: RuntimeError: component failure"
    for result in (first, last):
        assert isinstance(result, Analysis)
        assert result.entities == alone.entities, "a retried article is analyzed once, from scratch"
        assert result.quotes == alone.quotes
    with pytest.raises(ExtractionError, match="in newsgraph_quantities: RuntimeError") as failure:
        list(analyze_stream(items, settings=settings.model_copy(update={"strict": True})))
    assert isinstance(failure.value.__cause__, RuntimeError)
    with pytest.raises(ExtractionError, match="newsgraph_quantities") as failure:
        analyze(items[1].text, settings=lenient)  # analyze() raises whatever the mode
    assert failure.value.status == 500


def test_pipeline_strict_mode_is_on_in_the_test_suite() -> None:
    assert Settings().strict, "conftest sets NEWSGRAPH_STRICT=1 so an injected bug fails the suite"


def test_pipeline_errors_keep_their_class() -> None:
    with pytest.raises(ArticleTooLong) as too_long:
        analyze("word " * 300, settings=Settings(max_chars=1000))
    assert too_long.value.status == 413
    with pytest.raises(EmptyArticle):
        analyze("   \n  ")
    rejected = list(
        analyze_stream([RawArticle(text="x" * 2000, origin="in:1")], settings=Settings(max_chars=1000))
    )
    assert isinstance(rejected[0], Rejected)
    assert rejected[0].reason == "article has 2,000 characters, over the limit of 1,000 (NEWSGRAPH_MAX_CHARS)"


def test_pipeline_components_do_not_fail_on_an_article_without_places(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    text = "The committee met on Tuesday. Its chair said the vote would take place next month.\n"
    with caplog.at_level("WARNING", logger="newsgraph"):
        a = analyze(text, settings=settings)
    assert a.places == []
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []
