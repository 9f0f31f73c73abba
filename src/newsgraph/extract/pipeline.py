"""The one place the spaCy pipeline is built, and the path from raw article to Analysis.

    raw text ──clean──► body ──nlp (spaCy + newsgraph components)──► Doc ──► Analysis

The model is loaded once per process (`get_nlp`). `analyze_stream` batches articles through
`nlp.pipe`; every other entry point (the `analyze()` function, the CLI, ingest, batch) goes
through it, so all give byte-identical analyses for the same input.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import NoReturn

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.boundary import reject
from newsgraph.errors import ArticleTooLong, ConfigError, EmptyArticle, ExtractionError, InputError
from newsgraph.extract.attribute_ruler import index_attribute_rulers
from newsgraph.extract.clean import Cleaned, clean_text
from newsgraph.extract.components import FACTORIES
from newsgraph.extract.extensions import (
    DOC_TEXT_KEY,
    doc_text,
    get_entities,
    get_events,
    get_places,
    get_quantities,
    get_quotes,
    get_reference,
    get_summary,
    get_times,
    set_extensions,
    set_published,
)
from newsgraph.extract.language import detect_language
from newsgraph.extract.lemmatizer import index_lemmatizers
from newsgraph.extract.published import recover_published
from newsgraph.models import Analysis, PublishedSource, Sentence
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected
from newsgraph.watchdog import ArticleTimeout, time_limit

LOGGER = logging.getLogger(__name__)

_NLP: dict[tuple[str, tuple[str, ...], bool], Language] = {}
_NLP_LOCK = threading.Lock()


def build_nlp(settings: Settings) -> Language:
    """Load the spaCy model and add newsgraph's components in `settings.components` order."""
    set_extensions()
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model {settings.model!r}: {exc}") from exc
    index_attribute_rulers(nlp)  # the same tags, parts of speech and lemmas, found with less CPU
    index_lemmatizers(nlp)  # the same lemmas, looked up by array
    if settings.paragraph_breaks and "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for name in settings.components:
        if not Language.has_factory(name):
            raise ConfigError(f"unknown component {name!r}; newsgraph's are {', '.join(FACTORIES)}")
        nlp.add_pipe(name)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    nlp.default_error_handler = name_failed_component  # (set_error_handler fails on spaCy's parser)
    return nlp


