"""Same-event stories: which articles report one real-world event, across outlets and days.

    features.py   what one article brings to the question (entities, places, key terms, numbers)
    evidence.py   do two articles report the same event? A decision from the two alone
    assign.py     the writer's hook: index, candidates, links, growth and merging of stories
    rebuild.py    stories made again from the stored articles (stores made before migration 0007)
    claims.py     numbers side by side: the figures a story's articles give for the same count
    read.py       a story, its timeline, entities, quotes, events, places; related articles

A story is a connected component of the links between articles (`story_links`); a link depends
on the two articles only, so the stories do not depend on the order articles arrive in.
Near-duplicates (syndicated copies, updates) are a stricter relation kept apart
(`articles.copy_of`, `store.dedup`); each is linked into its original's story.
"""

from __future__ import annotations

from newsgraph.store.stories.assign import StoryAssigner

__all__ = ["StoryAssigner"]
