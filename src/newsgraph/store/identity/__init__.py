"""Cross-article entity identity, decided by evidence and correctable by journalists.

    keys.py         identity keys of one article's entity (full name, alias, place, knowledge base)
    rules.py        correction rules (merge, split, rename, retype, reject) rewriting those keys
    members.py      an article's entities as identity sees them, and what they add to an entity
    decide.py       canonical name and type from votes
    derive.py       counts, aliases, roles, votes of an entity: added per batch or rebuilt
    merge.py        moving stored rows between entities
    resolve.py      the writer's resolver: members → entities, merging the ones a member bridges
    corrections.py  the corrections themselves, with their audit log
    find.py         finding entities by a typed name

An entity is a connected component of the members of all articles over shared keys, so it does
not depend on the order articles arrive in; see `keys` for what is (and never is) evidence.
"""

from __future__ import annotations

from newsgraph.store.identity.find import find_entities
from newsgraph.store.identity.keys import MAX_KEY, entity_keys, last_word, name_key
from newsgraph.store.identity.resolve import EntityResolver

__all__ = ["MAX_KEY", "EntityResolver", "entity_keys", "find_entities", "last_word", "name_key"]
