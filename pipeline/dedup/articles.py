"""Dedup: the same story published twice is one story with several sources.

Exact duplicates share the sha256 of their clean text. Near duplicates (a wire story on several
sites, a syndicated copy with another first paragraph or a different sign-off) share most of
their word 5-grams: their MinHash signatures (128 permutations) meet in an LSH banding
(datasketch's bands, `bands_for`; each band's keys sorted and searched with numpy), and a pair
counts when its estimated Jaccard similarity reaches `threshold`. Each article is compared with
the earlier articles of its day and with the signatures of the last `lookback_days` days, read
from the `signatures` table one date at a time (128 integers per article: the past texts are
never loaded, and one stored date is in memory at a time: `find_duplicates_in`). A big day's own
signatures are read from a temporary file `DAY_ROWS` articles at a time (`SignatureFiles`), and
its ids and hashes are Arrow arrays with numpy bookkeeping: the memory does not hold a Python
object per article of the day.
A duplicate keeps its row, with `dup_of` = the id of the first copy (the earliest published; on a
tie the smallest id, so reruns give the same answer).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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
    """The dedup data of a block of articles (one stored date, or the day's articles): ids,
    text hashes, dates and first copies (lists; the day's may be Arrow arrays, and its first
    copies are not read), and the signatures as one array (not a numpy object per article),
    or, for a big day, the file they are read from a chunk at a time (`SignatureFiles`)."""

    ids: Sequence[str]
    shas: Sequence[str]
    published: Sequence[str]  # ISO dates: (published, id) orders the copies
    minhash: np.ndarray | SignatureFiles  # (articles, NUM_PERM) uint32
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
        return cls(
            table.column("article_id").to_pylist(), table.column("text_sha256").to_pylist(),
            store.shared_values(table.column("published").cast(pa.string())),
            _as_array(table.column("minhash")),
            table.column("dup_of").to_pylist() if "dup_of" in table.column_names
            else [None] * len(table),
        )  # fmt: skip

    def take(self, rows: list[int]) -> Signatures:
        return Signatures(
            [self.ids[i] for i in rows], [self.shas[i] for i in rows],
            [self.published[i] for i in rows], self.rows(0, len(self))[rows],
            [self.dup_of[i] for i in rows],
        )  # fmt: skip

    def chunks(self, size: int) -> list[tuple[int, int]]:
        """Row ranges of `size` rows (the last may have fewer) covering the block."""
        return [(lo, min(lo + size, len(self))) for lo in range(0, len(self), size)]

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """The signatures of rows lo to hi."""
        if isinstance(self.minhash, SignatureFiles):
            return self.minhash.rows(lo, hi)
        return self.minhash[lo:hi]


def _as_array(minhash: pa.ChunkedArray | pa.Array) -> np.ndarray:
    if isinstance(minhash, pa.ChunkedArray):
        minhash = minhash.combine_chunks()
    values = minhash.flatten().to_numpy(zero_copy_only=False).astype(np.uint32, copy=False)
    return values.reshape(len(minhash), NUM_PERM)


class SignatureFiles:
    """The `minhash` column of Parquet files (a day's parts', in order), copied once, as raw
    uint32 rows, to an unnamed temporary file in `where` (by default the first file's folder)
    and read back a range of rows at a time: a big day's signatures are not all in memory at
    once, and a chunk costs one read however many parts it spans."""

    def __init__(self, files, where: str | None = None) -> None:
        import pyarrow.parquet as pq

        files = list(files)
        folder = where or (str(Path(files[0]).parent) if files else None)
        # removed when closed (`close`, or the end of a `with` block) or collected
        self.raw = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.n = 0
        for path in files:
            part = pq.read_table(path, columns=["minhash"], use_threads=False)
            rows = _as_array(part.column("minhash"))
            self.raw.write(np.ascontiguousarray(rows, np.uint32).tobytes())
            self.n += len(rows)
        self.raw.flush()

    def __len__(self) -> int:
        return self.n

    def chunks(self, size: int) -> list[tuple[int, int]]:
        return [(lo, min(lo + size, self.n)) for lo in range(0, self.n, size)]

    def rows(self, lo: int, hi: int) -> np.ndarray:
        width = NUM_PERM * 4
        data = os.pread(self.raw.fileno(), (hi - lo) * width, lo * width)
        return np.frombuffer(data, np.uint32).reshape(hi - lo, NUM_PERM)

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> SignatureFiles:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def find_duplicates(
    articles: list[Candidate], earlier: list[Candidate], options: DedupOptions | None = None
) -> dict[str, str]:
    """article_id -> dup_of for the duplicates among `articles` (earlier days' come first);
    see `find_duplicates_in`."""
    return find_duplicates_in(Signatures.of(articles), [Signatures.of(earlier)], options)


def find_duplicates_in(
    today: Signatures, earlier, options: DedupOptions | None = None, chunk: int | None = None
) -> dict[str, str]:
    """article_id -> dup_of for the duplicates among the day's articles `today`, against the
    blocks `earlier` (an iterable of Signatures: the stored dates, oldest first, each read
    when its turn comes, so that one stored date is in memory at a time).

    Each of the day's articles, in the order of publication, is matched against the earlier
    days' articles and the day's before it: the first whose text has its sha256, else, among
    those that share a band of its signature (`bands_for`) and reach `threshold`, the earliest
    published. An article id that came before is not matched against again. The bands are
    compared block by block with numpy (`_nearest`), and the day's signatures `chunk` rows
    (`DAY_ROWS`) at a time, each chunk against each stored date and each chunk of the day:
    the work grows with the articles and the pairs that share a band, the memory with the
    day's ids and hashes, one stored date and two chunks of the day's signatures."""
    options = options or DedupOptions()
    chunks = today.chunks(chunk or DAY_ROWS)
    n = len(today)
    # the day's ids, hashes and dates as Arrow arrays: no Python object per article
    ids, published = _strings(today.ids), _strings(today.published)
    sha_codes, sha_values = _codes(_strings(today.shas))
    order = _publication_order(published, ids)
    position = np.empty(n, np.int64)
    position[order] = np.arange(n)
    stored_first: dict[int, str] = {}  # a day's text hash -> the first stored article with it
    first_of: dict[str, str] = {}  # an article -> its first copy, so chains point at the origin
    best: dict[int, tuple] = {}  # a day's row -> its earliest near copy: (order, id)
    seen: set[str] = set()  # the earlier days' article ids (only the first of an id is matched)
    for block in earlier:
        fresh = []
        for i, aid in enumerate(block.ids):
            if aid not in seen:
                seen.add(aid)
                fresh.append(i)
        if len(fresh) < len(block):
            block = block.take(fresh)
        hashes = pc.index_in(pa.array(block.shas, pa.string()), value_set=sha_values)
        for i in np.flatnonzero(pc.fill_null(hashes, -1).to_numpy() >= 0).tolist():
            code = hashes[i].as_py()
            if code not in stored_first:
                stored_first[code] = block.ids[i]
                if block.dup_of[i]:
                    first_of[block.ids[i]] = block.dup_of[i]
        _near_stored(today, chunks, block, best, first_of, options)
        del block
    # which of the day's rows may be matched: the first of its id, in the order of
    # publication, where no stored article has it
    id_codes, _ = _codes(ids)
    first = np.full(max(id_codes.max(initial=-1) + 1, 0), n, np.int64)
    np.minimum.at(first, id_codes, position)
    inserted = position == first[id_codes]
    if seen:
        inserted &= ~pc.is_in(ids, value_set=pa.array(list(seen), pa.string())).to_numpy(
            zero_copy_only=False
        )
    del id_codes, first
    for lo, hi in chunks:
        day = today.rows(lo, hi)
        for lo2, hi2 in chunks:
            other = day if lo2 == lo else today.rows(lo2, hi2)
            nearest = _nearest(day, other, position[lo2:hi2], inserted[lo2:hi2],
                               position[lo:hi], options)  # fmt: skip
            for k in np.flatnonzero(nearest < _NONE).tolist():
                j = int(order[nearest[k]])
                at = (published[j].as_py(), ids[j].as_py())
                _better(best, lo + k, (at, at[1]))
    # each article's first copy: a stored article with its text, else the first of the day's
    # before it with its text, else its earliest near copy; in the order of publication, so
    # that a chain points at its origin
    first_text = np.full(len(sha_values), n, np.int64)
    np.minimum.at(first_text, sha_codes[inserted], position[inserted])
    text_before = first_text[sha_codes] < position
    stored_text = np.zeros(len(sha_values), bool)
    stored_text[list(stored_first)] = True
    copied = stored_text[sha_codes] | text_before
    copied[list(best)] = True
    dup_of: dict[str, str] = {}
    for k in order[copied[order]].tolist():
        aid, code = ids[k].as_py(), int(sha_codes[k])
        if code in stored_first:
            found = stored_first[code]
        elif text_before[k]:
            found = ids[int(order[first_text[code]])].as_py()
        else:
            found = best[k][1]
        if found != aid:
            origin = first_of.get(found, found)
            dup_of[aid] = origin
            first_of[aid] = origin
    return dup_of


def _publication_order(published, ids) -> np.ndarray:
    """The rows in the order of publication, (published, id), the smaller the first copy (a
    stable sort: rows of one date and id keep their order)."""
    return pc.sort_indices(
        pa.table({"published": _strings(published), "id": _strings(ids)}),
        sort_keys=[("published", "ascending"), ("id", "ascending")],
    ).to_numpy()


def _strings(values) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks().cast(pa.string())
    if isinstance(values, pa.Array):
        return values.cast(pa.string())
    return pa.array(values, pa.string())


def _codes(values: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """Each value's number among the distinct values, and those values."""
    encoded = values.dictionary_encode()
    return encoded.indices.to_numpy().astype(np.int64), encoded.dictionary


def _near_stored(today: Signatures, chunks, block: Signatures, best, first_of, options) -> None:
    """Update `best` with the articles of a stored date `block` near the day's; a block's
    article chosen as a copy leaves its own first copy in `first_of`."""
    if not len(today) or not len(block):
        return
    # each block row's rank by (published, id): the smaller is the first copy
    ranked = _publication_order(block.published, block.ids)
    rank = np.empty(len(block), np.int64)
    rank[ranked] = np.arange(len(block))
    for lo, hi in chunks:
        nearest = _nearest(today.rows(lo, hi), block.rows(0, len(block)), rank, None, None, options)
        for k in np.flatnonzero(nearest < _NONE).tolist():
            j = int(ranked[nearest[k]])
            found = ((block.published[j], block.ids[j]), block.ids[j])
            if _better(best, lo + k, found) and block.dup_of[j]:
                first_of.setdefault(block.ids[j], block.dup_of[j])


def _better(best: dict[int, tuple], k: int, found: tuple) -> bool:
    """Keep `found` as row k's earliest near copy if it is earlier than the one kept."""
    if k in best and best[k] <= found:
        return False
    best[k] = found
    return True


DAY_ROWS = 4096  # the day's signatures in memory at once: two chunks of 2 MiB
_PAIRS = 1 << 16  # pairs sharing a band looked at at once (~4 MiB of temporaries)
_SIMILARITIES = 4096  # pairs whose similarity is worked out at once (~4 MiB)
_NONE = np.iinfo(np.int64).max


def _nearest(day: np.ndarray, block: np.ndarray, rank: np.ndarray, usable, before, options
             ) -> np.ndarray:  # fmt: skip
    """For each row of the signatures `day`, the smallest `rank` of the rows of the signatures
    `block` that share a band with it and reach the threshold, `_NONE` where none does.
    `usable`: which block rows may be matched; `before`: the day rows' ranks, where day and
    block are of one day (only an earlier article counts)."""
    nearest = np.full(len(day), _NONE, np.int64)
    if not len(day) or not len(block):
        return nearest
    bands, rows = bands_for(options.threshold)
    for band in range(bands):
        cols = slice(band * rows, (band + 1) * rows)
        keys = _sorted_band_keys(block[:, cols])
        # the pairs a batch at a time: a story told on many sites stays bounded
        for a, b in _sharing_band(day[:, cols], keys):
            # a pair is compared unless an earlier copy of the day's article was found already
            keep = rank[b] < nearest[a]
            if usable is not None:
                keep &= usable[b]
            if before is not None:
                keep &= rank[b] < before[a]
            a, b = a[keep], b[keep]
            # the keys are hashes: the band itself must be equal
            equal = np.all(day[a, cols] == block[b, cols], axis=1)
            a, b = a[equal], b[equal]
            for start in range(0, len(a), _SIMILARITIES):
                x, y = a[start : start + _SIMILARITIES], b[start : start + _SIMILARITIES]
                near = np.mean(day[x] == block[y], axis=1) >= options.threshold
                np.minimum.at(nearest, x[near], rank[y[near]])
    return nearest


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
