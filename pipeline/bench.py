"""Benchmarks (`make bench`): our stages against the bare libraries, on the same pages, in one run.

    python -m pipeline.bench [--repeat N]

The corpus is the bundled sample site (seeds/site, our own pages), each page used N times. Each
figure is a ratio to the bare library doing the same work in the same process, so a slow or busy
machine moves both sides: cleaning pages/s / bare `trafilatura.extract` pages/s, and extraction
docs/s / bare spaCy `nlp.pipe` docs/s on the clean texts. Peak RSS is the process's high-water mark.
"""

from __future__ import annotations

import argparse
import resource
import time

from pipeline.settings import SEEDS_DIR


def _pages(repeat: int) -> list[str]:
    pages = sorted((SEEDS_DIR / "site").glob("*/articles/*.html"))
    return [p.read_text(encoding="utf-8") for p in pages] * repeat


def _rate(n: int, fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return n / (time.perf_counter() - started), result


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(repeat: int) -> list[tuple[str, str]]:
    import trafilatura

    from pipeline.clean import clean_html
    from pipeline.extract import extract_records, nlp

    html = _pages(repeat)
    n = len(html)
    bare_clean, _ = _rate(n, lambda: [trafilatura.extract(h, include_comments=False) for h in html])
    our_clean, articles = _rate(n, lambda: [clean_html(h) for h in html])
    texts = [a.text for a in articles]
    model = nlp()
    model("warm up")
    bare_nlp, _ = _rate(n, lambda: list(model.pipe(texts, batch_size=64)))
    records = [{"id": str(i), "text": t, "published": "2026-03-02"} for i, t in enumerate(texts)]
    our_extract, _ = _rate(n, lambda: list(extract_records(records)))
    return [
        ("documents", str(n)),
        ("clean pages/s (ours)", f"{our_clean:.1f}"),
        ("clean pages/s (bare trafilatura.extract)", f"{bare_clean:.1f}"),
        ("clean ratio", f"{our_clean / bare_clean:.2f}"),
        ("extract docs/s (ours, from clean text)", f"{our_extract:.1f}"),
        ("extract docs/s (bare spaCy nlp.pipe)", f"{bare_nlp:.1f}"),
        ("extract ratio", f"{our_extract / bare_nlp:.2f}"),
        ("peak RSS MiB", f"{_peak_mib():.0f}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="times each sample page is used")
    args = parser.parse_args(argv)
    rows = run(args.repeat)
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key.ljust(width)}  {value:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
