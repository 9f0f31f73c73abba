"""Readers (`newsgraph.sources.read`, `sources.html`): bad and odd inputs become articles or reasons."""

from __future__ import annotations

from pathlib import Path

import orjson

from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.decode import decode_bytes
from newsgraph.sources.read import read_path, read_paths, read_stdin
from tests.support.paths import SAMPLES

ARTICLE = "The city council approved the new budget on Monday.\nSpending on schools rises by 3 percent.\n"

PAGE = """<!doctype html>
<html><head><title>Council approves budget | The Riverside Courier</title>
<meta name="author" content="Jane Doe"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves budget</h1>
<p>The city council approved the new budget on Monday after a debate that lasted more than six hours,
with members arguing late into the night over school spending and road repairs.</p>
<p>Spending on schools rises by 3 percent next year, while the road repair fund is cut for the second
year in a row, according to the plan published by the finance office.</p>
<p>"This is a budget for families," the mayor told reporters outside city hall after the vote.</p>
</article>
<footer>Copyright 2025 The Riverside Courier</footer>
</body></html>
"""


def one(items: list[SourceItem]) -> SourceItem:
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_sources_plain_utf8_file(tmp_path: Path) -> None:
    item = one(list(read_path(write(tmp_path, "budget.txt", ARTICLE.encode()))))
    assert isinstance(item, RawArticle)
    assert item.text == ARTICLE
    assert item.id == "budget"


def test_sources_empty_file_is_rejected(tmp_path: Path) -> None:
    for data in (b"", b" \n\n\t "):
        item = one(list(read_path(write(tmp_path, "empty.txt", data))))
        assert isinstance(item, Rejected)
        assert item.reason == "empty file"


def test_sources_binary_file_is_rejected(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    item = one(list(read_path(write(tmp_path, "image.txt", data))))
    assert isinstance(item, Rejected)
    assert "binary" in item.reason


def test_sources_invalid_utf8_falls_back_to_cp1252(tmp_path: Path) -> None:
    text = "The café in Zürich reopened, “finally”, said the owner – a crème brûlée fan."
    item = one(list(read_path(write(tmp_path, "legacy.txt", text.encode("cp1252")))))
    assert isinstance(item, RawArticle)
    assert item.text == text
    assert decode_bytes("Crème brûlée".encode("cp1252")) == ("Crème brûlée", "cp1252")


def test_sources_stray_cp1252_bytes_in_utf8_text() -> None:
    data = "Le président a déclaré — “bien”. ".encode() + b"He said \x93no\x94."
    assert decode_bytes(data) == ("Le président a déclaré — “bien”. He said “no”.", "utf-8+cp1252")


def test_sources_non_latin_legacy_encoding_is_detected() -> None:
    text = "Правительство объявило в среду о новых мерах поддержки для семей с детьми."
    decoded, encoding = decode_bytes(text.encode("cp1251"))
    assert decoded == text
    assert encoding != "cp1252"


def test_sources_utf16_with_bom(tmp_path: Path) -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
        data = bom + "Ministers met in Geneva.\r\nNo deal was reached.".encode(codec)
        item = one(list(read_path(write(tmp_path, "wide.txt", data))))
        assert isinstance(item, RawArticle)
        assert item.text == "Ministers met in Geneva.\nNo deal was reached."


def test_sources_utf8_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode()
    item = one(list(read_path(write(tmp_path, "windows.txt", data))))
    assert isinstance(item, RawArticle)
    assert item.text == ARTICLE
    assert "\ufeff" not in item.text
    old_mac = one(list(read_path(write(tmp_path, "mac.txt", ARTICLE.replace("\n", "\r").encode()))))
    assert isinstance(old_mac, RawArticle)
    assert old_mac.text == ARTICLE


def test_sources_jsonl_bad_lines_are_rejected_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        orjson.dumps({"id": "a1", "text": ARTICLE, "url": "https://example.org/a1", "author": "Jane Doe"}),
        b"",
        b'{"id": "a2", "text": "unterminated',
        b'["not", "an", "object"]',
        orjson.dumps({"id": "a4", "title": "No body"}),
        orjson.dumps({"id": "a5", "text": "   "}),
        orjson.dumps({"id": 6, "text": "Line one\r\nLine two"}),
        b"\xff\xfe garbage",
    ]
    path = write(tmp_path, "batch.jsonl", b"\n".join(lines) + b"\n")
    items = list(read_path(path))
    assert len(items) == 7
    first = items[0]
    assert isinstance(first, RawArticle)
    assert (first.id, first.url, first.authors, first.origin) == (
        "a1",
        "https://example.org/a1",
        ["Jane Doe"],
        f"{path}:1",
    )
    bad = {item.origin.rsplit(":", 1)[1]: item for item in items if isinstance(item, Rejected)}
    assert sorted(bad, key=int) == ["3", "4", "5", "6", "8"]
    assert bad["3"].reason.startswith("invalid JSON")
    assert bad["4"].reason == "expected a JSON object, got list"
    assert bad["5"].reason == "no `text` or `html` field"
    assert bad["5"].id == "a4"
    assert bad["6"].reason == "empty `text`/`html`"
    assert bad["8"].reason.startswith("invalid JSON")
    seventh = items[5]
    assert isinstance(seventh, RawArticle)
    assert (seventh.id, seventh.text) == ("6", "Line one\nLine two")


