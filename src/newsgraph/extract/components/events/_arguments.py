"""Arguments of event triggers: which words of the parse are a trigger's source and target.

A verb's source is its doer (`Grammar.agent`); its target the patient when that is an actor, else the actor a
preposition marks for the type ("against", "with", "to"), the owner or place of a theme noun, or the subject
of an absorbed complement ("demanded that X …"). An event noun takes its source from a possessive, a name
modifier or a "by"/"of" phrase, its target from the type's prepositions; a light verb's subject is the source
of its object noun ("launched an attack"). A thing aimed "on" or "against" stands for its owner (`_owners`:
"attacks on the judge's record").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import ARMED_SECTORS, is_agent, sector_of
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._clause_targets import acts_among
from newsgraph.extract.components.events._event_places import (
    MEASURE_TYPES,
    ground,
    happened_at,
    says_where,
    venue,
)
from newsgraph.extract.components.events._grammar import PLACE_LABELS, Grammar, controls_infinitive
from newsgraph.extract.components.events._held_standing import holds_standing
from newsgraph.extract.components.events._lexicon import WEAK_ORIGINS, Lexicon
from newsgraph.extract.components.events._noun_clauses import clause_target
from newsgraph.extract.components.events._noun_doers import NounDoers, onlooker_clause
from newsgraph.extract.components.events._own_complements import own_patient
from newsgraph.extract.components.events._owners import AIM_PREPS, ThingOwners
from newsgraph.extract.components.events._probes import ProbedSides
from newsgraph.extract.components.events._proper_names import document_name, event_name, hyphen_pair
from newsgraph.extract.components.events._purposes import request_purpose

NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN", "MOBILIZE"})
_HIT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose object's condition is harmed: "threatened the journalist's safety" targets the journalist.
_HARM_TYPES = _HIT_TYPES | {"THREATEN"}

# Prepositions of extent over a place: their object is the ground an event covers, never its party.
_SPREAD_PREPS = ("over", "across", "inside", "throughout")


def _aims(tok: Token) -> bool:
    """Whether a word has an "against" phrase of its own."""
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)


class ArgumentFinder:
    """Find the source and target heads of triggers in the parse."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar
        self.doers = NounDoers(lex, grammar, self.is_actorish)
        self.owners = ThingOwners(lex, grammar, self.is_actorish, self.nationally_owned)
        self.probes = ProbedSides(lex, grammar, self.is_actorish, self.owners)

    def is_actorish(self, tok: Token) -> bool:
        """Whether a noun can be an argument actor: a name, a pronoun, an actor noun, a count of people."""
        if (tok.like_num or tok.lemma_.lower() in self.lex.number_words) and any(self.g.preps(tok, ("of",))):
            return True
        if tok.lower_ in self.lex.quantifier_pronouns:
            # "many of his enemies", "some of the protesters": the people the phrase counts
            return any(
                p.dep_ == "pobj" and self.is_actorish(p)
                for c in self.g.preps(tok, ("of",))
                for p in self.g.kids(c)
            )
        if tok.ent_type_ in NOT_ACTOR_LABELS or tok.dep_ == "npadvmod":
            return False
        if event_name(tok, self.lex) or document_name(tok, self.lex):
            return False  # "the Malabar Joint Maritime Exercise", "the Second Amendment"
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        low = tok.lemma_.lower()
        if low in self.lex.non_actor_heads:
            return False
        if controls_infinitive(tok, self.lex):
            return True  # "asked the border customs to increase …": the doer of a deed
        if tok.pos_ == "PRON":
            return tok.lower_ in self.lex.pronouns
        if low == "state" and any(self.g.preps(tok, ("of",))):
            return False  # "state of emergency"
        if low in self.lex.sector_nouns or low in self.lex.victim_nouns or is_agent(tok, self.lex):
            return True
        return (tok.like_num or low in self.lex.number_words) and any(self.g.preps(tok, ("of",)))

    def target_head(self, tok: Token | None, exclude: set[int]) -> Token | None:
        """Return the actor a theme or complement noun points at ("Iraqi towns", "computers of X"), if any."""
        if tok is None or tok.i in exclude or tok.ent_type_ in NOT_ACTOR_LABELS:
            return None
        if self.is_actorish(tok) or tok.ent_type_ in PLACE_LABELS:
            return tok
        if tok.pos_ != "NOUN":
            return None
        for prep, pobj in self.g.prep_objects(tok, ("of", "in", "by")):
            if pobj.i not in exclude and (self.is_actorish(pobj) or pobj.ent_type_ in PLACE_LABELS):
                return self.owners.party(tok, prep, pobj, exclude)
        return tok if self.nationally_owned(tok) else None

    def nationally_owned(self, tok: Token) -> bool:
        """Whether a noun is modified by a name, a demonym, a pair of them or an actor noun ("U.S. forces",
        "the Turkish sale", "a police patrol")."""
        return any(
            c.dep_ in ("compound", "amod", "poss")
            and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                or c.lower_ in self.lex.demonyms
                or (c.dep_ == "compound" and c.lemma_.lower() in self.lex.sector_nouns)
                or hyphen_pair(c, self.lex.demonyms) is not None  # "the Israel-UAE deal"
            )
            for c in self.g.kids(tok)
        )

    def territorial(self, verb: Token, sources: list[int]) -> bool:
        """Whether a taking is of land: no standing held; "control" only of a place or by armed takers."""
        obj = self.g.object_of(verb)
        if obj is None or obj.lemma_.lower() not in self.lex.control_nouns:
            return obj is None or not holds_standing(verb, obj, sources, self.lex)  # "took the town"
        doc = verb.doc
        if any(sector_of(doc[i], self.lex) in ARMED_SECTORS for i in sources):
            return True
        return self.territory_of(obj) is not None or self.territory_of(verb) is not None

    def territory_of(self, owner: Token) -> Token | None:
        """Return the place a word's of/over phrase names ("control of parts of the town of Souran"):
        its first place name, else its first territory noun."""
        for c in self.g.preps(owner, ("of", "over")):
            words = list(c.subtree)
            found = next((t for t in words if t.ent_type_ in PLACE_LABELS), None) or next(
                (t for t in words if t.lemma_.lower() in self.lex.territory_nouns), None
            )
            if found is not None:
                return found
        return None

    def between(self, tok: Token) -> Token | None:
        """Return the first actor of a word's "between" phrase ("broke out between X and Y"), if any."""
        for _, pobj in self.g.prep_objects(tok, ("between",)):
            if self.is_actorish(pobj):
                return pobj
        return None

    def _target_preps(self, type_: str, tok: Token) -> tuple[str, ...]:
        """The prepositions that mark a type's target on `tok`, its own first: "with X" for a meeting ("on X"
        is what it is about, "at X" where it is: `own_preps_only`), "against X" for most; a fight done with
        another party names that party "with X" last ("clashed with police", "exchanged gunfire with guards";
        "fought with knives" names no actor)."""
        own = self.lex.target_preps.get(type_, ())
        preps = own if type_ in self.lex.own_preps_only else own + self.lex.target_preps["_default"]
        if type_ == "ASSAULT" and self._fight(tok):
            preps += ("with",)
        return preps

    def _fight(self, tok: Token) -> bool:
        """Whether a word names an act done with another party: a two-sided lemma ("clash", "battle") or the
        object of one ("exchanged gunfire")."""
        two_sided = self.lex.reciprocal_lemmas
        return self.g.lemma(tok) in two_sided or (tok.dep_ == "dobj" and self.g.lemma(tok.head) in two_sided)

    def prep_target(
        self, tok: Token, type_: str, exclude: set[int], where: bool = True, owners: bool = False
    ) -> Token | None:
        """Return the actor of the preposition that marks a type's target ("against X", "with X"), if any;
        with `where` False not of a place phrase ("in", "at"); with `owners` the owner of a thing aimed at
        ("on the judge's record", the trigger's or its object's own phrase only)."""
        preps = self._target_preps(type_, tok)
        if not where:
            preps = tuple(p for p in preps if p not in ("in", "at"))
        best: Token | None = None
        best_rank = 99
        for c in self.g.kids(tok):
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > tok.i:
                rank = preps.index(c.lower_)
                pobj = self.g.pobj(c)
                if pobj is None or pobj.i in exclude or rank >= best_rank:
                    continue
                if happened_at(tok, c, pobj, type_, self.lex):
                    continue  # "the bombs went off in Brussels": where, not at whom
                if type_ in MEASURE_TYPES and pobj.lemma_.lower() in self.lex.place_nouns:
                    pobj = self.target_head(pobj, exclude) or pobj  # "martial law on six townships in Yangon"
                elif not self.is_actorish(pobj):
                    owner = self.owners.owner(pobj, exclude) if owners and c.lower_ in AIM_PREPS else None
                    if owner is None and not (pobj.pos_ == "NOUN" and self.nationally_owned(pobj)):
                        continue  # "controls on U.S. operations": the country whose operations they are
                    pobj = owner or pobj  # "attacks on the judge's record": the judge
                if c.lower_ in ("at", "in") and type_ not in _CONFLICT_TYPES and venue(pobj, self.lex):
                    continue  # "were meeting at the Qahira Hotel": where, not with whom
                if c.lower_ in _SPREAD_PREPS and ground(pobj, self.lex):
                    continue  # "incidents over American soil", "strikes across Syria": where, not at whom
                best, best_rank = pobj, rank
        return best

    def verb_args(self, cand: Candidate, cands: dict[int, Candidate]) -> tuple[Token | None, Token | None]:
        """Return the (source, target) heads of a verb trigger."""
        tok = cand.tok
        type_ = cand.sense.type or ""
        agent = self.g.agent(tok)
        if agent is None and tok.lower_ in ("committed", "prepared", "ready", "willing"):
            agent = next((c for c in self.g.kids(tok) if c.dep_ == "nsubjpass"), None)
        if agent is None and self.g.lemma(tok) in self.lex.reciprocal_lemmas:
            agent = self.between(tok)  # "displaced by fighting between rebels and troops": the two sides
        head = tok.head
        if (
            type_ in self.lex.verbal_types
            and tok.dep_ == "conj"
            and head.dep_ == "ccomp"
            and self.g.lemma(head.head) in self.lex.reporting
            and not any(c.dep_ in SUBJ_DEPS for c in self.g.kids(tok))
        ):
            # "X said his group remained committed … but slammed …": a speech act joined to the
            # reported clause is the speaker's, not the reported subject's.
            agent = self.g.agent(head.head) or agent
        if tok.pos_ == "ADJ" or (tok.lower_ == "committed" and agent is None):
            agent = self.g.agent(tok.head) if tok.dep_ in ("acomp", "amod") else agent
        exclude = {agent.i} if agent is not None else set()
        patient = own_patient(self.g, tok, lambda: self._bare_target(tok, type_, exclude))
        if cand.sense.origin in WEAK_ORIGINS:
            # a verb coded by the dictionary's verb alone takes its target from its object, one coded by a
            # pattern of prepositions ("spoke with X") from the object of the type's preposition
            if patient is not None and self.is_actorish(patient):
                return agent, patient
            return agent, self.prep_target(tok, type_, exclude) if cand.sense.origin == "cameo_prep" else None
        target: Token | None = None
        own = patient is not None and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
            for c in self.g.kids(patient)
        )
        if own and patient is not None:
            # "recalled its ambassador from Rome", "withdrew their troops from X": the other side
            target = self.prep_target(tok, type_, exclude) or self.prep_target(patient, type_, exclude)
        sent = self.g.lemma(tok) in self.lex.dispatch_verbs and (
            agent is not None or not self.g.is_passive(tok)
        )
        if target is None and patient is not None and sent and self.is_actorish(patient):
            # "sent a delegation to attend …", "recalled its ambassador": who is sent is the source's own;
            # the target is where or to whom (else the purpose clause's, below). ("Troops were sent":
            # with no one sending, the force mobilizes, below.)
            target = self.prep_target(tok, type_, exclude) or self.g.place_pobj(tok)
        elif target is None and patient is not None:
            actor = self.is_actorish(patient) and not self._means_against(tok, patient)
            target = patient if actor else self._theme_target(tok, patient, type_, exclude)
        elif patient is None:
            target = self._bare_target(tok, type_, exclude)
        if type_ == "AID":
            dat = self.prep_target(tok, "AID", exclude)
            if dat is None and self.g.lemma(tok) in self.lex.transfer_verbs:
                # "sent only three doctors": what is given is no recipient
                dat = next((c for c in self.g.kids(tok) if c.dep_ == "dative" and c.pos_ != "ADP"), None)
                if target is not None and target.dep_ in ("dobj", "obj", "nsubjpass"):
                    target = None
                dat = dat or self.g.place_pobj(tok)
            if dat is not None:
                target = dat
        if target is None and not (patient is not None and document_name(patient, self.lex)):
            target = self.content_target(tok, cand, type_, exclude)  # a named document is the content
        if (
            target is None
            and type_ in ("ASSAULT", "COERCE")
            and patient is not None
            and patient.pos_ == "NOUN"
            and patient.lemma_.lower() not in self.lex.non_actor_heads
            and patient.i not in exclude
            and self.g.lemma(tok) not in self.lex.instrument_verbs
            and patient.lemma_.lower() not in self.lex.weapon_nouns  # "opened fire", "detonated a bomb"
        ):
            target = patient  # "ambushed a bus", "torched a church": the thing attacked (not "used poison")
        if agent is None and type_ == "MOBILIZE" and target is not None and self.g.is_passive(tok):
            agent, target = target, None  # "troops were deployed": the force mobilizes
        if agent is None and type_ == "ASSAULT" and self.g.is_passive(tok):
            agent = self._opponent(tok)
        return agent, target

    def _means_against(self, verb: Token, obj: Token) -> bool:
        """Whether an object that could be an actor is the means or the event aimed "against" someone, who is
        the target: an instrument verb's object ("deployed troops against the protesters") or an event noun
        that can also name a group ("fighting an insurgency against the state")."""
        if self.g.lemma(verb) in self.lex.instrument_verbs and _aims(verb):
            return True
        return self.g.lemma(obj) in self.lex.nouns and _aims(obj)

    def _opponent(self, verb: Token) -> Token | None:
        """For "was killed in a gun battle with police", the other side of the fight: police."""
        for c in self.g.preps(verb, ("in", "during")):
            for fight in (p for p in self.g.kids(c) if p.dep_ == "pobj"):
                sense = self.lex.nouns.get(fight.lemma_.lower())
                if sense is None or sense.type != "ASSAULT":
                    continue
                for _, other in self.g.prep_objects(fight, ("with",)):
                    if self.is_actorish(other):
                        return other
        return None

    def _theme_target(self, tok: Token, theme: Token, type_: str, exclude: set[int]) -> Token | None:
        """Return the actor a verb's non-actor object points at: the type's preposition, the object
        event's own actors ("called off talks with the rebels"), its owner, an actor in it, a place."""
        if document_name(theme, self.lex):
            # "signed a Treaty on Strategic Partnership with X": the party comes with the verb or the
            # document "with" it; the document's other phrases say what it is about
            return self.prep_target(tok, type_, exclude) or self.partner(theme, exclude)
        if theme.lemma_.lower() in self.lex.control_nouns:
            place = self.territory_of(theme) or self.territory_of(tok)
            if place is not None:
                return place  # "took control of the airport"
        if type_ in _HIT_TYPES and self._hit_thing(theme):
            # "stormed a hotel in the Somali city of X": the hotel was hit, not the place it is in
            found = self.prep_target(tok, type_, exclude, where=False, owners=True)
            found = found or self.prep_target(theme, type_, exclude, where=False, owners=True)
            return found or self.owners.hit_owner(theme)
        target = self.prep_target(tok, type_, exclude, owners=True)
        sense = self.lex.nouns.get(theme.lemma_.lower())
        if target is None and sense is not None:
            # the object event's own actors before the verb's prepositions on it ("condemned Russia's
            # invasion of Ukraine": Russia): a reaction targets who did the event, a break the other party
            src, tgt, _fb = self.noun_args(theme, sense.type or type_, None)
            order = (src, tgt) if type_ in self.lex.verbal_types or type_ == "SUPPORT" else (tgt, src)
            for found in order:
                if found is not None and found.i not in exclude and self.is_actorish(found):
                    return found
        target = target or self.prep_target(theme, type_, exclude, owners=True)
        if theme.lemma_.lower() in self.lex.topic_nouns and type_ not in _HARM_TYPES:
            return target  # "investigate the soldier's death", "China's role": the owner is the topic
        if target is None:
            poss = next((c for c in self.g.kids(theme) if c.dep_ == "poss"), None)
            if poss is not None and poss.pos_ != "PRON" and self.is_actorish(poss):
                target = poss
        if target is not None or type_ == "CONSULT":
            return target  # "held a summit in Russia": where the meeting was, not with whom
        target = self.target_head(theme, exclude)
        if target is not None or type_ in self.lex.reciprocal_types | self.lex.verbal_types:
            # "In Britain, X has been coordinating relief efforts", "raising money in New York": a partner or
            # the one addressed is a party, never the ground the act is done on
            return target
        place = self.g.place_pobj(tok)  # "lifted a curfew in X", "deported … to X"; not where it happened
        place = None if place is not None and happened_at(tok, place.head, place, type_, self.lex) else place
        return place or self.g.place_pobj(theme)

    def partner(self, thing: Token, exclude: set[int]) -> Token | None:
        """The actor a thing is made "with" ("a treaty with Japan"), if any."""
        for _, other in self.g.prep_objects(thing, ("with",)):
            if other.i not in exclude and self.is_actorish(other):
                return other
        return None

    def struck(self, noun: Token, light: Token, type_: str) -> Token | None:
        """The target a launched assault's "on" phrase names when it is a thing, and the sentence names no
        one it hit ("launched an attack on a military base", "carried out airstrikes on ISIS' hideouts"):
        the thing's owner, else the thing itself."""
        if type_ not in _HIT_TYPES:
            return None
        for word in (noun, light):
            for c, pobj in self.g.prep_objects(word, ("on", "upon", "against")):
                if (
                    c.i > light.i
                    and self._hit_thing(pobj)
                    and pobj.lemma_.lower() not in self.lex.title_nouns
                ):
                    # (a title is a person: "the president's secretary")
                    return self.owners.hit_owner(pobj) or pobj
        return None

    def _hit_thing(self, theme: Token) -> bool:
        """Whether an object is a thing an assault or a seizure can hit itself ("a train", "a hotel"): not an
        event, a weapon, control or a word for things in general."""
        low = theme.lemma_.lower()
        return (
            theme.pos_ == "NOUN"
            and low not in self.lex.nouns
            and low not in self.lex.weapon_nouns
            and low not in self.lex.control_nouns
            and low not in self.lex.non_actor_heads
        )

    def _bare_target(self, tok: Token, type_: str, exclude: set[int]) -> Token | None:
        """Return the target of a verb without an object: the type's preposition, else an actor in a
        directional phrase ("fired into the crowd"), else a place for aid and mobilization."""
        target = self.prep_target(tok, type_, exclude, owners=True)
        if target is None:
            for c in self.g.kids(tok):
                if (
                    c.dep_ == "prep"
                    and c.lower_ in ("into", "on", "against", "at", "to", "with")
                    and c.i > tok.i
                ):
                    pobj = next((x for x in self.g.kids(c) if x.dep_ == "pobj"), None)
                    if happened_at(tok, c, pobj, type_, self.lex):
                        continue  # "held a rally at the Coliseum": where
                    target = self.target_head(pobj, exclude)
                    if target is not None and type_ not in _CONFLICT_TYPES and venue(target, self.lex):
                        target = None  # "meeting at the Qahira Hotel": where, not with whom
                    if target is not None:
                        break
        if target is None and type_ in ("AID", "MOBILIZE"):
            target = self.g.place_pobj(tok)
        return target

    def content_target(self, tok: Token, cand: Candidate, type_: str, exclude: set[int]) -> Token | None:
        """Return the target an absorbing verb takes from its complement ("demanded that X …")."""
        complements = [
            c
            for c in self.g.kids(tok)
            if c.i not in exclude
            and (
                c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "advcl" and self.g.to_infinitive(c) and not request_purpose(c, type_, self.g))
            )
        ]
        complements += [tok.doc[i] for i in cand.content if tok.doc[i] not in complements]
        for inner in acts_among(tok, complements, type_, exclude, self.lex):
            if type_ == "REQUEST" and self.g.asked_clause(inner):
                doer = self.g.asked_doer(inner)  # who is to do the act asked for, not whom it is done to
                if doer is not None and doer.i not in exclude and self.is_actorish(doer):
                    return doer
                continue
            if inner.pos_ in ("VERB", "AUX", "ADJ"):
                subj = next((c for c in self.g.kids(inner) if c.dep_ in ("nsubj", "nsubjpass")), None)
                if (
                    subj is not None
                    and inner.dep_ == "ccomp"
                    and subj.i not in exclude
                    and self.is_actorish(subj)
                    and subj.lower_ not in self.lex.pronouns
                ):
                    return subj
                pat = self.g.patient(inner)
                if self.g.lemma(inner) in self.lex.instrument_verbs:
                    pat = None  # "threatened to use force against X": the force is the means, X the target
                found = self.target_head(pat, exclude)
                if found is not None:
                    return found
                pt = self.prep_target(inner, type_, exclude)
                if pt is not None:
                    return pt
                if pat is not None:
                    pt = self.prep_target(pat, type_, exclude) or self.g.place_pobj(pat)
                    if pt is not None:
                        return pt
                for c in self.g.kids(inner):
                    if c.dep_ == "prep":
                        pobj = next((x for x in self.g.kids(c) if x.dep_ == "pobj"), None)
                        if pobj is not None:
                            found = self.prep_target(pobj, "REQUEST", exclude) or self.target_head(
                                pobj, exclude
                            )
                            if found is not None and found.i != pobj.i:
                                return found
                place = self.g.place_pobj(inner)
                if place is not None:
                    return place
            elif inner.pos_ in ("NOUN", "PROPN"):
                src, tgt, _fb = self.noun_args(inner, type_, None)
                if type_ in ("AGREE", "SUPPORT") and src is not None and src.i not in exclude:
                    return src
                if tgt is not None and tgt.i not in exclude:
                    return tgt
                for c in self.g.kids(inner):
                    if c.dep_ == "prep" and c.lower_ == "of":
                        pobj = self.g.pobj(c)
                        if pobj is not None and self.is_actorish(pobj):
                            return pobj
                    if (
                        c.dep_ in ("acl", "ccomp", "relcl")
                        and inner.lemma_.lower() not in self.lex.claim_nouns
                    ):
                        # "welcomed the news that Ukraine agreed": Ukraine; not "the allegation that X …"
                        subj = next((x for x in self.g.kids(c) if x.dep_ == "nsubj"), None)
                        if (
                            subj is not None
                            and self.is_actorish(subj)
                            and subj.lower_ not in self.lex.pronouns
                        ):
                            return subj
                poss = next((c for c in self.g.kids(inner) if c.dep_ == "poss"), None)
                if poss is not None and self.is_actorish(poss) and poss.i not in exclude:
                    return poss
        return None

    def _light_target(self, light: Token, type_: str) -> Token | None:
        """Return the actor of a light verb's own target phrase ("a lawsuit was filed against X"); a
        place phrase ("in", "at") says where, not at whom. The parser labels "gave aid to X" a dative."""
        preps = (*self.lex.target_preps.get(type_, ()), "against")
        for c in self.g.kids(light):
            if c.dep_ not in ("prep", "dative") or c.i < light.i:
                continue
            if c.lower_ in preps and c.lower_ not in ("in", "at"):
                pobj = self.g.pobj(c)
                if pobj is not None and self.is_actorish(pobj):
                    return pobj
        return None

    def _suffered(self, light: Token | None, type_: str) -> bool:
        """Whether an event noun is what its light verb's subject undergoes ("faced criticism", "received
        threats", "came under attack"): then a "from" phrase names who does it, as "by" does. A going's
        "from" names where it goes from ("faced expulsion from the country" aside, `mover_senses`)."""
        return (
            light is not None
            and self.g.lemma(light) in self.lex.suffer_lights
            and type_ not in self.lex.mover_senses
        )

    def _light_doer(self, light: Token, noun: Token) -> Token | None:
        """Return the actor of an undergoing light verb's own "from" or "by" phrase after its noun, the
        parser's other attachment of the noun's doer ("has come under attack in recent days from Trump")."""
        for c, pobj in self.g.prep_objects(light, ("from", "by")):
            if c.i > noun.i and self.is_actorish(pobj):
                return pobj
        return None

    def asked_of(self, light: Token, noun: Token) -> Token | None:
        """Return the actor asked in a request made with a light verb: the "from" phrase of the verb or
        of its object ("sought assistance from Russia", "requested help from the U.N.")."""
        for word in (light, noun):
            for c, pobj in self.g.prep_objects(word, ("from",)):
                if c.i > light.i and self.is_actorish(pobj):
                    return pobj
        return None

    def noun_args(
        self, tok: Token, type_: str, light: Token | None
    ) -> tuple[Token | None, Token | None, Token | None]:
        """Return (source, target, fallback source) heads for an event noun."""
        lemma = self.g.noun_lemma(tok)
        two_sided = self.g.lemma(tok) in self.lex.reciprocal_lemmas
        target: Token | None = None
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.lex.compound_heads:
            tok = tok.head
        internal = self.doers.internal(tok)
        source = None if internal else self.doers.modifier(tok)  # "the country's civil war": where
        first = hyphen_pair(source, self.lex.demonyms) if source is not None else None
        if first is not None and source is not None:
            source, target = first, source  # "the Russia-Ukraine war": Russia against Ukraine
        preps = self._target_preps(type_, tok)
        suffered = self._suffered(light, type_)
        for c in self.g.kids(tok):
            if c.dep_ != "prep":
                continue
            pobj = self.g.pobj(c)
            if pobj is None or says_where(c, pobj, self.lex):
                continue  # "the attacks in Paris": where they happened, not whom they hit
            low = c.lower_
            doer = low in ("by", "between") or (low == "from" and (type_ == "ASSAULT" or suffered))
            if doer and self.is_actorish(pobj):
                source = pobj  # "an attack by X", "came under attack from Assad loyalists"
            elif low == "of" and self.is_actorish(pobj):
                if lemma in self.lex.noun_source_of and source is None:
                    source = pobj
                elif lemma in self.lex.noun_target_of and target is None:
                    target = pobj
            elif low in preps and target is None and self.is_actorish(pobj):
                target = pobj
        if source is None:
            source = self.doers.counted_by(tok)
        # "attacks that targeted the police", "an operation which resulted in the deaths of X"
        if target is None:
            target = clause_target(tok, type_, {source.i} if source is not None else set(), self)
        if target is None:  # "attacks on the judge's record": the judge; "a probe into her emails": her
            target = self.owners.aimed_at(tok, preps, {source.i} if source is not None else set())
            target = target or self.probes.probed(tok, source)
        fallback: Token | None = None
        between = source is not None and source.head.dep_ == "prep" and source.head.lower_ == "between"
        if between and source is not None and self.g.sides_between(tok) and (light is None or two_sided):
            # "fighting between rebels and government forces", "urged an end to the war between X and Y": the
            # phrase names both sides (`SideFinder` splits them), not the parties a third one brings together
            # ("mediation", "brokered a ceasefire between X and Y"); the clause's doer is neither
            return source, target, None
        if light is not None:
            if source is None and suffered:
                source = self._light_doer(light, tok)  # "came under attack in recent days from Trump"
            # "a resident who witnessed the attack": who saw an event did not do it
            fallback = None if self.g.lemma(light) in self.lex.observer_lights else self.g.agent(light)
            if self.g.lemma(light) in self.lex.suffer_lights and target is None:
                target, fallback = fallback, None
            elif target is None:
                target = self._light_target(light, type_)  # "filed a lawsuit against X"
        elif (source is None and not internal) or between:
            clause = self.g.clause_verb(tok)
            if clause is not None and not onlooker_clause(clause, tok, self.g, self.lex):
                fallback = self.g.agent(clause)
                if fallback is not None and fallback.i == tok.i:
                    fallback = None
        if between and (fallback is not None or light is not None):
            if target is None:
                target = source
            source = None
        if source is not None and source.i == (target.i if target is not None else -1):
            target = None
        if (
            source is not None
            and source.dep_ == "poss"
            and target is None
            and lemma in self.lex.noun_target_of
        ):
            source, target = None, source  # "Mech Dara's arrest", "Khashoggi's killing": the one it befell
        return source, target, fallback
