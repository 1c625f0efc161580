"""Dedup: the same story published twice is one story with several sources.

Exact duplicates share the sha256 of their clean text. Near duplicates (a wire story on several
sites, a syndicated copy with another first paragraph or a different sign-off) share most of
their word 5-grams: their MinHash signatures (128 permutations) meet in an LSH banding
(datasketch's bands, `bands_for`; each band's keys sorted and searched with numpy), and a pair
counts when its estimated Jaccard similarity reaches `threshold`. Each article is compared with
the earlier articles of its day and with the signatures of the last `lookback_days` days, read
from the `signatures` table one date at a time (128 integers per article: the past texts are
never loaded, and one stored date is in memory at a time: `find_duplicates_in`).
A duplicate keeps its row, with `dup_of` = the id of the first copy (the earliest published; on a
tie the smallest id, so reruns give the same answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pyarrow as pa

from pipeline import store

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


@dataclass
class Signatures:
    """The dedup data of a block of articles (one stored date, or the day's articles): lists
    of ids, text hashes, dates and first copies, and the signatures as one array (not a numpy
    object per article)."""

    ids: list[str]
    shas: list[str]
    published: list[str]  # ISO dates: (published, id) orders the copies
    minhash: np.ndarray  # (articles, NUM_PERM) uint32
    dup_of: list[str | None]

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, candidates: list[Candidate]) -> Signatures:
        sigs = [c.signature for c in candidates]
        return cls(
            [c.article_id for c in candidates], [c.text_sha256 for c in candidates],
            [c.order[0] for c in candidates],
            np.stack(sigs).astype(np.uint32) if sigs else np.empty((0, NUM_PERM), np.uint32),
            [c.dup_of for c in candidates],
        )  # fmt: skip

    @classmethod
    def from_arrow(cls, table) -> Signatures:
        """From a table with the `signatures` table's columns (`dup_of` may be left out)."""
        minhash = table.column("minhash").combine_chunks()
        values = minhash.values.to_numpy(zero_copy_only=False).astype(np.uint32, copy=False)
        return cls(
            table.column("article_id").to_pylist(), table.column("text_sha256").to_pylist(),
            store.shared_values(table.column("published").cast(pa.string())),
            values.reshape(len(table), NUM_PERM) if len(table) else values.reshape(0, NUM_PERM),
            table.column("dup_of").to_pylist() if "dup_of" in table.column_names
            else [None] * len(table),
        )  # fmt: skip

    def reorder(self, rows: list[int]) -> None:
        """Put the rows in the order `rows` (in place: the old arrays are let go)."""
        vars(self).update(vars(self.take(rows)))

    def take(self, rows: list[int]) -> Signatures:
        return Signatures(
            [self.ids[i] for i in rows], [self.shas[i] for i in rows],
            [self.published[i] for i in rows], self.minhash[rows],
            [self.dup_of[i] for i in rows],
        )  # fmt: skip


def find_duplicates(
    articles: list[Candidate], earlier: list[Candidate], options: DedupOptions | None = None
) -> dict[str, str]:
    """article_id -> dup_of for the duplicates among `articles` (earlier days' come first);
    see `find_duplicates_in`."""
    return find_duplicates_in(Signatures.of(articles), [Signatures.of(earlier)], options)


def find_duplicates_in(
    today: Signatures, earlier, options: DedupOptions | None = None
) -> dict[str, str]:
    """article_id -> dup_of for the duplicates among the day's articles `today`, against the
    blocks `earlier` (an iterable of Signatures: the stored dates, oldest first, each read
    when its turn comes, so that one stored date is in memory at a time). `today` is put in
    the order of publication in place.

    Each of the day's articles, in the order of publication, is matched against the earlier
    days' articles and the day's before it: the first whose text has its sha256, else, among
    those that share a band of its signature (`bands_for`) and reach `threshold`, the earliest
    published. An article id that came before is not matched against again. The bands are
    compared block by block with numpy (`_near_in_block`): the work grows with the articles
    and the pairs that share a band, the memory with the day and one stored date."""
    options = options or DedupOptions()
    rows = sorted(range(len(today)), key=lambda i: (today.published[i], today.ids[i]))
    day = today
    if rows != list(range(len(day))):
        day.reorder(rows)
    n = len(day)
    sha_wanted = set(day.shas)
    by_sha: dict[str, str] = {}  # a sha256 of the day's -> the first earlier article with it
    first_of: dict[str, str] = {}  # an article -> its first copy, so chains point at the origin
    best: list[tuple | None] = [None] * n  # each article's earliest near copy: (order, id)
    seen: set[str] = set()  # the earlier days' article ids (only the first of an id is matched)
    for block in earlier:
        fresh = []
        for i, (aid, sha, dup) in enumerate(zip(block.ids, block.shas, block.dup_of, strict=True)):
            if aid in seen:
                continue
            seen.add(aid)
            fresh.append(i)
            if sha in sha_wanted and sha not in by_sha:
                by_sha[sha] = aid
                if dup:
                    first_of[aid] = dup
        if len(fresh) < len(block):
            block = block.take(fresh)
        _near_in_block(day, block, best, first_of, options, later_only=False)
        del block
    inserted = []
    for aid in day.ids:
        inserted.append(aid not in seen)
        seen.add(aid)
    _near_in_block(day, day, best, first_of, options, later_only=True, inserted=inserted)
    dup_of: dict[str, str] = {}
    for k in range(n):
        aid, sha = day.ids[k], day.shas[k]
        first = by_sha.get(sha)
        if first is None and best[k] is not None:
            first = best[k][1]
        if first is not None and first != aid:
            origin = first_of.get(first, first)
            dup_of[aid] = origin
            first_of[aid] = origin
        if inserted[k]:
            by_sha.setdefault(sha, aid)
    return dup_of


_PAIRS = 1 << 16  # pairs sharing a band looked at at once (~4 MiB of temporaries)
_SIMILARITIES = 4096  # pairs whose similarity is worked out at once (~4 MiB)


def _near_in_block(
    day: Signatures,
    block: Signatures,
    best: list,
    first_of: dict,
    options: DedupOptions,
    later_only: bool,
    inserted: list[bool] | None = None,
) -> None:
    """Update `best` (each day's article's earliest near copy) with the articles of `block`
    that share a band with it and reach the threshold (`later_only`: the block is the day
    itself, and only an earlier article of it counts; `inserted`: which of the block's rows
    may be matched). A block's article chosen as a copy leaves its own first copy in
    `first_of`."""
    if not len(day) or not len(block):
        return
    bands, rows = bands_for(options.threshold)
    usable = np.ones(len(block), bool) if inserted is None else np.array(inserted, bool)
    # local rank of each block row by (published, id): the smaller is the first copy
    order = sorted(range(len(block)), key=lambda i: (block.published[i], block.ids[i]))
    rank = np.empty(len(block), np.int64)
    rank[order] = np.arange(len(block))
    nearest = np.full(len(day), len(block), np.int64)
    for band in range(bands):
        cols = slice(band * rows, (band + 1) * rows)
        keys = _sorted_band_keys(block.minhash[:, cols])
        # the pairs a batch at a time: a story told on many sites stays bounded
        for a, b in _sharing_band(day.minhash[:, cols], keys):
            # a pair is compared unless an earlier copy of the day's article was found already
            keep = usable[b] & (rank[b] < nearest[a])
            if later_only:
                keep &= b < a
            a, b = a[keep], b[keep]
            # the keys are hashes: the band itself must be equal
            equal = np.all(day.minhash[a, cols] == block.minhash[b, cols], axis=1)
            a, b = a[equal], b[equal]
            for start in range(0, len(a), _SIMILARITIES):
                x, y = a[start : start + _SIMILARITIES], b[start : start + _SIMILARITIES]
                near = np.mean(day.minhash[x] == block.minhash[y], axis=1) >= options.threshold
                np.minimum.at(nearest, x[near], rank[y[near]])
    for k in np.flatnonzero(nearest < len(block)).tolist():
        j = order[int(nearest[k])]
        found = ((block.published[j], block.ids[j]), block.ids[j])
        if best[k] is None or found < best[k]:
            best[k] = found
            if not later_only and block.dup_of[j]:
                first_of.setdefault(block.ids[j], block.dup_of[j])


def _band_keys(values: np.ndarray) -> np.ndarray:
    """One 64-bit key per row of a band's values (equal values, equal keys)."""
    key = np.zeros(len(values), np.uint64)
    for i in range(values.shape[1]):
        key = key * np.uint64(0x9E3779B97F4A7C15) + values[:, i].astype(np.uint64)
    return key


def _sorted_band_keys(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A band's keys of a block's rows, sorted, and the row of each."""
    keys = _band_keys(values)
    order = np.argsort(keys, kind="stable")
    return keys[order], order


def _sharing_band(day: np.ndarray, block: tuple[np.ndarray, np.ndarray]):
    """The (day row, block row) pairs whose keys of one band are equal (`block`: the band's
    sorted keys of the block, `_sorted_band_keys`), in batches of about `_PAIRS` pairs (a day's
    row of more pairs than that is a batch of its own)."""
    keys, order = block
    want = _band_keys(day)
    lo = np.searchsorted(keys, want, "left")
    count = np.searchsorted(keys, want, "right") - lo
    ends = np.cumsum(count)
    first = 0
    while first < len(day):
        before = int(ends[first - 1]) if first else 0
        stop = max(first + 1, int(np.searchsorted(ends, before + _PAIRS, "right")))
        n = count[first:stop]
        a = np.repeat(np.arange(first, stop), n)
        offset = np.arange(len(a)) - np.repeat(np.cumsum(n) - n, n)
        yield a, order[np.repeat(lo[first:stop], n) + offset]
        first = stop


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
