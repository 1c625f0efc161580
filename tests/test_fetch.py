"""Fetching against a real HTTP server on 127.0.0.1: every failure is a reason, never a crash."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from pipeline.fetch import FetchError, fetch
from pipeline.settings import FetchOptions

HITS: dict[str, int] = {}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        HITS[self.path] = HITS.get(self.path, 0) + 1
        if self.path == "/ok":
            self._send(200, b"<html><body>fine</body></html>")
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


def test_private_addresses_are_refused_unless_allowed(base):
    assert reason(f"{base}/ok", FetchOptions()) == "ssrf"
    assert reason(f"{base}/private") == "ssrf"  # checked again on every redirect
