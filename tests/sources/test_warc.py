"""WARC and WARC.gz reading, and glob patterns in read_paths."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.sources import RawArticle, Rejected, read_paths
from newsgraph.sources.warc import read_warc

PARAGRAPH = (
    "<p>Negotiators from Kabul and the Taliban ended {n} days of talks in Doha without an agreement, "
    "officials said on Sunday, and both sides promised to meet again within a month.</p>"
)


def _page(n: int, dated: bool) -> bytes:
    meta = '<meta property="article:published_time" content="2021-07-18">' if dated else ""
    body = "".join(PARAGRAPH.format(n=n + i) for i in range(4))
    return (
        f"<html><head><title>Talks end {n}</title>{meta}</head>"
        f"<body><article><h1>Talks end {n}</h1>{body}</article></body></html>"
    ).encode()


def _record(
    writer: WARCWriter, url: str, kind: str, body: bytes, status: str = "", ctype: str = ""
) -> object:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1") if status else None
    return writer.create_warc_record(
        url,
        kind,
        payload=BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2021-07-19T08:00:00Z"},
    )


def write_warc(path: Path, *, gz: bool) -> None:
    """Write three HTML responses, a PNG, a 404 page and a request record."""
    html = "text/html; charset=utf-8"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for n in range(3):
            page = _page(n, dated=n != 1)
            writer.write_record(
                _record(writer, f"https://example.org/talks-{n}", "response", page, "200 OK", html)
            )
        writer.write_record(
            _record(writer, "https://example.org/x.png", "response", b"PNG", "200 OK", "image/png")
        )
        gone = _page(9, True)
        writer.write_record(
            _record(writer, "https://example.org/gone", "response", gone, "404 Not Found", html)
        )
        writer.write_record(
            _record(writer, "https://example.org/talks-0", "request", b"GET / HTTP/1.1\r\n\r\n")
        )


@pytest.mark.parametrize("gz", [True, False])
def test_sources_warc_reads_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz=gz)
    items = list(read_warc(path))
    assert all(isinstance(i, RawArticle) for i in items)
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [a.url for a in articles] == [f"https://example.org/talks-{n}" for n in range(3)]
    assert "ended 1 days of talks" in articles[1].text
    assert articles[0].published == "2021-07-18"  # from the page
    assert articles[1].published == "2021-07-19"  # the page has none: the fetch date
    assert articles[0].origin == f"{path}#1"


@pytest.mark.parametrize(("gz", "fraction"), [(True, 0.6), (False, 0.6), (True, 0.95), (False, 0.3)])
def test_sources_warc_truncated_archive_is_rejected_not_fatal(
    tmp_path: Path, gz: bool, fraction: float
) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gz=gz)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * fraction)])
    items = list(read_warc(cut))
    rejected = [i for i in items if isinstance(i, Rejected)]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert len(rejected) == 1
    assert "truncated" in rejected[0].reason or "corrupt" in rejected[0].reason
    assert items[-1] is rejected[0]
    assert len(articles) <= 3
    if fraction < 0.5:
        assert len(articles) < 3


def test_sources_warc_garbage_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not an archive\n" * 20)
    (item,) = list(read_warc(path))
    assert isinstance(item, Rejected)


def test_sources_read_paths_expands_globs_and_dispatches_warc(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Talks resumed in Doha on Monday, officials said.")
    (tmp_path / "a" / "two.txt").write_text("The ceasefire held for a third day, residents said.")
    (tmp_path / "a" / "skip.md").write_text("not matched")
    write_warc(tmp_path / "a" / "crawl.warc.gz", gz=True)
    texts = list(read_paths([tmp_path / "a" / "*.txt"]))
    assert [i.origin for i in texts] == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "two.txt")]
    recursive = list(read_paths([tmp_path / "**" / "*.warc.gz"]))
    assert len(recursive) == 3
    (missing,) = list(read_paths([tmp_path / "nothing-*.txt"]))
    assert isinstance(missing, Rejected) and "no file matches" in missing.reason
    directory = list(read_paths([tmp_path / "a"]))
    assert len(directory) == 5  # two texts and three WARC articles; skip.md ignored
