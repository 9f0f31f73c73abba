"""Triggers: the words of a sentence that express an event, with their PLOVER sense.

`TriggerFinder.find` matches the trigger lemmas on the parse (verbs, event nouns, "committed
to"), classifies each by its dependency frame and attaches candidates to one another: a noun that
is the object of an event verb is that verb's content ("agreed to mediation"), a clause under an
absorbing verb ("threatened to attack") is the verb's content, a light verb's object noun takes
the light verb's subject ("launched offensives").
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._declined_comments import DECLINED_COMMENT_ORIGIN, DeclinedComments
from newsgraph.extract.components.events._dep_ids import ADVMOD, DOBJ, PREP, PRT, dep_ids
from newsgraph.extract.components.events._dictionary import CameoDictionary, DocWords
from newsgraph.extract.components.events._felt_states import felt_state
from newsgraph.extract.components.events._for_clauses import FOR_CLAUSE_DEPS, for_subject_clause
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._haste import hastens_infinitive
from newsgraph.extract.components.events._lexicon import WEAK_ORIGINS, Frame, Lexicon, Sense
from newsgraph.extract.components.events._mandates import Mandates
from newsgraph.extract.components.events._offered_things import offers_no_act
from newsgraph.extract.components.events._participle_acts import own_act
from newsgraph.extract.components.events._person_patients import harms_no_person
from newsgraph.extract.components.events._questions import QUESTION_ORIGIN, Questions
from newsgraph.extract.components.events._silent_verbs import SilentVerbs
from newsgraph.extract.components.events._walkouts import struck_by_workers

OBJ_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
MAX_SENT_TOKENS = 150
MAX_CANDIDATES = 2000
_READY_WORDS = ["committed", "prepared", "ready", "willing"]
_VERB, _AUX, _NOUN, _ADJ = (POS_IDS[p] for p in ("VERB", "AUX", "NOUN", "ADJ"))
_VERB_POS = frozenset({_VERB, _AUX})
# the parts of speech a trigger can have (_kind answers None for every other)
_TRIGGER_POS = np.zeros(max(POS_IDS.values()) + 1, dtype=bool)
_TRIGGER_POS[[_VERB, _AUX, _NOUN, _ADJ]] = True  # indexed by part-of-speech id (np.isin costs more)
# the ids of the dependencies of a noun's slot, as `Grammar.array` gives them
_NOMINAL_DEPS = frozenset(get_string_id(d) for d in ("nsubj", "nsubjpass", "dobj", "pobj", "compound"))
_MAX_KINDS = 500_000
_FOR_CLAUSE_IDS = dep_ids(*FOR_CLAUSE_DEPS)
_TIME_ENTS = frozenset({"DATE", "TIME"})  # the labels of a date or a time of day
_UNREAD = "unread"
"""Not yet in `TriggerFinder._kinds` (its answers are a kind or None)."""


def known_verbs(lex: Lexicon, cameo: CameoDictionary) -> frozenset[str]:
    """Return every verb lemma the component reads: triggers, reporting, light, intent and attempt verbs."""
    known = lex.trigger_lemmas | lex.reporting | lex.light_verbs | lex.intent_only | lex.attempt_heads
    return frozenset(k.split()[0] for k in known) | cameo.lemmas()


class TriggerFinder:
    """Find and classify trigger candidates in a parsed doc."""

    def __init__(self, nlp: Language, lex: Lexicon, grammar: Grammar, cameo: CameoDictionary) -> None:
        self.lex = lex
        self.g = grammar
        self.cameo = cameo
        self.questions = Questions(lex, grammar)
        self.declined = DeclinedComments(lex, grammar)
        self.is_actorish = ArgumentFinder(lex, grammar).is_actorish
        self.mandates = Mandates(lex, grammar, cameo)
        # verbs that serve the grammar (light verbs are judged by their object, in _function_verb)
        self.function_verbs = (lex.reporting | lex.intent_only | lex.attempt_heads) - lex.light_verbs
        self.silent = SilentVerbs(lex, cameo, self.function_verbs, self.declined.heads | lex.question_verbs)
        verbs = lex.trigger_lemmas | lex.reporting | cameo.coding_lemmas()
        self.verb_lemmas = frozenset(verbs)
        self.verb_forms = frozenset(f for f, lemma in grammar.forms.items() if lemma in verbs)
        self.ready_words = frozenset(_READY_WORDS)
        self._kinds: dict[tuple[int, bool, int, int], str | None] = {}
        """`_kind`'s answers by part of speech, nominal slot, lemma id and lower-case id: one per
        distinct word of the docs read, instead of one per token (it reads only these and the lexicon)."""

    def find(self, doc: Doc) -> tuple[dict[int, Candidate], list[Token]]:
        """Return the doc's trigger candidates by token index, and its reporting verbs."""
        cands: dict[int, Candidate] = {}
        reporters: list[Token] = []
        seen = 0
        # the attributes `_kind` reads, as plain values read once per doc (spaCy builds a new Token
        # object at each `doc[i]`), and only at the tokens whose part of speech can trigger
        rows = self.g.array(doc)  # POS, DEP, LEMMA, LOWER
        readable = _TRIGGER_POS[rows[:, 0]]
        for sent in self.g.sentences(doc):
            if len(sent) > MAX_SENT_TOKENS:
                readable[sent.start : sent.end] = False  # too long to be a sentence (a table, a list)
        strings = doc.vocab.strings
        words = self.cameo.doc_words(strings, self.g.column(doc, LOWER), self.g.column(doc, LEMMA))
        indices, values = np.flatnonzero(readable).tolist(), rows[readable].tolist()
        glued = self.g.near_hyphen(doc)
        kinds = self._kinds
        if len(kinds) > _MAX_KINDS:
            kinds.clear()  # a long run's vocabulary: start afresh rather than grow without end
        for i, (pos, dep, lemma, lower) in zip(indices, values, strict=True):
            key = (pos, dep in _NOMINAL_DEPS, lemma, lower)
            kind = kinds.get(key, _UNREAD)
            if kind is _UNREAD:
                kind = kinds[key] = self._kind(pos, key[1], strings[lemma], strings[lower])
            if i in glued and self.g.noun_lemma(doc[i]) in self.lex.noun_lemmas:
                kind = "NOUN"  # "a sit-in": the last part of a hyphenated event noun
            if kind is None:
                continue
            seen += 1
            if seen > MAX_CANDIDATES:
                break
            self._candidate(doc[i], kind, cands, reporters, words)
        light_owner: dict[int, int] = {}
        for cand in sorted(cands.values(), key=lambda c: (not c.noun, c.tok.i)):
            self.attach(cand, cands, light_owner)
        # "recommended that the navy cancel …": an asked act, no deed; a verb of asking that is no
        # candidate ("proposed", "insisted") is read for its request with the reporting verbs
        reporters += [h for h in self.mandates.absorb(cands) if h not in reporters]
        return cands, reporters

    def _kind(self, pos: int, nominal: bool, lemma: str, lower: str) -> str | None:
        """Return how a token may be a trigger: VERB, NOUN, READY ("committed to"), else None.

        Read from the token's part of speech (its id), whether its dependency is a noun's (`nominal`),
        its lemma and its lower-case form.
        """
        if pos == _VERB and nominal:
            pos = _NOUN  # "… University protests over the war": a verb in a noun's slot is a misparsed noun
        if pos in _VERB_POS and (lemma.lower() in self.verb_lemmas or lower in self.verb_forms):
            return "VERB"
        if pos == _NOUN and (lemma in self.lex.noun_lemmas or lower in self.lex.noun_lemmas):
            return "NOUN"
        if pos == _ADJ and lower in self.ready_words:
            return "READY"
        return None

    def _candidate(
        self, tok: Token, kind: str, cands: dict[int, Candidate], reporters: list[Token], words: DocWords
    ) -> None:
        """Classify one matched token and record it as a candidate (and as a reporter)."""
        if kind == "VERB":
            if self.g.lemma(tok) in self.lex.reporting:
                reporters.append(tok)
            got = self.classify_verb(tok, words)
            if got is not None:
                cands[tok.i] = Candidate(tok, got[0], noun=False, frame=got[1])
        elif kind == "NOUN":
            if tok.dep_ == "oprd" or self._portfolio(tok):
                return  # "called the death a suicide", "the commissioner for aid": no event
            sense_n = self.classify_noun(tok)
            if sense_n is not None:
                cands[tok.i] = Candidate(tok, sense_n, noun=True)
        if tok.lower_ == "committed" and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in self.g.kids(tok)
        ):
            cands[tok.i] = Candidate(tok, Sense("AGREE", None, "03"), noun=False)

    def _portfolio(self, noun: Token) -> bool:
        """Whether an event noun names an official's remit, not an event: "the commissioner responsible
        for humanitarian aid", "the minister for aid", "the EU aid commissioner"."""
        cur = noun
        while cur.dep_ in ("compound", "conj") and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_.lower() in self.lex.title_nouns:
                return True  # "aid commissioner"
        if cur.dep_ != "pobj" or cur.head.lower_ not in ("for", "of"):
            return False
        owner = cur.head.head
        return owner.lower_ in ("responsible", "charge") or (
            owner.pos_ == "NOUN" and owner.lemma_.lower() in self.lex.title_nouns
        )

    def classify_verb(self, tok: Token, words: DocWords | None = None) -> tuple[Sense, Frame | None] | None:
        """Return a verb's sense (and the frame that chose it), or None when it is no trigger here.

        In order: this project's frames (a PLOVER sense in a dependency frame), a pattern of the
        CAMEO dictionary with the verb's words (a `---` pattern blocks it), this project's verb
        senses, the absorbing verbs ("agreed to …"), then the CAMEO verb's own code. `words`, the
        doc's (`find` reads them once), spare the dictionary the bags of a verb no pattern can fit.
        A speech verb that reports a question (`Questions`) has a sense of no type: it is no event, and
        the events it asks about are its content, no events either.
        """
        lemma = self.g.lemma(tok)
        if self.silent.silent(lemma, self.g.kids(tok)):
            return None  # "said", "is": a verb no list names and the dictionary cannot code here
        if tok.dep_ in ("amod", "compound", "nmod") or (
            tok.dep_ == "conj" and tok.head.dep_ == "acomp" and tok.tag_ in ("VBG", "VBN")
        ):
            return None  # a verb used as an adjective: "the Japanese are friendly and accepting"
        if self.g.names_object(tok):
            return None  # "calls President Xi a friend", "called the death a suicide": naming, no event
        if felt_state(tok, self.g, self.lex) or harms_no_person(tok, self.g, self.lex, self.is_actorish):
            return None  # "felt compelled": a state; "executed a campaign": carried out, no killing
        if hastens_infinitive(tok, self.g, self.lex):
            return None  # "rushed to evacuate thousands": the haste is the manner of the infinitive's act
        if tok.tag_ == "VBN" and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN" and tok.dep_ != "ROOT":
            return None  # "pledged delegates": a participle used as an adjective
        kids = self.g.kids(tok)
        # "back" after the object is the verb's particle, though parsed as an adverb ("pushed them back")
        prts = [
            c.lower_ for c in kids if c.dep == PRT or (c.lower_ == "back" and c.dep == ADVMOD and c.i > tok.i)
        ]
        # a preposition before the verb is no part of it ("On Sunday, X called the alert 'extreme'")
        preps = [c.lower_ for c in kids if c.dep == PREP and c.i > tok.i]
        # (only a clause can be one: the other children's own children are not read for it)
        if any(
            for_subject_clause(c, self.g.kids(c)) for c in kids if c.i > tok.i and c.dep in _FOR_CLAUSE_IDS
        ):
            preps.append("for")  # "called for Israel to withdraw": the clause's "for" is the verb's
        if self.declined.declines(tok):
            # "declined to comment", "refused to say whether …": no event, nor is what is not said
            return Sense(None, None, None, DECLINED_COMMENT_ORIGIN), None
        keys = [f"{lemma} {p}" for p in prts] + [f"{lemma} {p}" for p in preps] + [lemma]
        frame = self._frame(tok, keys, prts, preps)
        if frame is not None:
            return (frame.sense, frame) if frame.sense.type is not None else None
        if self.questions.reported(tok):
            # '"Why …?" asked X', "asked whether …": a question, no event; what it asks about is its content
            return Sense(None, None, None, QUESTION_ORIGIN), None
        cameo = None if self._function_verb(tok, lemma) else self.cameo.match(tok, lemma, kids, words)
        own = any(key in self.lex.verbs for key in keys)
        if cameo is not None and cameo.size > 0 and (cameo.content or not own):
            if cameo.code is None:
                return None  # the dictionary blocks this use ("killed in an accident")
            if cameo.type is not None:
                # a pattern of prepositions only ("speak with", "head to") is nearly as weak as the verb alone
                origin = "cameo_pattern" if cameo.content else "cameo_prep"
                return Sense(cameo.type, None, cameo.code[:2], origin), None
        if offers_no_act(tok, kids, cameo, self.g, self.lex):
            return None  # "offered a window into …", "offer layoff packages": no coded thing is offered
        for key in keys:
            sense = self.lex.verbs.get(key)
            if sense is not None:
                if key == lemma and prts and not set(prts) <= self.lex.neutral_particles:
                    return None  # "struck down", "carried out": a particle that changes the verb
                if sense.type == "PROTEST" and (
                    self.g.is_passive(tok)
                    or (lemma not in self.lex.transitive_protest and any(c.dep_ == "dobj" for c in kids))
                ):
                    return None  # protest verbs are intransitive: "were struck", "struck a ten-month high"
                if sense.mode == "strike" and not struck_by_workers(tok, self.g):
                    return None  # "struck on the idea", "the attackers struck": no walkout (`_walkouts`)
                return sense, None
        absorbing = self.lex.absorbing.get(lemma)
        if absorbing is not None:
            spec = self.lex.absorbing_frames.get(lemma, {})
            if self._absorbing_ok(tok, spec, preps):
                return Sense(absorbing, None, self.lex.cameo_by_type.get(absorbing)), None
        if cameo is not None and cameo.type is not None and cameo.code is not None:
            return Sense(cameo.type, None, cameo.code[:2], "cameo_verb"), None
        return None

    def _function_verb(self, tok: Token, lemma: str) -> bool:
        """Whether a verb serves the grammar here (reporting, intent, attempt, light: "took part")."""
        if lemma in self.function_verbs:
            return True
        if any(f"{lemma} {c.lower_}" in self.lex.light_verbs for c in self.g.kids(tok) if c.dep == DOBJ):
            return True  # "took part"
        return self.g.is_light(tok)

    def _frame(self, tok: Token, keys: list[str], prts: list[str], preps: list[str]) -> Frame | None:
        """Return this project's frame that the verb's object, subject, particle and preposition fit."""
        if not any(key in self.lex.frames for key in keys):
            return None  # no frame of this verb: its object's words need not be read
        obj = self.g.object_of(tok)
        obj_lemmas: set[str] = set()
        if obj is not None:
            obj_lemmas.add(obj.lemma_.lower())
            obj_lemmas.add(obj.lower_)
            for c in self.g.kids(obj):
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobjs = [p.lemma_.lower() for p in self.g.kids(c) if p.dep_ == "pobj"]
                    obj_lemmas.update(pobjs)
                    obj_lemmas.update(f"{obj.lemma_.lower()} of {p}" for p in pobjs)  # "state of emergency"
                elif c.dep_ in ("compound", "amod") and c.i == obj.i - 1:
                    obj_lemmas.add(f"{c.lemma_.lower()} {obj.lemma_.lower()}")  # "emergency rule"
                    obj_lemmas.add(c.lemma_.lower())
            # modifiers and conjuncts of the object's noun phrase ("tear gas and pepper spray")
            for part in (obj, *obj.conjuncts):
                obj_lemmas.add(part.lemma_.lower())
                obj_lemmas.update(
                    c.lemma_.lower() for c in self.g.kids(part) if c.dep_ in ("compound", "amod", "nmod")
                )
                for mod in (c for c in self.g.kids(part) if c.dep_ == "nmod"):
                    obj_lemmas.update(
                        c.lemma_.lower() for c in self.g.kids(mod) if c.dep_ in ("compound", "amod")
                    )
        for c in self.g.kids(tok):
            if c.dep_ == "prep" and c.lower_ in ("as", "on"):
                # a date is when, not what: "hold contests on March 1" holds no march
                obj_lemmas.update(
                    p.lemma_.lower()
                    for p in self.g.kids(c)
                    if p.dep_ == "pobj" and p.ent_type_ not in _TIME_ENTS
                )
            elif c.dep_ in ("acomp", "xcomp"):
                obj_lemmas.add(c.lemma_.lower())  # "pleaded guilty", "declined to comment"
        subj = next((c for c in self.g.kids(tok) if c.dep_ == "nsubj"), None)
        subj_lemma = subj.lemma_.lower() if subj is not None else None
        if subj is not None and subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subj_lemma = tok.head.lemma_.lower()
        for key in keys:
            for frame in self.lex.frames.get(key, ()):
                if "*" in frame.obj:
                    if not any(c.dep_ in ("dobj", "obj", "ccomp") for c in self.g.kids(tok)):
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
                if frame.clause and not _clause_only(self.g.kids(tok)):
                    continue  # the frame of "recognized that …", "accepts that …": a belief or an admission
                return frame
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
                and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in self.g.kids(c))
            )
            for c in self.g.kids(tok)
        )
        has_obj = any(c.dep_ in ("dobj", "dative") for c in self.g.kids(tok))
        if need is None:
            return prep_ok or not isinstance(prep_req, list)
        if need == "xcomp":
            return has_xcomp or prep_ok
        if need == "xcomp_or_object":
            return has_xcomp or has_obj or prep_ok
        if need == "prep_from":
            return "from" in preps
        if need == "object_infinitive":
            return prep_ok or _object_infinitive(self.g.kids(tok))  # "pushed X to …" or "pushed for …"
        return need != "frame"

    def classify_noun(self, tok: Token) -> Sense | None:
        """Return an event noun's sense by its modifiers and sentence context; None when no trigger."""
        lemma = self.g.noun_lemma(tok)
        sense = self.lex.nouns.get(lemma)
        if sense is None or self.declined.declines(tok):
            return None  # no event noun, or one that declines comment ("his refusal to comment")
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in self.lex.compound_heads:
            return None
        if not tok.is_lower and tok.i != self.g.sentence(tok).start:
            return None
        mods = {c.lower_ for c in self.g.kids(tok) if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        mods |= {c.lemma_.lower() for c in self.g.kids(tok) if c.dep_ in ("compound", "amod", "nmod")}
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
            words = self.g.words(tok) - {lemma}
            if violent is not None and words & violent and not (context is not None and words & context):
                return Sense("ASSAULT", "air", self.lex.cameo_by_type.get("ASSAULT"))
            if context is not None and not words & context:
                return None
        return chosen or sense

    def attach(self, cand: Candidate, cands: dict[int, Candidate], light_owner: dict[int, int]) -> None:
        """Mark a candidate absorbed by the event it is the content of, or note its light verb."""
        tok = cand.tok
        if cand.noun:
            pos, dep, gov = self.g.noun_slot(tok)
            if gov is None:
                return
            owner = cands.get(gov.i)
            if dep in OBJ_DEPS or dep == "nsubjpass":
                light_only = self.g.is_light(gov) and owner is not None and owner.frame is None
                if (
                    owner is not None
                    and not owner.noun
                    and not (light_only and owner.sense.type not in ("CONSULT", "AGREE"))
                ):
                    cand.absorbed_by = gov.i
                    owner.content.append(tok.i)
                    return
                if self.g.is_light(gov):
                    cand.light = gov
                    light_owner.setdefault(gov.i, tok.i)
                    up = self.g.governor(gov)
                    up_owner = cands.get(up.i) if up is not None else None
                    if (
                        up is not None
                        and up_owner is not None
                        and (self.g.lemma(up) in self.lex.absorbing or up.lower_ == "committed")
                    ):
                        cand.absorbed_by = up.i
                        up_owner.content.append(tok.i)
                    else:
                        self._absorb_purpose(cand, gov, cands, light_owner)
                return
            if dep in ("nsubj", "nsubjpass", "attr") and pos.i == tok.i and self._occurs_at(gov, owner, cand):
                cand.occurs = gov  # "protests erupted", "there were clashes": the noun is the event
                if owner is not None and not owner.noun:
                    owner.absorbed_by = tok.i
                return
            if dep == "nsubj" and owner is not None and not owner.noun and pos.i == tok.i:
                cand.absorbed_by = gov.i
                owner.content.append(tok.i)
                return
            if dep == "pobj" and gov.dep_ == "prep":
                owner_tok = gov.head
                take = _take_part(owner_tok)
                if take is not None and gov.lower_ == "in" and take.i not in cands:
                    cand.light = take  # "took part in peaceful marches": the light verb "take part"
                    light_owner.setdefault(take.i, tok.i)
                    return
                owner = cands.get(owner_tok.i)
                if owner is None and (
                    (gov.lower_ in ("on", "into", "in") and self.g.is_light(owner_tok))
                    or (gov.lower_ == "under" and self.g.lemma(owner_tok) in self.lex.suffer_lights)
                ):
                    cand.light = owner_tok  # "went on strike", "entered into talks", "came under attack"
                    light_owner.setdefault(owner_tok.i, tok.i)
                    return
                if owner is not None and (
                    (owner.tok.i != tok.i and not owner.noun)
                    or (owner.noun and gov.lower_ in ("for", "of", "to", "on"))
                ):
                    cand.absorbed_by = owner_tok.i
                    owner.content.append(tok.i)
            return
        gov = self.g.governor(tok)
        if gov is not None:
            owner = cands.get(gov.i)
            if owner is not None and (self.g.lemma(gov) in self.lex.absorbing or gov.lower_ == "committed"):
                cand.absorbed_by = gov.i
                owner.content.append(tok.i)
                return
        self._absorb_purpose(cand, tok, cands, light_owner)

    def _occurs_at(self, verb: Token, owner: Candidate | None, noun: Candidate) -> bool:
        """Whether a verb says its subject event happened: an occurrence verb, "there was", a verb known
        only to the dictionary ("the bombardment left scores dead"), or harm an attack did ("suicide
        bombings killed 18 people": the bombings are the event, the killing their toll)."""
        if (
            noun.sense.type == "ASSAULT"
            and verb.dep_ != "nsubjpass"
            and self.g.lemma(verb) in self.lex.toll_verbs
            and not self.g.is_passive(verb)
        ):
            return True
        weak = owner is not None and owner.sense.origin in WEAK_ORIGINS
        if owner is not None and not owner.noun and not weak:
            return False
        return weak or self.g.says_occurred(verb)

    def _absorb_purpose(
        self, cand: Candidate, clause: Token, cands: dict[int, Candidate], light_owner: dict[int, int]
    ) -> None:
        """Absorb a purpose clause ("… to demand reforms", "…, calling for …") into the event it serves."""
        if clause.dep_ != "advcl" or clause.head.i == clause.i:
            return
        infinitive = self.g.to_infinitive(clause)
        participle = clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in self.g.kids(clause))
        if not infinitive and not (participle and cand.sense.type in self.lex.verbal_types):
            return
        head = clause.head
        owner = cands.get(head.i)
        if owner is None and head.i in light_owner:
            owner = cands.get(light_owner[head.i])
        if owner is None or owner is cand or owner.absorbed_by is not None:
            return
        if not infinitive and own_act(self.lex, owner.sense, cand.sense):
            return  # "fought the state, accusing it of …": an accusation of its own
        cand.absorbed_by = owner.tok.i
        owner.content.append(cand.tok.i)


