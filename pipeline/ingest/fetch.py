"""Fetch: HTTP GETs that are polite, bounded and safe, with every failure as a reason.

Guarantees:
- a real User-Agent; a connect timeout and a read timeout (each socket read);
- robots.txt obeyed per host, read once per `Fetcher` (one per run): a missing robots.txt (4xx)
  allows everything, an unreachable one (5xx, network error) disallows the host for the run;
- a minimum delay between two requests to the same host, and at most `concurrency` requests at
  once over all hosts;
- bodies are read in chunks and refused past `max_bytes`, both as sent and after gzip/deflate
  decompression (a gzip bomb is refused without being inflated);
- redirects are followed by hand, up to `max_redirects`, and every hop passes the address guard:
  hosts that resolve to loopback, private, link-local or reserved addresses are refused unless
  listed in `allow_hosts` (checked after DNS resolution);
- 5xx, 429 and connection errors are retried with exponential backoff and jitter, honouring
  `Retry-After` (seconds or an HTTP date, capped);
- conditional GET: with a previous ETag / Last-Modified the request asks If-None-Match /
  If-Modified-Since, and a 304 is returned as such for the caller to reuse what it stored.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.client
import ipaddress
import logging
import random
import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from pipeline.settings import FetchOptions

log = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}
RETRY_REASONS = {"timeout", "connection_error", "truncated"}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
MAX_RETRY_WAIT = 60.0


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


@dataclass(frozen=True)
class Validators:
    """What a previous fetch of the URL returned, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # redirects are followed by hand, so every hop is checked


# no proxies from the environment: the address guard must judge the host we connect to
_OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
_URL_SAFE = "/%:@!$&'()*+,;=~-._?#[]"
# IPv6 prefixes that embed IPv4 addresses (NAT64, 6to4): judged by the address inside
_EMBEDDED_V4 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("2002::/16"))


