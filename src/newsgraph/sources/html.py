"""HTML pages: the article body, title, author, date and site name, by trafilatura."""

from __future__ import annotations

import logging

from newsgraph.sources.base import RawArticle, Rejected, SourceItem

LOGGER = logging.getLogger(__name__)

# Fewer words than this is a page without an article: what is left is a menu item or a button
# ("Home"), which trafilatura's fallback returns when it finds no main text.
MIN_WORDS = 5


def extract_html(html: str, *, origin: str, id: str | None = None, url: str | None = None) -> SourceItem:
    """Extract the main text and metadata of a page; Rejected when it has no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,  # tables in news (results, prices) are article content
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return Rejected(origin, f"HTML extraction failed: {type(exc).__name__}: {exc}", id=id)
    if doc is None:
        return Rejected(origin, "no article text found in HTML", id=id)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        return Rejected(origin, "no article text found in HTML", id=id)
    if len(text.split()) < MIN_WORDS:
        return Rejected(origin, f"no article text found in HTML (only {text.strip()!r})", id=id)
    author = data.get("author")
    authors = [a.strip() for a in author.split(";") if a.strip()] if isinstance(author, str) else []
    published = data.get("date") or None
    return RawArticle(
        text=text,
        id=id,
        url=url or data.get("url"),
        title=data.get("title"),
        published=published,
        published_source="html" if published else None,
        source=data.get("sitename") or data.get("hostname"),
        authors=authors,
        origin=origin,
        is_extracted=True,
    )
