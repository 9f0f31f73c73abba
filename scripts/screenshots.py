"""Screenshots of the demo store's home, entity, article and events pages (`make screenshots`).

    python scripts/screenshots.py --db sqlite:///newsgraph.db --out docs/screenshots

Serves the store on a free local port, opens each page in Debian's Chromium (Playwright) at
1280 px wide and writes PNGs, each cut at --max-height pixels to keep them small. The entity
is the most mentioned person; the article is the newest with the most quotes among the latest 50.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy import func, select

from newsgraph.app import create_app
from newsgraph.settings import Settings
from newsgraph.store import queries
from newsgraph.store import schema as s
from newsgraph.store.db import open_store


def _pages(db: str) -> dict[str, str]:
    engine = open_store(db)
    with engine.connect() as conn:
        person = queries.list_entities(conn, type_="PERSON", limit=1).items
        latest = [a.id for a in queries.list_articles(conn, limit=50).items]
        quoted = conn.execute(
            select(s.quotes.c.article_id, func.count().label("n"))
            .where(s.quotes.c.article_id.in_(latest))
            .group_by(s.quotes.c.article_id)
            .order_by(func.count().desc(), s.quotes.c.article_id.desc())
            .limit(1)
        ).first()
    engine.dispose()
    if not person or quoted is None:
        raise SystemExit(f"{db} holds no person or no quoted article: ingest the demo corpus first")
    return {
        "home": "/",
        "entity": f"/entities/{person[0].id}",
        "article": f"/articles/{quoted.article_id}",
        "events": "/events",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="sqlite:///newsgraph.db")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--max-height", type=int, default=1800)
    args = parser.parse_args()
    pages = _pages(args.db)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    app = create_app(Settings(db=args.db, api_rate=0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages.items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                height = min(args.max_height, page.evaluate("document.documentElement.scrollHeight"))
                clip = {"x": 0, "y": 0, "width": 1280, "height": height}
                page.screenshot(path=str(args.out / f"{name}.png"), clip=clip, full_page=True)
                print(f"{name}: {path} -> {args.out / f'{name}.png'}")
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
