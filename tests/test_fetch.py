"""Fetching against a real HTTP server on 127.0.0.1: every failure is a reason, never a crash."""

from __future__ import annotations

import gzip
import http.server
import threading
import time

import pytest

from pipeline.clean.page import decode_body
from pipeline.ingest.fetch import Fetcher, FetchError, Validators, fetch, retry_after
from pipeline.settings import FetchOptions

BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024))  # 64 MiB of zeros in about 64 KiB

HITS: dict[str, int] = {}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        HITS[self.path] = HITS.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private-area/\n")
        elif self.path == "/ok":
            self._send(200, b"<html><body>fine</body></html>")
        elif self.path == "/gzipped":
            self._send(200, gzip.compress(b"<p>compressed page</p>"), {"Content-Encoding": "gzip"})
        elif self.path == "/bomb":
            self._send(200, BOMB, {"Content-Encoding": "gzip"})
        elif self.path == "/throttled" and HITS[self.path] == 1:
            self._send(429, b"slow down", {"Retry-After": "1"})
        elif self.path == "/throttled":
            self._send(200, b"thanks for waiting")
        elif self.path == "/latin1":
            self._send(
                200,
                "<p>São Tomé, Düsseldorf</p>".encode("latin-1"),
                {"Content-Type": "text/html; charset=iso-8859-1"},
            )
        elif self.path == "/lying-charset":
            self._send(
                200, "<p>Kyiv — “quoted”</p>".encode(), {"Content-Type": "text/html; charset=ascii"}
            )
        elif self.path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, b"", {"ETag": '"v1"'})
            else:
                self._send(200, b"<p>version one</p>", {"ETag": '"v1"'})
        elif self.path == "/flaky" and HITS[self.path] == 1:
            self._send(503, b"busy", {"Retry-After": "0"})
        elif self.path == "/flaky":
            self._send(200, b"recovered")
        elif self.path == "/loop":
            self._send(302, b"", {"Location": "/loop"})
        elif self.path == "/to-ok":
            self._send(301, b"", {"Location": "/ok"})
        elif self.path == "/private":
            self._send(302, b"", {"Location": "http://10.0.0.1/secret"})
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(10 * 1024**3))
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"late")
        else:
            self._send(404, b"missing")

    def _send(self, status, body, headers=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


OPTS = FetchOptions(allow_hosts=("127.0.0.1",), backoff=0.01, read_timeout=0.5, connect_timeout=0.5)


def reason(url, options=OPTS) -> str:
    with pytest.raises(FetchError) as err:
        fetch(url, options)
    return err.value.reason


def test_a_page_and_a_redirect_to_it(base):
    assert fetch(f"{base}/ok", OPTS).body.startswith(b"<html>")
    resp = fetch(f"{base}/to-ok", OPTS)
    assert (resp.url, resp.final_url) == (f"{base}/to-ok", f"{base}/ok")


def test_a_server_error_is_retried(base):
    assert fetch(f"{base}/flaky", OPTS).body == b"recovered"
    assert HITS["/flaky"] == 2


def test_failures_have_reasons(base):
    assert reason(f"{base}/nothing-here") == "http_404"
    assert reason(f"{base}/loop") == "too_many_redirects"
    assert reason(f"{base}/huge") == "too_large"
    assert reason(f"{base}/slow", FetchOptions(**{**vars(OPTS), "retries": 0})) == "timeout"


def test_429_waits_as_long_as_retry_after_says(base):
    started = time.monotonic()
    assert fetch(f"{base}/throttled", OPTS).body == b"thanks for waiting"
    assert time.monotonic() - started >= 0.9
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: no wait


def test_compressed_bodies_are_inflated_and_a_gzip_bomb_is_refused(base):
    assert fetch(f"{base}/gzipped", OPTS).body == b"<p>compressed page</p>"
    small = FetchOptions(**{**vars(OPTS), "max_bytes": 1024 * 1024})
    assert reason(f"{base}/bomb", small) == "too_large"


def test_declared_and_lying_charsets_decode(base):
    latin = fetch(f"{base}/latin1", OPTS)
    assert "São Tomé, Düsseldorf" in decode_body(latin.body, latin.content_type)
    lying = fetch(f"{base}/lying-charset", OPTS)
    assert "Kyiv — “quoted”" in decode_body(lying.body, lying.content_type)


def test_conditional_get_returns_304_for_an_unchanged_page(base):
    first = fetch(f"{base}/etag", OPTS)
    again = fetch(f"{base}/etag", OPTS, Validators(etag=first.headers["etag"]))
    assert (first.status, again.status, again.body) == (200, 304, b"")


def test_robots_txt_is_obeyed_and_read_once_per_run(base):
    fetcher = Fetcher(OPTS)
    with pytest.raises(FetchError) as err:
        fetcher.get(f"{base}/private-area/page.html")
    assert err.value.reason == "robots"
    assert fetcher.get(f"{base}/ok").status == 200
    assert HITS["/robots.txt"] == 1


def test_requests_to_one_host_are_spaced_out(base):
    fetcher = Fetcher(FetchOptions(**{**vars(OPTS), "per_host_delay": 0.3, "concurrency": 4}))
    started = time.monotonic()
    results = list(fetcher.get_many([f"{base}/ok"] * 4))
    assert all(r.status == 200 for _, r in results)
    assert time.monotonic() - started >= 0.9  # robots.txt, then 4 pages, 0.3 s apart


def test_private_addresses_are_refused_unless_allowed(base):
    assert reason(f"{base}/ok", FetchOptions()) == "ssrf"
    assert reason(f"{base}/private") == "ssrf"  # checked again on every redirect
