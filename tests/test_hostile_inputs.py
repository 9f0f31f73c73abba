"""Hostile inputs: every pathology of a scraped corpus is analyzed or rejected with a clear reason,
within the per-article time and size limits, counted, and the rest of the batch completes.

The corpus is generated here: empty and whitespace-only files, NUL bytes and binary data,
invalid UTF-8, UTF-16 with a BOM, Windows-1252, a 20 MB article, a 1,000,000-character line
without spaces, 100,000 quotation marks, deeply nested and malformed HTML, entity-expansion
bombs, a truncated WARC.gz and a corrupt WARC, malformed JSONL lines, duplicate ids, and
articles in six other languages. One `ingest()` reads, analyzes and stores all of it.
"""

from __future__ import annotations

import gzip
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import orjson
import pytest
from fastapi.testclient import TestClient
from spacy.language import Language
from sqlalchemy import Engine, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.app import create_app
from newsgraph.extract.language import detect_language
from newsgraph.extract.pipeline import analyze_stream
from newsgraph.ingest import IngestReport, ingest
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected
from newsgraph.store import schema as s
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from newsgraph.watchdog import ArticleTimeout, time_limit
from tests.support.checks import schema_errors, span_violations

ARTICLE_SECONDS = 4.0
"""The per-article limit of these tests: pathological articles must end within it."""
SLOW = ("timed out after", "pathological text at character")
"""Reasons for text the pipeline cannot analyze in time: the watchdog, or the guard that spots
what spaCy's tokenizer is quadratic on before it starts."""

GOOD = [
    (
        "Harbour workers in Portsmouth walked out on Tuesday after talks over a new pay deal collapsed, "
        "union officials said. “We have been patient for two years,” said Grace Adeyemi, the union’s "
        "regional secretary. The port authority said 14 ships had been delayed and that it would "
        "return to the table next week."
    ),
    (
        "The city council of Galway approved a plan on Monday to close three primary schools and "
        "merge their 620 pupils into a new campus by 2027. Councillor Liam Brennan, who chairs the "
        "education committee, said the buildings were too costly to repair. Parents said they would "
        "challenge the decision in court."
    ),
    (
        "Flood defences along the River Severn held overnight as water levels peaked at 5.2 metres, "
        "the Environment Agency said on Thursday. About 300 homes in Shrewsbury were evacuated as a "
        "precaution. “The barriers did exactly what they were built to do,” a spokeswoman said."
    ),
]

FOREIGN = {
    "fr": (
        "Le conseil municipal de Lyon a voté mardi un nouveau plan de transport qui prévoit la gratuité "
        "des bus pour les moins de vingt ans. Selon le maire, la mesure coûtera environ douze millions "
        "d'euros par an et sera financée par une taxe sur les parkings. L'opposition a dénoncé un projet "
        "qui n'a pas été discuté avec les habitants."
    ),
    "de": (
        "Der Stadtrat von Leipzig hat am Dienstag einen neuen Verkehrsplan beschlossen, der kostenlose "
        "Busfahrten für alle unter zwanzig Jahren vorsieht. Nach Angaben des Bürgermeisters wird die "
        "Maßnahme etwa zwölf Millionen Euro im Jahr kosten und durch eine Abgabe auf Parkplätze "
        "finanziert. Die Opposition kritisierte, dass die Bürger nicht gefragt wurden."
    ),
    "es": (
        "El ayuntamiento de Valencia aprobó el martes un nuevo plan de transporte que prevé autobuses "
        "gratuitos para los menores de veinte años. Según el alcalde, la medida costará unos doce "
        "millones de euros al año y se financiará con una tasa sobre los aparcamientos. La oposición "
        "criticó que no se consultara a los vecinos."
    ),
    "ru": (
        "Городской совет Казани во вторник утвердил новый транспортный план, который предусматривает "
        "бесплатный проезд в автобусах для всех младше двадцати лет. По словам мэра, эта мера будет "
        "стоить около двенадцати миллионов в год и будет финансироваться за счет сбора с парковок. "
        "Оппозиция заявила, что жителей не спросили."
    ),
    "zh": (
        "南京市议会周二批准了一项新的交通计划，二十岁以下的市民可以免费乘坐公交车。市长表示，这项措施每年"
        "将花费约一千二百万元，资金来自停车场收费。反对派批评说，市政府没有征求居民的意见。"
    ),
    "ar": (
        "وافق المجلس البلدي في مدينة إربد يوم الثلاثاء على خطة نقل جديدة تتيح ركوب الحافلات مجانا لكل من هم "
        "دون العشرين. وقال رئيس البلدية إن هذا الإجراء سيكلف نحو اثني عشر مليون دينار في العام "
        "وسيمول من رسوم "
        "على مواقف السيارات. وانتقدت المعارضة عدم استشارة السكان."
    ),
}


