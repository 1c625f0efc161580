"""Defaults of every stage in one place, and the sources file (TOML) that an operator edits.

Each stage takes one options object; nothing else in the package hard-codes a tunable value.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
SQL_DIR = REPO_ROOT / "sql"
DAGS_DIR = REPO_ROOT / "dags"

SOURCE_KINDS = ("rss", "atom", "sitemap", "urls")

# The first day a run may collect or backfill: every DAG's start_date. Airflow gives a run whose
# logical date is before its DAG's start_date no task instance and calls it a success, and the
# archives users backfill (CC-NEWS since 2016, older JSONL dumps) go back decades.
EARLIEST_DATE = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class CleanOptions:
    # include_comments=False: reader comments are not the article (measured on the HTML dev set)
    include_comments: bool = False
    include_tables: bool = True
    # trafilatura runs with favor_precision; when that keeps less than this share of what the
    # default extraction finds, the default text is used (0 = precision mode only)
    precision_fallback_share: float = 0.5
    # ... that default run only happens when precision kept less than that share of the page's
    # paragraph text, or of this many characters (a page without <p> prose)
    fallback_probe_min_chars: int = 1000
    # trafilatura's own extraction runs first without its fallback algorithms (readability,
    # justext: most of its cost); the full run with them only happens when that text looks
    # unclean: a menu (more than this share of at least `unclean_min_lines` lines are under 5
    # words) or a run-on blob (a line longer than `unclean_max_line_chars`).
    # HTML dev set: 7 of 90 pages take the full run; F1 0.971 (always full) -> 0.973
    unclean_short_line_share: float = 0.4
    unclean_min_lines: int = 8
    unclean_max_line_chars: int = 1500
    # language identification reads the start of the text: its cost grows with the length, and
    # 1,000 characters decide as the first 5,000 did on every HTML dev page
    language_sample_chars: int = 1000
    # news briefs can be two sentences long; shorter than this is a caption or a stub
    min_words: int = 15
    # a page that declares itself a video (og:type video.*) needs this much text to be an article
    min_words_video: int = 80
    # a short text with a subscription prompt is a paywall stub, not the article
    min_words_paywall: int = 150
    # bigger inputs are refused (too_large) before parsing: memory and time stay bounded
    max_html_chars: int = 5_000_000
    max_text_chars: int = 200_000
    max_link_word_share: float = 0.25


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = "newsfacts/0.1 (+https://example.org/bot)"
    allow_hosts: tuple[str, ...] = ()
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 0.5
    # seconds between two requests to one host, and requests in flight over all hosts
    per_host_delay: float = 1.0
    concurrency: int = 8


@dataclass(frozen=True)
class ExtractOptions:
    batch_size: int = 64
    n_process: int = 1
    # a run's extract step holds the rows of this many articles at a time, then appends them to
    # temporary Parquet files in its staging dir: its memory does not grow with the day's size
    stage_chunk_articles: int = 256
    # processes that extract one date's records side by side, in parts of stage_chunk_articles
    # records (pipeline.runs.extraction); the day-level steps then run once over all the parts
    workers: int = 1


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    url: str | None = None
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourcesConfig:
    sources: tuple[Source, ...]
    fetch: FetchOptions = field(default_factory=FetchOptions)


class ConfigError(ValueError):
    """The sources file is not usable; the message says which entry and why."""


def load_sources(path: str | Path) -> SourcesConfig:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    settings = data.get("settings", {})
    fetch = FetchOptions(
        **{
            k: (tuple(v) if isinstance(v, list) else v)
            for k, v in settings.items()
            if k in FetchOptions.__dataclass_fields__
        }
    )
    sources = []
    for i, entry in enumerate(data.get("sources", [])):
        name = entry.get("name") or f"source-{i}"
        kind = entry.get("kind")
        if kind not in SOURCE_KINDS:
            raise ConfigError(f"{path}: source {name!r}: kind must be one of {SOURCE_KINDS}")
        if kind == "urls" and not entry.get("urls"):
            raise ConfigError(f"{path}: source {name!r}: kind 'urls' needs a 'urls' list")
        if kind != "urls" and not entry.get("url"):
            raise ConfigError(f"{path}: source {name!r}: kind {kind!r} needs a 'url'")
        sources.append(
            Source(name=name, kind=kind, url=entry.get("url"), urls=tuple(entry.get("urls", ())))
        )
    return SourcesConfig(sources=tuple(sources), fetch=fetch)
