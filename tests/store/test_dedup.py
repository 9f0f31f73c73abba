"""Near-duplicate signatures: newsgraph's MinHash and LSH parameters are datasketch's, value for value."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.store.dedup import MinHasher, lsh_parameters

TEXTS = [
    "The harbour workers walked out on Monday after talks on pay broke down in the port city.",
    "Dock workers kept the grain terminals closed on Wednesday, and ship agents said 14 vessels "
    "were waiting to load. The union said talks with the port authority would resume on Friday.",
    "Short text",
    "",
]


def test_store_dedup_minhash_equals_datasketch() -> None:
    datasketch = pytest.importorskip("datasketch")
    hasher = MinHasher()
    template = datasketch.MinHash(num_perm=hasher.num_perm, seed=hasher.seed)
    for text in TEXTS:
        shingles = hasher.shingles(text)
        theirs = datasketch.MinHash(
            num_perm=hasher.num_perm, seed=hasher.seed, permutations=template.permutations, scheme="affine32"
        )
        if shingles:
            theirs.update_batch(sorted(shingles))
        assert np.array_equal(hasher.signature(text).values, np.asarray(theirs.hashvalues, dtype=np.uint32))


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
@pytest.mark.parametrize("num_perm", [64, 128])
def test_store_dedup_lsh_parameters_equal_datasketch(threshold: float, num_perm: int) -> None:
    datasketch = pytest.importorskip("datasketch")
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert lsh_parameters(threshold, num_perm) == (lsh.b, lsh.r)


def test_store_dedup_defaults_are_25_bands_of_5() -> None:
    hasher = MinHasher()
    assert (hasher.bands, hasher.rows) == (25, 5)
    assert hasher.signature("").bands == hasher.signature("").bands
    assert hasher.signature(TEXTS[0]).values.dtype == np.uint32
