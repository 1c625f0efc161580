"""The near-duplicate banding (`find_duplicates_in`, block by block with numpy) finds the
candidates datasketch's MinHashLSH finds: whatever the signatures, and however the earlier
days are split into blocks, the same duplicates and the same first copies."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from unittest.mock import patch

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dedup import articles
from pipeline.dedup.articles import (
    NUM_PERM,
    SCHEME,
    Candidate,
    DedupOptions,
    SignatureFiles,
    Signatures,
    _sharing_band,
    _sorted_band_keys,
    find_duplicates,
    find_duplicates_in,
    similarity,
)


def lsh_duplicates(articles, earlier, options) -> dict[str, str]:
    """The specification: each article queries a MinHashLSH holding the earlier days' articles
    and the day's before it."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=options.threshold, num_perm=NUM_PERM)
    by_sha, first_of, known, dup_of = {}, {}, {}, {}

    def add(c):
        lsh.insert(c.article_id, LeanMinHash(seed=1, hashvalues=c.signature, scheme=SCHEME))
        known[c.article_id] = c
        by_sha.setdefault(c.text_sha256, c.article_id)

    for c in earlier:
        if c.article_id not in known:
            add(c)
            if c.dup_of:
                first_of[c.article_id] = c.dup_of
    for c in sorted(articles, key=lambda a: a.order):
        first = by_sha.get(c.text_sha256)
        if first is None:
            query = LeanMinHash(seed=1, hashvalues=c.signature, scheme=SCHEME)
            near = [(known[k].order, k) for k in lsh.query(query)
                    if similarity(known[k].signature, c.signature) >= options.threshold]  # fmt: skip
            first = min(near)[1] if near else None
        if first is not None and first != c.article_id:
            dup_of[c.article_id] = first_of[c.article_id] = first_of.get(first, first)
        if c.article_id not in known:
            add(c)
    return dup_of


@st.composite
def signature_sets(draw):
    """Stories and copies of them: each copy keeps a drawn share of its story's values, so that
    some share a band and pass the threshold, some share a band only, some share nothing."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    stories = rng.integers(0, 2**32, size=(draw(st.integers(1, 6)), NUM_PERM), dtype=np.uint64)
    out = []
    for _ in range(draw(st.integers(1, 30))):
        story = stories[draw(st.integers(0, len(stories) - 1))].copy()
        kept = draw(st.sampled_from([1.0, 0.8, 0.5, 0.3, 0.1, 0.0]))
        changed = rng.random(NUM_PERM) >= kept
        story[changed] = rng.integers(0, 2**32, size=int(changed.sum()), dtype=np.uint64)
        article_id = f"a{draw(st.integers(0, 40))}"  # an id may come twice
        out.append(
            Candidate(
                article_id=article_id,
                text_sha256=f"s{draw(st.integers(0, 50))}",
                signature=story.astype(np.uint32),
                order=(f"2026-03-0{draw(st.integers(1, 4))}", article_id),
                dup_of=draw(st.sampled_from([None, None, "a0"])),
            )
        )
    split = draw(st.integers(0, len(out)))
    # the earlier days as stored dates: blocks of any size, an empty one too
    cuts = sorted(draw(st.lists(st.integers(0, split), max_size=4)))
    blocks = [out[a:b] for a, b in zip([0, *cuts], [*cuts, split], strict=True)]
    return blocks, out[split:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signature_sets(), st.sampled_from([0.35, 0.6]), st.lists(st.integers(0, 7), max_size=6))
def test_the_banding_finds_the_duplicates_the_lsh_index_finds(sets, threshold, sizes):
    blocks, today = sets
    earlier = [c for block in blocks for c in block]
    options = DedupOptions(threshold=threshold)
    expected = lsh_duplicates(today, earlier, options)
    assert find_duplicates(today, earlier, options) == expected
    stored = (Signatures.of(block) for block in blocks)  # read one date at a time
    assert find_duplicates_in(Signatures.of(today), stored, options) == expected
    # the day's signatures a few rows at a time, in memory and from files of any size
    for size in (2, 5):
        stored = (Signatures.of(block) for block in blocks)
        assert find_duplicates_in(Signatures.of(today), stored, options, chunk=size) == expected
    with tempfile.TemporaryDirectory() as tmp:
        files = _signature_files(Path(tmp), today, sizes)
        day = Signatures(*vars(Signatures.of(today)).values())
        day.minhash = SignatureFiles(files)
        stored = (Signatures.of(block) for block in blocks)
        assert find_duplicates_in(day, stored, options, chunk=3) == expected
    # the pairs sharing a band looked at a few at a time
    with patch.object(articles, "_PAIRS", 3), patch.object(articles, "_SIMILARITIES", 2):
        assert find_duplicates(today, earlier, options) == expected


def _signature_files(where: Path, articles: list[Candidate], sizes: list[int]) -> list[Path]:
    """The articles' signatures in Parquet files of the given numbers of rows (an empty file
    too), the rest in a last one: as a day's parts write them."""
    cuts = np.cumsum([0, *sizes]).clip(max=len(articles)).tolist() + [len(articles)]
    files = []
    for n, (lo, hi) in enumerate(itertools.pairwise(cuts)):
        sigs = [c.signature.tolist() for c in articles[lo:hi]]
        files.append(where / f"part-{n}.parquet")
        pq.write_table(pa.table({"minhash": pa.array(sigs, pa.list_(pa.uint32()))}), files[-1])
    return files


def test_signatures_equal_on_one_band_only_are_candidates_and_others_are_not():
    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    one_band = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    one_band[:4] = base[:4]  # the first band of 4 values: 32 bands at threshold 0.35
    other = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    other[1:5] = base[1:5]  # as many equal values, across two bands
    sigs = np.stack([base, one_band, other])
    pairs = {
        (int(a), int(b))
        for k in range(0, 128, 4)
        for day, block in _sharing_band(sigs[:, k : k + 4], _sorted_band_keys(sigs[:, k : k + 4]))
        for a, b in zip(day, block, strict=True)
    }
    assert pairs == {(0, 0), (1, 1), (2, 2), (0, 1), (1, 0)}


def test_the_banding_known_for_a_threshold_is_the_one_datasketch_chooses():
    from datasketch import MinHashLSH

    from pipeline.dedup.articles import KNOWN_BANDS

    for (threshold, num_perm), banding in KNOWN_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert (lsh.b, lsh.r) == banding
