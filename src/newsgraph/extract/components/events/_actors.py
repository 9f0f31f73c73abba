"""Actors of events: phrases from the parse, pointed at entity ids, generic actors as GROUP entities.

An actor is a noun phrase in a trigger's argument slot. `ActorFinder.resolve` turns the phrase's
head into one or more `Actor`s: conjuncts become separate actors ("Jordan and Britain"),
a delegate phrase stands for the body it speaks for ("delegations from the Afghan government",
"a spokesman for the army"), a pronoun is resolved to an entity already indexed at it or to the
nearest non-pronoun subject up the clause chain, and each actor is linked to an entity: the one
indexed at its head, else a generic actor ("protesters", "Afghan security forces") becomes a
`GROUP` entity with a sector and a country, else a name inside the phrase is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events import _possessors
from newsgraph.extract.components.events._acronyms import is_acronym
from newsgraph.extract.components.events._actor_types import is_agent, same_group, sector_country
from newsgraph.extract.components.events._animal_phrases import names_animals
from newsgraph.extract.components.events._apposed_members import apposed_members, group_members
from newsgraph.extract.components.events._clause_antecedents import names_no_one, object_antecedent
from newsgraph.extract.components.events._companions import companions, ends_phrase
from newsgraph.extract.components.events._controllers import controller, own_subject
from newsgraph.extract.components.events._counts import number_of, parse_number
from newsgraph.extract.components.events._dep_ids import PCOMP, POBJ, PREP, dep_ids
from newsgraph.extract.components.events._entity_tags import ent_at
from newsgraph.extract.components.events._generic_actors import generic_actor, others_of
from newsgraph.extract.components.events._grammar import Grammar, controls_infinitive
from newsgraph.extract.components.events._joint_roles import one_person
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._lists import (
    alike_member,
    conjuncts,
    list_head,
    second_objects,
)
from newsgraph.extract.components.events._lists import listed as listed_names
from newsgraph.extract.components.events._mass_nouns import mass_sense
from newsgraph.extract.components.events._org_descriptions import org_antecedent
from newsgraph.extract.components.events._people_nouns import people_noun
from newsgraph.extract.components.events._per_doc import per_doc, per_doc_by
from newsgraph.extract.components.events._pronouns import (
    agrees,
    first_person_side,
    inner_first_person,
    pronoun_fits,
    quoted_speaker,
    reported_it,
    same_referent,
)
from newsgraph.extract.components.events._proper_names import event_name, hyphen_pair, pair_word
from newsgraph.extract.components.events._relation_pairs import relation_sides
from newsgraph.extract.components.events._resultatives import resultative
from newsgraph.extract.components.events._titled_heads import titled_holder
from newsgraph.extract.extensions import (
    add_mention,
    entity_at_token,
    entity_by_id,
    entity_in_tokens,
    get_entities,
    new_entity,
    span_text,
)
from newsgraph.extract.phrase_entities import phrase_entity
from newsgraph.knowledge import is_discard
from newsgraph.models import Entity, EntityType

_PHRASE_CUT_DEPS = dep_ids(
    "relcl", "acl", "appos", "conj", "cc", "preconj", "advcl", "punct", "parataxis", "ccomp", "xcomp", "dep"
)
_CLAUSE_CUT_DEPS = dep_ids("relcl", "acl", "appos", "advcl", "parataxis", "ccomp")
_NAME_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "case", "hmod", "hyph"})
_MAX_PHRASE = 12
_LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "FAC",
}
ACTOR_LABELS = frozenset(_LABEL_TYPES)  # the entity labels an actor's name can have
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
# pronouns that may stand for a group or a person: kept as actors only when they resolve
GROUP_PRONOUNS = frozenset({"we", "our", "us", "i", "my", "me", "they", "their", "them"})
_NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_NOT_THING_LABELS = _NOT_ACTOR_LABELS - {"CARDINAL"}  # a bare count hit stands for people ("half were hurt")


_MAX_CHAIN = 3  # antecedents followed from one argument ("they" → "the group" → …)


@dataclass(slots=True)
class Actor:
    """One actor of an event: its phrase (token range and text) and the entity it points at."""

    head: int
    start: int
    end: int
    text: str
    entity: str | None
    size: float | None = None
    owner: str | None = None  # the entity of the person who owns it ("our soldiers": the speaker)


def _read_of(a: Actor) -> tuple[int, int, int, bool, str, str | None]:
    """What `ActorFinder._can_act` reads of an actor (its answers are kept per doc by this key)."""
    return a.head, a.start, a.end, a.size is None, a.text, a.entity


class ActorFinder:
    """Resolve argument heads into actors and link them to entities (creating GROUP entities)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar  # its per-doc children lists (`Grammar.kids`)

    # -- phrases ---------------------------------------------------------------------------------

    @per_doc  # read from the parse alone: the same heads are asked again
    def phrase(self, head: Token) -> tuple[int, int]:
        """Return the token range [start, end) of the noun phrase headed by `head`, cut before clauses."""
        kept: list[int] = [head.i]
        pair = hyphen_pair(head)  # "Russia-Ukraine": Ukraine's phrase is Ukraine
        listed = listed_names(head, self.g) + apposed_members(head, self.g)
        stack: list[Token] = []
        cut: list[int] = []
        for c in self.g.kids(head):  # each child read once: cut off the phrase, else kept
            # "donors such as Japan": the donors; "X, along with Y": X
            if c.dep in _PHRASE_CUT_DEPS or self._dated(c) or ends_phrase(c, self.g):
                cut.append(c.left_edge.i if c in listed else c.i)  # "… Carlos Ruiz and … Jorge Quispe"
            elif (pair is None or c.i > head.i) and not resultative(c, self.g):
                stack.append(c)  # not "shot dead two militants": the militants
        for c in self.g.kids(head):
            if (
                c.dep_ == "appos"
                and c.i > head.i
                and c.i - head.i <= 3
                and _size_within(c, 8)
                and c not in listed
            ):
                cut.remove(c.i)
                stack.append(c)
        while stack:
            tok = stack.pop()
            kept.append(tok.i)
            for c in self.g.kids(tok):
                if c.dep in _CLAUSE_CUT_DEPS or c in listed:
                    cut.append(c.left_edge.i if c in listed else c.i)  # "Modi and Duterte": Modi
                else:
                    stack.append(c)
        start, end = min(kept), max(kept) + 1
        for i in cut:
            if head.i < i < end:
                end = i
        doc = head.doc
        while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
            start += 1
        while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "prep", "case")):
            end -= 1
        if end - start > _MAX_PHRASE:
            start, end = self.compact(head)
        return start, end

    def _lefts(self, tok: Token) -> list[Token]:
        """Return a token's left children in order (`Token.lefts`, from the cached `Grammar.kids`)."""
        return [c for c in self.g.kids(tok) if c.i < tok.i]

    def _dated(self, tok: Token) -> bool:
        """Whether a modifier is a time phrase or a clause, no part of the actor ("on Tuesday")."""
        if tok.ent_type_ in ("DATE", "TIME"):
            return True
        if tok.dep == PREP:  # "on Tuesday", or a clause ("of plotting to …")
            return any(
                (p.dep == POBJ and p.ent_type_ in ("DATE", "TIME")) or p.dep == PCOMP
                for p in self.g.kids(tok)
            )
        return False

    def compact(self, head: Token) -> tuple[int, int]:
        """Return the head with its name-like left modifiers ("Afghan security forces"), no determiners."""
        start = head.i
        for c in self._lefts(head):
            if c.dep_ in _NAME_MOD_DEPS and not resultative(c, self.g):
                start = min(start, c.left_edge.i)
        doc = head.doc
        while start < head.i and (
            doc[start].dep_ in ("det", "nummod", "quantmod", "predet", "punct", "cc", "case")
            or doc[start].like_num
        ):
            start += 1
        return start, head.i + 1

    # -- resolution ------------------------------------------------------------------------------

    def heads(self, head: Token) -> list[Token]:
        """Return the head and the other members of its list (`_lists`: "Jordan and Britain" -> [Jordan,
        Britain], "organizations, including the WHO" -> [organizations, WHO]; `_joint_roles`)."""
        g = self.g
        out = [head]
        for c in conjuncts(head, g) + listed_names(head, g) + second_objects(head, g):
            if c.i != head.i and (c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or c.ent_type_ == "NORP"):
                out.append(c)
        out += [m for h in out if self.is_actor(h) for m in group_members(h, g)]  # of an actor group
        out += companions(head, g, self.is_actor)  # "X, along with Y": Y acts too
        return one_person(sorted(out, key=lambda t: t.i), self.lex.title_nouns, g)  # "poet and activist X"

    def _stand_in(self, head: Token) -> tuple[Token, float | None] | None:
        """For "delegations from X", "thousands of X": return X (and the count), else None."""
        low = head.lemma_.lower()
        is_number = head.like_num or low in self.lex.number_words or head.lower_ in self.lex.number_words
        if head.lower_ in self.lex.quantifier_pronouns:
            # "many of his enemies": the enemies, no count
            pobj = next((p for _, p in self.g.prep_objects(head, ("of",))), None)
            return (pobj, None) if pobj is not None else None
        if not is_number and low not in self.lex.delegate_nouns:
            return None
        if not is_number and head.ent_type_ in ("PERSON",):
            return None
        if not is_number and any(
            c.dep_ in ("compound", "amod", "nmod", "poss")
            and (c.ent_type_ in ("ORG", "GPE", "NORP") or c.pos_ == "PROPN")
            for c in self.g.kids(head)
        ):
            return None  # "the U.N. special envoy for Syria" speaks for the U.N., not for Syria
        for c in self.g.preps(head, self.lex.delegate_preps):
            for p in self.g.kids(c):
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    if is_number:
                        return p, parse_number([t for t in head.subtree if t.i <= head.i], self.lex)
                    if p.pos_ == "PROPN" or p.ent_type_ or p.lemma_.lower() in self.lex.sector_nouns:
                        if any(a.dep_ == "appos" for a in self.g.kids(head)):
                            return None
                        return p, None
        return None

    def _owner(self, h: Token) -> tuple[Token, Token] | None:
        """For a force or body owned by a pronoun ("their forces"), the pronoun and its antecedent."""
        poss = _possessors.owning_pronoun(h, self.g, self.lex)
        ante = self.antecedent(poss) if poss is not None else None
        return (poss, ante) if poss is not None and ante is not None and ante.i != h.i else None

    def _anaphor(self, doc: Doc, h: Token) -> Entity | None:
        """Resolve "the group", "the separatist group" to the organisation named before it."""
        return org_antecedent(doc, h, self._lefts, self.lex)

    def _actor_like(self, tok: Token) -> bool:
        """Whether a common noun can head an actor phrase (people, bodies, weapons, or counts of them)."""
        low = tok.lemma_.lower()
        if tok.ent_type_ in _LABEL_TYPES or entity_at_token(tok.doc, tok.i) is not None:
            return True
        first = list_head(tok) if low in self.lex.title_nouns or alike_member(tok, self.lex.nouns) else None
        if first is not None and self.is_actor(first):
            return True  # a person by office or of the list's kind beside an actor ("Dodik and his aides")
        if low in self.lex.sector_nouns or low in self.lex.delegate_nouns or people_noun(tok, self.lex):
            return True
        if controls_infinitive(tok, self.lex):
            return True  # "asked the border customs to increase …": the doer of a deed
        if (
            is_agent(tok, self.lex)
            or low in self.lex.weapon_nouns
            or tok.lower_ in self.lex.number_words
            or tok.like_num
        ):
            return True
        return any(
            (c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in _LABEL_TYPES))
            or (c.dep_ == "compound" and c.lemma_.lower() in self.lex.sector_nouns)  # "a police patrol"
            or (c.dep_ in ("amod", "compound", "poss") and c.lower_ in self.lex.demonyms)
            or (c.dep_ == "poss" and c.pos_ == "PROPN")
            for c in self.g.kids(tok)
        )

    def is_actor(self, tok: Token) -> bool:
        """Whether a noun can be an actor: a name, an entity, a generic actor noun or a stand-in for one."""
        if (
            tok.pos_ == "PROPN"
            or tok.ent_type_ in _LABEL_TYPES
            or entity_at_token(tok.doc, tok.i) is not None
        ):
            return True
        low = tok.lemma_.lower()
        if low in self.lex.non_actor_heads:
            return False
        return (
            low in self.lex.sector_nouns
            or low in self.lex.delegate_nouns
            or people_noun(tok, self.lex)
            or is_agent(tok, self.lex)
            or self._stand_in(tok) is not None  # "dozens of students"
        )

    def may_refer(self, pron: Token, noun: Token) -> bool:
        """Whether a pronoun can stand for a noun: "we" and "I" for a speaker, a third-person pronoun for a
        noun it agrees with ("they shot them, Ajmal said": "they" is not Ajmal)."""
        low = pron.lower_
        if low in ("they", "their", "them"):
            if noun.tag_ in ("NNS", "NNPS") or noun.pos_ == "NOUN" or noun.lower_ == "it":
                return True  # "the rebels", "the government said they …", "it claimed they …"
            known = entity_at_token(noun.doc, noun.i)
            return (known.type if known is not None else noun.ent_type_) in ("ORG", "GPE", "NORP", "GROUP")
        return not inner_first_person(pron) and (low in GROUP_PRONOUNS or agrees(low, noun))

    def antecedent(self, pron: Token, bound: bool = False) -> Token | None:
        """Return the nearest non-pronoun subject up the clause chain of a pronoun, if any; for a
        speaker "it", the "it" the sentence before reports (`_pronouns.reported_it`). A `bound` object
        pronoun skips its own verb's subject ("required them": not the one who required)."""
        low = pron.lower_
        if low in _RELATIVE:
            anc = pron.head
            while anc.dep_ not in ("relcl", "acl") and anc.head.i != anc.i:
                anc = anc.head
            if anc.dep_ in ("relcl", "acl"):
                return anc.head
            return None
        number = self.lex.pronouns.get(low)
        if number is None:
            return None
        settled, speaker = quoted_speaker(pron, self.g, self.is_actor)
        if settled:
            return speaker
        parallel = self._parallel_object(pron)
        if parallel is not None:
            return parallel
        tok, step = pron.head, None
        seen = 0
        while seen < 8:
            seen += 1
            ctrl = controller(pron, step, tok, self.g, self.lex.object_control)  # "required them to …"
            if ctrl is not None and ctrl.pos_ == "PRON":
                return self.antecedent(ctrl, bound=True)
            if ctrl is not None and self.is_actor(ctrl):
                return ctrl
            for c in self.g.kids(tok) if not (bound and own_subject(pron, tok)) else ():
                if (
                    c.dep_ in _SUBJ
                    and c.i != pron.i
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.i < pron.i
                    and self.is_actor(c)
                    and agrees(low, c)
                    and not names_no_one(c, self.g)
                ):
                    return c  # "No country …" is no antecedent
            if tok.head.i == tok.i:
                break
            tok, step = tok.head, tok
        found = object_antecedent(pron, self.g, self.is_actor)
        if found is not None:
            return found  # "No country recognized the rebels since they …": the rebels
        # previous sentence's subject
        sent = self.g.sentence(pron)
        if sent.start > 0:
            prev = self.g.sentence(pron.doc[sent.start - 1])
            for c in self.g.kids(prev.root):
                if c.dep_ not in _SUBJ:
                    continue
                if c.pos_ in ("NOUN", "PROPN") and self.is_actor(c) and agrees(low, c):
                    return c
                if same_referent(low, c.lower_):
                    return c  # "Moise tweeted … he said. He was criticized …": the chain goes on
            return reported_it(pron, prev.root, self.g, self.lex.reporting)
        return None

    def _parallel_object(self, pron: Token) -> Token | None:
        """The object of the first of two conjoined verbs, for an object pronoun of the second: "met the
        rebel leaders and urged them", "spoke to officials and asked them" (the same role, the same one)."""
        verb = pron.head
        if pron.dep_ not in ("dobj", "dative") or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        first = verb.head
        objects = [c for c in self.g.kids(first) if c.dep_ in ("dobj", "dative")]
        objects += [
            g for c in self.g.kids(first) if c.dep_ == "prep" for g in self.g.kids(c) if g.dep_ == "pobj"
        ]
        for c in objects:
            if c.pos_ in ("NOUN", "PROPN") and self.is_actor(c) and agrees(pron.lower_, c):
                return c
        return None

    def resolve(
        self, doc: Doc, head: Token | None, group_cache: dict[str, Entity], depth: int = 0
    ) -> list[Actor]:
        """Turn an argument head into actors, each linked to an entity when one can be found.

        `depth` counts the antecedents followed so far ("they" → "their troops" → …): a chain of
        pronouns the parse makes circular ends there instead of recursing for ever.
        """
        if head is None or depth > _MAX_CHAIN:
            return []
        out: list[Actor] = []
        for h in self.heads(head):
            out.extend(self._resolve_one(doc, h, group_cache, depth=depth))
        seen: set[tuple[object, object]] = set()  # each span once, each name of one entity once
        uniq: list[Actor] = []
        for a in out:
            if (a.start, a.end) not in seen and (a.text, a.entity) not in seen and self._can_act(doc, a):
                seen.update({(a.start, a.end), (a.text, a.entity)})
                uniq.append(a)
        return uniq

    def thing(self, doc: Doc, head: Token) -> list[Actor]:
        """Return a physical object an assault or a seizure hit ("a bus", "three villages") as a target
        phrase without an entity, when it is no actor of its own."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma in self.lex.non_actor_heads or lemma in self.lex.nouns:
            return []  # an event noun is the content ("imposed restrictions"), not what was hit
        if lemma in self.lex.animal_nouns or head.ent_type_ in _NOT_THING_LABELS:
            return []  # no animal; "kill 50 percent of those infected": a share or a date is nothing hit
        start, end = self.compact(head)
        return [Actor(head.i, start, end, span_text(doc, start, end), None)]

    @per_doc_by(_read_of)
    def _can_act(self, doc: Doc, actor: Actor) -> bool:
        """Whether a phrase can be an actor: not a date, a time or a number alone ("1991"), not a
        phrase the Phoenix dictionaries discard ("Bird Flu"), not a disease nor a named event, and with a
        word in it."""
        head = doc[actor.head]
        if head.ent_type_ in _NOT_ACTOR_LABELS or (head.like_num and actor.size is None):
            return False
        if event_name(head, self.lex):
            return False  # "the Malabar Joint Maritime Exercise" names an event
        if not any(ch.isalpha() for ch in span_text(doc, actor.start, actor.end)):
            return False  # "-", "1991" (but "U.S." is a name)
        if head.lemma_.lower() in self.lex.hazard_nouns or mass_sense(head, self.lex):
            return False  # "H5N1 has killed 100 people": a disease is no actor; "use force" (_mass_nouns)
        if names_animals(list(doc[actor.start : actor.end]), head, self.lex):
            return False  # "millions of dogs", but not "poultry farmers" (_animal_phrases.py)
        entity = entity_by_id(doc, actor.entity) if actor.entity is not None else None
        # a disease, or a named event ("the September 11 attacks", "Labor Day", "Hurricane Katrina")
        return not is_discard(actor.text) and (entity is None or entity.type not in ("DISEASE", "EVENT"))

    def _resolve_one(self, doc: Doc, h: Token, group_cache: dict[str, Entity], depth: int) -> list[Actor]:
        if depth > 3:
            return []
        size: float | None = None
        if h.lower_ in self.lex.quantifier_pronouns:
            stand = self._stand_in(h)  # "some of the protesters"
            return self._resolve_one(doc, stand[0], group_cache, depth + 1) if stand is not None else []
        if (h.pos_ == "PRON" or h.tag_ in ("PRP", "PRP$", "WP", "WDT")) and not is_acronym(h):
            known = entity_at_token(doc, h.i)
            if known is not None and pronoun_fits(h.lower_, known.type) and not inner_first_person(h):
                known = first_person_side(h, known.id) or known  # "“We …,” the minister said": his side
                return [Actor(h.i, h.i, h.i + 1, known.name, known.id)]
            ante = self.antecedent(h)
            if ante is None:
                if h.lower_ not in GROUP_PRONOUNS:
                    return []  # an unresolved "he" or "it" is a fragment, no actor
                # "we" in a quote is its speaker; "they", "both sides" the last two-sided pair (drafting)
                return [Actor(h.i, h.i, h.i + 1, h.text, None)]
            return self.resolve(doc, ante, group_cache, depth + 1)
        if pair_word(h, self.lex.demonyms):  # "Turkish-American cooperation": Turkish, and American
            return [self._side(doc, h)]
        sides = relation_sides(h, self.lex)  # "Turkey-Israel relations": Turkey and Israel
        if sides:
            return [self._side(doc, t) for t in sides]
        if h.pos_ == "NOUN" and (h.lemma_.lower() in self.lex.non_actor_heads or not self._actor_like(h)):
            return []  # a thing, no actor (`thing` keeps the object an assault hit)
        country: str | None = None  # of a person who owns the force ("our soldiers" in a minister's words)
        owner_id: str | None = None
        if h.pos_ == "NOUN" and entity_at_token(doc, h.i) is None:
            owner = self._owner(h)
            if owner is not None and depth < _MAX_CHAIN:
                owned = self.resolve(doc, owner[1], group_cache, depth + 1)  # "their troops": theirs
                found = [(a.entity, doc[a.head], a.start) for a in owned]
                if not _possessors.person_owner(doc, owner[0], found, self.lex):
                    return owned  # a person's troops are the troops, with the person's country
                country = _possessors.owner_country(doc, found, self.lex, self.g)
                owner_id = next((e for e, _, _ in found if e is not None), None)
        previous = self._anaphor(doc, h) if h.pos_ == "NOUN" else None
        if previous is not None:
            s, e = self.phrase(h)
            return [Actor(h.i, s, e, previous.name, previous.id)]
        stand = self._stand_in(h)
        if stand is not None:
            target, size = stand
            inner: list[Actor] = []
            for t in self.heads(target):
                inner.extend(self._resolve_one(doc, t, group_cache, depth + 1))
            if inner:
                if size is not None:
                    for a in inner:
                        a.size = size
                return inner
        start, end = self.phrase(h)
        text = span_text(doc, start, end)
        entity = self.link(doc, h, start, end, group_cache)
        _possessors.give_country(doc, entity, country)
        if size is None:
            size = number_of(h, self.lex)
        return [Actor(h.i, start, end, text, entity, size, owner_id)]

    # -- entities --------------------------------------------------------------------------------

    def link(self, doc: Doc, head: Token, start: int, end: int, group_cache: dict[str, Entity]) -> str | None:
        """Return the entity id of an actor phrase, creating a GROUP or name entity when needed."""
        known = entity_at_token(doc, head.i)
        if known is not None:
            self._type_group(known, head)
            return known.id
        holder = titled_holder(doc, head, self.g, self.lex.title_nouns)  # "India's Prime Minister Modi"
        if holder is not None:
            return holder.id
        lemma = head.lemma_.lower()
        if (
            head.pos_ == "NOUN"
            and (lemma in self.lex.sector_nouns or is_agent(head, self.lex))
            and not (head.ent_type_ or mass_sense(head, self.lex))  # "use force" is no group
        ):
            return self._group(doc, head, group_cache).id
        if head.pos_ == "NOUN" and not head.ent_type_ and others_of(head, self.lex):
            return self._group(doc, head, group_cache).id  # "Sanders's backers" are not Sanders
        c_start, c_end = self.compact(head)
        known = entity_in_tokens(doc, c_start, c_end)
        if known is not None:
            return known.id
        if head.ent_type_ in _LABEL_TYPES:
            ent = ent_at(doc, head.i)
            if ent is not None:
                return self._named(doc, ent, _LABEL_TYPES[ent.label_])
        if head.pos_ == "PROPN":
            s, e = self.compact(head)
            return self._named(doc, doc[s:e], "ORG")
        if head.pos_ == "NOUN" and not head.ent_type_ and generic_actor(head, self.lex):
            return self._group(doc, head, group_cache).id  # "a suspect", "urged consumers to …"
        return None

    def _side(self, doc: Doc, word: Token) -> Actor:
        """One word of a hyphened pair as an actor: a country's or a body's name, or a demonym's people (of
        its own, not the pair's joint name "Turkish-American")."""
        span = doc[word.i : word.i + 1]
        demonym = word.lower_ in self.lex.demonyms
        entity = self._named(doc, span, "NORP") if demonym else self.name_entity(doc, span)
        return Actor(word.i, word.i, word.i + 1, word.text, entity)

    def name_entity(self, doc: Doc, span: Span) -> str | None:
        """The entity of a name alone ("Israeli" in "Israeli and Palestinian negotiators"): the entity
        indexed at it unless that is a group the name only modifies, else one for the name."""
        known = entity_at_token(doc, span.root.i)
        if known is not None and known.type != "GROUP":
            return known.id
        return self._named(doc, span, _LABEL_TYPES.get(span.root.ent_type_, "NORP"))

    def _named(self, doc: Doc, span: Span, type_: EntityType) -> str | None:
        """The entity of a name no entity covers (none for a date, a description for a title)."""
        entity = phrase_entity(doc, span, type_, find=lambda name: _by_name(doc, name))
        return entity.id if entity is not None else None

    def _group(self, doc: Doc, head: Token, group_cache: dict[str, Entity]) -> Entity:
        s, e = self.compact(head)
        name = span_text(doc, s, e)
        key = name.lower()
        typed = cache(lambda: sector_country(head, s, self.lex, self.g))  # only when a group has a country
        cached = group_cache.get(key)
        entity = cached if cached is not None and same_group(cached, key, typed) else None
        if entity is None:
            entity = next((ent for ent in get_entities(doc) if same_group(ent, key, typed)), None)
        if entity is None:
            entity = new_entity(doc, name, "GROUP", sector=typed()[0], country=typed()[1])
        else:
            self._type_group(entity, head)
        group_cache[key] = entity
        full_s, full_e = self.phrase(head)
        span_full = doc[full_s:full_e]
        add_mention(doc, entity, span_full.start_char, span_full.end_char, "description")
        return entity

    def _type_group(self, entity: Entity, head: Token) -> None:
        """Give a group another component made ("Afghan officials said", a quote's speaker) the sector and
        country its words give, as a group made here has ("Afghan officials": government, AF)."""
        untyped = entity.sector is None and entity.country is None
        if entity.type == "GROUP" and untyped and head.pos_ == "NOUN":
            entity.sector, entity.country = sector_country(head, self.compact(head)[0], self.lex, self.g)


def _size_within(tok: Token, most: int) -> bool:
    """Whether a token's subtree holds at most `most` tokens (read no further than that)."""
    return sum(1 for _ in islice(tok.subtree, most + 1)) <= most


def _by_name(doc: Doc, name: str) -> Entity | None:
    """The article's entity with this name or alias (in any case), if any."""
    low = name.lower()
    for e in get_entities(doc):
        if e.name.lower() == low or low in (a.lower() for a in e.aliases):
            return e
    return None
