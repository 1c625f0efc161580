"""Fetch: one HTTP GET per URL, bounded and safe, with every failure as a reason.

Guarantees of this first version: a real User-Agent; connect/read timeouts; the body is read in
chunks and refused past `max_bytes`; redirects are followed by hand (up to `max_redirects`) so
that every hop passes the address guard; hosts that resolve to loopback, private, link-local or
reserved addresses are refused unless listed in `allow_hosts`; 5xx, 429 and connection errors are
retried with exponential backoff and jitter, honouring a short `Retry-After`.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import logging
import random
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from pipeline.settings import FetchOptions

log = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    def __init__(self, reason: str, detail: str = "", status: int | None = None):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.status = status


@dataclass
class Response:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # redirects are followed by hand, so every hop is checked


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_address(url: str, options: FetchOptions) -> None:
    """Refuse URLs whose host resolves to a non-public address, unless allow-listed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad_scheme", parts.scheme or "no scheme")
    host = parts.hostname or ""
    if host in options.allow_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError("dns_error", f"{host}: {exc}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise FetchError("ssrf", f"{host} resolves to non-public address {addr}")


def _once(url: str, options: FetchOptions) -> Response:
    check_address(url, options)
    req = urllib.request.Request(url, headers={"User-Agent": options.user_agent})
    try:
        resp = _OPENER.open(req, timeout=options.connect_timeout + options.read_timeout)
    except urllib.error.HTTPError as exc:
        resp = exc  # an HTTPError is a response too (redirects and error pages)
    except TimeoutError as exc:
        raise FetchError("timeout", str(exc)) from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError("timeout", str(reason)) from exc
        raise FetchError("connection_error", str(reason)) from exc
    with resp:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchError("too_large", f"Content-Length {declared}", resp.status)
        chunks, size = [], 0
        try:
            while chunk := resp.read(65536):
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(
                        "too_large", f"more than {options.max_bytes} bytes", resp.status
                    )
                chunks.append(chunk)
        except TimeoutError as exc:
            raise FetchError("timeout", "read timed out") from exc
        headers = {k.lower(): v for k, v in resp.headers.items()}
        return Response(url, url, resp.status, headers, b"".join(chunks))


def fetch(url: str, options: FetchOptions | None = None) -> Response:
    """GET `url`, following redirects and retrying transient failures; raises FetchError."""
    options = options or FetchOptions()
    current = url
    for _hop in range(options.max_redirects + 1):
        resp = _with_retries(current, options)
        if resp.status in (301, 302, 303, 307, 308) and "location" in resp.headers:
            current = urljoin(current, resp.headers["location"])
            continue
        if resp.status >= 400:
            raise FetchError(f"http_{resp.status}", current, resp.status)
        resp.url, resp.final_url = url, current
        return resp
    raise FetchError("too_many_redirects", f"more than {options.max_redirects} from {url}")


def _with_retries(url: str, options: FetchOptions) -> Response:
    attempt = 0
    while True:
        try:
            resp = _once(url, options)
            if resp.status not in RETRY_STATUS or attempt >= options.retries:
                return resp
            wait = _retry_after(resp.headers.get("retry-after"))
        except FetchError as exc:
            if exc.reason not in ("timeout", "connection_error") or attempt >= options.retries:
                raise
            wait = None
        attempt += 1
        if wait is None:
            wait = options.backoff * (2 ** (attempt - 1)) * (1 + random.random())
        log.info("retrying %s in %.1fs (attempt %d of %d)", url, wait, attempt, options.retries)
        time.sleep(min(wait, 60.0))


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