@dataclass(frozen=True, slots=True)
class Expect:
    """What must become of one input: analyzed, or rejected with a reason containing `reason`."""

    category: str
    analyzed: bool = False
    reason: str | tuple[str, ...] = ()
    either: bool = False
    """Analyzed, or rejected for one of `reason` (pathologies whose cost depends on the machine)."""


def _warc_record(writer: WARCWriter, url: str, body: bytes) -> object:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=BytesIO(body), length=len(body), http_headers=headers
    )


def _page(text: str) -> bytes:
    body = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". "))
    return f"<html><head><title>News</title></head><body><article>{body}</article></body></html>".encode()


def build_corpus(folder: Path) -> dict[str, Expect]:
    """Write the hostile corpus into `folder`; return the expectation for each input's origin."""
    expect: dict[str, Expect] = {}

    def put(name: str, data: bytes, outcome: Expect) -> Path:
        path = folder / name
        path.write_bytes(data)
        expect[str(path)] = outcome
        return path

    for n, text in enumerate(GOOD):
        put(f"good-{n}.txt", text.encode(), Expect("good", analyzed=True))
    put("empty.txt", b"", Expect("empty", reason="empty file"))
    put(
        "blank.txt",
        " \n\t \r\n \u3000\u2028".encode(),
        Expect("empty", reason="empty"),
    )
    put(
        "nul.txt", GOOD[0][:80].encode() + b"\x00\x00" + GOOD[0][80:].encode(), Expect("binary", reason="NUL")
    )
    put("binary.txt", b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(8192), Expect("binary", reason="NUL"))
    invalid = GOOD[1].replace("Councillor", "\x93Councillor").encode() + b"\xff\xfe\x93 end\x94"
    put("invalid-utf8.txt", invalid, Expect("encoding", analyzed=True))
    put(
        "utf16.txt",
        "\ufeff".encode("utf-16-le") + GOOD[2].encode("utf-16-le"),
        Expect("encoding", analyzed=True),
    )
    put(
        "utf16be.txt",
        GOOD[2].replace("Thursday", "Friday").encode("utf-16"),
        Expect("encoding", analyzed=True),
    )
    cp1252 = GOOD[0].replace("Adeyemi", "Adéyemi").replace("Portsmouth", "Portsmouth café")
    put("cp1252.txt", cp1252.encode("cp1252"), Expect("encoding", analyzed=True))
    sentence = (GOOD[1] + " ").encode()
    put("huge.txt", sentence * (20_000_000 // len(sentence) + 1), Expect("size", reason="over the limit"))
    # one 1,000,000-character line: a minified blob (letters, digits, slashes, plus signs)
    blob = "".join(random.Random(1).choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789+/=", k=999_000))
    put("longline.txt", blob.encode(), Expect("long line", either=True, reason=SLOW))
    quotes = GOOD[0] + "\n" + '"' * 100_000 + "\n" + GOOD[2]
    put("quotes.txt", quotes.encode(), Expect("quotes", either=True, reason=SLOW))
    curly = GOOD[2] + " " + "“" * 50_000 + " he said " + "”" * 50_000
    put("curly.txt", curly.encode(), Expect("quotes", either=True, reason=SLOW))
    html_reasons = ("no article text found in HTML", "HTML extraction failed", *SLOW)
    nested = "<div>" * 100_000 + _page(GOOD[0]).decode() + "</div>" * 100_000
    put("nested.html", nested.encode(), Expect("nested HTML", either=True, reason=html_reasons))
    malformed = (
        "<html><head><title>Port strike</title></head><body><div><p>"
        + GOOD[0].replace(". ", ".<p><b><i>", 2)
        + "<table><tr><td>unclosed<td><script>alert(1)</scr<p>ipt></td></tr></table><p>"
        + GOOD[1]
        + "<!-- never closed <p>"
    )
    put("malformed.html", malformed.encode(), Expect("malformed HTML", analyzed=True))
    untitled = "<html><head><title>Port strike<body><p>" + GOOD[2] + "</p></body></html>"
    put("unclosed-title.html", untitled.encode(), Expect("malformed HTML", either=True, reason=html_reasons))
    laughs = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    bomb = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [{"".join(laughs)}]>\n'
        f"<html><body><article><p>&lol9;</p>{_page(GOOD[1]).decode()}</article></body></html>"
    )
    put("bomb.html", bomb.encode(), Expect("entity bomb", either=True, reason=html_reasons))
    quadratic = (
        f'<!DOCTYPE html [<!ENTITY big "{"x" * 50_000}">]><html><body><p>{"&big;" * 50_000}</p>'
        f"{_page(GOOD[2]).decode()}</body></html>"
    )
    put("quadratic.html", quadratic.encode(), Expect("entity bomb", either=True, reason=html_reasons))
    amp = (
        _page(GOOD[0]).decode().replace("</article>", "<p>" + "&amp;&#x41;&lt;" * 100_000 + "</p></article>")
    )
    put("entities.html", amp.encode(), Expect("entity bomb", either=True, reason=html_reasons))

    # WARC: a good archive, one cut inside its second gzip member, one with a corrupt header
    whole = BytesIO()
    writer = WARCWriter(whole, gzip=True)
    for n, text in enumerate(GOOD[:2]):
        page = _page(text.replace("said", f"said (report {n})"))
        writer.write_record(_warc_record(writer, f"https://example.org/w{n}", page))
    data = whole.getvalue()
    cut = folder / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    expect[f"{cut}#1"] = Expect("truncated gzip", analyzed=True)
    expect[f"{cut}#2"] = Expect("truncated gzip", reason=("truncated", "corrupt"))
    corrupt = folder / "corrupt.warc"
    plain = BytesIO()
    WARCWriter(plain, gzip=False).write_record(
        _warc_record(WARCWriter(BytesIO(), gzip=False), "https://example.org/c", _page(GOOD[2]))
    )
    corrupt.write_bytes(
        plain.getvalue().replace(b"WARC/1.", b"WARC/9.", 1).replace(b"Content-Length", b"Cntnt-Lngth")
    )
    expect[f"{corrupt}#1"] = Expect("corrupt WARC", reason=("corrupt", "truncated", "unreadable"))
    gz = folder / "notgzip.warc.gz"
    gz.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-12])
    expect[f"{gz}#1"] = Expect("truncated gzip", reason=("corrupt", "truncated"))

    # JSONL: good, malformed and hostile lines, duplicate ids, NUL characters
    lines: list[tuple[bytes, Expect]] = [
        (
            orjson.dumps({"id": "j-good", "text": GOOD[1].replace("Galway", "Sligo")}),
            Expect("good", analyzed=True),
        ),
        (b'{"id": "j-broken", "text": "unterminated', Expect("malformed JSONL", reason="invalid JSON")),
        (b"[1, 2, 3]", Expect("malformed JSONL", reason="expected a JSON object")),
        (b'"just a string"', Expect("malformed JSONL", reason="expected a JSON object")),
        (b'{"id": 7}', Expect("malformed JSONL", reason="no `text` or `html` field")),
        (b'{"id": "n", "text": 12345}', Expect("malformed JSONL", reason="empty `text`/`html`")),
        (b"[" * 100_000 + b"]" * 100_000, Expect("malformed JSONL", reason="invalid JSON")),
        (b'{"text": "a", "text": ' + b"{" * 5000, Expect("malformed JSONL", reason="invalid JSON")),
        (b"\xff\xfe{not utf8}", Expect("malformed JSONL", reason="invalid JSON")),
        (
            orjson.dumps({"id": "dup", "text": GOOD[0].replace("Tuesday", "Wednesday")}),
            Expect("duplicate id", analyzed=True),
        ),
        (
            orjson.dumps({"id": "dup", "text": GOOD[2].replace("Thursday", "Saturday")}),
            Expect("duplicate id", analyzed=True),
        ),
        (
            orjson.dumps(
                {"id": "nul", "text": GOOD[1].replace("Monday", "Mon\u0000day"), "title": "a\u0000b"}
            ),
            Expect("NUL in JSON", either=True, reason=("NUL",)),
        ),
    ]
    jsonl = folder / "lines.jsonl"
    jsonl.write_bytes(b"\n".join(line for line, _ in lines) + b"\n")
    for number, (_, outcome) in enumerate(lines, start=1):
        expect[f"{jsonl}:{number}"] = outcome
    for code, text in FOREIGN.items():
        put(
            f"foreign-{code}.txt",
            text.encode(),
            Expect("not English", reason=f"not English (detected: {code})"),
        )
    return expect


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, nlp: Language
) -> tuple[IngestReport, dict[str, Expect], Engine, float]:
    """Ingest the whole hostile corpus once; return the report, expectations, store and seconds."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    expect = build_corpus(corpus)
    engine = open_store(f"sqlite:///{folder / 'store.db'}")
    run = settings.model_copy(update={"article_seconds": ARTICLE_SECONDS, "batch_size": 8})
    started = time.monotonic()
    report = ingest([corpus], run, engine=engine, workers=1, commit_every=8)
    return report, expect, engine, time.monotonic() - started


def _outcomes(report: IngestReport, expect: dict[str, Expect]) -> dict[str, str | None]:
    rejected = {r.origin: r.reason for r in report.rejected}
    return {origin: rejected.get(origin) for origin in expect}


def test_hostile_inputs_each_analyzed_or_rejected_with_its_reason(
    hostile: tuple[IngestReport, dict[str, Expect], Engine, float],
) -> None:
    report, expect, _, _ = hostile
    wrong = []
    for origin, reason in _outcomes(report, expect).items():
        want = expect[origin]
        reasons = (want.reason,) if isinstance(want.reason, str) else want.reason
        ok = (want.analyzed or want.either) if reason is None else any(r in reason for r in reasons)
        if not ok:
            wrong.append(f"{origin} [{want.category}]: {'analyzed' if reason is None else reason!r}")
    assert wrong == [], "\n".join(wrong)
    unexpected = {r.origin for r in report.rejected} - set(expect)
    assert unexpected == set(), unexpected


def test_hostile_inputs_are_counted_and_the_rest_of_the_batch_completes(
    hostile: tuple[IngestReport, dict[str, Expect], Engine, float],
) -> None:
    report, expect, engine, seconds = hostile
    outcomes = _outcomes(report, expect)
    analyzed = [o for o, reason in outcomes.items() if reason is None]
    assert report.read == len(expect)
    assert report.stored + report.duplicates == len(analyzed)
    assert report.stored + report.duplicates + len(report.rejected) == report.read
    with engine.connect() as conn:
        stored = conn.execute(select(s.articles.c.doc_id, s.articles.c.text)).all()
    doc_ids = [row.doc_id for row in stored]
    assert {"good-0", "good-1", "good-2", "j-good"} <= set(doc_ids)
    assert doc_ids.count("dup") == 2  # duplicate ids with different texts are two articles
    texts = [row.text for row in stored]
    assert any("café" in t for t in texts)  # Windows-1252 decoded
    assert any("Friday" in t for t in texts)  # UTF-16 (big-endian BOM) decoded
    assert not any("lollollol" in t for t in texts)  # no entity was expanded
    # every pathology ends within its limits: at most three limits (cleaning, batch, alone) each
    slow = sum(1 for r in report.rejected if r.reason.startswith("timed out"))
    assert seconds < 120 + 3 * ARTICLE_SECONDS * slow, seconds
    counts = report.reasons()
    assert sum(counts.values()) == len(report.rejected)


def test_hostile_inputs_every_category_was_tried(
    hostile: tuple[IngestReport, dict[str, Expect], Engine, float],
) -> None:
    _, expect, _, _ = hostile
    categories = {e.category for e in expect.values()}
    assert categories >= {
        "empty",
        "binary",
        "encoding",
        "size",
        "long line",
        "quotes",
        "nested HTML",
        "malformed HTML",
        "entity bomb",
        "truncated gzip",
        "corrupt WARC",
        "malformed JSONL",
        "duplicate id",
        "not English",
    }


def _sleepy_nlp(trigger: str) -> Language:
    """A blank English pipeline whose only component loops forever on texts containing `trigger`."""
    import spacy

    name = "test_hostile_runaway"
    if not Language.has_factory(name):

        @Language.component(name)
        def runaway(doc: object) -> object:
            while trigger in str(doc):
                pass
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(name)
    return nlp


def test_hostile_runaway_article_times_out_and_the_batch_goes_on(settings: Settings, nlp: Language) -> None:
    sleepy = _sleepy_nlp("RUNAWAY")
    items: list[RawArticle | Rejected] = [
        RawArticle(text=GOOD[0], origin="a"),
        RawArticle(text=GOOD[1] + " RUNAWAY", origin="runaway"),
        RawArticle(text=GOOD[2], origin="c"),
    ]
    limited = settings.model_copy(update={"article_seconds": 0.5, "non_english": "off"})
    started = time.monotonic()
    results = list(analyze_stream(items, settings=limited, nlp=sleepy))
    assert time.monotonic() - started < 10
    assert [type(r).__name__ for r in results] == ["Analysis", "Rejected", "Analysis"]
    assert isinstance(results[1], Rejected)
    assert results[1].reason == "timed out after 0.5 s"


def test_hostile_time_limit_works_outside_the_main_thread() -> None:
    outcome: list[str] = []

    def spin() -> None:
        started = time.monotonic()
        try:
            with time_limit(0.3):
                while time.monotonic() - started < 10:
                    pass
            outcome.append("not stopped")
        except ArticleTimeout as exc:
            outcome.append(exc.reason)

    thread = threading.Thread(target=spin)
    thread.start()
    thread.join(15)
    assert outcome == ["timed out after 0.3 s"]
    time.sleep(0.4)  # no stray exception arrives after the block


def test_hostile_time_limit_survives_an_alarm_while_it_unwinds(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a loaded machine the follow-up alarm can arrive as the limit's `finally` starts, before it
    cancels the timer: the limit must still end cleanly, and no alarm may reach the code after it
    (a batch's "retrying one by one" once died of it)."""
    real = signal.setitimer
    cancels = [0]

    def setitimer(which: int, seconds: float, *rest: float) -> tuple[float, float]:
        if seconds == 0:
            cancels[0] += 1
            if cancels[0] == 2:  # the first cancel reads an outer limit; the second ends this one
                handler = signal.getsignal(signal.SIGALRM)
                assert callable(handler)
                handler(signal.SIGALRM, None)  # the alarm delivered at that moment
        return real(which, seconds, *rest)

    previous = signal.getsignal(signal.SIGALRM)
    monkeypatch.setattr(signal, "setitimer", setitimer)
    started = time.monotonic()

    def spin() -> None:
        with time_limit(0.2):
            while time.monotonic() - started < 10:
                pass

    with pytest.raises(ArticleTimeout):
        spin()
    time.sleep(0.3)  # a stray alarm would raise here
    assert cancels[0] >= 2
    assert signal.getsignal(signal.SIGALRM) is previous
    assert real(signal.ITIMER_REAL, 0) == (0.0, 0.0)


