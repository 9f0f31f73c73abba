"""Drafts: a trigger with its arguments resolved to actors, its mood applied and its confidence set.

`Drafter.draft` turns one candidate into a `Draft` in steps: find the argument heads, read the
clause's mood, resolve the heads into actors (a reported clause whose subject is a pronoun takes
the reporter as its source), re-type crowd violence as a violent protest, fill in the sides of
two-sided events, apply intention (cooperation intended is AGREE, conflict intended is THREATEN)
and score. The speech acts that have no trigger word of their own are drafted by `_speech_acts`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._acronyms import is_pronoun
from newsgraph.extract.components.events._acted_on import ActedOn
from newsgraph.extract.components.events._actor_types import is_political
from newsgraph.extract.components.events._actors import GROUP_PRONOUNS, Actor, ActorFinder
from newsgraph.extract.components.events._aggregates import Aggregates
from newsgraph.extract.components.events._answered import answerer
from newsgraph.extract.components.events._applied_places import applied_to
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._asked_for import AskedFor
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._claims import Claims
from newsgraph.extract.components.events._clause_targets import charged
from newsgraph.extract.components.events._document_doers import document_doer
from newsgraph.extract.components.events._ended_fights import EndedFights
from newsgraph.extract.components.events._force import moved, moves_force
from newsgraph.extract.components.events._forecasts import Forecasts
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._known_events import definite_mention
from newsgraph.extract.components.events._lexicon import WEAK_ORIGINS, Lexicon
from newsgraph.extract.components.events._means_subjects import doerless_means
from newsgraph.extract.components.events._modality import Modality, Mood
from newsgraph.extract.components.events._moved_people import moved_people
from newsgraph.extract.components.events._partitive_victims import partitive_victim
from newsgraph.extract.components.events._permits import Permits
from newsgraph.extract.components.events._pronouns import first_person_side, speak, speakers_own
from newsgraph.extract.components.events._reacted_acts import ReactedActs
from newsgraph.extract.components.events._recipients import Recipients
from newsgraph.extract.components.events._shared_views import SharedViews
from newsgraph.extract.components.events._sides import SideFinder
from newsgraph.extract.components.events._targets import TargetFinder
from newsgraph.extract.components.events._thing_harm import ThingHarm
from newsgraph.extract.components.events._topics import consulted
from newsgraph.extract.extensions import entity_at_token
from newsgraph.models import Entity

_THREAT_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


@dataclass(slots=True)
class Draft:
    """An event before ids are assigned and it is written to the doc."""

    type: str
    mode: str | None
    cameo: str | None
    tok: Token
    start: int
    end: int
    sent: int
    sources: list[Actor]
    targets: list[Actor]
    negated: bool = False
    confidence: float = 0.8
    dead: float | None = None
    injured: float | None = None
    size: float | None = None
    place_text: str | None = None
    time_text: str | None = None
    anchor: Token | None = None
    context: list[str] = field(default_factory=list)
    unresolved: bool = False
    """An argument is a pronoun that stands for no actor found ("asked them", "they killed …")."""
    struck: bool = False
    """The target is a thing an assault hit, named for want of anyone it hit: victims an elaborating clause
    names replace it ("carried out an attack on a camp, injuring two soldiers")."""
    ceiling: float = 1.0
    """The most its confidence may be: lower for a count or a trend of events (`Aggregates`)."""
    act_mode: str | None = None
    """The mode of the act an event still to come is of, before it took the mode `intend` ("investigate")."""


@dataclass(slots=True)
class DocState:
    """What drafting one doc shares across its triggers."""

    doc: Doc
    cands: dict[int, Candidate]
    sent_starts: list[int]
    group_cache: dict[str, Entity] = field(default_factory=dict)
    pairs: list[list[Actor]] = field(default_factory=list)
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    """Direct and mixed quotes: (start, end) character offsets and the speaker's entity id."""

    def speak(self, actors: list[Actor]) -> list[Actor]:
        """Resolve "we", "I" inside a quote to the quote's speaker (`_pronouns.speak`)."""
        return speak(self.doc, self.quotes, actors)

    def sentence_of(self, tok: Token) -> int:
        """Return the index of a token's sentence."""
        return bisect_right(self.sent_starts, tok.i) - 1


