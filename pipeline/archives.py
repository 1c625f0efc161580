"""Archives: JSONL dumps (and directories of them) streamed as input records.

Each line is a contract input record (`id`, `text` or `html`, `url`, `published`, ...). A line
that is not a JSON object becomes a reject row with its line number; the rest of the file goes on.
Files are read line by line, so memory stays flat however big the archive.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz", ".json")


def archive_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*") if p.is_file() and p.name.endswith(ARCHIVE_SUFFIXES)
        )
    if not path.exists():
        raise FileNotFoundError(f"archive {path} does not exist")
    return [path]


def _reject(path: Path, lineno: int, reason: str, detail: str) -> dict:
    return {
        "reject": {
            "stage": "archive",
            "source": str(path),
            "url": None,
            "record_id": f"{path.name}:{lineno}",
            "reason": reason,
            "detail": detail[:500],
            "raw_sha256": None,
        }
    }


def iter_archive(path: str | Path) -> Iterator[dict]:
    """Input records of every archive file under `path`; broken lines as {"reject": row}."""
    for file in archive_files(path):
        if not file.name.endswith(ARCHIVE_SUFFIXES):
            yield _reject(file, 0, "unsupported_archive", f"{file.name}: not a JSONL archive")
            continue
        opener = gzip.open if file.name.endswith(".gz") else open
        with opener(file, "rt", encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield _reject(file, lineno, "bad_record", f"not JSON ({exc.msg})")
                    continue
                if not isinstance(rec, dict) or not (rec.get("text") or rec.get("html")):
                    yield _reject(file, lineno, "bad_record", "not an object with text or html")
                    continue
                yield rec
