"""Dedup: the same story published twice is one story with several sources.

Exact duplicates share the sha256 of their clean text. Near duplicates (a wire story on several
sites, a syndicated copy with another first paragraph or a different sign-off) share most of
their word 5-grams: their MinHash signatures (128 permutations) meet in an LSH banding
(`BandIndex`: datasketch's bands, grouped with numpy), and a pair counts when its estimated
Jaccard similarity reaches `threshold`. Each article is compared with
the earlier articles of its day and with the signatures of the last `lookback_days` days, read
from the `signatures` table (128 integers per article: the past texts are never loaded).
A duplicate keeps its row, with `dup_of` = the id of the first copy (the earliest published; on a
tie the smallest id, so reruns give the same answer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

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
    """article_id -> dup_of for the duplicates among `articles` (earlier days' come first).

    Each article, in the order of publication, is matched against the earlier days' articles
    and the day's before it: the first whose text has its sha256, else, among those that share a
    band of its signature (`BandIndex`) and reach `threshold`, the earliest published."""
    options = options or DedupOptions()
    today = sorted(articles, key=lambda a: a.order)
    index = BandIndex([*earlier, *today], options.threshold)
    by_sha: dict[str, str] = {}
    first_of: dict[str, str] = {}  # article -> its first copy, so chains point at the origin
    known: dict[str, Candidate] = {}
    inserted: list[bool] = []  # whether each row of the index is an article matched against

    def add(c: Candidate) -> None:
        known[c.article_id] = c
        by_sha.setdefault(c.text_sha256, c.article_id)

    for c in earlier:
        inserted.append(c.article_id not in known)
        if inserted[-1]:
            add(c)
            if c.dup_of:
                first_of[c.article_id] = c.dup_of
    dup_of: dict[str, str] = {}
    for row, c in enumerate(today, len(earlier)):
        first = by_sha.get(c.text_sha256)
        if first is None:
            near = [
                (known[k].order, k)
                for k in {
                    index.ids[j] for j in index.sharing_a_band(row) if j < row and inserted[j]
                }
                if similarity(known[k].signature, c.signature) >= options.threshold
            ]
            first = min(near)[1] if near else None
        if first is not None and first != c.article_id:
            origin = first_of.get(first, first)
            dup_of[c.article_id] = origin
            first_of[c.article_id] = origin
        inserted.append(c.article_id not in known)
        if inserted[-1]:
            add(c)
    return dup_of


# datasketch's choice for the default threshold, which it searches by numerical integration
# (~0.6 s of CPU in every process that runs a date's near-duplicates); tested to be its choice
KNOWN_BANDS = {(0.35, NUM_PERM): (32, 4)}


@cache
def bands_for(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) of the LSH banding for `threshold`: datasketch's choice, which
    weighs false positives and negatives equally."""
    if (threshold, NUM_PERM) in KNOWN_BANDS:
        return KNOWN_BANDS[threshold, NUM_PERM]
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class BandIndex:
    """The LSH banding of a list of signatures as arrays: two signatures are candidates when
    they are equal on every value of one band (`bands_for`), as in datasketch's MinHashLSH, but
    the bands of all the signatures are grouped at once with numpy (no Python object per band
    and article: ~1 KiB per article in all), and only the groups of two or more are kept."""

    def __init__(self, candidates: list[Candidate], threshold: float):
        self.ids = [c.article_id for c in candidates]
        bands, rows = bands_for(threshold)
        sigs = (
            np.stack([c.signature for c in candidates]).astype(np.uint64)
            if candidates
            else np.empty((0, NUM_PERM), np.uint64)
        )
        self.group_of: list[np.ndarray] = []  # per band: each signature's group, -1 alone
        self.members: list[dict[int, list[int]]] = []  # per band: group -> its signatures
        for band in range(bands):
            values = sigs[:, band * rows : (band + 1) * rows]
            key = np.zeros(len(sigs), dtype=[(f"v{i}", np.uint64) for i in range(rows)])
            for i in range(rows):
                key[f"v{i}"] = values[:, i]
            _, group, counts = np.unique(key, return_inverse=True, return_counts=True)
            group = group.reshape(-1)
            shared = counts[group] > 1
            group_of = np.where(shared, group, -1)
            members: dict[int, list[int]] = {}
            for row in np.flatnonzero(shared).tolist():
                members.setdefault(int(group_of[row]), []).append(row)
            self.group_of.append(group_of)
            self.members.append(members)

    def sharing_a_band(self, row: int) -> Iterator[int]:
        """The rows equal to `row` on at least one band (itself too, if any), with repeats."""
        for group_of, members in zip(self.group_of, self.members, strict=True):
            group = int(group_of[row])
            if group >= 0:
                yield from members[group]