def _clause_only(kids: list[Token]) -> bool:
    """Whether a verb's complement is a that- or wh-clause and it has no direct object."""
    deps = {c.dep_ for c in kids}
    return "ccomp" in deps and not deps & {"dobj", "obj", "dative"}


def _object_infinitive(kids: list[Token]) -> bool:
    """Whether a verb has an object and that object's to-infinitive: "directed the bureau to test …",
    not "directed the film" nor "told reporters that …", nor "told them when to queue" (a wh-word asks
    nothing). The parser may hang the infinitive as a purpose clause ("advcl"); one right after the
    object is still the object's act ("instructed X to close …"), one after another phrase is a purpose
    ("directed funds to the region to help …")."""
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
    if obj is None:
        return False
    for c in kids:
        parts = list(c.children)
        if c.i < obj.i or not any(a.dep_ == "aux" and a.lower_ == "to" for a in parts):
            continue
        if any(a.tag_ in ("WRB", "WP", "WDT") for a in parts):
            continue
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1):
            return True
    return False


def _take_part(tok: Token) -> Token | None:
    """Return the verb "take" of "take part" when a token is that verb or its object "part"."""
    if tok.lemma_.lower() == "part" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "take":
        return tok.head
    if tok.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in tok.children
    ):
        return tok
    return None
