"""Make every story again from the stored articles: for stores made before migration 0007, or after
a change of the evidence rules.

Clears `stories`, `story_links`, `story_keys`, `story_features` and `articles.story_id`, then
hands the articles to `StoryAssigner` in id order, `CHUNK` per transaction, as an ingest of the
same articles would: the stories are the same connected components. An article is linked to the
first of its near-duplicates (`articles.copy_of`), not to each of them as the writer does, which
gives the same stories (a copy group is connected either way). Last, the watches on stories
follow the story their article is in now (`store.watches.follow.refollow_stories`); the
articles are not matched again.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, delete, func, select, update

from newsgraph.store import schema as s
from newsgraph.store.db import bump_version, write_connection, write_lock
from newsgraph.store.identity.members import article_members
from newsgraph.store.identity.rules import RuleSet
from newsgraph.store.stories.assign import StoryAssigner
from newsgraph.store.watches.follow import refollow_stories

CHUNK = 500


def rebuild_stories(engine: Engine, *, progress: Callable[[int], None] | None = None) -> int:
    """Group every stored article into stories again; return how many stories there are."""
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        conn.execute(update(s.articles).values(story_id=None))
        for table in (s.story_links, s.story_keys, s.story_features, s.stories):
            conn.execute(delete(table))
    last = 0
    a = s.articles.c
    while True:
        with write_connection(engine) as conn, conn.begin():
            write_lock(conn)
            bump_version(conn)
            rows = conn.execute(
                select(a.id, a.analysis, a.published_day, a.copy_of)
                .where(a.id > last)
                .order_by(a.id)
                .limit(CHUNK)
            ).all()
            assigner = StoryAssigner(conn)
            for row in rows:
                data = row.analysis
                copies = [row.copy_of] if row.copy_of is not None else []
                assigner.assign(row.id, data, article_members(data, RuleSet()), row.published_day, copies)
        if not rows:
            break
        last = rows[-1].id
        if progress is not None:
            progress(len(rows))
    with write_connection(engine) as conn, conn.begin():
        write_lock(conn)
        bump_version(conn)
        refollow_stories(conn)
        return int(conn.execute(select(func.count()).select_from(s.stories)).scalar() or 0)
