"""A real HTTP server on 127.0.0.1 serving the bundled sample site (seeds/site) for the demo and
the tests. Feeds and pages name their URLs with the base `http://127.0.0.1:8765`; when the server
runs on another port it rewrites that base in what it serves, so the files stay valid as they are.
"""

from __future__ import annotations

import hashlib
import http.server
import mimetypes
import threading
from contextlib import contextmanager
from pathlib import Path

from pipeline.settings import SEEDS_DIR

SITE_DIR = SEEDS_DIR / "site"
SEED_BASE = "http://127.0.0.1:8765"


def _handler(root: Path, base: str):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the stdlib's name)
            path = (root / self.path.split("?", 1)[0].lstrip("/")).resolve()
            if root not in path.parents and path != root or not path.is_file():
                self.send_error(404, "Not Found")
                return
            body = path.read_bytes()
            if base != SEED_BASE:
                body = body.replace(SEED_BASE.encode(), base.encode())
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)  # conditional GET, as real news sites answer it
                self.send_header("ETag", etag)
                self.end_headers()
                return
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith("xml"):
                ctype += "; charset=utf-8"
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *args):  # keep the demo's output for the analyst's view
            pass

    return Handler


@contextmanager
def serve_site(root: Path = SITE_DIR, port: int = 0):
    """Serve `root` on 127.0.0.1 (port 0 = any free port); yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), None)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    server.RequestHandlerClass = _handler(Path(root).resolve(), base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def sources_for(base: str, sources_file: Path = SEEDS_DIR / "sources.toml") -> str:
    """The seed sources file with its URLs pointing at `base`."""
    return sources_file.read_text(encoding="utf-8").replace(SEED_BASE, base)
