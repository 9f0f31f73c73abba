"""The local pool: small tasks for the workers, the same output as one process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from spacy.language import Language

from newsgraph.batch import local
from newsgraph.batch.local import Done, analyze_parallel
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected

ARTICLE = (
    "Dockworkers in the port of {city} walked out on Monday after talks over pay broke down, "
    "the union said. “We have waited long enough,” said its leader, Maria Costa. The strike "
    "halted the loading of {n} ships, port officials said."
)


def _articles(n: int) -> list[RawArticle]:
    cities = ["Rotterdam", "Antwerp", "Hamburg", "Genoa", "Valencia", "Piraeus"]
    return [
        RawArticle(text=ARTICLE.format(city=cities[i % len(cities)], n=i + 2), id=f"a{i}", origin=f"t:{i}")
        for i in range(n)
    ]


def test_batch_local_pool_sends_small_tasks(
    settings: Settings, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    real = local.chunked

    def spy(items: Iterable[RawArticle | Rejected], size: int) -> Iterator[list[RawArticle | Rejected]]:
        for chunk in real(items, size):
            sizes.append(len(chunk))
            yield chunk

    monkeypatch.setattr(local, "chunked", spy)
    items = _articles(local.POOL_TASK * 2 + 3)
    big = settings.model_copy(update={"batch_size": 32})
    two = list(analyze_parallel(items, big, workers=2))
    assert sizes == [local.POOL_TASK, local.POOL_TASK, 3]
    sizes.clear()
    one = list(analyze_parallel(items, big, workers=1))
    assert sizes == [len(items)]  # one process: nlp.pipe batches of settings.batch_size
    assert all(isinstance(r, Done) for r in two)
    assert [r.json for r in one] == [r.json for r in two]  # type: ignore[union-attr]
