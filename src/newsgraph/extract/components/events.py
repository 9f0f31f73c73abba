"""The events component (`newsgraph_events`): who did what to whom, coded in PLOVER.

Reads the parse (`token.lemma_`, `token.dep_`, `token.pos_`, sentences), `doc.ents`, the entities of
the entities component (`get_entities`, `entity_at_token`, `entity_in_tokens`) and the quotes
(`get_quotes`); writes `get_events(doc)` and adds actor mentions and `GROUP` entities for generic
actors ("pro-government fighters", "protesters") through `new_entity` and `add_mention`.

How an event is coded (lexicons in `lexicons/plover_triggers.json`, `event_actors.json`):

* **Triggers** are verbs keyed on lemma plus dependency frame ("recall" + ambassador -> SANCTION,
  "lift" + ban -> CONCEDE) and event nouns ("talks", "offensives", "pullout", "siege"). A noun that
  is the object of a light verb ("launched offensives", "conducted operations") takes the verb's
  subject as its source; a noun that is the object of an event verb is its content, not a second
  event ("agreed to mediation").
* **Modality**: a reporting verb is not an event, its complement clause is coded ("said that …");
  a clause under "will", "plan to", "prepared to" is intended: cooperation becomes AGREE and
  material conflict THREATEN (mode `intend`, or the threat's mode); verbs such as "agree",
  "threaten", "refuse", "demand" absorb their complement; "X said Y must …" is a REQUEST of X to Y;
  negated events keep their type with `negated` set.
* **Actors** come from the trigger's arguments, passive-aware ("were attacked by"), across
  conjunctions, relative and participle clauses; conjoined actors are compound actors and
  reciprocal events ("X and Y met") have both sides.
* **Magnitudes** (`dead`, `injured`, `size`) come from the numbers counting the victims and the
  crowd; **place** and **time** from the trigger's locative phrase or the sentence's GPE/LOC and
  DATE/TIME names, kept as text (`place_text`, `time_text`); `link_events` sets their ids once the
  times and places components have run.
* **Precision**: harm words in a sentence about a flood, an earthquake or a crash, and conflict
  words in a sports report, yield no event; at most `max_per_sentence` events a sentence.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components._events_actors import Actor, ActorFinder, number_of, parse_number
from newsgraph.extract.components._events_lexicon import Frame, Lexicon, Sense, load_lexicon
from newsgraph.extract.extensions import (
    doc_text,
    entity_by_id,
    get_events,
    get_places,
    get_quotes,
    get_times,
    set_extensions,
)
from newsgraph.extract.spans import write_spans
from newsgraph.models import Entity, Event, Trigger

LOGGER = logging.getLogger(__name__)

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJ = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp", "relcl", "acl"})
_MAX_SENT_TOKENS = 150
_MAX_CANDIDATES = 2000
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_COMPOUND_HEADS = frozenset(
    {"mission", "effort", "process", "bid", "initiative", "drive", "campaign", "plan"}
)
_VERBAL_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
_SCORE = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,%])")
_BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "amid", "during", "despite", "until"})
_NEUTRAL_PARTICLES = frozenset({"back", "on", "away", "around", "in", "again"})
_BACKGROUND_MARKS = frozenset(
    {
        "after",
        "before",
        "until",
        "while",
        "as",
        "since",
        "when",
        "because",
        "although",
        "though",
        "once",
        "whereas",
    }
)
_TIME_LABELS = frozenset({"DATE", "TIME"})
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "on", "into", "from"}
)
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "force",
        "compel",
        "allow",
        "permit",
        "persuade",
        "convince",
        "encourage",
        "call",
        "invite",
        "press",
        "help",
        "tell",
        "instruct",
        "direct",
        "request",
        "implore",
        "exhort",
        "demand",
    }
)
_QUANTIFIER_NOUNS = frozenset(
    {
        "series",
        "wave",
        "spate",
        "string",
        "round",
        "number",
        "lot",
        "couple",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "night",
        "nights",
        "rounds",
        "host",
        "flurry",
        "barrage",
        "volley",
        "campaign",
        "resumption",
        "start",
        "end",
        "outcome",
        "result",
        "collapse",
        "failure",
        "success",
        "part",
        "stage",
        "phase",
        "progress",
        "course",
        "process",
        "kind",
        "type",
        "sort",
        "form",
        "wake",
    }
)


@dataclass(slots=True)
class _Candidate:
    """A trigger under consideration."""

    tok: Token
    sense: Sense
    noun: bool
    frame: Frame | None = None
    light: Token | None = None
    absorbed_by: int | None = None
    content: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Draft:
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


class EventCoder:
    """Code PLOVER events in a parsed Doc (see the module docstring)."""

    def __init__(self, nlp: Language, max_per_sentence: int = 4, min_confidence: float = 0.3) -> None:
        self.lex: Lexicon = load_lexicon()
        self.actors = ActorFinder(self.lex)
        self.max_per_sentence = max_per_sentence
        self.min_confidence = min_confidence
        self.matcher = Matcher(nlp.vocab)
        known = self.lex.trigger_lemmas | self.lex.reporting | self.lex.light_verbs
        known |= self.lex.intent_only | self.lex.attempt_heads
        self.known_verbs = frozenset(k.split()[0] for k in known)
        self.forms = _inflections(self.known_verbs)
        verb_lemmas = sorted(self.lex.trigger_lemmas | self.lex.reporting)
        self.matcher.add("VERB", [[{"LEMMA": {"IN": verb_lemmas}, "POS": {"IN": ["VERB", "AUX"]}}]])
        forms = sorted(f for f, lemma in self.forms.items() if lemma in set(verb_lemmas))
        self.matcher.add("VERB", [[{"LOWER": {"IN": forms}, "POS": {"IN": ["VERB", "AUX"]}}]])
        self.matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(self.lex.noun_lemmas)}, "POS": "NOUN"}]])
        self.matcher.add(
            "ADJ",
            [
                [
                    {
                        "LOWER": {"IN": ["committed", "prepared", "ready", "willing"]},
                        "POS": {"IN": ["ADJ", "VERB"]},
                    }
                ]
            ],
        )

    def lemma(self, tok: Token) -> str:
        """Return a token's lemma, repairing the lemmatizer's misses on known verbs ("staged" -> "stage")."""
        lemma = tok.lemma_.lower()
        if lemma in self.known_verbs or tok.pos_ not in ("VERB", "AUX"):
            return lemma
        return self.forms.get(tok.lower_, lemma)

    def __call__(self, doc: Doc) -> Doc:
        """Code the doc's events into `get_events(doc)`."""
        self._run(doc)
        return write_spans(doc, "newsgraph_events", "newsgraph_entities")

    # -- main loop -----------------------------------------------------------------------------------

    def _run(self, doc: Doc) -> None:
        if not doc.has_annotation("DEP"):
            return
        events = get_events(doc)
        matches = self.matcher(doc)
        if not matches:
            return
        sent_starts = [s.start for s in doc.sents]
        sents = list(doc.sents)
        quote_spans = [(q.start, q.end, q.speaker) for q in get_quotes(doc) if q.kind in ("direct", "mixed")]
        cands: dict[int, _Candidate] = {}
        reporters: list[Token] = []
        vocab = doc.vocab.strings
        for match_id, start, _end in matches[:_MAX_CANDIDATES]:
            tok = doc[start]
            if len(tok.sent) > _MAX_SENT_TOKENS:
                continue
            label = vocab[match_id]
            if label == "VERB":
                if tok.i in cands:
                    continue
                if self.lemma(tok) in self.lex.reporting:
                    reporters.append(tok)
                got = self._classify_verb(tok)
                if got is not None:
                    sense, frame = got
                    cands[tok.i] = _Candidate(tok, sense, noun=False, frame=frame)
            elif label == "ADJ":
                if tok.lower_ == "committed" and any(
                    c.dep_ in ("xcomp", "prep") and (c.dep_ == "xcomp" or c.lower_ == "to")
                    for c in tok.children
                ):
                    cands[tok.i] = _Candidate(tok, Sense("AGREE", None, "03"), noun=False)
            elif tok.i not in cands:
                sense_n = self._classify_noun(tok)
                if sense_n is not None:
                    cands[tok.i] = _Candidate(tok, sense_n, noun=True)
        drafts: list[_Draft] = []
        group_cache: dict[str, Entity] = {}
        pairs: list[list[Actor]] = []
        light_owner: dict[int, int] = {}
        for cand in sorted(cands.values(), key=lambda c: (not c.noun, c.tok.i)):
            self._attach(cand, cands, light_owner)
        for rep in reporters:
            draft = self._obligation(doc, rep, cands, sent_starts, group_cache)
            if draft is None and self.lemma(rep) in ("warn", "caution"):
                draft = self._warning(doc, rep, cands, sent_starts, group_cache)
            if draft is not None:
                drafts.append(draft)
        for cand in sorted(cands.values(), key=lambda c: c.tok.i):
            if cand.absorbed_by is not None:
                continue
            draft = self._draft(doc, cand, cands, sent_starts, group_cache, pairs)
            if draft is not None:
                drafts.append(draft)
        drafts = self._filter(doc, drafts, sents)
        drafts = self._merge(drafts)
        ents_by_sent: dict[int, list[Span]] = {}
        for ent in doc.ents:
            ents_by_sent.setdefault(bisect_right(sent_starts, ent.start) - 1, []).append(ent)
        sent_words: dict[int, set[str]] = {}
        for d in drafts:
            words = sent_words.get(d.sent)
            if words is None:
                words = sent_words[d.sent] = {t.lemma_.lower() for t in sents[d.sent]}
            d.context = [name for name, cues in self.lex.contexts.items() if words & cues][:2]
            self._magnitudes(d)
            self._where_when(d, ents_by_sent.get(d.sent, []))
            for qs, qe, speaker in quote_spans:
                if qs <= d.tok.idx < qe:
                    d.confidence *= 0.9
                    if speaker:
                        for a in d.sources:
                            if a.entity is None and doc[a.head].lower_ in ("we", "our", "us", "i"):
                                a.entity = speaker
        kept = self._cap(drafts)
        n = len(events)
        text = doc_text(doc)
        for d in kept:
            n += 1
            events.append(self._to_event(d, f"v{n}", text))

    # -- classification ------------------------------------------------------------------------------

    def _classify_verb(self, tok: Token) -> tuple[Sense, Frame | None] | None:
        lemma = self.lemma(tok)
        if tok.dep_ in ("amod", "compound", "nmod"):
            return None
        if tok.tag_ == "VBN" and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN" and tok.dep_ != "ROOT":
            return None  # "pledged delegates": a participle used as an adjective
        prts = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        preps = [c.lower_ for c in tok.children if c.dep_ == "prep"]
        keys = [f"{lemma} {p}" for p in prts] + [f"{lemma} {p}" for p in preps] + [lemma]
        obj = self._object(tok)
        obj_lemmas: set[str] = set()
        if obj is not None:
            obj_lemmas.add(obj.lemma_.lower())
            obj_lemmas.add(obj.lower_)
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj_lemmas.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
                elif c.dep_ == "compound":
                    obj_lemmas.add(c.lemma_.lower())
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("as", "on"):
                obj_lemmas.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        subj_lemma = subj.lemma_.lower() if subj is not None else None
        if subj is not None and subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subj_lemma = tok.head.lemma_.lower()
        for key in keys:
            for frame in self.lex.frames.get(key, ()):
                if "*" in frame.obj:
                    if not any(c.dep_ in ("dobj", "obj", "ccomp") for c in tok.children):
                        continue
                elif frame.obj and not (frame.obj & obj_lemmas):
                    continue
                if frame.obj_ent and (obj is None or obj.ent_type_ not in frame.obj_ent):
                    continue
                if frame.subj and subj_lemma not in frame.subj:
                    continue
                if frame.prep and not (frame.prep & set(preps)):
                    continue
                if frame.prt and not (frame.prt & set(prts)):
                    continue
                if frame.sense.type is None:
                    return None
                return frame.sense, frame
        for key in keys:
            sense = self.lex.verbs.get(key)
            if sense is not None:
                if key == lemma and prts and not set(prts) <= _NEUTRAL_PARTICLES:
                    return None  # "struck down", "carried out": a particle that changes the verb
                return sense, None
        absorbing = self.lex.absorbing.get(lemma)
        if absorbing is not None:
            spec = self.lex.absorbing_frames.get(lemma, {})
            if self._absorbing_ok(tok, spec, preps):
                return Sense(absorbing, None, self.lex.cameo_by_type.get(absorbing)), None
        return None

    def _absorbing_ok(self, tok: Token, spec: dict[str, object], preps: list[str]) -> bool:
        """Whether an absorbing verb has what makes it an event ("asked X to …", "called for …")."""
        need = spec.get("needs")
        prep_req = spec.get("prep")
        prep_ok = isinstance(prep_req, list) and bool(set(prep_req) & set(preps))
        has_xcomp = any(
            c.dep_ == "xcomp"
            or (
                c.dep_ == "ccomp"
                and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
            )
            for c in tok.children
        )
        has_obj = any(c.dep_ in ("dobj", "dative") for c in tok.children)
        if need is None:
            return prep_ok or not isinstance(prep_req, list)
        if need == "xcomp":
            return has_xcomp or prep_ok
        if need == "xcomp_or_object":
            return has_xcomp or has_obj or prep_ok
        if need == "prep_from":
            return "from" in preps
        return need != "frame"

    def _object(self, tok: Token) -> Token | None:
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        for c in tok.children:
            if passive and c.dep_ == "nsubjpass":
                return c
            if c.dep_ in ("dobj", "obj"):
                return c
        if not passive:
            for c in tok.children:
                if c.dep_ == "prep":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p
        return None

    def _classify_noun(self, tok: Token) -> Sense | None:
        lemma = tok.lemma_.lower()
        sense = self.lex.nouns.get(lemma)
        if sense is None:
            return None
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in _COMPOUND_HEADS:
            return None
        if not tok.is_lower and tok.i != tok.sent.start:
            return None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        mods |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        blockers = self.lex.noun_blockers.get(lemma)
        if blockers and mods & blockers:
            return None
        chosen: Sense | None = None
        for mod in self.lex.noun_mods.get(lemma, ()):
            if mods & mod.mods:
                chosen = mod.sense
                break
        context = self.lex.noun_context.get(lemma)
        violent = self.lex.noun_violent_context.get(lemma)
        if chosen is None and (context is not None or violent is not None):
            words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
            words.discard(lemma)
            if violent is not None and words & violent and not (context is not None and words & context):
                return Sense("ASSAULT", "air", self.lex.cameo_by_type.get("ASSAULT"))
            if context is not None and not words & context:
                return None
        return chosen or sense

    # -- structure -----------------------------------------------------------------------------------

    def _governor(self, tok: Token) -> Token | None:
        """Return the verb or adjective whose complement `tok`'s clause is, if any."""
        cur = tok
        for _ in range(4):
            dep = cur.dep_
            if dep in ("xcomp", "ccomp"):
                return cur.head
            if dep == "pcomp" and cur.head.dep_ == "prep":
                return cur.head.head
            if dep == "conj" and cur.head.i != cur.i:
                cur = cur.head
                continue
            return None
        return None

    def _noun_slot(self, tok: Token) -> tuple[Token, str, Token | None]:
        """Climb from an event noun through quantifier nouns; return (noun position, dep, governing word)."""
        cur = tok.head if tok.dep_ == "compound" else tok
        for _ in range(4):
            head = cur.head
            if cur.dep_ == "conj" and head.i != cur.i:
                cur = head
                continue
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
                owner = head.head
                if owner.lemma_.lower() in _QUANTIFIER_NOUNS or owner.like_num or owner.pos_ == "NUM":
                    cur = owner
                    continue
            break
        return cur, cur.dep_, cur.head if cur.head.i != cur.i else None

    def _attach(self, cand: _Candidate, cands: dict[int, _Candidate], light_owner: dict[int, int]) -> None:
        """Mark a candidate absorbed by the event it is the content of, or note its light verb."""
        tok = cand.tok
        if cand.noun:
            pos, dep, gov = self._noun_slot(tok)
            if gov is None:
                return
            owner = cands.get(gov.i)
            if dep in _OBJ or dep == "nsubjpass":
                light_only = self._is_light(gov) and owner is not None and owner.frame is None
                if (
                    owner is not None
                    and not owner.noun
                    and not (light_only and owner.sense.type not in ("CONSULT", "AGREE"))
                ):
                    cand.absorbed_by = gov.i
                    owner.content.append(tok.i)
                    return
                if self._is_light(gov):
                    cand.light = gov
                    light_owner.setdefault(gov.i, tok.i)
                    up = self._governor(gov)
                    up_owner = cands.get(up.i) if up is not None else None
                    if (
                        up is not None
                        and up_owner is not None
                        and (self.lemma(up) in self.lex.absorbing or up.lower_ == "committed")
                    ):
                        cand.absorbed_by = up.i
                        up_owner.content.append(tok.i)
                    else:
                        self._absorb_purpose(cand, gov, cands, light_owner)
                return
            if dep == "nsubj" and owner is not None and not owner.noun and pos.i == tok.i:
                cand.absorbed_by = gov.i
                owner.content.append(tok.i)
                return
            if dep == "pobj" and gov.dep_ == "prep":
                owner_tok = gov.head
                owner = cands.get(owner_tok.i)
                if owner is None and gov.lower_ in ("on", "into", "in") and self._is_light(owner_tok):
                    cand.light = owner_tok  # "went on strike", "entered into talks"
                    light_owner.setdefault(owner_tok.i, tok.i)
                    return
                if owner is not None and (
                    (owner.tok.i != tok.i and not owner.noun)
                    or (owner.noun and gov.lower_ in ("for", "of", "to", "on"))
                ):
                    cand.absorbed_by = owner_tok.i
                    owner.content.append(tok.i)
            return
        gov = self._governor(tok)
        if gov is not None:
            owner = cands.get(gov.i)
            if owner is not None and (self.lemma(gov) in self.lex.absorbing or gov.lower_ == "committed"):
                cand.absorbed_by = gov.i
                owner.content.append(tok.i)
                return
        self._absorb_purpose(cand, tok, cands, light_owner)

    def _absorb_purpose(
        self, cand: _Candidate, clause: Token, cands: dict[int, _Candidate], light_owner: dict[int, int]
    ) -> None:
        """Absorb a purpose clause ("… to demand reforms", "…, calling for …") into the event it serves."""
        if clause.dep_ != "advcl" or clause.head.i == clause.i:
            return
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        participle = clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in clause.children)
        if not infinitive and not (participle and cand.sense.type in _VERBAL_TYPES):
            return
        head = clause.head
        owner = cands.get(head.i)
        if owner is None and head.i in light_owner:
            owner = cands.get(light_owner[head.i])
        if owner is None or owner is cand or owner.absorbed_by is not None:
            return
        cand.absorbed_by = owner.tok.i
        owner.content.append(cand.tok.i)

    def _is_light(self, verb: Token) -> bool:
        lemma = self.lemma(verb)
        if lemma in self.lex.light_verbs:
            return True
        return any(f"{lemma} {c.lower_}" in self.lex.light_verbs for c in verb.children if c.dep_ == "prt")

    def _is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"
        )

    def _agent(self, verb: Token, depth: int = 0) -> Token | None:
        """Return the head of the doer of a verb, climbing through control, conjunction and clauses."""
        if depth > 5:
            return None
        passive = self._is_passive(verb)
        for c in verb.children:
            if not passive and c.dep_ in ("nsubj", "csubj"):
                return c
            if passive and c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if passive:
            if verb.dep_ == "conj" and verb.head.i != verb.i:
                return self._agent(verb.head, depth + 1) if self._is_passive(verb.head) else None
            return None
        if verb.dep_ == "conj" and self._is_passive(verb.head):
            # "The group is believed to control … and has laid siege …": the shared subject
            shared = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return shared
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:
            return None
        if dep == "xcomp":
            if self.lemma(head) in _OBJECT_CONTROL:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:
                    return obj
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None:
                            return pobj
            return self._agent(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":
            return self._agent(head.head, depth + 1)
        if dep in ("acomp",):
            return self._agent(head, depth + 1)
        if dep == "conj":
            return self._agent(head, depth + 1)
        if dep == "advcl" and (
            verb.tag_ in ("VBG", "VB") or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return self._agent(head, depth + 1)
        if dep == "relcl" or (dep == "acl" and verb.tag_ == "VBG"):
            return head
        if head.pos_ in ("ADJ",) and dep in ("xcomp", "prep"):
            return self._agent(head, depth + 1)
        return None

    def _patient(self, verb: Token) -> Token | None:
        passive = self._is_passive(verb)
        for c in verb.children:
            if passive and c.dep_ == "nsubjpass":
                if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return verb.head
                return c
            if not passive and c.dep_ in ("dobj", "obj"):
                return c
        if passive and verb.dep_ in ("relcl", "acl"):
            return verb.head
        if passive and verb.dep_ == "conj":
            return self._patient(verb.head)
        return None

    def _is_actorish(self, tok: Token) -> bool:
        if (tok.like_num or tok.lemma_.lower() in self.lex.number_words) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
        ):
            return True
        if tok.ent_type_ in _NOT_ACTOR_LABELS or tok.dep_ == "npadvmod":
            return False
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        low = tok.lemma_.lower()
        if low in self.lex.non_actor_heads:
            return False
        if tok.pos_ == "PRON":
            return tok.lower_ in self.lex.pronouns
        if low == "state" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False  # "state of emergency"
        if low in self.lex.sector_nouns or low in self.lex.victim_nouns:
            return True
        return (tok.like_num or low in self.lex.number_words) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
        )

    def _target_head(self, tok: Token | None, exclude: set[int]) -> Token | None:
        """Return the actor a theme or complement noun points at ("Iraqi towns", "computers of X"), if any."""
        if tok is None or tok.i in exclude or tok.ent_type_ in _NOT_ACTOR_LABELS:
            return None
        if self._is_actorish(tok) or tok.ent_type_ in _PLACE_LABELS:
            return tok
        if tok.pos_ != "NOUN":
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "by"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if (
                    pobj is not None
                    and pobj.i not in exclude
                    and (self._is_actorish(pobj) or pobj.ent_type_ in _PLACE_LABELS)
                ):
                    return pobj
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss") and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.lower_ in self.lex.demonyms
            ):
                return tok
        return None

    def _prep_target(self, tok: Token, type_: str, exclude: set[int]) -> Token | None:
        preps = self.lex.target_preps.get(type_, ()) + self.lex.target_preps["_default"]
        best: Token | None = None
        best_rank = 99
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > tok.i:
                rank = preps.index(c.lower_)
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if (
                    pobj is not None
                    and pobj.i not in exclude
                    and self._is_actorish(pobj)
                    and rank < best_rank
                ):
                    best, best_rank = pobj, rank
        return best

    # -- drafting ------------------------------------------------------------------------------------

    def _modality(self, tok: Token, anchor: Token) -> tuple[bool, bool, bool, Token | None]:
        """Return (negated, intended, possible, reporter) for a trigger anchored at a clause verb."""
        negated = intended = possible = False
        reporter: Token | None = None
        clause = anchor
        chain = [clause]
        if clause.dep_ == "conj" and clause.head.i != clause.i:
            chain.append(clause.head)
        for verb in chain:
            for c in verb.children:
                low = c.lower_
                if verb is clause and (c.dep_ == "neg" or (c.dep_ == "advmod" and low == "never")):
                    negated = True
                if c.dep_ in ("aux", "auxpass"):
                    if low in self.lex.future_aux:
                        intended = True
                    elif low in self.lex.modal_aux:
                        possible = True
        if tok is not anchor:
            for c in tok.children:
                if c.dep_ == "det" and c.lower_ in ("no",):
                    negated = True
        gov = self._governor(clause)
        if gov is not None:
            glow = self.lemma(gov)
            if glow in self.lex.intent_only or gov.lower_ in self.lex.intent_only:
                intended = True
                if any(c.dep_ == "neg" for c in gov.children):
                    negated = True
                for c in gov.children:
                    if c.dep_ in ("aux",) and c.lower_ in self.lex.future_aux:
                        intended = True
            elif glow in self.lex.attempt_heads and (
                any(c.dep_ == "neg" for c in gov.children) or glow == "fail"
            ):
                negated = True
            if glow in self.lex.reporting:
                reporter = gov
            elif gov.pos_ in ("AUX", "ADJ") or glow in self.lex.intent_only:
                up = self._governor(gov)
                if up is not None and self.lemma(up) in self.lex.reporting:
                    reporter = up
        return negated, intended, possible, reporter

    def _draft(
        self,
        doc: Doc,
        cand: _Candidate,
        cands: dict[int, _Candidate],
        sent_starts: list[int],
        group_cache: dict[str, Entity],
        pairs: list[list[Actor]],
    ) -> _Draft | None:
        tok = cand.tok
        sense = cand.sense
        if sense.type is None:
            return None
        type_: str = sense.type
        mode = sense.mode
        cameo = sense.cameo
        sent = bisect_right(sent_starts, tok.i) - 1
        confidence = 0.85
        sources: list[Actor] = []
        targets: list[Actor] = []
        anchor = tok
        if cand.noun:
            anchor = cand.light if cand.light is not None else tok
            src_tok, tgt_tok, standalone_src = self._noun_args(tok, type_, cand.light)
            confidence = 0.8 if cand.light is not None else 0.6
            if src_tok is None and tgt_tok is None and cand.light is None:
                if tok.lemma_.lower() in self.lex.weak_nouns:
                    return None
                confidence = 0.5
            if src_tok is None and standalone_src is not None:
                src_tok = standalone_src
                confidence -= 0.1
            if tgt_tok is None and cand.content:
                excl = {src_tok.i} if src_tok is not None else set()
                tgt_tok = self._content_target(tok, cand, type_, excl)
            if cand.light is None:
                clause = self._clause_verb(tok)
                if clause is not None:
                    anchor = clause
        else:
            src_tok, tgt_tok = self._verb_args(cand, cands)
        negated, intended, possible, reporter = self._modality(tok, anchor)
        if cand.noun and cand.light is None:
            intended = possible = False
            negated = any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
        if src_tok is not None and src_tok.lemma_.lower() in self.lex.hazard_nouns:
            return None  # "the storm forced the evacuation …": a hazard is no actor
        sources = self.actors.resolve(doc, src_tok, group_cache)
        exclude = {a.head for a in sources}
        targets = self.actors.resolve(doc, tgt_tok, group_cache) if tgt_tok is not None else []
        src_keys = {a.entity or a.text.lower() for a in sources}
        targets = [
            t for t in targets if t.head not in exclude and (t.entity or t.text.lower()) not in src_keys
        ]
        if (
            reporter is not None
            and (src_tok is None or src_tok.pos_ == "PRON")
            and not self._is_passive(anchor)
            and (not sources or all(doc[a.head].pos_ == "PRON" for a in sources))
        ):
            rep_src = self._agent(reporter)
            if rep_src is not None:
                sources = self.actors.resolve(doc, rep_src, group_cache) or sources
        if type_ == "ASSAULT" and not sources and not cand.noun and self._is_passive(tok):
            # "were injured in Saturday's protests": harm suffered in a protest is part of the protest
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "at"):
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    in_event = self.lex.nouns.get(pobj.lemma_.lower()) if pobj is not None else None
                    if in_event is not None and in_event.type == "PROTEST":
                        type_, mode, cameo = "PROTEST", "riot", "14"
        if type_ in ("ASSAULT", "COERCE") and any(
            doc[a.head].lemma_.lower() in self.lex.rioter_nouns for a in sources
        ):
            type_, mode, cameo = "PROTEST", "riot", "14"  # violence by a crowd is a violent protest
        if not sources and not cand.noun and tok.dep_ == "advcl" and self.lemma(tok) in self.lex.harm_lemmas:
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ == "NOUN" and not self.actors.is_actor(subj):
                return None  # "a gas cylinder exploded, killing five": no actor did it
        if not sources:
            if not cand.noun and cand.frame is None and self.lemma(tok) not in self.lex.verbs:
                return None
            confidence -= 0.15
        if type_ in self.lex.reciprocal_types and not targets and len(sources) > 1:
            targets = sources[1:]
            sources = sources[:1]
        sides = (
            len(sources) == 1
            and sources[0].entity is None
            and (
                doc[sources[0].head].lemma_.lower() == "side"
                or (doc[sources[0].head].lower_ in ("they", "we") and type_ in self.lex.reciprocal_types)
            )
        )
        if sides and pairs:
            # "the two sides", "both sides": the two parties of the last two-sided event
            pair = [
                Actor(sources[0].head, sources[0].start, sources[0].end, a.text, a.entity) for a in pairs[-1]
            ]
            if type_ in self.lex.reciprocal_types and not targets:
                sources, targets = pair[:1], pair[1:]
            else:
                sources = pair
        elif (
            type_ in self.lex.reciprocal_types
            and sources
            and targets
            and all(a.entity for a in sources + targets)
        ):
            pairs.append(sources + targets)
        if cand.content and type_ == "THREATEN":
            for i in cand.content:
                inner = cands.get(i)
                if inner is not None and inner.sense.type in (
                    "ASSAULT",
                    "COERCE",
                    "SANCTION",
                    "MOBILIZE",
                    "PROTEST",
                ):
                    mode = (
                        inner.sense.mode
                        if inner.sense.type == "COERCE" and inner.sense.mode
                        else (self.lex.threat_modes.get(inner.sense.type or "", mode or ""))
                    )
                    break
        if intended:
            if type_.lower() in self.lex.cooperative:
                if negated:
                    type_, negated = "REJECT", False
                else:
                    type_ = "AGREE"
                mode, cameo = "intend", "03" if type_ == "AGREE" else "12"
            elif type_.lower() in self.lex.material_conflict:
                base_mode = mode if type_ == "COERCE" and mode else self.lex.threat_modes.get(type_)
                type_, mode, cameo = "THREATEN", base_mode, "13"
            confidence -= 0.05
        if possible or self._conditional(anchor):
            confidence -= 0.25
        if not cand.noun and not sources and not targets:
            confidence -= 0.3
        if self._embedded(anchor):
            confidence -= 0.4
        elif self._background(anchor):
            confidence -= 0.35
        if self._inside_content(anchor, cands):
            confidence -= 0.3
        elif cand.noun and cand.light is None:
            confidence -= 0.1 * max(0, self._prep_depth(tok) - 1)
            if tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND_PREPS:
                confidence -= 0.2  # "after clashes in …": a background event
        if self._headline(tok.sent):
            confidence -= 0.25
        start, end = self._trigger_span(tok, cand.light)
        return _Draft(
            type=type_,
            mode=mode,
            cameo=cameo,
            tok=tok,
            start=start,
            end=end,
            sent=sent,
            sources=sources,
            targets=targets,
            negated=negated,
            confidence=max(0.05, min(1.0, confidence)),
            anchor=anchor,
        )

    def _embedded(self, tok: Token) -> bool:
        """Whether a clause sits inside a noun phrase (relative clause, "the decision of sending …")."""
        cur = tok
        for _ in range(10):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ in ("relcl", "acl", "appos"):
                return True
            if (
                cur.dep_ in ("pcomp", "pobj")
                and cur.head.dep_ == "prep"
                and cur.head.head.pos_ in ("NOUN", "PROPN")
            ):
                return cur.pos_ in ("VERB", "AUX")
            if cur.dep_ in ("ROOT", "ccomp") and cur.pos_ in ("VERB", "AUX"):
                return False
            cur = cur.head
        return False

    def _headline(self, sent: Span) -> bool:
        """Whether a sentence is written in title case or capitals (a headline the parser handles badly)."""
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        if len(words) < 4:
            return False
        upper = sum(1 for t in words if t.text[0].isupper())
        return upper >= 0.8 * len(words)

    def _background(self, verb: Token) -> bool:
        """Whether a clause is a subordinate background clause ("after X alleged …", "as troops left")."""
        cur = verb
        for _ in range(4):
            if cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in cur.children
            ):
                return True
            if cur.dep_ not in ("conj", "xcomp", "acomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _inside_content(self, tok: Token, cands: dict[int, _Candidate]) -> bool:
        """Whether a clause sits inside another event's content ("must agree … before they demobilize")."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            owner = cands.get(cur.i)
            if owner is not None and owner.absorbed_by is not None:
                return True
        return False

    def _conditional(self, verb: Token) -> bool:
        cur = verb
        for _ in range(3):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
                return True
            if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _prep_depth(self, tok: Token) -> int:
        depth = 0
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            if cur.dep_ == "pobj":
                depth += 1
            cur = cur.head
        return depth

    def _clause_verb(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
                return cur
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _verb_args(self, cand: _Candidate, cands: dict[int, _Candidate]) -> tuple[Token | None, Token | None]:
        tok = cand.tok
        type_ = cand.sense.type or ""
        agent = self._agent(tok)
        if agent is None and tok.lower_ in ("committed", "prepared", "ready", "willing"):
            agent = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        head = tok.head
        if (
            type_ in _VERBAL_TYPES
            and tok.dep_ == "conj"
            and head.dep_ == "ccomp"
            and self.lemma(head.head) in self.lex.reporting
            and not any(c.dep_ in _SUBJ for c in tok.children)
        ):
            # "X said his group remained committed … but slammed …": a speech act joined to the
            # reported clause is the speaker's, not the reported subject's.
            agent = self._agent(head.head) or agent
        if tok.pos_ == "ADJ" or (tok.lower_ == "committed" and agent is None):
            agent = self._agent(tok.head) if tok.dep_ in ("acomp", "amod") else agent
        patient = self._patient(tok)
        exclude = {agent.i} if agent is not None else set()
        target: Token | None = None
        if patient is not None and self._is_actorish(patient):
            target = patient
        elif patient is not None:
            theme = patient
            target = self._prep_target(tok, type_, exclude) or self._prep_target(theme, type_, exclude)
            if target is None and theme.lemma_.lower() in self.lex.nouns:
                src, _tgt, _fb = self._noun_args(theme, type_, None)
                if src is not None and src.i not in exclude and self._is_actorish(src):
                    target = src
            if target is None:
                poss = next((c for c in theme.children if c.dep_ == "poss"), None)
                if poss is not None and poss.pos_ != "PRON" and self._is_actorish(poss):
                    target = poss
            if target is None:
                target = self._target_head(theme, exclude)
            if target is None:
                target = self._place_pobj(tok) or self._place_pobj(theme)
        else:
            target = self._prep_target(tok, type_, exclude)
            if target is None:
                for c in tok.children:
                    if (
                        c.dep_ == "prep"
                        and c.lower_ in ("into", "on", "against", "at", "to", "with")
                        and c.i > tok.i
                    ):
                        pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                        target = self._target_head(pobj, exclude)
                        if target is not None:
                            break
            if target is None and type_ in ("AID", "MOBILIZE"):
                target = self._place_pobj(tok)
        if type_ == "AID":
            dat = self._prep_target(tok, "AID", exclude)
            if dat is not None:
                target = dat
        if target is None:
            target = self._content_target(tok, cand, type_, exclude)
        if agent is None and type_ == "MOBILIZE" and target is not None and self._is_passive(tok):
            agent, target = target, None  # "troops were deployed": the force mobilizes
        return agent, target

    def _content_target(self, tok: Token, cand: _Candidate, type_: str, exclude: set[int]) -> Token | None:
        """Return the target an absorbing verb takes from its complement ("demanded that X …")."""
        complements = [
            c
            for c in tok.children
            if c.i not in exclude
            and (
                c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            )
        ]
        complements += [tok.doc[i] for i in cand.content if tok.doc[i] not in complements]
        for inner in complements:
            if inner.pos_ in ("VERB", "AUX", "ADJ"):
                subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if (
                    subj is not None
                    and inner.dep_ == "ccomp"
                    and subj.i not in exclude
                    and self._is_actorish(subj)
                    and subj.lower_ not in self.lex.pronouns
                ):
                    return subj
                pat = self._patient(inner)
                found = self._target_head(pat, exclude)
                if found is not None:
                    return found
                pt = self._prep_target(inner, type_, exclude)
                if pt is not None:
                    return pt
                if pat is not None:
                    pt = self._prep_target(pat, type_, exclude) or self._place_pobj(pat)
                    if pt is not None:
                        return pt
                for c in inner.children:
                    if c.dep_ == "prep":
                        pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                        if pobj is not None:
                            found = self._prep_target(pobj, "REQUEST", exclude) or self._target_head(
                                pobj, exclude
                            )
                            if found is not None and found.i != pobj.i:
                                return found
                place = self._place_pobj(inner)
                if place is not None:
                    return place
            elif inner.pos_ in ("NOUN", "PROPN"):
                src, tgt, _fb = self._noun_args(inner, type_, None)
                if type_ in ("AGREE", "SUPPORT") and src is not None and src.i not in exclude:
                    return src
                if tgt is not None and tgt.i not in exclude:
                    return tgt
                for c in inner.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None and self._is_actorish(pobj):
                            return pobj
                    if c.dep_ in ("acl", "ccomp", "relcl"):
                        subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
                        if (
                            subj is not None
                            and self._is_actorish(subj)
                            and subj.lower_ not in self.lex.pronouns
                        ):
                            return subj
                poss = next((c for c in inner.children if c.dep_ == "poss"), None)
                if poss is not None and self._is_actorish(poss) and poss.i not in exclude:
                    return poss
        return None

    def _place_pobj(self, tok: Token) -> Token | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "across", "to", "into"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in _PLACE_LABELS:
                        return p
        return None

    def _noun_args(
        self, tok: Token, type_: str, light: Token | None
    ) -> tuple[Token | None, Token | None, Token | None]:
        """Return (source, target, fallback source) heads for an event noun."""
        lemma = tok.lemma_.lower()
        source: Token | None = None
        target: Token | None = None
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _COMPOUND_HEADS:
            tok = tok.head
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and source is None:
                agent = next((x for x in c.children if x.dep_ == "agent"), None)
                pobj = (
                    next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
                )
                if pobj is not None and self._is_actorish(pobj):
                    source = pobj
        for c in tok.children:
            if (c.dep_ == "poss" and source is None) or (
                c.dep_ in ("compound", "amod", "nmod")
                and source is None
                and (
                    c.pos_ == "PROPN"
                    or c.ent_type_ in ("GPE", "NORP", "ORG")
                    or c.lower_ in self.lex.demonyms
                )
                and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
            ):
                source = c
        preps = self.lex.target_preps.get(type_, ()) + self.lex.target_preps["_default"]
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            low = c.lower_
            if low in ("by", "between") and self._is_actorish(pobj):
                source = pobj
            elif low == "of" and self._is_actorish(pobj):
                if lemma in self.lex.noun_source_of and source is None:
                    source = pobj
                elif lemma in self.lex.noun_target_of and target is None:
                    target = pobj
            elif low in preps and target is None and self._is_actorish(pobj):
                target = pobj
        if target is None:
            for c in tok.children:
                if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and not self._is_passive(c):
                    target = self._target_head(self._patient(c), {source.i} if source is not None else set())
                    if target is not None:
                        break
        fallback: Token | None = None
        between = source is not None and source.head.dep_ == "prep" and source.head.lower_ == "between"
        if light is not None:
            fallback = self._agent(light)
            if self.lemma(light) in ("receive", "get", "face", "suffer") and target is None:
                target, fallback = fallback, None
        elif source is None or between:
            clause = self._clause_verb(tok)
            if clause is not None:
                fallback = self._agent(clause)
                if fallback is not None and fallback.i == tok.i:
                    fallback = None
        if between and (fallback is not None or light is not None):
            if target is None:
                target = source
            source = None
        if source is not None and source.i == (target.i if target is not None else -1):
            target = None
        return source, target, fallback

    def _obligation(
        self,
        doc: Doc,
        rep: Token,
        cands: dict[int, _Candidate],
        sent_starts: list[int],
        group_cache: dict[str, Entity],
    ) -> _Draft | None:
        """Code "X said Y must/should …" as a REQUEST of X to Y."""
        reporter_subj = self._agent(rep)
        if reporter_subj is None:
            return None
        for c in rep.children:
            if c.dep_ != "ccomp" or (c.i in cands and cands[c.i].sense.type in _VERBAL_TYPES | {"THREATEN"}):
                continue
            aux = [a.lower_ for a in c.children if a.dep_ == "aux"]
            has_to = any(x.dep_ == "xcomp" and x.lemma_.lower() == "have" for x in [c]) or (
                c.lemma_.lower() == "have" and any(x.dep_ == "xcomp" for x in c.children)
            )
            if not (set(aux) & self.lex.obligation_aux) and not has_to:
                continue
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON" or not self._is_actorish(subj):
                continue
            sources = self.actors.resolve(doc, reporter_subj, group_cache)
            targets = self.actors.resolve(doc, subj, group_cache)
            if not sources or {a.head for a in sources} & {a.head for a in targets}:
                continue
            if any(a.text.lower() == b.text.lower() for a in sources for b in targets):
                continue
            sent = bisect_right(sent_starts, rep.i) - 1
            inner = cands.get(c.i)
            if inner is not None:
                inner.absorbed_by = rep.i
            return _Draft(
                type="REQUEST",
                mode=None,
                cameo="10",
                tok=rep,
                start=rep.idx,
                end=rep.idx + len(rep.text),
                sent=sent,
                sources=sources,
                targets=targets,
                confidence=0.6,
                anchor=c,
            )
        return None

    def _warning(
        self,
        doc: Doc,
        rep: Token,
        cands: dict[int, _Candidate],
        sent_starts: list[int],
        group_cache: dict[str, Entity],
    ) -> _Draft | None:
        """Code "X warned (Y) that it would …" — a warning of X's own future action — as THREATEN."""
        warner = self._agent(rep)
        if warner is None:
            return None
        for c in rep.children:
            if c.dep_ != "ccomp" or not any(
                a.dep_ == "aux" and a.lower_ in self.lex.future_aux for a in c.children
            ):
                continue
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if subj is None or any(x.dep_ == "neg" for x in c.children):
                continue
            own = subj.i == warner.i or subj.lower_ == warner.lower_
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "we", "he", "she"):
                own = self.actors.antecedent(subj) in (None, warner)
            if not own:
                continue
            inner = cands.get(c.i)
            mode = None
            if inner is not None:
                inner.absorbed_by = rep.i
                if inner.sense.type in self.lex.threat_modes:
                    mode = self.lex.threat_modes[inner.sense.type]
            sources = self.actors.resolve(doc, warner, group_cache)
            obj = next((x for x in rep.children if x.dep_ in ("dobj", "dative")), None)
            targets = self.actors.resolve(doc, obj, group_cache) if obj is not None else []
            return _Draft(
                type="THREATEN",
                mode=mode,
                cameo="13",
                tok=rep,
                start=rep.idx,
                end=rep.idx + len(rep.text),
                sent=bisect_right(sent_starts, rep.i) - 1,
                sources=sources,
                targets=targets,
                confidence=0.65 if self._conditional(c) else 0.75,
                anchor=c,
            )
        return None

    def _trigger_span(self, tok: Token, light: Token | None) -> tuple[int, int]:
        start, end = tok.idx, tok.idx + len(tok.text)
        if light is not None and 0 < tok.i - light.i <= 6:
            start = light.idx
        for c in tok.children:
            if c.dep_ == "prt" and 0 < c.i - tok.i <= 3:
                end = max(end, c.idx + len(c.text))
        return start, end

    # -- post-processing -----------------------------------------------------------------------------

    def _filter(self, doc: Doc, drafts: list[_Draft], sents: list[Span]) -> list[_Draft]:
        """Drop events of natural hazards, accidents and sports reports."""
        if not drafts:
            return drafts
        out: list[_Draft] = []
        cache: dict[int, tuple[bool, bool, frozenset[int]]] = {}
        for d in drafts:
            info = cache.get(d.sent)
            if info is None:
                sent = sents[d.sent]
                lemmas = [(t.i, t.lemma_.lower(), t.lower_, t.pos_) for t in sent]
                hazards = frozenset(
                    i
                    for i, lem, _low, pos in lemmas
                    if pos in ("NOUN", "PROPN") and lem in self.lex.hazard_nouns
                )
                sports_hits = {
                    lem
                    for _i, lem, _low, pos in lemmas
                    if pos in ("NOUN", "PROPN") and lem in self.lex.sports_words
                }
                is_sports = len(sports_hits) >= self.lex.sports_min_hits
                if not is_sports and _SCORE.search(sent.text):  # "won 2-1": a score and a sports word
                    is_sports = any(lem in self.lex.sports_weak for _i, lem, _low, _pos in lemmas)
                info = (bool(hazards), is_sports, hazards)
                cache[d.sent] = info
            has_hazard, is_sports, hazard_idx = info
            if any(doc[a.head].lemma_.lower() in self.lex.hazard_nouns for a in d.sources):
                continue  # "the storm forced the evacuation …": a hazard is no actor
            if has_hazard:  # the trigger's own object ("exchanged fire") is no hazard
                has_hazard = bool(hazard_idx - {c.i for c in d.tok.children if c.dep_ in ("dobj", "obj")})
            if d.type in ("ASSAULT", "PROTEST") and not self._keep_in_context(d, sents[d.sent]):
                continue
            if has_hazard or is_sports:
                sent = sents[d.sent]
                trig_lemma = self.lemma(d.tok)
                cues = {
                    t.lemma_.lower()
                    for t in sent
                    if t.i != d.tok.i and t.i not in hazard_idx and t.lemma_.lower() in self.lex.violence_cues
                }
                cues |= {t.lower_ for t in sent if t.i != d.tok.i and t.lower_ in self.lex.violence_cues}
                if (
                    has_hazard
                    and not cues
                    and (trig_lemma in self.lex.harm_lemmas or d.type in ("ASSAULT", "COERCE"))
                ):
                    continue
                if (
                    is_sports
                    and d.type in self.lex.sports_sensitive
                    and not (
                        cues
                        - {
                            "attack",
                            "shoot",
                            "fighter",
                            "war",
                            "raid",
                            "assault",
                            "offensive",
                            "clash",
                            "riot",
                        }
                    )
                ):
                    continue
            out.append(d)
        return out

    def _keep_in_context(self, d: _Draft, sent: Span) -> bool:
        """Re-type or drop conflict words used about politics ("Clinton's attacks", "campaign rallies")."""
        lex = self.lex
        trig = self.lemma(d.tok)
        words = {t.lemma_.lower() for t in sent if t.i != d.tok.i} | {
            t.lower_ for t in sent if t.i != d.tok.i
        }
        if d.type == "ASSAULT":
            if words & lex.violence_cues or d.dead is not None:
                return True
            if trig in lex.verbal_attack_lemmas and words & lex.verbal_context:
                d.type, d.mode, d.cameo = "ACCUSE", None, "11"
                return True
            return not (
                trig in lex.metaphor_conflict_lemmas and words & (lex.verbal_context | lex.campaign_context)
            )
        objects = {c.lemma_.lower() for c in d.tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if ({trig} | objects) & {"rally", "march"} and words & lex.campaign_context:
            return bool(words & lex.protest_cues)
        return True

    def _merge(self, drafts: list[_Draft]) -> list[_Draft]:
        """Fold an event into a same-type event of the same sentence whose clause it elaborates."""
        out: list[_Draft] = []
        for d in sorted(drafts, key=lambda x: x.tok.i):
            merged = False
            for o in out:
                if o.sent != d.sent or o.type != d.type:
                    continue
                if o.tok.i == d.tok.i or self._elaborates(d, o) or self._elaborates(o, d):
                    keep, drop = (o, d) if o.confidence >= d.confidence or self._elaborates(d, o) else (d, o)
                    if keep is d:
                        out[out.index(o)] = d
                    if not keep.sources and drop.sources:
                        keep.sources = drop.sources
                    if not keep.targets and drop.targets:
                        keep.targets = [
                            t for t in drop.targets if t.head not in {s.head for s in keep.sources}
                        ]
                    keep.confidence = max(keep.confidence, drop.confidence)
                    merged = True
                    break
            if not merged:
                out.append(d)
        return out

    def _elaborates(self, child: _Draft, parent: _Draft) -> bool:
        anchors = {parent.tok.i}
        if parent.anchor is not None:
            anchors.add(parent.anchor.i)
        cur = child.tok
        for _ in range(3):
            if (
                cur.dep_ not in ("advcl", "conj", "xcomp", "acl", "dobj", "pobj", "prep", "appos")
                or cur.head.i == cur.i
            ):
                return False
            cur = cur.head
            if cur.i in anchors:
                return True
        return False

    def _magnitudes(self, d: _Draft) -> None:
        lex = self.lex
        sent = d.tok.sent
        if d.type == "ASSAULT":
            for t in sent:
                lem = t.lemma_.lower()
                is_dead = lem in lex.dead_lemmas
                is_inj = lem in lex.injured_lemmas
                if not (is_dead or is_inj):
                    continue
                value = self._count_near(t)
                if value is None:
                    continue
                if is_dead and d.dead is None:
                    d.dead = value
                elif is_inj and d.injured is None:
                    d.injured = value
        if d.type in ("PROTEST", "MOBILIZE") or (d.type == "THREATEN" and d.mode == "protest"):
            for a in d.sources:
                if a.size is not None:
                    d.size = a.size
                    break
            if d.size is None and d.type == "MOBILIZE":
                pat = self._patient(d.tok) if d.tok.pos_ == "VERB" else None
                if pat is not None and pat.lemma_.lower() in lex.size_nouns:
                    d.size = number_of(pat, lex)

    def _count_near(self, t: Token) -> float | None:
        lex = self.lex
        cands: list[Token] = []
        if t.pos_ == "VERB":
            cands = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        elif t.pos_ in ("ADJ", "NOUN"):
            cands = [t.head] if t.dep_ in ("amod", "acomp", "oprd", "attr") else []
            cands += [c for c in t.children if c.dep_ in ("nummod", "prep")]
            if t.lemma_.lower() == "toll":
                cands += [c for c in t.head.children if c.dep_ == "prep"]
        for c in cands:
            if c.like_num or c.pos_ == "NUM":
                return parse_number(
                    [x for x in c.subtree if x.like_num or x.lower_ in lex.number_scales], lex
                )
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj" and (p.like_num or p.pos_ == "NUM"):
                        return parse_number(
                            [x for x in p.subtree if x.like_num or x.lower_ in lex.number_scales], lex
                        )
                continue
            value = number_of(c, lex)
            if value is not None:
                return value
            if c.like_num or c.lower_ in lex.number_words:
                return parse_number([c], lex)
        if t.pos_ in ("ADJ",) and t.head.pos_ in ("NUM",):
            return parse_number([t.head], lex)
        return None

    def _where_when(self, d: _Draft, ents: list[Span]) -> None:
        actor_toks: set[int] = set()
        for a in d.sources + d.targets:
            actor_toks.update(range(a.start, a.end))
        places: list[tuple[int, str]] = []
        times: list[tuple[int, str]] = []
        anchors = {d.tok.i}
        if d.anchor is not None:
            anchors.add(d.anchor.i)
        for ent in ents:
            if ent.label_ in _PLACE_LABELS:
                if any(i in actor_toks for i in range(ent.start, ent.end)):
                    continue
                root = ent.root
                rank = 3
                if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS:
                    rank = 1 if root.head.head.i in anchors else 2
                elif root.dep_ == "compound":
                    rank = 4
                places.append((rank, ent.text))
            elif ent.label_ in _TIME_LABELS:
                root = ent.root
                rank = 1 if root.head.i in anchors or root.head.head.i in anchors else 2
                times.append((rank, ent.text))
        if places:
            d.place_text = min(places, key=lambda x: x[0])[1]
        if times:
            d.time_text = min(times, key=lambda x: x[0])[1]

    def _cap(self, drafts: list[_Draft]) -> list[_Draft]:
        by_sent: dict[int, list[_Draft]] = {}
        for d in drafts:
            if d.confidence >= self.min_confidence:
                by_sent.setdefault(d.sent, []).append(d)
        out: list[_Draft] = []
        for items in by_sent.values():
            items.sort(key=lambda x: -x.confidence)
            out.extend(items[: self.max_per_sentence])
        out.sort(key=lambda x: x.start)
        return out

    def _to_event(self, d: _Draft, event_id: str, text: str) -> Event:
        source_ids = [a.entity for a in d.sources if a.entity is not None]
        target_ids = [a.entity for a in d.targets if a.entity is not None]
        return Event(
            id=event_id,
            type=d.type,
            mode=d.mode,
            context=d.context,
            cameo=d.cameo,
            source=list(dict.fromkeys(source_ids)),
            target=list(dict.fromkeys(target_ids)),
            source_text=" ; ".join(a.text for a in d.sources) or None,
            target_text=" ; ".join(a.text for a in d.targets) or None,
            trigger=Trigger(start=d.start, end=d.end, text=text[d.start : d.end]),
            place_text=d.place_text,
            time_text=d.time_text,
            negated=d.negated,
            dead=d.dead,
            injured=d.injured,
            size=d.size,
            confidence=round(d.confidence, 3),
            sentence=d.sent,
        )


def _inflections(lemmas: frozenset[str]) -> dict[str, str]:
    """Return regular inflected forms (-s, -ed, -ing) of verb lemmas, mapped to their lemma."""
    out: dict[str, str] = {}
    vowels = set("aeiou")
    for lemma in lemmas:
        if not lemma.isalpha():
            continue
        stems = [lemma]
        if lemma.endswith("e"):
            forms = [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
        elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in vowels:
            forms = [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
        else:
            suffix_s = "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s"
            forms = [lemma + suffix_s, lemma + "ed", lemma + "ing"]
            if (
                len(lemma) >= 3
                and lemma[-1] not in vowels | {"w", "x", "y"}
                and lemma[-2] in vowels
                and lemma[-3] not in vowels
            ):
                forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
        for stem in stems:
            out.setdefault(stem, lemma)
        for form in forms:
            out.setdefault(form, lemma)
    return out


def link_events(doc: Doc) -> None:
    """Set `time` and `place` ids on the doc's events from the times and places components' output.

    An event's time is the time expression of its sentence whose text is its `time_text`; its place
    the place with a mention in its sentence whose text is its `place_text`.
    """
    events = get_events(doc)
    if not events:
        return
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    times = get_times(doc)
    places = get_places(doc)
    for ev in events:
        if ev.sentence >= len(sents):
            continue
        s0, s1 = sents[ev.sentence]
        if ev.time_text and ev.time is None:
            for t in times:
                if s0 <= t.start < s1 and (
                    t.text == ev.time_text or ev.time_text in t.text or t.text in ev.time_text
                ):
                    ev.time = t.id
                    break
        if ev.place_text and ev.place is None:
            for p in places:
                if any(s0 <= m.start < s1 and m.text == ev.place_text for m in p.mentions) or (
                    p.name == ev.place_text and not p.mentions
                ):
                    ev.place = p.id
                    break
                ent = entity_by_id(doc, p.entity)
                if ent is not None and any(
                    s0 <= m.start < s1 and m.text == ev.place_text for m in ent.mentions
                ):
                    ev.place = p.id
                    break


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.newsgraph_events", "doc._.newsgraph_entities"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    default_config={"max_per_sentence": 4, "min_confidence": 0.3},
)
def make_events(nlp: Language, name: str, max_per_sentence: int, min_confidence: float) -> EventCoder:
    """Create the events component (PLOVER event coding)."""
    set_extensions()
    return EventCoder(nlp, max_per_sentence=max_per_sentence, min_confidence=min_confidence)