def test_hostile_non_english_is_marked_when_asked(
    analyze_text: Callable[..., Analysis], settings: Settings
) -> None:
    from newsgraph.extract.pipeline import analyze

    marked = analyze(FOREIGN["fr"], settings=settings.model_copy(update={"non_english": "mark"}))
    assert marked.language == "fr"
    english = analyze_text(GOOD[0])
    assert english.language == "en"
    off = analyze(FOREIGN["de"], settings=settings.model_copy(update={"non_english": "off"}))
    assert off.language == "en"


@pytest.mark.parametrize(("code", "text"), list(FOREIGN.items()))
def test_hostile_language_detection_names_the_language(code: str, text: str) -> None:
    assert detect_language(text).code == code
    assert not detect_language(text).is_english


@pytest.mark.parametrize(
    "text", [*GOOD, "Yes.", "", "12 345 678", "Amina Yusuf, Daniel Okafor, Mariam Haddad"]
)
def test_hostile_language_detection_never_rejects_english_or_undecidable_text(text: str) -> None:
    assert detect_language(text).is_english


def test_hostile_english_with_foreign_quotes_stays_english() -> None:
    text = GOOD[0] + " The banner read « Non à la fermeture » and „Wir bleiben hier“. " + GOOD[1]
    assert detect_language(text).code == "en"


