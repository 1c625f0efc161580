"""Ingest: where articles come from. `sources` reads feeds, sitemaps and URL lists and picks a
day's items; `fetch` gets pages politely (robots.txt, per-host delay, retries, address guard);
`archives` streams WARC and JSONL archives record by record."""