def get_nlp(settings: Settings | None = None) -> Language:
    """Return this process's pipeline for these settings, building it on first use."""
    settings = settings or Settings()
    key = (settings.model, tuple(settings.components), settings.paragraph_breaks)
    with _NLP_LOCK:
        nlp = _NLP.get(key)
        if nlp is None:
            nlp = _NLP[key] = build_nlp(settings)
            # The model, lexicons and gazetteers now live as long as the process: out of the
            # garbage collector's full passes, which would otherwise walk their ~400,000 objects
            # again and again (0.2 s a pass), and out of forked workers' copied pages. Garbage
            # is collected first so that no dead cycle is frozen with them.
            gc.collect()
            gc.freeze()
    return nlp


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of a text (the article's stable identity)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_published(value: str | None) -> str | None:
    """Return an ISO 8601 date or datetime for a publication date in a common format, else None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                LOGGER.warning("unrecognised publication date %r ignored", value)
                return None
    if parsed.hour == parsed.minute == parsed.second == 0 and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat()


def clean_article(raw: RawArticle, settings: Settings) -> Cleaned:
    """Return the article body to analyze: cleaned unless `settings.clean` is off.

    HTML bodies are cleaned too: extractors leave "Related: …" lines and share prompts behind.
    """
    return clean_text(raw.text) if settings.clean else Cleaned(text=raw.text.strip())


class Prepared:
    """An article ready for the pipeline: its raw record, its cleaned body and its Doc."""

    __slots__ = ("cleaned", "doc", "language", "published", "published_source", "raw")

    def __init__(
        self,
        raw: RawArticle,
        cleaned: Cleaned,
        doc: Doc,
        published: tuple[str, PublishedSource] | None,
        language: str | None = "en",
    ) -> None:
        self.raw = raw
        self.cleaned = cleaned
        self.doc = doc
        self.published: str | None = published[0] if published else None
        self.published_source: PublishedSource | None = published[1] if published else None
        self.language = language


_LONG_RUN = re.compile(r"\S{1000,}")
MAX_SYMBOL_RUN = 300


def check_tokenizable(text: str, origin: str) -> None:
    """Reject text spaCy's tokenizer would take minutes on.

    The tokenizer splits punctuation off a whitespace-free run one character at a time, rescanning
    the rest each time: quadratic in the run's length (4,000 "%" in a row take seconds, 100,000
    quotation marks many minutes, until the watchdog gives up on the article). Runs of letters,
    digits and URLs are cheap; a long run made mostly of symbols is garbage, never article text.

    Raises:
        InputError: a run of over 1,000 non-space characters holds over MAX_SYMBOL_RUN symbols.
    """
    for match in _LONG_RUN.finditer(text):
        run = match.group()
        symbols = sum(1 for ch in run if not ch.isalnum())
        if symbols > MAX_SYMBOL_RUN and symbols * 2 > len(run):
            raise InputError(
                f"{origin}: pathological text at character {match.start():,}: {len(run):,} characters "
                f"without a space, {symbols:,} of them symbols"
            )


def prepare(raw: RawArticle, nlp: Language, settings: Settings) -> Prepared:
    """Clean a raw article and make its (unprocessed) Doc.

    Raises:
        InputError: the article is too long, nothing is left after cleaning, or it is not English
            (`settings.non_english` is "reject").
    """
    if len(raw.text) > settings.max_chars:
        raise ArticleTooLong(
            f"{raw.origin}: article has {len(raw.text):,} characters, over the limit of "
            f"{settings.max_chars:,} (NEWSGRAPH_MAX_CHARS)"
        )
    cleaned = clean_article(raw, settings)
    if not cleaned.text.strip():
        raise EmptyArticle(f"{raw.origin}: no article text left after cleaning")
    language: str | None = "en"
    if settings.non_english != "off":
        language = detect_language(cleaned.text).code
        if language not in (None, "en") and settings.non_english == "reject":
            raise InputError(f"{raw.origin}: not English (detected: {language})")
    check_tokenizable(cleaned.text, raw.origin)
    published = find_published(raw, cleaned)
    doc = nlp.make_doc(cleaned.text)
    doc.user_data[DOC_TEXT_KEY] = cleaned.text  # what doc.text would rebuild, token by token
    set_published(doc, published[0] if published else None)
    return Prepared(raw, cleaned, doc, published, language)


def find_published(raw: RawArticle, cleaned: Cleaned) -> tuple[str, PublishedSource] | None:
    """Return the publication date and its source: the input's, else one recovered from the article.

    Times in the text are resolved against it (`extract.published` says how it is recovered).
    """
    published = normalize_published(raw.published)
    if published is not None:
        return published, raw.published_source or "given"
    return recover_published(raw.url, cleaned.date_lines, cleaned.text)


def _rstrip(text: str, start: int, end: int) -> int:
    """Return `end` moved left past trailing whitespace (a sentence never ends in a line break)."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def build_analysis(prepared: Prepared) -> Analysis:
    """Assemble the Analysis of a processed Doc."""
    doc, raw, cleaned = prepared.doc, prepared.raw, prepared.cleaned
    text = doc_text(doc)
    digest = content_hash(text)
    bounds = (
        [(s.start_char, s.end_char) for s in doc.sents]
        if doc.has_annotation("SENT_START")
        else [(0, len(text))]
    )
    sentences = [Sentence(start=start, end=_rstrip(text, start, end)) for start, end in bounds]
    reference = get_reference(doc)
    return Analysis(
        id=raw.id or digest[:16],
        hash=digest,
        url=raw.url,
        source=raw.source,
        title=raw.title or cleaned.headline,
        published=prepared.published,
        published_source=prepared.published_source,
        reference_date=reference[0] if reference else None,
        reference_time=reference[1] if reference else None,
        language=prepared.language,
        authors=raw.authors or cleaned.authors,
        dateline=cleaned.dateline,
        text=text,
        removed=cleaned.removed,
        sentences=sentences,
        entities=get_entities(doc),
        quotes=get_quotes(doc),
        events=get_events(doc),
        quantities=get_quantities(doc),
        times=get_times(doc),
        places=get_places(doc),
        summary=get_summary(doc),
    )


