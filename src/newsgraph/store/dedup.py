"""Near-duplicate detection: MinHash signatures and LSH bands kept in the database.

Exact duplicates share a content hash and are stored once (the writer adds their URLs).
Near-duplicates — syndicated copies with another headline or footer, updated versions of a
story — are found with MinHash (word 3-shingles, fixed seed) and locality-sensitive hashing: the
signature is cut into `b` bands of `r` values (the optimum for the threshold), each band hashed
to a 64-bit key in `minhash_bands`. Articles sharing a band key are candidates; a candidate whose
estimated Jaccard similarity reaches the threshold is a near-duplicate. The index lives in the
database, so it survives restarts and needs no rebuilding, and ingest stays deterministic.

The MinHash is datasketch's (2.x, "affine32" scheme) written out with numpy, value for value, so
signatures stored by earlier versions stay valid without the datasketch and scipy packages:
a shingle's SHA-1 (first 4 bytes, little-endian) is mixed by the MurmurHash3 finalizer, then
each of the `num_perm` permutations maps it to `a·h + b mod 2³²` (odd `a`, both drawn from numpy's
`RandomState(seed)`), and the signature keeps each permutation's minimum. `lsh_parameters` picks
(b, r) as datasketch's `MinHashLSH` does, integrating the false positive and negative
probabilities exactly (Gauss-Legendre; the integrands are polynomials). A test compares both
with datasketch when it is installed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np

WORD = re.compile(r"\w+")
SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 20211
THRESHOLD = 0.5
_MAX_HASH = np.uint32(0xFFFFFFFF)


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


@cache
def lsh_parameters(threshold: float, num_perm: int) -> tuple[int, int]:
    """Return (bands, rows) minimizing the false positive plus false negative probability mass."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm)  # exact up to degree 2·num_perm - 1

    def integral(low: float, high: float, bands: int, rows: int, positive: bool) -> float:
        s = (high - low) / 2 * nodes + (high + low) / 2
        hit = 1 - (1 - s ** float(rows)) ** float(bands)
        return float((high - low) / 2 * np.sum(weights * (hit if positive else 1 - hit)))

    best, error = (0, 0), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = integral(0.0, threshold, bands, rows, True)
            fn = integral(threshold, 1.0, bands, rows, False)
            if 0.5 * fp + 0.5 * fn < error:
                best, error = (bands, rows), 0.5 * fp + 0.5 * fn
    return best


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, element-wise (multiplications wrap around mod 2³²)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return np.asarray(h ^ (h >> np.uint32(16)), dtype=np.uint32)


class MinHasher:
    """Compute signatures with fixed permutations (the same on every run and machine)."""

    def __init__(self, num_perm: int = NUM_PERM, threshold: float = THRESHOLD, seed: int = SEED) -> None:
        self.num_perm = num_perm
        self.threshold = threshold
        self.seed = seed
        self.bands, self.rows = lsh_parameters(threshold, num_perm)
        generator = np.random.RandomState(seed)
        self._a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        self._b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)

    def shingles(self, text: str) -> set[bytes]:
        """Return the set of word 3-shingles of a text (lowercased), or its words if shorter."""
        words = WORD.findall(text.casefold())
        if len(words) < SHINGLE_WORDS:
            return {" ".join(words).encode()} if words else set()
        return {
            " ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)
        }

    def minhash(self, shingles: set[bytes]) -> np.ndarray:
        """Return the MinHash values (uint32) of a set of shingles; all 2³²-1 for none."""
        if not shingles:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint32)
        digests = b"".join(hashlib.sha1(s).digest()[:4] for s in sorted(shingles))
        hashes = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
        return np.asarray((hashes * self._a + self._b).min(axis=0), dtype=np.uint32)

    def signature(self, text: str) -> Signature:
        """Return the signature and band keys of a text."""
        values = self.minhash(self.shingles(text))
        bands = tuple(
            _band_key(values[i * self.rows : (i + 1) * self.rows].astype("<u4").tobytes())
            for i in range(self.bands)
        )
        return Signature(values, bands)


def _band_key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)