def test_sources_jsonl_with_utf8_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + orjson.dumps({"id": "x", "text": ARTICLE}) + b"\r\n"
    item = one(list(read_path(write(tmp_path, "bom.jsonl", data))))
    assert isinstance(item, RawArticle)
    assert item.id == "x"
    from_stdin = one(list(read_stdin(data, as_jsonl=True)))
    assert isinstance(from_stdin, RawArticle)
    assert from_stdin.origin == "<stdin>:1"


def test_sources_jsonl_html_field_is_extracted(tmp_path: Path) -> None:
    record = {"id": "p1", "html": PAGE, "url": "https://courier.example/budget", "title": "Budget"}
    item = one(list(read_path(write(tmp_path, "pages.jsonl", orjson.dumps(record)))))
    assert isinstance(item, RawArticle)
    assert item.is_extracted
    assert "approved the new budget on Monday" in item.text
    assert "Copyright" not in item.text
    assert (item.id, item.url, item.title) == ("p1", "https://courier.example/budget", "Budget")


def test_sources_html_file(tmp_path: Path) -> None:
    item = one(list(read_path(write(tmp_path, "budget.html", PAGE.encode("cp1252")))))
    assert isinstance(item, RawArticle)
    assert item.is_extracted
    assert "\nThe city council approved the new budget on Monday" in item.text
    assert "a budget for families" in item.text
    assert "Home" not in item.text
    assert "Copyright" not in item.text
    assert item.title is not None
    assert item.title.startswith("Council approves budget")
    assert item.authors == ["Jane Doe"]


def test_sources_html_without_article_is_rejected(tmp_path: Path) -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    item = one(list(read_path(write(tmp_path, "nav.html", page))))
    assert isinstance(item, Rejected)
    assert "no article text" in item.reason


def test_sources_stdin_text_and_empty() -> None:
    item = one(list(read_stdin(ARTICLE.encode())))
    assert isinstance(item, RawArticle)
    assert item.text == ARTICLE
    empty = one(list(read_stdin(b"  \n")))
    assert isinstance(empty, Rejected)
    assert empty.reason == "empty input"
    binary = one(list(read_stdin(b"\x00\x01\x02")))
    assert isinstance(binary, Rejected)