def analyze_stream(
    items: Iterable[RawArticle | Rejected],
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
) -> Iterator[Analysis | Rejected]:
    """Analyze articles in order, batched through `nlp.pipe`; bad ones come out as Rejected.

    This is the per-article failure boundary (`newsgraph.boundary`) of every entry point: the
    output has one item per input item, in input order; an article whose cleaning or analysis
    raises comes out as a `Rejected` with the reason (with `settings.strict`, a bug is raised
    instead). Each article's cleaning, and each batch's analysis, runs under the
    `settings.article_seconds` watchdog; a batch that runs past it, or raises, is analyzed again
    one article at a time, each under its own limit, so only the failing article is rejected.
    """
    settings = settings or Settings()
    nlp = nlp or get_nlp(settings)
    batch: list[Prepared | Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            batch.append(item)
        else:
            try:
                with time_limit(settings.article_seconds):
                    batch.append(prepare(item, nlp, settings))
            except BaseException as exc:
                batch.append(reject(item.origin, exc, id=item.id, strict=settings.strict, stage="cleaning"))
        if len(batch) >= settings.batch_size:
            yield from _run_batch(batch, nlp, settings)
            batch = []
    if batch:
        yield from _run_batch(batch, nlp, settings)


def _run_batch(
    batch: list[Prepared | Rejected], nlp: Language, settings: Settings
) -> Iterator[Analysis | Rejected]:
    prepared = [p for p in batch if isinstance(p, Prepared)]
    results: dict[int, Analysis | Rejected] = {}
    try:
        with time_limit(settings.article_seconds):
            done = list(nlp.pipe(p.doc for p in prepared))
        for p, doc in zip(prepared, done, strict=True):
            p.doc = doc
            results[id(p)] = build_analysis(p)
    except ArticleTimeout:
        LOGGER.warning("batch timed out; retrying its %d articles one by one", len(prepared))
        results.clear()
    except Exception:
        if settings.strict:
            raise
        LOGGER.warning("batch failed; retrying its %d articles one by one", len(prepared))
        results.clear()
    if len(results) < len(prepared):
        for p in prepared:
            try:
                results[id(p)] = _process(p, nlp, settings.article_seconds)
            except BaseException as exc:
                results[id(p)] = reject(p.raw.origin, exc, id=p.raw.id, strict=settings.strict)
    for item in batch:
        yield item if isinstance(item, Rejected) else results[id(item)]


def _fresh_doc(p: Prepared, nlp: Language) -> Doc:
    """Make a new, unprocessed Doc of the article.

    A retry must not see what a failed pass left behind: a parse, half-filled lists of facts.
    """
    doc = nlp.make_doc(p.cleaned.text)
    doc.user_data[DOC_TEXT_KEY] = p.cleaned.text
    set_published(doc, p.published)
    return doc


def _process(p: Prepared, nlp: Language, seconds: float = 0) -> Analysis:
    """Run the pipeline on a fresh Doc of one article and build its Analysis; raise on failure."""
    with time_limit(seconds):
        (p.doc,) = nlp.pipe([_fresh_doc(p, nlp)])
    return build_analysis(p)


def name_failed_component(name: str, proc: object, docs: list[Doc], exc: Exception) -> NoReturn:
    """spaCy error handler: raise the component's exception as an ExtractionError naming it."""
    raise ExtractionError(f"extraction failed in {name}: {type(exc).__name__}: {exc}") from exc


def analyze(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    *,
    id: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyze one article's text and return its Analysis.

    Raises:
        InputError: the text is empty after cleaning, too long (ArticleTooLong), not English, or
            ran past `settings.article_seconds`.
        ExtractionError: a component raised on it (the message names the component).
    """
    settings = settings or Settings()
    nlp = get_nlp(settings)
    raw = RawArticle(text=text, id=id, url=url, title=title, published=published, source=source)
    try:
        with time_limit(settings.article_seconds):
            prepared = prepare(raw, nlp, settings)
        return _process(prepared, nlp, settings.article_seconds)
    except ArticleTimeout as exc:
        raise InputError(f"{raw.origin}: {exc.reason}") from None
