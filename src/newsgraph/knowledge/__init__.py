"""Knowledge bases compiled from public dictionaries: known actors, agent nouns, discard phrases.

The layer between `models` and everything else: it imports `newsgraph.models` and the
standard library only; `extract` and `store` import it. Its data are compiled at build time
into package data files (`scripts/build_knowledge.py`) and read once per process.
"""

from __future__ import annotations

from newsgraph.knowledge.actors import (
    ActorDictionary,
    ActorKind,
    ActorRecord,
    AgentRecord,
    DatedCode,
    actor_dictionary,
    discard_scope,
    is_discard,
    longest_agent_match,
    longest_match,
    lookup,
    lookup_agent,
    lookup_all,
)
from newsgraph.knowledge.names import fold_accents, phrase_key, word_keys

__all__ = [
    "ActorDictionary",
    "ActorKind",
    "ActorRecord",
    "AgentRecord",
    "DatedCode",
    "actor_dictionary",
    "discard_scope",
    "fold_accents",
    "is_discard",
    "longest_agent_match",
    "longest_match",
    "lookup",
    "lookup_agent",
    "lookup_all",
    "phrase_key",
    "word_keys",
]
