"""Object storage: a data directory given as a URL (`s3://bucket/prefix`) instead of a path.

The stages are written for a local directory (atomic renames, hard-link snapshots, DuckDB over
local Parquet). On object storage each task works in a private local *workspace*: it downloads
the objects its step reads (the run's staging prefix, and the tables the step looks back at),
runs the same local code on the copy, then uploads the files the step created or changed and
deletes the objects of the files it removed. Every task of a run can so run on any worker: what
one step leaves for the next lives in the bucket under `_staging/`, never on a worker's disk.

- A partition is one object (`<table>/date=D/part-0.parquet`); a PUT replaces it whole, so a
  reader sees the old rows or the new ones, as with the local rename. Uploads come before
  deletions, so a crash mid-push leaves the staging files there to redo the step from.
- Nothing is pushed when a step raises: the bucket keeps the last committed partitions.
- The published `news.duckdb` is self-contained here: DuckDB reads Parquet from S3 only through
  its httpfs extension, which a worker may not be able to install, so the candidate is built
  from local copies of the partitions with every view stored as a table, uploaded beside the
  partitions, audited from a downloaded copy, and published with a server-side copy over
  `news.duckdb` (`pipeline.publish.object_storage`; readers download it, see `local_copy`).

S3 settings come from the usual environment: `AWS_ENDPOINT_URL` (or `NEWSFACTS_S3_ENDPOINT`)
for an S3-compatible server, `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

log = logging.getLogger(__name__)

SCHEMES = ("s3://",)
DB_NAME = "news.duckdb"
# the workspaces active in this task: (local root, URL) pairs, to map paths both ways
_ACTIVE: contextvars.ContextVar[tuple[tuple[str, str], ...]] = contextvars.ContextVar(
    "workspaces", default=()
)


def is_url(path: object) -> bool:
    return isinstance(path, str) and path.startswith(SCHEMES)


@dataclass(frozen=True)
class Location:
    bucket: str
    prefix: str  # no leading or trailing slash; may be ""

    @classmethod
    def parse(cls, url: str) -> Location:
        parts = urlparse(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ValueError(f"not an s3://bucket/prefix URL: {url!r}")
        return cls(parts.netloc, parts.path.strip("/"))

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}".rstrip("/")

    def key(self, rel: str) -> str:
        """The `bucket/key` path of `rel` under this prefix (pyarrow's form)."""
        rel = rel.strip("/")
        return "/".join(p for p in (self.bucket, self.prefix, rel) if p)


def filesystem():
    """A pyarrow S3 filesystem from the environment (cached per process)."""
    return _filesystem(
        os.environ.get("NEWSFACTS_S3_ENDPOINT") or os.environ.get("AWS_ENDPOINT_URL") or "",
        os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
    )


@functools.cache
def _filesystem(endpoint: str, region: str):
    from pyarrow import fs

    options: dict = {"region": region}
    if endpoint:
        parts = urlparse(endpoint)
        options.update(endpoint_override=parts.netloc or parts.path, scheme=parts.scheme or "http")
        if parts.scheme == "http":
            options["allow_bucket_creation"] = True
    return fs.S3FileSystem(**options)


def list_files(url: str, rel: str = "") -> dict[str, int]:
    """{path relative to the URL: size} of every object under `rel`."""
    from pyarrow import fs

    loc = Location.parse(url)
    base = loc.key("")
    infos = filesystem().get_file_info(
        fs.FileSelector(loc.key(rel), recursive=True, allow_not_found=True)
    )
    return {i.path[len(base) :].lstrip("/"): i.size for i in infos if i.type == fs.FileType.File}


def download(url: str, rel: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.download")
    with filesystem().open_input_stream(Location.parse(url).key(rel)) as src, open(tmp, "wb") as f:
        shutil.copyfileobj(src, f, 1 << 20)
    os.replace(tmp, target)


def upload(source: Path, url: str, rel: str) -> None:
    with (
        open(source, "rb") as f,
        filesystem().open_output_stream(Location.parse(url).key(rel)) as dst,
    ):
        shutil.copyfileobj(f, dst, 1 << 20)


def delete(url: str, rel: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        filesystem().delete_file(Location.parse(url).key(rel))


def ensure_bucket(url: str) -> None:
    """Create the URL's bucket when it does not exist (the test server starts empty)."""
    fs_ = filesystem()
    bucket = Location.parse(url).bucket
    from pyarrow import fs

    if fs_.get_file_info(bucket).type == fs.FileType.NotFound:
        fs_.create_dir(bucket)


# --- workspaces -----------------------------------------------------------------------------


def local_path(path: str) -> str:
    """A URL under an active workspace -> its local path there (other paths as they are)."""
    for root, url in _ACTIVE.get():
        if path == url or path.startswith(url + "/"):
            return root + path[len(url) :]
    return path


def public_path(path: str) -> str:
    """A local path inside an active workspace -> its URL (other paths as they are)."""
    for root, url in _ACTIVE.get():
        if path == root or path.startswith(root + "/"):
            return url + path[len(root) :]
    return path


def _public(value):
    if isinstance(value, str):
        return public_path(value)
    if isinstance(value, list):
        return [_public(v) for v in value]
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items()}
    return value


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file():
            st = p.stat()
            out[p.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return out


@contextlib.contextmanager
def workspace(url: str, pull: list[str], push: bool = True) -> Iterator[Path]:
    """A local copy of the objects under each prefix in `pull` (relative to `url`). On a normal
    exit, files created or changed in it are uploaded, then the objects of downloaded files that
    are gone are deleted; on an exception nothing is pushed."""
    root = Path(tempfile.mkdtemp(prefix="newsfacts-ws-")).resolve()
    token = _ACTIVE.set((*_ACTIVE.get(), (str(root), url.rstrip("/"))))
    started, pulled = time.monotonic(), 0
    try:
        for prefix in pull:
            for rel, size in list_files(url, prefix).items():
                download(url, rel, root / rel)
                pulled += size
        before = _snapshot(root)
        yield root
        if not push:
            return
        after = _snapshot(root)
        changed = [rel for rel, sig in after.items() if before.get(rel) != sig]
        for rel in sorted(changed):
            upload(root / rel, url, rel)
        gone = sorted(set(before) - set(after))
        for rel in gone:
            delete(url, rel)
        log.info(
            "workspace %s: pulled %d files (%.1f MB), pushed %d, deleted %d in %.1fs",
            url, len(before), pulled / 1e6, len(changed), len(gone), time.monotonic() - started,
        )  # fmt: skip
    finally:
        _ACTIVE.reset(token)
        shutil.rmtree(root, ignore_errors=True)


def _split(staging_url: str) -> tuple[str, str]:
    """s3://b/p/_staging/X -> (s3://b/p, _staging/X)."""
    head, sep, tail = staging_url.partition("/_staging/")
    if not sep:
        raise ValueError(f"not a staging URL: {staging_url!r}")
    return head, f"_staging/{tail}".rstrip("/")


def on_staging(*tables: str) -> Callable:
    """For a step `f(staging)`: when `staging` is a URL, run it in a workspace holding the
    staging prefix and `tables`, and return URLs for local paths."""

    def wrap(step):
        @functools.wraps(step)
        def run(staging: str, *args, **kwargs):
            if not is_url(staging):
                return step(staging, *args, **kwargs)
            data_url, rel = _split(staging)
            with workspace(data_url, [rel, *tables]) as root:
                return _public(step(str(root / rel), *args, **kwargs))

        return run

    return wrap


def on_data_dir(pull: Callable[..., list[str]]) -> Callable:
    """For a step with a `data_dir` argument: when it is a URL, run the step in a workspace
    holding `pull(**arguments)` prefixes, and return URLs for local paths."""
    import inspect

    def wrap(step):
        signature = inspect.signature(step)

        @functools.wraps(step)
        def run(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            data_dir = bound.arguments["data_dir"]
            if not is_url(str(data_dir)):
                return step(*args, **kwargs)
            with workspace(data_dir, pull(**bound.arguments)) as root:
                bound.arguments["data_dir"] = str(root)
                return _public(step(*bound.args, **bound.kwargs))

        return run

    return wrap


@contextlib.contextmanager
def local_copy(url: str) -> Iterator[Path]:
    """A downloaded copy of one object (a DuckDB file), removed afterwards."""
    head, _, name = url.rstrip("/").rpartition("/")
    tmp = Path(tempfile.mkdtemp(prefix="newsfacts-db-"))
    try:
        download(head, name, tmp / name)
        yield tmp / name
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def finish_backfill(data_url: str, shards_rel: str) -> None:
    """Delete a backfill run's shards once every routed date has its `done` marker (listing
    only: nothing is downloaded)."""
    files = sorted(list_files(data_url, shards_rel))
    rels = [f[len(shards_rel) + 1 :] for f in files]
    dates = {r.split("/", 1)[0].split("=", 1)[1] for r in rels if r.startswith("date=")}
    done = {r.split("/", 1)[1] for r in rels if r.startswith("done/")}
    if dates <= done:
        for rel in files:
            delete(data_url, rel)
