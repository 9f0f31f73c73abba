"""Typing of event actors with the Phoenix actor and agent dictionaries (`newsgraph.knowledge`).

An actor phrase is typed by the longest known names and agent nouns inside it: "Afghan security
forces" is an agent of Afghanistan's military, "U.N. mediator Diego Cordovez" names the UN, "the
Sudanese government" is Sudan's government. This project's sector nouns fill in agents the
Phoenix list lacks ("official", "leader", "forces"). A *political* actor is one that politics is
made of: a country or a place standing for it, an international or armed organisation, or an
actor of a political sector (government, military, police, rebels, opposition, legislature,
judiciary, parties, NGOs). A generic actor ("Afghan security forces", "pro-government fighters")
gets a sector and a country from its words, its modifiers and its "of"/"in"/"from" phrase (`sector_country`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events._affiliations import (
    body_sector,
    fixes_field,
    private_affiliation,
    profession_sector,
)
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token, entity_by_id
from newsgraph.knowledge import AgentRecord, longest_agent_match, longest_match, lookup_agent
from newsgraph.models import Entity

POLITICAL_SECTORS = frozenset(
    {
        "government",
        "military",
        "police",
        "rebel",
        "opposition",
        "political",
        "legislature",
        "judiciary",
        "international",
        "ngo",
    }
)
ARMED_SECTORS = frozenset({"military", "rebel", "police", "criminal"})
PRIVATE_SECTORS = frozenset({"civilian", "business", "media", "religious"})
_POLITICAL_KINDS = frozenset({"country", "place", "region", "international", "armed_group"})
_PUBLIC_KINDS = frozenset({"country", "international", "armed_group"})
_COUNTRY_KINDS = frozenset({"country", "place", "region"})


@dataclass(frozen=True, slots=True)
class ActorType:
    """What the dictionaries say of an actor phrase."""

    sector: str | None
    country: str | None
    political: bool
    known: bool


def type_tokens(tokens: list[Token], head: Token, lex: Lexicon, places: bool = True) -> ActorType:
    """Type the actor phrase `tokens` (headed by `head`) by its known names and agent nouns; with
    `places` False a city, a region or a people does not make it political."""
    kinds = _POLITICAL_KINDS if places else _PUBLIC_KINDS
    words = [t.text for t in tokens]
    sector: str | None = None
    country: str | None = None
    political = known = False
    i = 0
    while i < len(words):
        found = longest_match(words, i)
        if found is None:
            agent = longest_agent_match(words, i)
            if agent is not None and tokens[agent[0] - 1].i >= head.i:
                sector = agent[1].sector or sector  # the agent noun heading the phrase
                political |= agent[1].sector in POLITICAL_SECTORS
                known = True
            i = agent[0] if agent is not None else i + 1
            continue
        end, record = found
        known = True
        covers_head = tokens[i].i <= head.i < tokens[end - 1].i + 1
        if record.country and (country is None or record.kind in _COUNTRY_KINDS):
            country = record.country
        if covers_head and record.sector:
            sector = record.sector
        # a country's adjective makes a political actor only of a public actor noun ("Iraqi troops",
        # "Palestinian officials"), not of a thing or of private people ("European rival", "Chinese tourists")
        people = record.entity_type == "NORP" and not places  # "Canadians": a people, not its state
        if (covers_head or record.kind not in _COUNTRY_KINDS or _public_noun(head, lex)) and not people:
            political |= record.kind in kinds or record.sector in POLITICAL_SECTORS
        i = end
    body = body_sector(head, lex)
    if body is not None:  # "Boeing officials", "officials at the bank": the office of a private body
        return ActorType(body, country, False, True)
    own = lex.sector_nouns.get(head.lemma_.lower())
    if sector is None:
        sector = own if own is not None else profession_sector(head, lex)
    field = fixes_field(head, lex)  # "intelligence analysts": the modifier is the field, no sector
    political |= own in POLITICAL_SECTORS or any(
        lex.sector_nouns.get(t.lemma_.lower()) in POLITICAL_SECTORS
        for t in tokens
        if t.pos_ in ("NOUN", "PROPN") and not (field and t.i < head.i)
    )
    return ActorType(sector, country, political, known or own is not None)


def is_political(
    doc: Doc, head: int, start: int, end: int, entity: str | None, lex: Lexicon, places: bool = True
) -> bool:
    """Whether an actor is political: by its entity (type, sector, roles, known name) or its phrase; with
    `places` False a city, a region ("flights to Chicago") or a people ("Canadians") does not count."""
    kinds = _POLITICAL_KINDS if places else _PUBLIC_KINDS
    ent = entity_by_id(doc, entity) if entity is not None else None
    tok = doc[head]
    if tok.pos_ == "NOUN" and entity_at_token(doc, head) is None and not _public_noun(tok, lex):
        ent = None  # "an Iranian ship", "Chinese tourists": a thing or private people of a country
    if ent is not None:
        if ent.sector in POLITICAL_SECTORS or (
            places and ent.type == "NORP" and doc[head].ent_type_ == "NORP"
        ):
            return True
        role_words = {w.lower() for role in ent.roles for w in role.split()}
        office = any(lex.sector_nouns.get(w) in POLITICAL_SECTORS for w in role_words)
        if office and not private_affiliation(doc, ent):
            return True  # "Dodik", the "Bosnian Serb leader"; not a company's "chief executive officer"
        words = ent.name.split()
        if ent.type in ("ORG", "GROUP") and any(w.lower() in lex.political_org_words for w in words):
            return True  # "Association of African Jurists", "Delegations from the Afghan government"
        for i in range(len(words) if ent.type != "GROUP" else 0):  # a group is political by its sector
            found = longest_match(words, i)
            if found is None or not (found[1].kind in kinds or found[1].sector in POLITICAL_SECTORS):
                continue
            # a place inside a longer name is no political actor ("Air India", "Blantyre Girls Primary
            # School"); a known body or a national one ("US Centers for Disease Control") is
            national = i == 0 and (found[0] == len(words) or found[1].kind == "country")
            if ent.type != "ORG" or found[1].kind not in _COUNTRY_KINDS or national:
                return True
    tokens = list(doc[start:end])
    if ent is not None and ent.type == "PERSON":
        # a person's name word that is also an office is a surname ("Patty King"), no office
        tokens = [t for t in tokens if not (t.ent_type_ == "PERSON" and _office_word(t, lex))]
        if not tokens:
            return False
    return type_tokens(tokens, doc[head], lex, places).political


def _office_word(tok: Token, lex: Lexicon) -> bool:
    """Whether a word is also a common noun of an actor ("King", "Bishop", "Judge")."""
    low = tok.lower_
    return low in lex.sector_nouns or _agent(low) is not None


def _public_noun(head: Token, lex: Lexicon) -> bool:
    """Whether a phrase's head is an actor noun of public life, not of a private sector (civilians,
    business, media, religion): "Iraqi troops", "Palestinian officials", not "Chinese tourists"."""
    return _actor_noun(head, lex) and sector_of(head, lex) not in PRIVATE_SECTORS


def _actor_noun(head: Token, lex: Lexicon) -> bool:
    """Whether a phrase's head is an actor noun: a Phoenix agent or one of this project's sector nouns."""
    return head.lemma_.lower() in lex.sector_nouns or is_agent(head, lex)


def is_agent(tok: Token, lex: Lexicon) -> bool:
    """Whether a common noun is a Phoenix agent noun ("rustlers", "townspeople", "lawmakers"), not a place."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma not in lex.place_nouns and _agent(lemma) is not None


