"""Archives: WARC / WARC.gz files (as Common Crawl's CC-NEWS publishes them), JSONL dumps of
input records, and directories of them, streamed record by record as input records.

Memory stays flat however big the archive: one record is in memory at a time. What is not an
article input becomes a reject row (`{"reject": row}`), never a crash: a JSONL line that is not a
JSON object with text or html, a WARC response that is not a 200 HTML page, a body that cannot
be decoded, and a file cut off in the middle (the records before the cut are kept).

Dates: a JSONL record's own `published` is its date. A WARC record's date is its WARC-Date (the
day it was crawled): CC-NEWS crawls news feeds continuously, so the crawl day is the day an
article appeared, and it is known without parsing the page. The page's own date, when it states
one, is kept in `articles.published` by the cleaning stage.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from pipeline.clean.page import Rejected, decode_body

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
ARCHIVE_SUFFIXES = JSONL_SUFFIXES + WARC_SUFFIXES
MAX_RECORD_BYTES = 10 * 1024 * 1024


def archive_files(path: str | Path) -> list[Path]:
    """The archive files at `path`: the file itself, or every archive file under a directory."""
    path = Path(path)
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*") if p.is_file() and p.name.endswith(ARCHIVE_SUFFIXES)
        )
    if not path.exists():
        raise FileNotFoundError(f"archive {path} does not exist")
    return [path]


def file_key(path: str | Path) -> str:
    """A short stable name for an archive file (for its staging shards)."""
    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:12]


def _reject(path: Path, where: str, reason: str, detail: str, url: str | None = None) -> dict:
    return {
        "reject": {
            "stage": "archive", "source": str(path), "url": url, "record_id": f"{path.name}:{where}",
            "reason": reason, "detail": detail[:500], "raw_sha256": None,
        }
    }  # fmt: skip


def iter_archive(path: str | Path) -> Iterator[dict]:
    """Input records of every archive file under `path`; refusals as {"reject": row}."""
    for file in archive_files(path):
        yield from iter_file(file)


def iter_file(file: Path) -> Iterator[dict]:
    file = Path(file)
    if file.name.endswith(WARC_SUFFIXES):
        yield from _iter_warc(file)
    elif file.name.endswith(JSONL_SUFFIXES):
        yield from _iter_jsonl(file)
    else:
        yield _reject(file, "0", "unsupported_archive", f"{file.name}: not JSONL or WARC")


def _iter_jsonl(file: Path) -> Iterator[dict]:
    opener = gzip.open if file.name.endswith(".gz") else open
    lineno = 0
    try:
        with opener(file, "rt", encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):  # noqa: B007 (lineno is used after the loop)
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield _reject(file, str(lineno), "bad_record", f"not JSON ({exc.msg})")
                    continue
                except RecursionError:  # "[[[[..." nested past the parser's stack
                    yield _reject(file, str(lineno), "bad_record", "JSON nested too deeply")
                    continue
                problem = _record_problem(rec)
                if problem:
                    yield _reject(file, str(lineno), "bad_record", problem)
                    continue
                yield rec
    except (OSError, EOFError) as exc:  # a cut-off .gz
        yield _reject(file, str(lineno), "truncated_archive", f"after line {lineno}: {exc}")


def _record_problem(rec) -> str | None:
    """Why a parsed JSONL line is not an input record, or None when it is one."""
    if not isinstance(rec, dict):
        return "not an object with text or html"
    if not any(isinstance(rec.get(k), str) and rec[k] for k in ("text", "html")):
        return "not an object with text or html (a non-empty string)"
    for key, types in (("id", str | int), ("url", str), ("published", str), ("title", str)):
        if rec.get(key) is not None and not isinstance(rec[key], types):
            return f"{key} is a {type(rec[key]).__name__}, not a string"
    return None


def _iter_warc(file: Path) -> Iterator[dict]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    size = file.stat().st_size
    with open(file, "rb") as stream:
        iterator = ArchiveIterator(stream)
        records = iter(iterator)
        while True:
            try:
                record = next(records)
            except StopIteration:
                # warcio stops quietly at a cut-off gzip member: bytes left over are a lost record
                if iterator.offset < size:
                    yield _reject(
                        file,
                        f"record {n + 1}",
                        "truncated_archive",
                        f"{size - iterator.offset} bytes after record {n} cannot be read",
                    )
                return
            except Exception as exc:  # warcio raises many types on a cut-off or corrupt file
                yield _reject(
                    file,
                    f"record {n + 1}",
                    "truncated_archive",
                    f"unreadable after {n} records: {type(exc).__name__}: {exc}",
                )
                return
            n += 1
            if record.rec_type != "response":
                continue  # request, warcinfo and metadata records are not pages
            try:
                yield _warc_response(file, n, record)
            except Exception as exc:
                yield _reject(file, f"record {n}", "bad_record", f"{type(exc).__name__}: {exc}")


def _warc_response(file: Path, n: int, record) -> dict:
    url = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{file.name}:{n}"
    status = record.http_headers.get_statuscode() if record.http_headers else None
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    where = f"record {n}"
    if status != "200":
        return _reject(file, where, f"http_{status or 'none'}", "not a 200 response", url)
    if ctype and "html" not in ctype.lower():
        return _reject(file, where, "not_html", f"content type {ctype}", url)
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return _reject(file, where, "too_large", f"more than {MAX_RECORD_BYTES} bytes", url)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # the file ends inside this record
        return _reject(
            file, where, "truncated_archive", f"record cut off, {missing} bytes missing", url
        )
    try:
        html = decode_body(body, ctype)
    except Rejected as exc:
        return _reject(file, where, exc.reason, exc.detail, url)
    return {"id": record_id, "url": url, "html": html, "crawl_date": warc_date[:10] or None,
            "source": file.name}  # fmt: skip
