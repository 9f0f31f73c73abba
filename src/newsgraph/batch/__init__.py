"""Corpus analysis: the same per-article function on many local processes, or on a Ray cluster."""
