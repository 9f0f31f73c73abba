"""Correction rules: journalists' fixes, stored as rules over identity keys so they hold for
articles stored later, after a re-ingest and after a `load`.

A member's *effective* keys are its keys (`keys.entity_keys`) rewritten by every rule, in the
order the rules were made; the store's entities are the components over effective keys. A rule
names what it applies to by keys and article hashes, never by entity ids (which a re-ingest
changes):

- `merge` {keys}: a member with one of the keys (those of the merged entities when the rule was
  made) also gets the key `m:<rule id>`, which joins them all.
- `split` {articles, moved, kept}: the members of the listed articles (content hashes) with one
  of the entity's keys go to a new entity; the keys both sides had (`moved` ∩ `kept`) are
  rewritten `<key>~<rule id>` on the new side. A member of another article goes to the new side
  when it has a key only the moved members had and none only the kept ones had; otherwise it
  stays on the kept side. Each side drops the keys only the other side had, so a later article
  never joins the two again.
- `reject` {name, type}: a member whose name has this key (and this type, if given) is not an
  entity across articles: it loses every key (it stays its article's own entity, out of entity
  lists); the key `n:<name>` is dropped from every other member too.
- `rename` {keys, name} and `retype` {keys, type}: the entity with a member having one of the keys
  takes this name or type; of two such rules, the later one wins.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, select

from newsgraph.store.identity.keys import name_key
from newsgraph.store.schema import entity_rules

RuleKind = Literal["merge", "split", "rename", "retype", "reject"]
RULE_KINDS: tuple[str, ...] = ("merge", "split", "rename", "retype", "reject")


@dataclass(frozen=True, slots=True)
class Rule:
    """One stored correction: its id, kind and what it says (see the module docstring)."""

    id: int
    kind: str
    data: Mapping[str, Any]

    def triggers(self) -> frozenset[str]:
        """Return the keys the rule is triggered by."""
        if self.kind == "split":
            return frozenset(self.data["moved"]) | frozenset(self.data["kept"])
        if self.kind == "reject":
            return frozenset({"n:" + self.data["name"]})
        return frozenset(self.data.get("keys", ()))


@dataclass(slots=True)
class Member:
    """What a rule set needs to know of one article's entity."""

    name: str
    type: str
    article: str
    """The content hash of its article."""
    keys: frozenset[str]


@dataclass(slots=True)
class RuleSet:
    """The stored rules, indexed for applying them to many members."""

    rules: dict[int, Rule] = field(default_factory=dict)
    by_key: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_article: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    rejected: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> RuleSet:
        """Index rules."""
        out = cls()
        for rule in sorted(rules, key=lambda r: r.id):
            out.rules[rule.id] = rule
            if rule.kind == "reject":
                out.rejected[rule.data["name"]].append(rule.id)
            for key in rule.triggers():
                out.by_key[key].append(rule.id)
            for article in rule.data.get("articles", ()):
                out.by_article[article].append(rule.id)
        return out

    def __bool__(self) -> bool:
        return bool(self.rules)

    def apply(self, member: Member) -> frozenset[str]:
        """Return the member's effective keys: its keys rewritten by every rule, oldest first."""
        if not self.rules:
            return member.keys
        keys = set(member.keys)
        pending = [*self.by_article.get(member.article, ()), *self.rejected.get(name_key(member.name), ())]
        for key in keys:
            pending += self.by_key.get(key, ())
        heapq.heapify(pending)
        done: set[int] = set()
        while pending:
            rule_id = heapq.heappop(pending)
            if rule_id in done:
                continue
            done.add(rule_id)
            before = set(keys)
            keys = self._one(self.rules[rule_id], member, keys)
            for key in keys - before:
                for later in self.by_key.get(key, ()):
                    if later > rule_id and later not in done:
                        heapq.heappush(pending, later)
        return frozenset(keys)

    def _one(self, rule: Rule, member: Member, keys: set[str]) -> set[str]:
        data = rule.data
        if rule.kind == "merge":
            return keys | {f"m:{rule.id}"} if keys & set(data["keys"]) else keys
        if rule.kind == "reject":
            own = name_key(member.name) == data["name"] and data.get("type") in (None, member.type)
            return set() if own else keys - {"n:" + data["name"]}
        if rule.kind != "split":
            return keys
        moved, kept = frozenset(data["moved"]), frozenset(data["kept"])
        if not keys & (moved | kept):
            return keys
        moved_only, kept_only = moved - kept, kept - moved
        new_side = member.article in data["articles"] or (bool(keys & moved_only) and not keys & kept_only)
        if not new_side:
            return keys - moved_only
        shared = moved & kept
        return (keys - shared - kept_only) | {f"{k}~{rule.id}" for k in keys & shared}

    def name_rule(self, keys: Iterable[str]) -> int | None:
        """Return the id of the latest rename rule over one of these keys, if any."""
        return self._latest("rename", keys)

    def type_rule(self, keys: Iterable[str]) -> int | None:
        """Return the id of the latest retype rule over one of these keys, if any."""
        return self._latest("retype", keys)

    def _latest(self, kind: str, keys: Iterable[str]) -> int | None:
        found = [r for key in keys for r in self.by_key.get(key, ()) if self.rules[r].kind == kind]
        return max(found) if found else None


def load_rules(conn: Connection) -> RuleSet:
    """Read every stored rule."""
    rows = conn.execute(select(entity_rules.c.id, entity_rules.c.kind, entity_rules.c.data))
    return RuleSet.of(Rule(r.id, r.kind, r.data) for r in rows)