def check_address(url: str, options: FetchOptions) -> None:
    """Refuse URLs whose host resolves to a non-public address, unless allow-listed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad_scheme", parts.scheme or "no scheme")
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError as exc:  # "host:99999", "[::1"
        raise FetchError("bad_url", f"{url}: {exc}") from exc
    if host in options.allow_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError("dns_error", f"{host}: {exc}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not addr.is_global or _embeds_private_v4(addr):
            raise FetchError("ssrf", f"{host} resolves to non-public address {addr}")


def _embeds_private_v4(addr) -> bool:
    if addr.version != 6:
        return False
    for net in _EMBEDDED_V4:
        if addr in net:
            packed = addr.packed
            inner = packed[12:16] if net.prefixlen == 96 else packed[2:6]
            return not ipaddress.IPv4Address(inner).is_global
    return False


def _read_body(resp, options: FetchOptions) -> bytes:
    """Read the body in chunks, decompressing gzip/deflate, refusing past max_bytes either way."""
    declared = resp.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > options.max_bytes:
        raise FetchError("too_large", f"Content-Length {declared}", resp.status)
    encoding = (resp.headers.get("Content-Encoding") or "").strip().lower()
    inflater = None
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    chunks, size, wire = [], 0, 0
    while chunk := resp.read(65536):
        wire += len(chunk)
        if wire > options.max_bytes:
            raise FetchError("too_large", f"more than {options.max_bytes} bytes sent", resp.status)
        if inflater is not None:
            try:
                # never inflate more than what is still allowed: a bomb stops here
                chunk = inflater.decompress(chunk, options.max_bytes - size + 1)
            except zlib.error as exc:
                raise FetchError("bad_encoding", f"{encoding}: {exc}", resp.status) from exc
            if inflater.unconsumed_tail:
                raise FetchError(
                    "too_large", f"more than {options.max_bytes} bytes inflated", resp.status
                )
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError("too_large", f"more than {options.max_bytes} bytes", resp.status)
        chunks.append(chunk)
    # http.client ends a short body quietly when the server closes early: a cut-off page
    if (
        resp.status not in (204, 304)
        and declared
        and declared.strip().isdigit()
        and wire < int(declared)
    ):
        raise FetchError("truncated", f"{wire} of {declared} bytes before the connection closed",
                         resp.status)  # fmt: skip
    return b"".join(chunks)


def _once(url: str, options: FetchOptions, validators: Validators | None) -> Response:
    check_address(url, options)
    headers = {"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    req = urllib.request.Request(url, headers=headers)
    try:
        resp = _OPENER.open(req, timeout=options.connect_timeout)
    except urllib.error.HTTPError as exc:
        resp = exc  # an HTTPError is a response too (redirects, 304 and error pages)
    except TimeoutError as exc:
        raise FetchError("timeout", f"connect: {exc}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError("timeout", f"connect: {reason}") from exc
        raise FetchError("connection_error", str(reason)) from exc
    with resp:
        if resp.fp is not None and hasattr(resp.fp, "raw"):
            _set_read_timeout(resp, options.read_timeout)
        try:
            body = _read_body(resp, options)
        except TimeoutError as exc:
            raise FetchError("timeout", "read timed out") from exc
        except http.client.IncompleteRead as exc:  # the server closed before Content-Length
            raise FetchError("truncated", f"body cut off: {exc}", resp.status) from exc
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError("connection_error", f"while reading: {exc}") from exc
        headers = {k.lower(): v for k, v in resp.headers.items()}
        return Response(url, url, resp.status, headers, body)


def _set_read_timeout(resp, seconds: float) -> None:
    # not a plain socket: the connect timeout stays in force for reads
    with contextlib.suppress(AttributeError):
        resp.fp.raw._sock.settimeout(seconds)


def fetch(
    url: str, options: FetchOptions | None = None, validators: Validators | None = None
) -> Response:
    """GET `url`, following redirects and retrying transient failures; raises FetchError.
    A 304 (only possible with `validators`) is returned with an empty body."""
    options = options or FetchOptions()
    current = url
    for _hop in range(options.max_redirects + 1):
        resp = _with_retries(current, options, validators)
        if resp.status in REDIRECT_STATUS and "location" in resp.headers:
            current = quote(urljoin(current, resp.headers["location"]), safe=_URL_SAFE)
            continue
        if resp.status >= 400:
            raise FetchError(f"http_{resp.status}", current, resp.status)
        resp.url, resp.final_url = url, current
        return resp
    raise FetchError("too_many_redirects", f"more than {options.max_redirects} from {url}")


def _with_retries(url: str, options: FetchOptions, validators: Validators | None) -> Response:
    attempt = 0
    while True:
        try:
            resp = _once(url, options, validators)
            if resp.status not in RETRY_STATUS or attempt >= options.retries:
                return resp
            wait = retry_after(resp.headers.get("retry-after"))
        except FetchError as exc:
            if exc.reason not in RETRY_REASONS or attempt >= options.retries:
                raise
            wait = None
        attempt += 1
        if wait is None:
            wait = options.backoff * (2 ** (attempt - 1)) * (1 + random.random())
        log.info("retrying %s in %.1fs (attempt %d of %d)", url, wait, attempt, options.retries)
        time.sleep(min(wait, MAX_RETRY_WAIT))


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass
class Fetcher:
    """One run's fetching: robots.txt per host (cached), per-host delay, bounded concurrency."""

    options: FetchOptions
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _next_slot: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _robots_locks: dict[str, threading.Lock] = field(default_factory=dict)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            host_lock = self._robots_locks.setdefault(host, threading.Lock())
        with host_lock:
            if host not in self._robots:
                self._robots[host] = self._load_robots(host)
        rules = self._robots[host]
        return rules is not None and rules.can_fetch(self.options.user_agent, url)

    def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser()
        try:
            self._wait_turn(host)
            resp = fetch(f"{host}/robots.txt", self.options)
            rules.parse(resp.body.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                rules.parse([])  # no robots.txt: everything is allowed
            else:
                log.warning("robots.txt of %s unreachable (%s): host skipped this run", host, exc)
                return None
        return rules

    def _wait_turn(self, host: str) -> None:
        """Sleep until this host may be asked again, and book the next slot."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self.options.per_host_delay
        if slot > now:
            time.sleep(slot - now)

    def get(self, url: str, validators: Validators | None = None) -> Response:
        check_address(url, self.options)  # a refused address is `ssrf`, not an unread robots.txt
        if not self.allowed(url):
            raise FetchError("robots", f"disallowed by {urlsplit(url).netloc}/robots.txt")
        parts = urlsplit(url)
        self._wait_turn(f"{parts.scheme}://{parts.netloc}")
        return fetch(url, self.options, validators)

    def get_many(
        self, urls: Iterable[str], validators: Callable[[str], Validators | None] = lambda u: None
    ) -> Iterator[tuple[str, Response | FetchError]]:
        """(url, response or error) for each URL, `concurrency` at a time, in input order."""

        def one(url: str) -> tuple[str, Response | FetchError]:
            try:
                return url, self.get(url, validators(url))
            except FetchError as exc:
                return url, exc
            except Exception as exc:  # a URL http.client cannot even send: a reason, not a crash
                return url, FetchError("bad_url", f"{type(exc).__name__}: {exc}")

        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency)) as pool:
            yield from pool.map(one, urls)
