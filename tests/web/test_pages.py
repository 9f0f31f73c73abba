"""What a reader sees: the home page, filters, numbers, quote evidence, entity pages, API limits."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from newsgraph.app import create_app
from newsgraph.models import ENTITY_TYPES
from newsgraph.settings import Settings

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=engine)) as c:
        yield c


def test_web_home_shows_the_store_at_a_glance(client: TestClient) -> None:
    page = client.get("/").text
    for heading in ("Articles over time", "Who is quoted most", "People in the news", "Events by type"):
        assert heading in page
    assert 'class="map"' in page and 'class="chart"' in page
    assert "4 articles</b>" in page and "from 2 sources" in page
    assert not re.search(r"\b1 (articles|quotes|sources|numbers|events|mentions)\b", page)
    assert "Marieke de Vries" in page  # the most quoted person, linked


def test_web_numbers_browsable_without_a_query_and_filtered(client: TestClient) -> None:
    everything = client.get("/api/quantities").json()["items"]
    assert len(everything) >= 3
    money = client.get("/api/quantities", params={"kind": "money"}).json()["items"]
    assert money and all(n["kind"] == "money" for n in money) and len(money) < len(everything)
    page = client.get("/numbers?kind=money&claimant=&source=&since=").text
    assert all(n["text"] in page for n in money)
    assert 'href="/api/quantities?kind=money"' in page  # the JSON twin without blank fields
    bad = client.get("/numbers?kind=bogus", headers=HTML)
    assert bad.status_code == 422
    assert "invalid request: kind:" in bad.text and "money" in bad.text


def test_web_articles_filters_make_shareable_urls(client: TestClient) -> None:
    everything = client.get("/articles").text
    assert everything.count('<tr><td><a href="/articles/') == 4
    nigeria = client.get("/articles?place=Maiduguri&source=&event_type=").text
    assert "Floods kill dozens in northeastern Nigeria" in nigeria
    assert "Springfield council freezes bus fares" not in nigeria
    api = client.get("/api/articles", params={"place": "Maiduguri"}).json()["items"]
    assert [a["doc_id"] for a in api] == ["flood-relief"]
    quoted = client.get("/api/articles", params={"speaker": "Marieke de Vries"}).json()["items"]
    assert [a["doc_id"] for a in quoted] == ["harbor-strike"]
    bad = client.get("/articles?event_type=PARTY", headers=HTML)
    assert bad.status_code == 422 and "invalid request: event_type:" in bad.text and "CONSULT" in bad.text


def test_web_quote_sentence_marks_speaker_cue_and_quote(client: TestClient) -> None:
    page = client.get("/quotes", params={"speaker": "Marieke de Vries"}).text
    assert '<mark class="said">' in page
    assert '<b class="speaker" title="speaker">' in page
    assert '<b class="cue" title="cue">' in page


def test_web_entities_type_menu_lists_every_contract_type(client: TestClient) -> None:
    page = client.get("/entities").text
    for t in ENTITY_TYPES:
        assert f'<option value="{t}"' in page
    bad = client.get("/entities?type=FOO", headers=HTML)
    assert bad.status_code == 422 and "invalid request: type:" in bad.text and "DISEASE" in bad.text


def test_web_entity_page_has_related_entities_and_articles(client: TestClient) -> None:
    hit = client.get("/api/quotes", params={"q": "negotiated"}).json()["items"][0]
    data = client.get(f"/api/entities/{hit['speaker_id']}").json()
    assert data["related"] and all(r["articles"] >= 1 for r in data["related"])
    assert data["months"] and data["months"][0]["period"] == "2024-03"
    page = client.get(f"/entities/{hit['speaker_id']}").text
    assert "Often named with" in page
    related = data["related"][0]
    assert f'href="/entities/{related["id"]}"' in page
    assert 'id="articles"' in page and "Rotterdam dock workers strike" in page


def test_api_limits_and_openapi_agree(client: TestClient, settings: Settings) -> None:
    schema = client.get("/api/openapi.json").json()
    limits = [
        p["schema"]["maximum"]
        for path in schema["paths"].values()
        for op in path.values()
        for p in op.get("parameters", [])
        if p["name"] == "limit"
    ]
    assert limits and set(limits) == {settings.api_max_page}
    assert client.get("/api/articles", params={"limit": settings.api_max_page}).status_code == 200
    over = client.get("/api/articles", params={"limit": settings.api_max_page + 1})
    assert over.status_code == 422
    assert over.json()["errors"][0]["loc"] == ["query", "limit"]


def test_api_search_reports_expansions(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Marieke de Vries"}).json()
    assert body["items"] and "expanded" in body
    plain = client.get("/api/search", params={"q": "Marieke de Vries", "expand": "false"}).json()
    assert plain["expanded"] == []
