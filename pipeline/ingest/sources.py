"""Sources: feeds, sitemaps and URL lists -> the items (URL + publication date) to fetch.

XML is parsed with defusedxml (no entity expansion, no external entities). A source that cannot
be read or parsed becomes a `SourceError` the caller records as a rejected-source row; the other
sources go on. URLs are canonicalised (scheme and host lower case, default port and fragment
dropped, tracking parameters removed) so the same article listed twice is fetched once.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from defusedxml import ElementTree as SafeET

from pipeline.settings import Source

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid)$", re.I)


class SourceError(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Item:
    url: str
    source: str
    published: str | None  # YYYY-MM-DD from the feed or sitemap
    title: str | None = None


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, the
    path percent-encoded; a URL that cannot be parsed is returned stripped, for the fetcher to
    refuse with a reason."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    return urlunsplit((scheme, host, path, query, ""))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(el, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names:
            if child.text and child.text.strip():
                return child.text.strip()
            href = child.get("href")
            if href:
                return href.strip()
    return None


def parse_date(value: str | None) -> str | None:
    """RFC 822 (RSS) or W3C/ISO (Atom, sitemaps) -> YYYY-MM-DD, in the date's own zone."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    return m.group(1) if m else None


def parse_feed(body: bytes, source: Source) -> tuple[list[Item], list[str]]:
    """Items of an RSS 2.0 / Atom feed or a (news) sitemap; returns (items, nested sitemaps)."""
    try:
        root = SafeET.fromstring(body)
    except Exception as exc:  # ParseError, EntitiesForbidden, DTDForbidden, ...
        raise SourceError("malformed_feed", f"{type(exc).__name__}: {exc}") from exc
    kind = _local(root.tag)
    items: list[Item] = []
    nested: list[str] = []

    def entry(el, link: str | None, *date_tags: str) -> None:
        if link:
            date = parse_date(_child_text(el, *date_tags))
            items.append(Item(canonical_url(link), source.name, date, _child_text(el, "title")))

    if kind in ("rss", "rdf"):
        for el in root.iter():
            if _local(el.tag) == "item":
                entry(el, _child_text(el, "link", "guid"), "pubdate", "date", "published")
    elif kind == "feed":
        for el in root:
            if _local(el.tag) == "entry":
                links = (
                    c.get("href")
                    for c in el
                    if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"
                )
                entry(el, next(links, None), "published", "updated")
    elif kind in ("urlset", "sitemapindex"):
        for el in root:
            loc = _child_text(el, "loc")
            if not loc:
                continue
            if kind == "sitemapindex":
                nested.append(loc)
                continue
            date, title = None, None
            for sub in el.iter():
                name = _local(sub.tag)
                if name == "publication_date":
                    date = sub.text
                elif name == "title" and sub is not el:
                    title = (sub.text or "").strip() or None
            date = date or _child_text(el, "lastmod")
            items.append(Item(canonical_url(loc), source.name, parse_date(date), title))
    else:
        raise SourceError("malformed_feed", f"unknown root element <{kind}>")
    return items, nested


def discover(source: Source, get: Callable[[str], bytes], max_sitemaps: int = 50) -> list[Item]:
    """Items of one source; `get(url) -> bytes` fetches a feed (and raises on failure)."""
    if source.kind == "urls":
        return [Item(canonical_url(u), source.name, None) for u in source.urls]
    queue, seen, items = [source.url], set(), []
    while queue and len(seen) < max_sitemaps:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        found, nested = parse_feed(get(url), source)
        items.extend(found)
        queue.extend(nested)
    return items


def select_for_date(items: list[Item], date: str) -> list[Item]:
    """Items published on `date`, and items with no date; each canonical URL once."""
    chosen: dict[str, Item] = {}
    for item in items:
        if item.published not in (None, date):
            continue
        known = chosen.get(item.url)
        if known is None or (known.published is None and item.published):
            chosen[item.url] = item
    return list(chosen.values())
