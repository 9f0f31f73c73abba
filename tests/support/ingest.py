"""An ingest in a child process, on a corpus written for the test: for crash, resume and concurrency tests."""

from __future__ import annotations

import logging
import multiprocessing as mp
import socket
from pathlib import Path

import orjson

from newsgraph.ingest import ingest
from newsgraph.settings import Settings

PEOPLE = ["Amina Yusuf", "Daniel Okafor", "Mariam Haddad", "Tomas Lindqvist", "Priya Raman", "Kenji Sato"]
PLACES = ["Nairobi", "Lagos", "Amman", "Oslo", "Chennai", "Lima", "Hanoi", "Quito", "Dakar"]
TOPICS = ["water rationing", "a bus fare rise", "the new curfew", "flood defences", "school closures"]


def write_corpus(path: Path, n: int, *, pad: int = 0) -> int:
    """Write `n` short distinct articles (plus an exact duplicate and an empty record) as JSONL.

    Returns the number of distinct articles. `pad` adds that many extra sentences to each.
    """
    records = []
    for i in range(n):
        person, place, topic = PEOPLE[i % 6], PLACES[i % 9], TOPICS[i % 5]
        extra = " ".join(
            f"Officials in {place} counted {i * 7 + k} complaints about {topic} by day {k}."
            for k in range(pad)
        )
        text = (
            f"{person}, the mayor of {place}, defended {topic} on day {i} of the dispute. "
            f"“We had no other choice,” {person.split()[-1]} told reporters in {place} on Tuesday. "
            f"Residents said {i + 3} neighbourhoods were affected and {2 * i + 10} families had complained. "
            + extra
        )
        records.append(
            {"id": f"a{i}", "text": text, "published": f"2024-03-{i % 28 + 1:02d}", "source": "Test"}
        )
    records.append({**records[1], "id": "a1-mirror", "url": "https://mirror.example.org/a1"})
    records.append({"id": "blank", "text": "  "})
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return n


def _child(url: str, corpus: str, settings: Settings, commit_every: int, log: str | None) -> None:
    if log:
        logging.basicConfig(filename=log, level=logging.WARNING, force=True)
    ingest([Path(corpus)], settings.model_copy(update={"db": url}), workers=1, commit_every=commit_every)


def start_ingest(
    url: str, corpus: Path, settings: Settings, commit_every: int, log: str | None = None
) -> mp.Process:
    """Start `newsgraph.ingest` of `corpus` into `url` in a forked child process (one worker)."""
    process = mp.get_context("fork").Process(
        target=_child, args=(url, str(corpus), settings, commit_every, log), daemon=True
    )
    process.start()
    return process


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
