"""Main-text extraction from HTML pages (trafilatura)."""

from __future__ import annotations


def html_to_text(html: str, *, url: str | None = None) -> str:
    """Return the article's main text with headline and paragraphs on their own lines.

    Uses trafilatura, which drops menus, footers and comment sections; raises
    ``ValueError`` when the page holds no extractable text.
    """
    import trafilatura

    body = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True, with_metadata=False)
    meta = trafilatura.extract_metadata(html)
    if not body:
        raise ValueError("no article text found in the HTML page")
    title = (meta.title or "").strip() if meta else ""
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return body
