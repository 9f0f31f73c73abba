"""Helpers for the watch tests: hand-written articles, and a local webhook receiver.

The articles: `FIRST` introduces Haibatullah Akhundzada, the Taliban and Doha (entities 1, 2, 3
of a fresh store); `TALKS` is a later report that concerns each kind of watch (a quote by
Akhundzada on a settlement, a number of prisoners he claims, talks held by the Taliban in Doha,
the phrase "prisoner exchange"); `ELSEWHERE` concerns none of those watches (another speaker on
a settlement, an assault in Kabul, a number of fighters); `CALLED_OFF` reports talks that did not
happen (a negated event).

`strike(n)`: six reports of one harbour strike in Rotterdam, by different outlets on different
days. Reports 1 and 2 (11 March) make one story, 4 and 5 (17 March) another, six days later, too
far apart to link; report 3 (14 March) is within three days of both and bridges the two;
report 6 (18 March) follows 4 and 5.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from sqlalchemy import Engine, text

from newsgraph.models import Analysis
from tests.support.store import DOHA_1, make_analysis

AKHUNDZADA, TALIBAN, DOHA = 1, 2, 3


def first() -> Analysis:
    """The article that introduces the watched entities (ids 1, 2, 3 in a fresh store)."""
    return make_analysis(
        DOHA_1,
        id="doha-1",
        source="Example News",
        title="Taliban leader wants settlement",
        published="2021-07-18",
        entities=[
            ("e1", "PERSON", "Haibatullah Akhundzada", ["Akhundzada"]),
            ("e2", "ORG", "Taliban", []),
            ("e3", "GPE", "Doha", []),
        ],
    )


TALKS_TEXT = (
    "Haibatullah Akhundzada said in Doha that a settlement was near. “A settlement is close and 120 "
    "prisoners will go home,” Akhundzada said. Taliban negotiators held talks with Afghan officials "
    "in Doha on the prisoner exchange."
)


def talks() -> Analysis:
    """A later report that every watch of the tests concerns."""
    return make_analysis(
        TALKS_TEXT,
        id="doha-talks",
        url="https://example.org/doha-talks",
        source="Other Wire",
        title="Prisoner exchange discussed in Doha",
        published="2021-07-20",
        entities=[
            ("e1", "PERSON", "Haibatullah Akhundzada", ["Akhundzada"]),
            ("e2", "ORG", "Taliban", []),
            ("e3", "GPE", "Doha", []),
        ],
        quotes=[("A settlement is close and 120 prisoners will go home,", "e1", "say")],
        events=[("CONSULT", "talks", ["e2"], [])],
        quantities=[("120 prisoners", 120, "prisoner", "e1")],
        places=[("Doha", "QA", 25.29, 51.53)],
    )


ELSEWHERE_TEXT = (
    "Abdullah Abdullah said in Kabul that a settlement was far off. “There is no settlement yet,” "
    "Abdullah said. Government forces attacked Taliban positions near Kabul, killing 30 fighters."
)


def elsewhere() -> Analysis:
    """A report that none of the tests' watches but `events on the Taliban` concerns."""
    return make_analysis(
        ELSEWHERE_TEXT,
        id="kabul-fighting",
        source="Other Wire",
        title="Fighting near Kabul",
        published="2021-07-21",
        entities=[
            ("e1", "PERSON", "Abdullah Abdullah", ["Abdullah"]),
            ("e2", "ORG", "Taliban", []),
            ("e3", "GPE", "Kabul", []),
        ],
        quotes=[("There is no settlement yet,", "e1", "say")],
        events=[("ASSAULT", "attacked", ["e1"], ["e2"])],
        quantities=[("30 fighters", 30, "fighter", "e1")],
        places=[("Kabul", "AF", 34.53, 69.17)],
    )


def called_off() -> Analysis:
    """Talks in Doha that did not happen: a negated CONSULT event, and one below the confidence floor."""
    analysis = make_analysis(
        "Taliban negotiators did not hold talks in Doha on Monday, and a meeting was only rumoured.",
        id="doha-off",
        published="2021-07-22",
        entities=[("e1", "ORG", "Taliban", []), ("e2", "GPE", "Doha", [])],
        events=[("CONSULT", "talks", ["e1"], []), ("CONSULT", "meeting", ["e1"], [])],
        places=[("Doha", "QA", 25.29, 51.53)],
    )
    analysis.events[0].negated = True
    analysis.events[1].confidence = 0.2
    return analysis