def test_hostile_analyses_of_the_corpus_keep_every_invariant(
    hostile: tuple[IngestReport, dict[str, Expect], Engine, float],
) -> None:
    _, _, engine, _ = hostile
    with engine.connect() as conn:
        rows = conn.execute(select(s.articles.c.analysis)).all()
    analyses = [Analysis.model_validate(r[0]) for r in rows]  # the Json column gives the dict
    assert len(analyses) >= 8
    for analysis in analyses:
        assert span_violations(analysis) == []
        assert schema_errors(analysis) == []


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg/onload=alert(3)>",
    "javascript:alert(4)//</title><script>alert(5)</script>",
]
PAGES = [
    "/search?q={p}",
    "/search?q=mayor&source={p}&speaker={p}&entity={p}",
    "/entities?q={p}",
    "/quotes?q={p}&speaker={p}",
    "/events?place={p}",
    "/articles?source={p}",
    "/api/search?q={p}",
    "/api/entities?q={p}",
]


@pytest.fixture(scope="module")
def web(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The web UI and API on a store holding the good articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    store = open_store(url)
    items: list[RawArticle | Rejected] = [RawArticle(text=t, id=f"g{n}") for n, t in enumerate(GOOD)]
    store_analyses(store, [a for a in analyze_stream(items, settings=settings) if isinstance(a, Analysis)])
    with TestClient(create_app(settings.model_copy(update={"api_rate": 0}), engine=store)) as client:
        yield client
    store.dispose()


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_parameters_are_never_reflected_as_markup(web: TestClient, page: str) -> None:
    for payload in PAYLOADS:
        response = web.get(page.format(p=quote(payload)), headers={"accept": "text/html"})
        assert response.status_code < 500, response.text[:300]
        if response.headers.get("content-type", "").startswith("text/html"):
            assert payload not in response.text, f"{page}: {payload!r} reflected unescaped"
            assert _active_markup(response.text) == [], f"{page}: {payload!r} became markup"
            assert "script-src 'self'" in response.headers["content-security-policy"]


def _active_markup(page: str) -> list[str]:
    """Return what in an HTML page could run script: inline scripts, on* handlers, javascript: URLs."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.in_script = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.in_script = tag == "script"
            if tag == "script" and not any(name == "src" for name, _ in attrs):
                found.append("inline <script>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"<{tag} {name}=…>")
                if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    "javascript:"
                ):
                    found.append(f"<{tag} {name}=javascript:…>")

        def handle_data(self, data: str) -> None:
            if self.in_script and data.strip():
                found.append("inline script text")

        def handle_endtag(self, tag: str) -> None:
            self.in_script = False

    Finder().feed(page)
    return found


def test_hostile_token_comparison_is_exact_and_constant_time() -> None:
    import inspect

    from newsgraph.api import security

    assert security.token_matches("s3cret-token", "s3cret-token")
    for given in ["s3cret-tokeX", "s3cret-token ", "", None, "s3cret", "ſ3cret-token", "s3cret-tökén"]:
        assert not security.token_matches(given, "s3cret-token")
    assert not security.token_matches("anything", None)
    assert "compare_digest" in inspect.getsource(security.token_matches)


def test_hostile_markup_finder_catches_script() -> None:
    assert _active_markup('<p><img src=x onerror="alert(1)"></p>') == ["<img onerror=…>"]
    assert _active_markup("<script>alert(1)</script>") == ["inline <script>", "inline script text"]
    assert _active_markup('<a href=" JavaScript:alert(1)">x</a>') == ["<a href=javascript:…>"]
    assert _active_markup('<script src="/static/app-1.0.js"></script><p title="onerror=alert(2)">x</p>') == []
