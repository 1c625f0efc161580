"""Discovery: feeds and sitemaps parsed safely, URLs canonicalised, dates kept."""

from __future__ import annotations

import pytest

from pipeline.ingest.sources import SourceError, canonical_url, parse_feed, select_for_date
from pipeline.settings import Source

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
<item><title>One</title><link>http://Example.org:80/a.html?utm_source=x&amp;id=3#top</link>
<pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate></item>
<item><title>Two</title><link>http://example.org/b.html</link></item>
</channel></rss>"""

SITEMAP = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://example.org/c.html</loc><news:news><news:publication_date>2026-03-03T10:00:00Z
</news:publication_date><news:title>Three</news:title></news:news></url>
<url><loc>http://example.org/d.html</loc><lastmod>2026-03-04</lastmod></url>
</urlset>"""

SRC = Source(name="s", kind="rss", url="http://example.org/feed.xml")


def test_rss_items_keep_their_publication_date():
    items, _ = parse_feed(RSS, SRC)
    assert [(i.url, i.published) for i in items] == [
        ("http://example.org/a.html?id=3", "2026-03-02"),
        ("http://example.org/b.html", None),
    ]


def test_news_sitemap_dates_and_lastmod():
    items, _ = parse_feed(SITEMAP, SRC)
    assert [(i.url, i.published, i.title) for i in items] == [
        ("http://example.org/c.html", "2026-03-03", "Three"),
        ("http://example.org/d.html", "2026-03-04", None),
    ]


def test_a_date_takes_its_items_and_undated_ones_each_url_once():
    items, _ = parse_feed(RSS, SRC)
    chosen = select_for_date(items + items, "2026-03-02")
    assert sorted(i.url for i in chosen) == [
        "http://example.org/a.html?id=3",
        "http://example.org/b.html",
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"<rss><channel><item><link>http://x/</link>",  # truncated
        b"not xml at all",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>',
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
    ],
)
def test_malformed_or_hostile_feeds_are_refused_with_a_reason(body):
    with pytest.raises(SourceError) as err:
        parse_feed(body, SRC)
    assert err.value.reason == "malformed_feed"


def test_canonical_urls():
    assert canonical_url("HTTPS://News.Example.COM:443/x?utm_medium=rss&p=2#c") == (
        "https://news.example.com/x?p=2"
    )


def test_atom_entries_keep_their_alternate_link_and_date():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title>Four</title><link rel="alternate" href="http://example.org/e.html"/>
    <link rel="enclosure" href="http://example.org/e.mp3"/><updated>2026-03-05T07:00:00Z</updated></entry>
    </feed>"""
    items, _ = parse_feed(atom, SRC)
    assert [(i.url, i.published, i.title) for i in items] == [
        ("http://example.org/e.html", "2026-03-05", "Four")
    ]