def test_sources_directory_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path, "b.txt", ARTICLE.encode())
    write(tmp_path / "sub", "a.txt", ARTICLE.encode())
    write(tmp_path, ".hidden.txt", ARTICLE.encode())
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [i.origin for i in items] == [
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "a.txt"),
        str(tmp_path / "missing.txt"),
    ]
    missing = items[-1]
    assert isinstance(missing, Rejected)
    assert missing.reason == "no such file or directory"


def _gz_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    import gzip

    with gzip.open(path, "wb") as out:
        out.write(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def test_sources_compressed_jsonl_is_read_and_counted(tmp_path: Path) -> None:
    from newsgraph.ingest import count_inputs

    records: list[dict[str, object]] = [
        {"id": f"a{i}", "text": f"Story number {i} about the harbour strike.", "published": "2024-03-11"}
        for i in range(3)
    ]
    path = _gz_jsonl(tmp_path / "news.jsonl.gz", records)
    items = list(read_path(path))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["a0", "a1", "a2"]
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 3)]
    assert count_inputs([path]) == 3
    in_folder = [i.id for i in read_path(tmp_path) if isinstance(i, RawArticle)]
    assert in_folder == ["a0", "a1", "a2"]


def test_sources_damaged_compressed_jsonl_keeps_what_was_read(tmp_path: Path) -> None:
    records: list[dict[str, object]] = [{"id": f"a{i}", "text": "x " * 2000 + str(i)} for i in range(40)]
    whole = _gz_jsonl(tmp_path / "whole.jsonl.gz", records).read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    items = list(read_path(cut))
    assert isinstance(items[-1], Rejected) and "damaged compressed file" in items[-1].reason
    read = [i for i in items if isinstance(i, RawArticle)]
    assert 0 < len(read) < 40 and read[0].id == "a0"
    garbage = tmp_path / "garbage.jsonl.gz"
    garbage.write_bytes(b"not gzip at all\n")
    (only,) = list(read_path(garbage))
    assert isinstance(only, Rejected) and "damaged compressed file" in only.reason


def test_sources_demo_corpus_is_freely_licensed_real_news() -> None:
    path = SAMPLES / "corpus.jsonl.gz"
    items = list(read_path(path))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert len(articles) == len(items) == 436
    assert {a.source for a in articles} == {"Voice of America", "Wikinews"}
    assert len({a.id for a in articles}) == 436
    assert all(a.url and a.title and len(a.text.split()) >= 50 for a in articles)
    import gzip

    with gzip.open(path) as lines:
        licences = {orjson.loads(line)["license"].split(" ")[0] for line in lines}
    assert licences == {"public-domain", "CC-BY-2.5"}


def test_sources_jsonl_reads_the_field_names_other_corpora_use(tmp_path: Path) -> None:
    A = ARTICLE
    lines = [
        orjson.dumps({"id": "p1", "text": ARTICLE, "date": "2015-11-11", "publisher": "breitbart"}),
        orjson.dumps(
            {
                "id": "m1",
                "text": ARTICLE,
                "publish_date": "2025-03-12 14:05:00",
                "media_name": "Voice of America",
                "headline": "Harbor strike ends",
                "link": "https://example.org/m1",
            }
        ),
        orjson.dumps({"id": "b1", "text": A, "published": "2021-07-18", "date": "1999-01-01", "title": ""}),
        orjson.dumps({"id": "e1", "text": A, "published": " ", "pubdate": "Wed, 12 Mar 2025 10:00:00 GMT"}),
    ]
    items = list(read_path(write(tmp_path, "other.jsonl", b"\n".join(lines) + b"\n")))
    assert all(isinstance(item, RawArticle) for item in items)
    fields = [(i.published, i.source, i.title, i.url) for i in items if isinstance(i, RawArticle)]
    assert fields == [
        ("2015-11-11", "breitbart", None, None),
        ("2025-03-12 14:05:00", "Voice of America", "Harbor strike ends", "https://example.org/m1"),
        ("2021-07-18", None, None, None),
        ("Wed, 12 Mar 2025 10:00:00 GMT", None, None, None),
    ]