def matched(engine: Engine, watch_id: int) -> list[tuple[str, str, str]]:
    """The matches of a watch as (article's doc id, fact, local id), in the order recorded."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.doc_id, m.fact, m.local_id FROM watch_matches m "
                "JOIN articles a ON a.id = m.article_id WHERE m.watch_id = :w ORDER BY m.id"
            ),
            {"w": watch_id},
        )
        return [(str(doc), str(fact), str(local)) for doc, fact, local in rows]


@dataclass
class Receiver:
    """What a local webhook endpoint received: (headers, body) per request, in arrival order."""

    url: str
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    status: int = 204
    hold: threading.Event | None = None
    """When set, the first request waits for it before answering (to kill the sender meanwhile)."""
    arrived: threading.Event = field(default_factory=threading.Event)

    def bodies(self) -> list[dict[str, Any]]:
        """The JSON bodies received."""
        return [orjson.loads(body) for _, body in self.requests]


@contextmanager
def receiver(status: int = 204) -> Iterator[Receiver]:
    """Serve a webhook endpoint on 127.0.0.1 that records every POST and answers `status`."""
    box: list[Receiver] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            got = box[0]
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            got.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
            got.arrived.set()
            if got.hold is not None and len(got.requests) == 1:
                got.hold.wait(30)
            self.send_response(got.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.append(Receiver(f"http://127.0.0.1:{server.server_address[1]}/hook", status=status))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box[0]
    finally:
        if box[0].hold is not None:
            box[0].hold.set()
        server.shutdown()
        server.server_close()


STRIKE = [
    (
        "2024-03-11",
        "Harbour News",
        "Rotterdam dockworkers walk out",
        "Dockworkers at the Port of Rotterdam walked out on Monday in a strike over automated cranes, "
        "union leader Marieke de Vries said. Container terminals at Maasvlakte stood still as the "
        "dockworkers picketed the gates, and de Vries said the strike would last 48 hours.",
    ),
    (
        "2024-03-11",
        "Dutch Courier",
        "Strike halts Rotterdam terminals",
        "A strike by dockworkers halted the container terminals of the Port of Rotterdam on Monday. "
        "Marieke de Vries, who leads the dockworkers' union, said automated cranes threatened jobs, "
        "and ships queued at anchor outside Maasvlakte while pickets blocked the terminals.",
    ),
    (
        "2024-03-14",
        "Shipping Daily",
        "Rotterdam strike enters its fourth day",
        "The dockworkers' strike at the Port of Rotterdam entered its fourth day on Thursday, with "
        "terminals at Maasvlakte still closed. Marieke de Vries said the dockworkers would extend "
        "the strike until the operators dropped their plans for automated cranes.",
    ),
    (
        "2024-03-17",
        "Harbour News",
        "Rotterdam strike: talks with operators",
        "Marieke de Vries met the terminal operators of the Port of Rotterdam on Sunday as the "
        "dockworkers' strike over automated cranes went on. Maasvlakte terminals stayed shut, and "
        "the dockworkers said the strike would go on until the operators gave way.",
    ),
    (
        "2024-03-17",
        "Europe Wire",
        "Dockworkers keep Rotterdam terminals shut",
        "Striking dockworkers kept the Maasvlakte container terminals of the Port of Rotterdam shut "
        "on Sunday. Union leader Marieke de Vries said the strike over automated cranes would only "
        "end when the operators guaranteed the dockworkers' jobs.",
    ),
    (
        "2024-03-18",
        "Shipping Daily",
        "Rotterdam strike ends with a jobs deal",
        "The strike at the Port of Rotterdam ended on Monday after the terminal operators agreed to "
        "guarantee dockworkers' jobs for five years, Marieke de Vries said. The first ships left "
        "Maasvlakte within hours, though the automated cranes will still be installed.",
    ),
]


def strike(n: int) -> Analysis:
    """Report `n` (1 to 6) of the Rotterdam harbour strike (see the module docstring)."""
    day, source, title, text = STRIKE[n - 1]
    return make_analysis(
        text,
        id=f"strike-{n}",
        source=source,
        title=title,
        published=day,
        entities=[
            ("e1", "PERSON", "Marieke de Vries", ["de Vries"]),
            ("e2", "FAC", "Port of Rotterdam", []),
            ("e3", "FAC", "Maasvlakte", []),
        ],
        events=[("PROTEST", "strike", [], [])],
    )