@lru_cache(maxsize=1 << 14)
def _agent(lemma: str) -> AgentRecord | None:
    """The Phoenix agent of a noun lemma (cached: the same nouns come back in every article)."""
    return lookup_agent(lemma)


def sector_of(tok: Token, lex: Lexicon) -> str | None:
    """Return the sector of an actor noun: the Phoenix agent's, else this project's sector nouns'."""
    agent = _agent(tok.lemma_.lower()) if is_agent(tok, lex) else None
    if agent is not None and agent.sector is not None:
        return agent.sector
    return lex.sector_nouns.get(tok.lemma_.lower())


def sector_country(head: Token, start: int, lex: Lexicon, g: Grammar) -> tuple[str | None, str | None]:
    """Return the sector and ISO country of a generic actor: the Phoenix dictionaries' reading of the
    phrase ("Afghan security forces" -> military, AF), then this project's modifier sectors
    ("pro-government fighters") and demonyms, then a country in its "of"/"in"/"from" phrase."""
    doc = head.doc
    typed = type_tokens(list(doc[start : head.i + 1]), head, lex)
    sector = typed.sector
    if not fixes_field(head, lex):  # "security analysts": a profession's modifier is its field
        sector = _modifier_sector(doc[start : head.i], sector, lex)
    country = typed.country or _own_country(doc[start : head.i], lex)
    if country is None:
        for c in g.preps(head, ("in", "of", "from")):
            for p in g.kids(c):
                if p.dep_ == "pobj":
                    country = type_tokens(list(p.subtree), p, lex).country or country
    return sector, country


def _modifier_sector(mods: Span, sector: str | None, lex: Lexicon) -> str | None:
    """Return the sector a modifier sets ("pro-government", "rebel", "riot"), else `sector`."""
    mods_text = mods.text.lower().replace(" ", "")
    for key in ("pro-government", "anti-government"):
        if key in mods_text:
            return lex.modifier_sectors[key]
    for tok in mods:
        low = tok.lower_
        if low in lex.modifier_sectors and tok.dep_ in ("compound", "amod", "nmod"):
            mod_sector = lex.modifier_sectors[low]
            if sector in (None, "government", "ngo", "civilian", "military") or mod_sector == "rebel":
                sector = mod_sector
    return sector


def _own_country(mods: Span, lex: Lexicon) -> str | None:
    """Return the country of a demonym or country name among the modifiers (this project's list)."""
    for tok in mods:
        low = tok.lower_
        if low in lex.demonyms:
            return lex.demonyms[low]
        if low in lex.countries and (tok.pos_ == "PROPN" or tok.ent_type_):
            return lex.countries[low]
    return None


def same_group(entity: Entity, key: str, typed: Callable[[], tuple[str | None, str | None]]) -> bool:
    """Whether a group is the one a description of this name and country is ("the president of Bulgaria"
    and "the president of France" are two; a bare "the president" joins either)."""
    same_name = entity.type == "GROUP" and entity.name.lower() == key
    return same_name and (entity.country is None or typed()[1] in (None, entity.country))
