"""A watch's Atom feed (RFC 4287), for feed readers.

    xml = atom_feed(watch, entries, base="https://news.example.org", feed_path="/feeds/KEY.atom")

Entry ids are the matches' stable `entry_id`s (`urn:uuid:…`, made from the watch, the article's
content hash and the fact), so a reader that sees an entry twice shows it once. The feed names a
CSS stylesheet (`xml-stylesheet`), so a browser that opens it shows readable entries (it is
served as `application/xml` for that); the HTML page of the same entries is the feed's URL
without `.atom`. Scraped text is escaped by the XML
serializer, and characters XML 1.0 cannot hold (most control characters) are dropped.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from newsgraph import __version__
from newsgraph.store.watches.entries import Entry
from newsgraph.store.watches.spec import WatchPublic

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/xml; charset=utf-8"
"""Served as XML, not `application/atom+xml`, which browsers show as plain text or download:
as XML a browser applies the stylesheet, and feed readers recognise Atom by its content."""
STYLESHEET = "/static/feed-1.0.0.css"
FEED_NAMESPACE = uuid.UUID("0b8f4f3e-2d7c-5e1a-8a64-3c9e5b7d1f20")

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")

ET.register_namespace("", ATOM)


def xml_text(value: str | None) -> str:
    """Return the text without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", value or "")


def rfc3339(value: str | None) -> str | None:
    """Return an ISO date or timestamp as an Atom date (`2021-07-18` → `2021-07-18T00:00:00Z`), or None."""
    if not value:
        return None
    if _DAY.match(value):
        return f"{value}T00:00:00Z"
    return value if _STAMP.match(value) else None


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = xml_text(text)
    return element


def _entry(feed: ET.Element, entry: Entry, base: str) -> None:
    node = _add(feed, "entry")
    _add(node, "id", entry.entry_id)
    _add(node, "title", entry.title)
    _add(node, "updated", entry.matched)
    if published := rfc3339(entry.published):
        _add(node, "published", published)
    _add(node, "link", rel="alternate", type="text/html", href=f"{base}/articles/{entry.article_id}")
    if entry.url and entry.url.startswith(("http://", "https://")):
        _add(node, "link", rel="related", href=xml_text(entry.url))
    if entry.source:
        _add(_add(node, "author"), "name", entry.source)
    _add(node, "category", term=entry.fact)
    where = " · ".join(x for x in (entry.source, entry.published, entry.article_title) if x)
    _add(node, "summary", f"{entry.text}\n\n{where}" if where else entry.text, type="text")


def atom_feed(watch: WatchPublic, entries: Sequence[Entry], *, base: str, feed_path: str) -> bytes:
    """Return the Atom document of a watch's entries (newest first), with absolute links under `base`."""
    base = base.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{watch.id}/{watch.created}')}")
    _add(feed, "title", f"newsgraph watch: {watch.name}")
    _add(feed, "subtitle", watch.description)
    _add(feed, "updated", max((e.matched for e in entries), default=watch.created))
    _add(feed, "link", rel="self", type="application/atom+xml", href=f"{base}{feed_path}")
    _add(feed, "link", rel="alternate", type="text/html", href=f"{base}{feed_path.removesuffix('.atom')}")
    _add(_add(feed, "author"), "name", "newsgraph")
    _add(feed, "generator", "newsgraph", version=__version__)
    for entry in entries:
        _entry(feed, entry, base)
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="{STYLESHEET}"?>\n'
    return (head + ET.tostring(feed, encoding="unicode")).encode("utf-8")
