"""Where the tests find the repository's files and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (the folder holding pyproject.toml)."""
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