@dataclass(slots=True)
class _Heads:
    """A trigger's argument heads, the clause verb it is anchored at and its starting confidence."""

    anchor: Token
    source: Token | None
    target: Token | None
    confidence: float
    struck: bool = False
    """The target is a thing an assault hit, named for want of anyone it hit (`ArgumentFinder.struck`)."""


class Drafter:
    """Build drafts from trigger candidates (see the module docstring)."""

    def __init__(
        self, lex: Lexicon, grammar: Grammar, args: ArgumentFinder, mod: Modality, actors: ActorFinder
    ) -> None:
        self.lex = lex
        self.g = grammar
        self.args = args
        self.claims = Claims(lex, grammar)
        self.mod = mod
        self.actors = actors
        self.targets = TargetFinder(lex, actors)
        self.sides = SideFinder(lex, grammar, actors)
        self.ended = EndedFights(grammar, args, actors)
        self.acted_on = ActedOn(grammar, args, actors)
        self.reacted = ReactedActs(grammar, args, actors)
        self.asked_for = AskedFor(lex, grammar)
        self.aggregates = Aggregates(lex, grammar)
        self.permits = Permits(lex, grammar, actors)
        self.forecasts = Forecasts(lex, grammar)
        self.views = SharedViews(lex, grammar, mod)
        self.thing_harm = ThingHarm(lex, grammar, actors)
        self.recipients = Recipients(lex, grammar, args.is_actorish)
        self.w = lex.weights

    def draft(self, st: DocState, cand: Candidate) -> Draft | None:
        """Return the draft event of a candidate, or None when it is no event here."""
        if cand.sense.type is None:
            return None
        heads = self._heads(st, cand)
        if heads is None:
            return None
        mood = self.mod.modality(cand.tok, heads.anchor)
        if cand.noun and cand.light is None and cand.occurs is None:
            no = any(c.dep_ == "det" and c.lower_ == "no" for c in self.g.kids(cand.tok))
            argument = cand.tok.head.i == heads.anchor.i and cand.tok.dep_ in ("nsubj", "nsubjpass", "dobj")
            mood = Mood(
                negated=no, intended=False, possible=argument and mood.possible, reporter=mood.reporter
            )
        if cand.noun and cand.light is None and self.forecasts.foretold(cand.tok, cand.occurs is not None):
            mood = replace(mood, intended=False, possible=True)  # "cooperation will likely develop slowly"
        if self._no_doer(cand, heads.source):
            return None
        if not cand.noun and self.g.lemma(cand.tok) in self.lex.active_only and self.g.is_passive(cand.tok):
            return None  # "were met by armed men": whom one came upon, not a meeting
        if not cand.noun and self.g.answers_with(cand.tok):
            return None  # "retaliated with tariffs": the tariffs are the event
        if cand.sense.type == "AGREE" and not cand.noun and self.views.shares_view(cand.tok):
            return None  # "agreed that it is dire", "he agreed that a president should …": an opinion
        tok = cand.tok
        start, end = self.trigger_span(tok, cand.light)
        d = Draft(
            type=cand.sense.type,
            mode=cand.sense.mode,
            cameo=cand.sense.cameo,
            tok=tok,
            start=start,
            end=end,
            sent=st.sentence_of(tok),
            sources=[],
            targets=[],
            negated=mood.negated,
            confidence=heads.confidence,
            anchor=heads.anchor,
            struck=heads.struck,
        )
        self._resolve(st, d, heads, mood, cand.noun)
        if not cand.noun and not d.sources and self._thing_does(heads.source, d.type):
            return None  # "these laws are preventing access": a thing is no doer of a political act
        if cand.light is not None and self.g.lemma(cand.light) in self.lex.request_lights:
            d.type, d.mode, d.cameo = "REQUEST", None, "10"  # "sought military assistance from Russia"
            asked = self.args.asked_of(cand.light, tok)
            if asked is not None:  # who is asked is the target, not who would receive
                d.targets = self.targets.targets(st.doc, asked, d.type, d.mode, st.group_cache)
        self._aimed_at(st, cand, d)
        d.sources, d.targets = self.sides.split(st.doc, d, st.pairs)
        if cand.sense.origin in WEAK_ORIGINS and not self._two_sided_main(d, tok):
            return None  # `_dictionary_actors` will refuse it: once its sides are made, read no further
        # a "they" that neither an antecedent nor a two-sided pair resolved is no actor
        d.sources = [a for a in d.sources if a.entity is not None or doc_word(st, a) not in GROUP_PRONOUNS]
        d.targets = [a for a in d.targets if a.entity is not None or doc_word(st, a) not in GROUP_PRONOUNS]
        d.unresolved = _lost_pronoun(heads.source, d.sources) or _lost_pronoun(heads.target, d.targets)
        if not self._retype(st, cand, d, heads.source):
            return None
        if d.type == "MOBILIZE" and not moves_force(
            moved(tok, cand.noun, self.g),
            [st.doc[a.head] for a in d.sources + d.targets],
            cand.frame is not None,
            self.lex,
        ):
            return None  # "increase foreign exchange reserves", "experts were deployed": no force moved
        if (
            d.mode == "occupy"
            and not cand.noun
            and not self.args.territorial(tok, [a.head for a in d.sources])
        ):
            return None  # "regained control over his health": control of no territory, by no armed actor
        if d.type in self.lex.target_required and not d.targets:
            return None  # a meeting or a visit is with someone or somewhere
        if d.mode == "sign" and not d.targets and _one_actor(st.doc, d):
            return None  # "X signed a constitutional declaration": an agreement has two parties
        self._threat_mode(st, cand, d)
        mood = self._intention(d, mood)
        self._score(st, cand, d, mood)
        return d

    def _aimed_at(self, st: DocState, cand: Candidate, d: Draft) -> None:
        """Give a demand or a reaction the targets the act it is about names (or drop its victims)."""
        d.targets = self.ended.targets(st.doc, d, st.group_cache)  # "urged an end to the war between X and Y"
        d.targets = self.acted_on.targets(st.doc, d, st.group_cache)  # "demanded Bashir's ouster": Bashir
        d.targets = self.asked_for.targets(d)  # "China asked for the return of 45 nationals": no one asked
        d.targets = self.reacted.targets(st.doc, d, cand, st.group_cache)  # "condemned X's arrest": not X

    def _no_doer(self, cand: Candidate, source: Token | None) -> bool:
        """Whether a trigger's doer is no actor: a hazard ("the storm forced the evacuation …"), or, for a
        verb that is no harm ("shelling destroyed three houses" stays), an event with no doer of its own
        ("fighting in the north forced thousands to flee": displacement by a war, no coercion); or a
        permission given by a thing, a fact or an event ("the law allows the government to …": `Permits`)."""
        if not cand.noun and self.permits.by_thing(cand.tok):
            return True
        if source is None:
            return False
        if self._hazard(source) or document_doer(source, self.lex):
            return True  # "the storm forced …", "the Charter calls on …" (`_document_doers`)
        return (
            not cand.noun
            and cand.sense.type != "ASSAULT"
            and self.g.lemma(cand.tok) not in self.lex.toll_verbs
            and self.args.doers.undone(source)
        )

    def _means(self, source: Token) -> bool:
        return doerless_means(source, self.lex, self.args.doers, self.actors)

    def _hazard(self, source: Token) -> bool:
        """Whether a doer is a hazard or a germ: a hazard noun ("the storm"), a pathogen noun ("African
        strains kill …") or the name of a disease ("Marburg has killed …")."""
        low = source.lemma_.lower()
        if low in self.lex.hazard_nouns or low in self.lex.pathogen_nouns:
            return True
        entity = entity_at_token(source.doc, source.i)
        return entity is not None and entity.type == "DISEASE"

    def _heads(self, st: DocState, cand: Candidate) -> _Heads | None:
        """Find a candidate's argument heads and anchor; None for a bare weak event noun."""
        tok = cand.tok
        if not cand.noun:
            src, tgt = self.args.verb_args(cand, st.cands)
            if cand.sense.type == "AID":  # "gave medication for the children": whom it is for
                tgt = self.recipients.target(tok, src, tgt)
            if cand.sense.type == "CONSULT":  # "discussed imposing costs on Russia": the topic is no partner
                tgt = consulted(tok, src, tgt, self.args)
            tgt = charged(cand, src, tgt, self.args)  # "alleged that Trump earned …": Trump, not a victim
            tgt = tgt or partitive_victim(tok, cand.sense.type, self.args)  # "…, killing 15": 15 of them
            tgt = moved_people(tok, cand.sense.mode, tgt, self.args)  # "deported X to Turkey": X
            tgt = applied_to(tok, tgt, cand.sense.type or "", self.lex)  # "bans fishing in the sea": where
            maker = self.claims.maker(tok) if cand.sense.type == "REJECT" else None
            if maker is not None and (src is None or maker.i != src.i):
                tgt = maker  # "X alleged …, charges Y denied": Y rejects X's charges
            return _Heads(tok, src, tgt, self.w.base["verb"])
        type_ = cand.sense.type or ""
        anchor = cand.light if cand.light is not None else tok
        src, tgt, standalone = self.args.noun_args(tok, type_, cand.light)
        asked = answerer(tok, type_, self.g, self.lex)  # "Officials have not responded to BLA’s demands"
        if asked is not None:
            standalone = None  # "the regime heeded the ultimatum": who answers it did not make it
            if tgt is None and (src is not None or tok.lemma_.lower() not in self.lex.weak_nouns):
                tgt = asked
        if cand.occurs is not None and src is None:
            src = self.args.between(cand.occurs)  # "clashes broke out between police and protesters"
        if cand.occurs is not None and tgt is None and self.g.lemma(cand.occurs) in self.lex.toll_verbs:
            victim = self.g.patient(cand.occurs)  # "suicide bombings killed 18 people"
            tgt = victim if victim is not None and self.args.is_actorish(victim) else None
        confidence = self.w.base["noun_light" if cand.light is not None else "noun"]
        # an event only seen or witnessed ("we are about to witness a demonstration") is bare, as a lone noun
        seen = cand.light is not None and self.g.lemma(cand.light) in self.lex.observer_lights
        if src is None and tgt is None and (cand.light is None or seen) and cand.occurs is None:
            if tok.lemma_.lower() in self.lex.weak_nouns:
                return None
            confidence = self.w.base["noun_bare"]
        types = {i: c.sense.type or "" for i, c in st.cands.items() if not c.noun}
        if standalone is not None and self.ended.asked_to_end(tok, types):
            standalone = None  # "The envoy called for an end to the war in Mali": the envoy does not fight it
        if src is None and standalone is not None:
            src = standalone
            confidence -= self.w.penalty["standalone_source"]
        if tgt is None and cand.content:
            tgt = self.args.content_target(tok, cand, type_, {src.i} if src is not None else set())
        struck = None
        if tgt is None and cand.light is not None:
            tgt = struck = self.args.struck(tok, cand.light, type_)  # "launched an attack on a military base"
        if cand.occurs is not None:
            anchor, confidence = cand.occurs, max(confidence, self.w.base["noun_occurs"])
        elif cand.light is None:
            anchor = self.g.clause_verb(tok) or anchor
        return _Heads(anchor, src, tgt, confidence, struck is not None)

    def _resolve(self, st: DocState, d: Draft, heads: _Heads, mood: Mood, cand_noun: bool) -> None:
        """Resolve the argument heads into actors; a reported pronoun subject gives way to the reporter."""
        doc = st.doc
        sources = self.actors.resolve(doc, heads.source, st.group_cache)
        exclude = {a.head for a in sources}
        targets = self.targets.targets(doc, heads.target, d.type, d.mode, st.group_cache)
        src_keys = {a.entity or a.text.lower() for a in sources}
        d.targets = [
            t for t in targets if t.head not in exclude and (t.entity or t.text.lower()) not in src_keys
        ]
        src_tok = heads.source
        if (
            mood.reporter is not None
            and ((src_tok is None and not cand_noun) or (src_tok is not None and is_pronoun(src_tok)))
            and not self.g.is_passive(heads.anchor)
            and (not sources or all(is_pronoun(doc[a.head]) for a in sources))
        ):
            rep_src = self.g.agent(mood.reporter)
            if rep_src is not None and (src_tok is None or self.actors.may_refer(src_tok, rep_src)):
                sources = self.actors.resolve(doc, rep_src, st.group_cache) or sources
                for a in sources:  # "“We …,” the minister said": his side (`resolve` gives distinct actors)
                    side = first_person_side(src_tok, a.entity) if src_tok is not None else None
                    a.entity, a.text = (side.id, side.name) if side is not None else (a.entity, a.text)
        d.sources = st.speak(sources)
        mine = {a.entity for a in d.sources if a.entity}  # "we will unify our party": on one's own side
        targets = [t for t in st.speak(d.targets) if t.owner is None or t.owner not in mine]
        d.targets = speakers_own(doc, d.sources, targets)  # "“We …,” the spokesperson said": one side

    def _retype(self, st: DocState, cand: Candidate, d: Draft, source: Token | None) -> bool:
        """Re-type harm in a protest or by a crowd as a violent protest; False when the event has no doer."""
        doc, tok = st.doc, cand.tok
        if d.type == "ASSAULT" and not d.sources and not cand.noun and self.g.is_passive(tok):
            # "were injured in Saturday's protests": harm suffered in a protest is part of the protest
            for _, pobj in self.g.prep_objects(tok, ("in", "during", "at")):
                in_event = self.lex.nouns.get(pobj.lemma_.lower())
                if in_event is not None and in_event.type == "PROTEST":
                    d.type, d.mode, d.cameo = "PROTEST", "riot", "14"
        if d.type in ("ASSAULT", "COERCE") and any(
            doc[a.head].lemma_.lower() in self.lex.rioter_nouns for a in d.sources
        ):
            d.type, d.mode, d.cameo = "PROTEST", "riot", "14"  # violence by a crowd is a violent protest
        elif d.type == "COERCE" and any(
            doc[a.head].lemma_.lower() in self.lex.weapon_nouns for a in d.sources
        ):
            d.type, d.mode, d.cameo = "ASSAULT", None, "19"  # "warplanes destroyed …": destruction by weapons
        if self.thing_harm.no_event(doc, d.type, tok, d.sources, d.targets):
            return False  # "bridges have been destroyed": harm by no one to things only
        if d.type in self.lex.source_required and not d.sources:
            return False  # material cooperation and sanctions need who gives, withdraws or cuts
        by_source = d.type in self.lex.mover_senses or d.mode in self.lex.mover_senses
        if d.type in self.lex.political_types and not (
            any(is_political(doc, a.head, a.start, a.end, a.entity, self.lex) for a in self._parties(doc, d))
            or any(
                is_political(doc, a.head, a.start, a.end, a.entity, self.lex, False)
                for a in (d.targets if not by_source else ())
            )
        ):
            return False  # diplomacy, demands and threats involve political actors (a city is no party)
        if (
            not d.sources
            and not cand.noun
            and tok.dep_ == "advcl"
            and self.g.lemma(tok) in self.lex.harm_lemmas
        ):
            subj = next((c for c in self.g.kids(tok.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ == "NOUN" and not self.actors.is_actor(subj):
                return False  # "a gas cylinder exploded, killing five": no actor did it
        if not d.sources and not cand.noun and self._accident(tok):
            return False  # "fifteen people were killed when a fireworks warehouse exploded"
        if not cand.noun and self._crash_toll(tok):
            return False  # "the jet crashed into the sea, killing all 228 on board": the crash's toll
        if cand.sense.origin in WEAK_ORIGINS and not self._dictionary_actors(doc, d, tok):
            return False  # a verb coded by the dictionary's verb alone: two known actors, in the main clause
        if not cand.noun and source is not None and self._means(source):
            d.sources = []  # "the attack killed 25 people": the act, not its doer (`_means_subjects`)
        if not d.sources:
            if not cand.noun and cand.frame is None and self.g.lemma(tok) not in self.lex.verbs:
                return False
            d.confidence -= self.w.penalty["no_source"]
        return True

    def _thing_does(self, subject: Token | None, type_: str) -> bool:
        """Whether a verb's doer is a thing, not an actor, nor a weapon or a hazard that can do harm."""
        if subject is None or subject.pos_ != "NOUN" or type_ == "ASSAULT":
            return False
        low = subject.lemma_.lower()
        return (
            low not in self.lex.weapon_nouns
            and low not in self.lex.hazard_nouns
            and not self.actors.is_actor(subject)
        )

    def _accident(self, verb: Token) -> bool:
        """Whether harm came from an accident: a clause within the verb's ("when …", "as …") says a thing,
        no actor and no weapon, exploded, collapsed or caught fire."""
        for c in verb.subtree:
            if c.dep_ != "advcl" or self.g.lemma(c) not in self.lex.accident_verbs:
                continue
            subj = next((x for x in self.g.kids(c) if x.dep_ == "nsubj"), None)
            if (
                subj is not None
                and subj.pos_ == "NOUN"
                and subj.lemma_.lower() not in self.lex.weapon_nouns
                and not self.actors.is_actor(subj)
            ):
                return True
        return False

    def _crash_toll(self, verb: Token) -> bool:
        """Whether a harm verb is the toll of a crash: a participle or joined clause of a crash verb that has
        no object and whose subject is a thing, not a person or a munition ("the plane crashed, killing 12").
        A military aircraft that crashes had an accident too; "shells crashed into homes" is an attack."""
        if self.g.lemma(verb) not in self.lex.harm_lemmas or verb.dep_ not in ("advcl", "conj"):
            return False
        crash = verb.head
        if self.g.lemma(crash) not in self.lex.crash_verbs:
            return False
        if any(c.dep_ in ("dobj", "obj") for c in crash.children):
            return False  # "a bomber crashed his car into …": someone did it
        subj = next((c for c in crash.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (
            subj is not None
            and subj.pos_ in ("NOUN", "PROPN")
            and subj.ent_type_ not in ("PERSON", "NORP")
            and subj.lemma_.lower() not in self.lex.munition_nouns
        )

    def _parties(self, doc: Doc, d: Draft) -> list[Actor]:
        """Return the actors an event's political nature is judged by: its sources (else its targets), and
        the targets conjoined with a source ("local elders and government officials were meeting")."""
        if not d.sources:
            return d.targets
        heads = {a.head for a in d.sources}
        return d.sources + [
            t for t in d.targets if doc[t.head].dep_ == "conj" and doc[t.head].head.i in heads
        ]

    def _two_sided_main(self, d: Draft, tok: Token) -> bool:
        """Whether a draft has a source and a target and its verb is in the sentence's main clause."""
        return bool(d.sources and d.targets and self.g.is_main_clause(tok))

    def _dictionary_actors(self, doc: Doc, d: Draft, tok: Token) -> bool:
        """Whether an event coded by a dictionary verb alone has what PETRARCH asks of it: a source and a
        target, both political actors, in the sentence's main clause. Short of material conflict, a target
        first named with "a" is what the act made, not a party to it ("established a joint council",
        "approved a law"); "hits a demonstrator" harms one."""
        actors = d.sources + d.targets
        if not self._two_sided_main(d, tok):
            return False
        if d.type.lower() not in self.lex.material_conflict and any(
            doc[a.start].lower_ in ("a", "an") for a in d.targets
        ):
            return False
        return all(
            bool(a.entity) and is_political(doc, a.head, a.start, a.end, a.entity, self.lex) for a in actors
        )

    def _threat_mode(self, st: DocState, cand: Candidate, d: Draft) -> None:
        """Give a threat the mode of the action it threatens ("threatened to impose sanctions")."""
        if not cand.content or d.type != "THREATEN":
            return
        for i in cand.content:
            inner = st.cands.get(i)
            if inner is not None and inner.sense.type in _THREAT_CONTENT:
                if inner.sense.type == "COERCE" and inner.sense.mode:
                    d.mode = inner.sense.mode
                else:
                    d.mode = self.lex.threat_modes.get(inner.sense.type or "", d.mode or "")
                return

    def _intention(self, d: Draft, mood: Mood) -> Mood:
        """Code intended cooperation as AGREE (refused: REJECT) and intended material conflict as THREATEN.
        Other acts have no intent type: a request, a charge or a refusal its doer only wants or plans to
        make ("wanted to present details to the governments", "plans to urge") is not made, so possible;
        one in the future tense ("will investigate", "is going to ask") is announced, still to come: it
        keeps its type and takes the mode `intend` (its own mode kept in `act_mode`)."""
        if not mood.intended:
            return mood
        if self.forecasts.hedged(d.anchor if d.anchor is not None else d.tok):
            return replace(mood, intended=False, possible=True)  # "will probably oppose": a guess
        kind = d.type.lower()
        if (
            kind not in self.lex.cooperative
            and kind not in self.lex.material_conflict
            and self.mod.wished(d.anchor if d.anchor is not None else d.tok)
        ):
            d.confidence -= self.w.penalty["intended"]
            return replace(mood, intended=False, possible=True)
        if d.type.lower() in self.lex.cooperative:
            if d.negated:
                d.type, d.negated = "REJECT", False
            else:
                d.type = "AGREE"
            d.mode, d.cameo = "intend", "03" if d.type == "AGREE" else "12"
        elif d.type.lower() in self.lex.material_conflict:
            base_mode = d.mode if d.type == "COERCE" and d.mode else self.lex.threat_modes.get(d.type)
            d.type, d.mode, d.cameo = "THREATEN", base_mode, "13"
        elif d.type != "THREATEN" and self.forecasts.untensed(d.anchor if d.anchor is not None else d.tok):
            d.act_mode, d.mode = d.mode, "intend"  # "will investigate", "is going to ask": still to come
        d.confidence -= self.w.penalty["intended"]
        return mood

    def _score(self, st: DocState, cand: Candidate, d: Draft, mood: Mood) -> None:
        """Lower the confidence of uncertain and secondary events (see `event_confidence.json`)."""
        pen = self.w.penalty
        anchor = d.anchor if d.anchor is not None else d.tok
        tok = cand.tok
        if self.mod.conditional(anchor) or (not mood.intended and self.mod.rule_of_condition(anchor)):
            d.confidence -= pen["conditional"]  # "if …", "whether …", "if …, X is deported": a hypothetical
        elif mood.possible:
            d.confidence -= pen["possible"]
        elif self._asserted(cand) and self.mod.unestablished(anchor):
            d.confidence -= pen["unestablished"]  # "I believe my father was murdered": a belief, not a deed
        if not cand.noun and not d.sources and not d.targets:
            d.confidence -= pen["no_arguments"]
        if d.unresolved:
            d.confidence -= pen["unresolved_pronoun"]  # who "they" or "them" are is not known
        if d.type in self.lex.counterpart_types and not d.targets and _one_actor(st.doc, d):
            d.confidence -= pen["no_counterpart"]  # "X supported", "X agreed": with whom is not said
        if mood.intended and not d.targets and d.type in self.lex.intent_counterpart_types:
            d.confidence -= pen["intent_no_counterpart"]  # "X will cooperate": with whom is not said
        # "…, a charge that X rejected": the sentence's second statement, not a clause about a noun
        answer = d.type == "REJECT" and not cand.noun and self.claims.maker(tok) is not None
        if self.mod.embedded(anchor) and not answer:
            d.confidence -= pen["embedded"]
        elif self.mod.background(anchor):
            d.confidence -= pen["background"]
        if self.mod.inside_content(anchor, st.cands) and not answer:
            d.confidence -= pen["inside_content"]
        elif cand.noun and cand.light is None:
            d.confidence -= pen["prep_depth"] * max(0, self.g.prep_depth(tok) - 1)
            if tok.dep_ == "pobj" and tok.head.lower_ in self.lex.background_preps:
                d.confidence -= pen["background_prep"]  # "after clashes in …": a background event
        if self.mod.headline(self.g.sentence(tok)):
            d.confidence -= pen["headline"]
        if self.aggregates.aggregate(tok, anchor, cand.noun):
            d.ceiling = self.w.ceiling["aggregate"]  # "504 attacks last year", "routinely deny": no one act
        if cand.noun and not d.sources and not d.targets and definite_mention(tok, self.g):
            # "the operation was conducted with skill": a known event told again, no side (`_known_events`)
            d.confidence = min(d.confidence, self.w.ceiling["known_event"])
        d.confidence = max(self.w.floor, min(d.ceiling, d.confidence))

    def _asserted(self, cand: Candidate) -> bool:
        """Whether a trigger's clause asserts its event: a verb, a light verb's noun ("launched an attack")
        or a noun said to occur ("clashes broke out"). A noun the clause only names is presupposed ("he
        believed his client's arrest served as a warning": the arrest happened)."""
        if not cand.noun or cand.light is not None:
            return True
        return cand.occurs is not None and self.g.says_occurred(cand.occurs)

    def trigger_span(self, tok: Token, light: Token | None) -> tuple[int, int]:
        """Return the trigger's character span: the word, from its light verb, through its particle."""
        start, end = tok.idx, tok.idx + len(tok.text)
        pair = self.g.hyphen_word(tok) if self.g.noun_lemma(tok) != tok.lemma_.lower() else None
        if pair is not None:  # "walk-out": the hyphenated word, whole
            start, end = min(start, pair[0].idx), max(end, pair[1].idx + len(pair[1].text))
        if light is not None and 0 < tok.i - light.i <= 6:
            start = light.idx
        for c in self.g.kids(tok):
            if c.dep_ == "prt" and 0 < c.i - tok.i <= 3:
                end = max(end, c.idx + len(c.text))
        return start, end


def _one_actor(doc: Doc, d: Draft) -> bool:
    """Whether an event's source is one actor, not several ("Hungary and Romania", "the two sides")."""
    return len(d.sources) == 1 and doc[d.sources[0].head].tag_ not in ("NNS", "NNPS")


def _lost_pronoun(head: Token | None, actors: list[Actor]) -> bool:
    """Whether an argument is a personal pronoun that resolved to no actor ("asked them to …")."""
    return head is not None and not actors and head.tag_ == "PRP" and head.dep_ != "expl"


def doc_word(st: DocState, actor: Actor) -> str:
    """Return the lower-case word at an actor's head."""
    return st.doc[actor.head].lower_
