"""Publication dates in the web UI and the store: where each came from, and "date unknown"."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.app import create_app
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.export import iter_rows
from newsgraph.store.writer import store_analyses
from tests.support.store import make_analysis

DATED = "Yesterday, February 17, 2006, Ruth Okafor said the bridge would close."
UNDATED = "Ruth Okafor said the repairs would take four months."
LEDE = "The ministry reopened the bridge on February 17, 2006."


def test_web_dates_show_their_source_or_date_unknown(tmp_path: Path) -> None:
    okafor = [("e1", "PERSON", "Ruth Okafor", [])]
    dated = make_analysis(DATED, id="dated", title="Bridge closes", published="2006-02-18", entities=okafor)
    dated = dated.model_copy(update={"published_source": "text"})
    undated = make_analysis(UNDATED, id="undated", title="Repairs", entities=okafor)
    lede = make_analysis(LEDE, id="lede", title="Bridge reopens")
    lede = lede.model_copy(update={"reference_date": "2006-02-17", "reference_time": "t1"})
    engine = open_store(f"sqlite:///{tmp_path / 'dates.db'}")
    store_analyses(engine, [dated, undated, lede])
    with TestClient(create_app(Settings(), engine=engine)) as client:
        articles = {a["doc_id"]: a["id"] for a in client.get("/api/articles").json()["items"]}
        assert "published 2006-02-18 (from the text)" in client.get(f"/articles/{articles['dated']}").text
        assert "date unknown" in client.get(f"/articles/{articles['undated']}").text
        assert "date unknown" in client.get("/articles").text
        lede_page = client.get(f"/articles/{articles['lede']}").text
        assert "date unknown (times read from 2006-02-17, the date its lede tells)" in lede_page
        entity = client.get("/api/entities", params={"q": "Okafor"}).json()["items"][0]["id"]
        page = client.get(f"/entities/{entity}").text
        assert "Not on the chart: 1 article of unknown date (1 mention)." in page
        assert client.get(f"/api/entities/{entity}").json()["undated"] == {"articles": 1, "mentions": 1}
    with engine.connect() as conn:
        rows = {
            r["doc_id"]: (r["published_source"], r["reference_date"], r["reference_time_local_id"])
            for chunk in iter_rows(conn, "articles")
            for r in chunk
        }
    assert rows == {
        "dated": ("text", None, None),
        "undated": (None, None, None),
        "lede": (None, "2006-02-17", "t1"),
    }
