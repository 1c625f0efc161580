"""Dedup: the same story published twice is one story with several sources.

Exact duplicates share the sha256 of their clean text. Near duplicates (a wire story on several
sites, a syndicated copy with another first paragraph or a different sign-off) share most of
their word 5-grams: their MinHash signatures (128 permutations) meet in an LSH index, and a pair
counts when its estimated Jaccard similarity reaches `threshold`. Each article is compared with
the earlier articles of its day and with the signatures of the last `lookback_days` days, read
from the `signatures` table (128 integers per article: the past texts are never loaded).
A duplicate keeps its row, with `dup_of` = the id of the first copy (the earliest published; on a
tie the smallest id, so reruns give the same answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hash scheme: 32-bit values, stored as they are
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DedupOptions:
    # syndicated copies of our sample articles score 0.43-0.9, different stories at most 0.02
    threshold: float = 0.35
    lookback_days: int = 7


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text (uint32 x NUM_PERM), the same in every process."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def _lean(sig: np.ndarray):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=sig, scheme=SCHEME)


@dataclass
class Candidate:
    article_id: str
    text_sha256: str
    signature: np.ndarray
    order: tuple  # (published, article_id): smaller is the first copy
    dup_of: str | None = None  # for earlier days' articles: their own first copy


def find_duplicates(
    articles: list[Candidate], earlier: list[Candidate], options: DedupOptions | None = None
) -> dict[str, str]:
    """article_id -> dup_of for the duplicates among `articles` (earlier days' come first)."""
    from datasketch import MinHashLSH

    options = options or DedupOptions()
    lsh = MinHashLSH(threshold=options.threshold, num_perm=NUM_PERM)
    by_sha: dict[str, str] = {}
    first_of: dict[str, str] = {}  # article -> its first copy, so chains point at the origin
    known: dict[str, Candidate] = {}

    def add(c: Candidate) -> None:
        lsh.insert(c.article_id, _lean(c.signature))
        known[c.article_id] = c
        by_sha.setdefault(c.text_sha256, c.article_id)

    for c in earlier:
        if c.article_id not in known:
            add(c)
            if c.dup_of:
                first_of[c.article_id] = c.dup_of
    dup_of: dict[str, str] = {}
    for c in sorted(articles, key=lambda a: a.order):
        first = by_sha.get(c.text_sha256)
        if first is None:
            query = _lean(c.signature)
            near = [
                (known[k].order, k)
                for k in lsh.query(query)
                if similarity(known[k].signature, c.signature) >= options.threshold
            ]
            first = min(near)[1] if near else None
        if first is not None and first != c.article_id:
            origin = first_of.get(first, first)
            dup_of[c.article_id] = origin
            first_of[c.article_id] = origin
        if c.article_id not in known:
            add(c)
    return dup_of
