"""An article's entities as identity sees them (members), and what they add to their entity.

A member is one `Analysis.entities` item of one article. Its base keys (`keys.entity_keys`) are
stored with it (`article_entities.identity_keys`), its effective keys are those rewritten by the rules.
What it adds to its stored entity — an article, mentions, names (aliases), roles, a vote for a
name and a type — is summed per entity by the same functions whether the writer adds one
article at a time (`Contribution`) or an entity is rebuilt from all its members (`derive`), so
both give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from newsgraph.store.identity.keys import (
    MAX_KEY,
    article_aliases,
    article_country,
    entity_keys,
    is_named,
    name_key,
    place_refs,
)
from newsgraph.store.identity.rules import Member as RuleMember
from newsgraph.store.identity.rules import RuleSet


@dataclass(frozen=True, slots=True)
class ArticleMember:
    """One article's entity: what identity resolves and what it contributes."""

    local_id: str
    name: str
    type: str
    named: bool
    """Named and not rejected: its entity is listed (a description or a rejected name is not)."""
    linked: bool
    base: tuple[str, ...] | None
    """Its keys before rules; None for a description (stored as NULL in `article_entities.identity_keys`)."""
    keys: frozenset[str]
    names: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: int


def article_members(data: Mapping[str, Any], rules: RuleSet) -> list[ArticleMember]:
    """Return the members of an article (an Analysis as a dict), with keys rewritten by `rules`."""
    places = place_refs(data.get("places") or [])
    country = article_country(data.get("places") or [])
    entities = data.get("entities") or []
    extra = article_aliases([e for e in entities if is_named(e) and e["id"] not in places])
    out: list[ArticleMember] = []
    for entity in entities:
        base: tuple[str, ...] | None = None
        if is_named(entity):
            found = entity_keys(entity, places.get(entity["id"]), country)
            if entity["id"] in extra and found:
                found = sorted({*found, extra[entity["id"]]})
            base = tuple(found)
        name = entity["name"]
        keys = rules.apply(RuleMember(name, entity["type"], data["hash"], frozenset(base or ())))
        out.append(
            ArticleMember(
                local_id=entity["id"],
                name=name,
                type=entity["type"],
                named=base is not None and (bool(keys) or not base),
                linked=bool(entity.get("kb")),
                base=base,
                keys=keys,
                names=(name, *(entity.get("aliases") or ())),
                roles=tuple(entity.get("roles") or ()),
                mentions=len(entity.get("mentions") or ()),
            )
        )
    return out


def stored_member(row: Any, article_hash: str, rules: RuleSet) -> ArticleMember:
    """Return a member from its `article_entities` row (`identity_keys` as stored), rules applied."""
    base = tuple(orjson.loads(row.identity_keys)) if row.identity_keys is not None else None
    keys = rules.apply(RuleMember(row.name, row.type, article_hash, frozenset(base or ())))
    aliases = row.aliases or []  # Json columns: lists
    roles = row.roles or []
    return ArticleMember(
        local_id=row.local_id,
        name=row.name,
        type=row.type,
        named=base is not None and (bool(keys) or not base),
        linked=any(k.startswith("kb:") for k in base or ()),
        base=base,
        keys=keys,
        names=(row.name, *aliases),
        roles=tuple(roles),
        mentions=int(row.mention_count),
    )


@dataclass(slots=True)
class Contribution:
    """What one entity gets from one article: summed over its members in that article."""

    mentions: int = 0
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Alias key → (smallest surface form, smallest member type)."""
    roles: set[str] = field(default_factory=set)
    votes: dict[tuple[str, str], bool] = field(default_factory=dict)
    """(name, type) → whether a member with them was knowledge-linked."""

    def add(self, member: ArticleMember) -> None:
        """Add a member of this entity in this article."""
        self.mentions += member.mentions
        for surface in member.names:
            key = name_key(surface)
            form = surface.strip()[:MAX_KEY]
            if not key or not form:
                continue
            old = self.aliases.get(key)
            self.aliases[key] = (min(old[0], form), min(old[1], member.type)) if old else (form, member.type)
        self.roles.update(r.strip()[:MAX_KEY] for r in member.roles if r.strip())
        vote = (member.name, member.type)
        self.votes[vote] = self.votes.get(vote, False) or member.linked


def contributions(members: Iterable[tuple[int, int, ArticleMember]]) -> dict[tuple[int, int], Contribution]:
    """Sum (entity id, article id, member) triples into one contribution per (entity, article)."""
    out: dict[tuple[int, int], Contribution] = {}
    for entity_id, article_id, member in members:
        out.setdefault((entity_id, article_id), Contribution()).add(member)
    return out
