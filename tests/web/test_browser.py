"""The web UI in a real browser (Debian's Chromium driven by Playwright).

Opens a sample article, sees a quote highlighted with its speaker, follows the speaker to the
entity page and finds the quote there; runs a search; merges two entities from an entity
page. Screenshots of the article, entity and events pages are written to
`test-artifacts/screenshots/`.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from newsgraph.app import create_app
from newsgraph.settings import Settings
from tests.support.paths import ROOT

pytest.importorskip("playwright")
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(settings: Settings, engine: Engine) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    app = create_app(settings.model_copy(update={"api_rate": 0}), engine=engine)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, f"the page reported errors: {errors}"


def test_browser_quote_to_speaker_page(page: Page, base_url: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base_url}/articles")
    page.get_by_role("link", name="Rotterdam dock workers strike as automation talks collapse").click()
    quote = page.locator("a.q", has_text="We have negotiated for eleven months").first
    expect(quote).to_be_visible()
    quote.hover()
    assert "Marieke de Vries" in (quote.get_attribute("title") or "")
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)

    page.get_by_label("quotes").uncheck()  # the layer toggles work without JavaScript
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.get_by_label("quotes").check()

    quote.click()
    expect(page.locator("h1")).to_contain_text("Marieke de Vries")
    expect(page.locator("figure.quote").first).to_contain_text("eleven months")
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)


def test_browser_search_and_events(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/search")
    page.get_by_label("Query").fill("bus fares")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.hits li").first).to_contain_text("Springfield council freezes bus fares")
    expect(page.locator("ol.hits mark").first).to_be_visible()
    page.goto(f"{base_url}/events")
    expect(page.locator("svg.map")).to_be_visible()
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)


@pytest.fixture(scope="module")
def corrections_url(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with the write token set, on a store of its own holding the identity articles."""
    import uvicorn

    from newsgraph.store.db import open_store
    from newsgraph.store.writer import store_analyses
    from tests.support.store import identity_articles

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('corrections') / 'store.db'}")
    store_analyses(store, identity_articles())
    port = _free_port()
    app = create_app(settings.model_copy(update={"api_rate": 0, "api_token": "br0wser-token"}), engine=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.dispose()


def test_browser_merge_from_the_entity_page(page: Page, corrections_url: str) -> None:
    import orjson

    found = page.request.get(f"{corrections_url}/api/entities?q=Mark%20Clifford").body()
    mark = orjson.loads(found)["items"][0]["id"]
    found = page.request.get(f"{corrections_url}/api/entities?q=John%20Clifford").body()
    john = orjson.loads(found)["items"][0]["id"]
    page.goto(f"{corrections_url}/entities/{john}")
    form = page.locator("#merge-form")
    form.get_by_label("Merge with entity ids").fill(str(mark))
    form.get_by_label("write token").fill("br0wser-token")
    form.get_by_label("your name").fill("browser test")
    form.get_by_role("button", name="Merge").click()
    expect(page.locator("h1")).to_contain_text("John Clifford")
    expect(page.locator("p.counts")).to_contain_text("2 articles")
    page.screenshot(path=str(SHOTS / "entity-merged.png"), full_page=True)
    audit = orjson.loads(page.request.get(f"{corrections_url}/api/corrections/audit").body())["items"]
    assert [(a["action"], a["author"]) for a in audit] == [("merge", "browser test")]


def test_browser_demo_pages_home_entity_article_events(page: Page, base_url: str) -> None:
    """The four pages of the demo: the home page leads to a person, an article and the events."""
    page.goto(base_url)
    expect(page.locator("h1")).to_have_text("What the news says")
    expect(page.locator("svg.chart")).to_be_visible()  # articles over time
    expect(page.locator("svg.map")).to_be_visible()
    page.locator("section", has_text="Who is quoted most").get_by_role("link").first.click()
    expect(page.locator("h2", has_text="Often named with")).to_be_visible()
    expect(page.locator("figure.quote mark.said").first).to_be_visible()
    page.locator("#articles").get_by_role("link").first.click()
    expect(page.locator("#text")).to_be_visible()
    expect(page.locator("#text .ent").first).to_be_visible()
    page.get_by_role("link", name="Events", exact=True).click()
    chart = page.locator("figure.timeline svg.chart")
    expect(chart).to_be_visible()
    assert (chart.bounding_box() or {"width": 0})["width"] > 900  # full width, readable
    assert "event" in (page.locator("figure.timeline g title").first.text_content() or "")


def test_browser_api_docs_work_offline_under_the_csp(page: Page, base_url: str) -> None:
    """/docs, reached from the footer, renders every operation and runs one, fetching nothing
    from elsewhere and breaking no Content-Security-Policy rule (the page fixture fails on any
    console error, which is how Chromium reports a blocked script or style)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="API reference").click()
    operation = page.locator("#operations-search-stats")
    expect(operation).to_be_visible()
    assert page.locator(".opblock").count() >= 20
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    expect(operation.locator(".responses-wrapper .highlight-code").first).to_contain_text('"articles"')
    page.screenshot(path=str(SHOTS / "docs.png"), full_page=False)
    outside = [url for url in requested if not url.startswith((base_url, "data:"))]
    assert not outside, outside


def test_browser_watch_this_entity_and_open_its_feed(page: Page, corrections_url: str) -> None:
    """ "Watch this" on an entity page leads to the watch's page; its Atom feed opens as a styled page."""
    import orjson

    found = page.request.get(f"{corrections_url}/api/entities?q=Jim%20Risch").body()
    risch = orjson.loads(found)["items"][0]["id"]
    page.goto(f"{corrections_url}/entities/{risch}")
    form = page.locator("#watch-form")
    form.locator("select[name=kind]").select_option("entities")
    form.get_by_label("write token").fill("br0wser-token")
    form.get_by_role("button", name="Watch").click()
    expect(page.locator("h1")).to_contain_text("articles mentioning James Risch")  # Jim = James
    feed = page.get_by_role("link", name="Atom feed").get_attribute("href")
    assert feed is not None and feed.endswith(".atom")
    page.screenshot(path=str(SHOTS / "watch.png"), full_page=True)
    page.goto(f"{corrections_url}{feed}")
    assert page.evaluate("document.documentElement.localName") == "feed"  # read as XML, not as text
    title = page.locator("feed > title")
    expect(title).to_have_text("newsgraph watch: articles mentioning James Risch")
    assert title.evaluate("e => getComputedStyle(e).display") == "block"  # the feed's stylesheet applies
    assert page.locator("feed > id").evaluate("e => getComputedStyle(e).display") == "none"
