"""Near-duplicate detection: MinHash signatures and LSH bands kept in the database.

Exact duplicates share a content hash and are stored once (the writer adds their URLs).
Near-duplicates — syndicated copies with another headline or footer, updated versions of a
story — are found with MinHash (datasketch, fixed seed, word 3-shingles) and locality-sensitive
hashing: the signature is cut into `b` bands of `r` values (datasketch's optimum for the
threshold), each band hashed to a 64-bit key in `minhash_bands`. Articles sharing a band key
are candidates; a candidate whose estimated Jaccard similarity reaches the threshold is a
near-duplicate. The index lives in the database, so it survives restarts and needs no
rebuilding, and ingest stays deterministic.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch imports scipy (~1 s): loaded on first use, not with the CLI
    from datasketch import MinHash  # type: ignore[import-untyped, unused-ignore]

WORD = re.compile(r"\w+")
SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 20211
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash values (uint32) and its LSH band keys."""

    values: np.ndarray
    bands: tuple[int, ...]

    def to_bytes(self) -> bytes:
        """Serialize the values (little-endian uint32)."""
        return self.values.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """Return the MinHash values stored by `Signature.to_bytes`."""
    return np.frombuffer(data, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Return the estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class MinHasher:
    """Compute signatures with fixed permutations (the same on every run and machine)."""

    def __init__(self, num_perm: int = NUM_PERM, threshold: float = THRESHOLD, seed: int = SEED) -> None:
        self.num_perm = num_perm
        self.threshold = threshold
        self.seed = seed
        from datasketch import MinHashLSH  # type: ignore[import-untyped, unused-ignore]

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands, self.rows = lsh.b, lsh.r

    @cached_property
    def _template(self) -> MinHash:
        from datasketch import MinHash  # type: ignore[import-untyped, unused-ignore]

        return MinHash(num_perm=self.num_perm, seed=self.seed)

    def shingles(self, text: str) -> set[bytes]:
        """Return the set of word 3-shingles of a text (lowercased), or its words if shorter."""
        words = WORD.findall(text.casefold())
        if len(words) < SHINGLE_WORDS:
            return {" ".join(words).encode()} if words else set()
        return {
            " ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)
        }

    def signature(self, text: str) -> Signature:
        """Return the signature and band keys of a text."""
        from datasketch import MinHash  # type: ignore[import-untyped, unused-ignore]

        template = self._template
        minhash = MinHash(
            num_perm=self.num_perm, seed=self.seed, permutations=template.permutations, scheme=template.scheme
        )
        shingles = self.shingles(text)
        if shingles:
            minhash.update_batch(sorted(shingles))
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        bands = tuple(
            _band_key(values[i * self.rows : (i + 1) * self.rows].astype("<u4").tobytes())
            for i in range(self.bands)
        )
        return Signature(values, bands)


def _band_key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)
