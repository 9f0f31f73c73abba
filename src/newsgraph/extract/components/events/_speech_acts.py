"""The speech acts that have no trigger word of their own, coded at their reporting verb: "X said Y
must …" (an obligation laid on Y: REQUEST; so is a verb of asking's mandative clause, "X proposed that Y
hold talks", `_mandates.py`) and "X warned (Y) that it would …" (a warning of X's own
future action: THREATEN). "X said Y may/might/would have to …" is no obligation: the necessity is only
possible or met on a condition, and asks nothing of Y.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import is_political
from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._drafting import DocState, Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._mandates import Mandates
from newsgraph.extract.components.events._modality import Modality
from newsgraph.extract.components.events._questions import QUESTION_ORIGIN
from newsgraph.extract.components.events._threatened_acts import threatened_party


class SpeechActs:
    """Draft the speech acts of reporting verbs (see the module docstring)."""

    def __init__(
        self,
        lex: Lexicon,
        grammar: Grammar,
        args: ArgumentFinder,
        mod: Modality,
        actors: ActorFinder,
        mandates: Mandates,
    ) -> None:
        self.lex = lex
        self.mandates = mandates
        self.g = grammar
        self.args = args
        self.mod = mod
        self.actors = actors
        self.w = lex.weights
        self.hedges = (lex.modal_aux | lex.conditional_aux) - lex.obligation_aux

    def obligation(self, st: DocState, rep: Token) -> Draft | None:
        """Code "X said Y must/should …" and "X proposed that Y hold …" as a REQUEST of X to Y."""
        reporter_subj = self.g.agent(rep)
        if reporter_subj is None or self.g.lemma(rep) in self.lex.cognition_verbs:
            return None  # "X believes Y should …" is an opinion, not a request
        speech = self.lex.verbal_types | {"THREATEN"}
        for c in self.g.kids(rep):
            if c.dep_ != "ccomp" or (c.i in st.cands and st.cands[c.i].sense.type in speech):
                continue
            if c.i in st.cands and st.cands[c.i].sense.origin == QUESTION_ORIGIN:
                continue  # "X wrote Y should ask why …": a question Y should ask, no request to Y
            aux = {a.lower_ for a in self.g.kids(c) if a.dep_ == "aux"}
            has_to = c.lemma_.lower() == "have" and any(x.dep_ == "xcomp" for x in self.g.kids(c))
            has_to = has_to and not aux & self.hedges  # "X may/would have to …": a hedged necessity
            if not (aux & self.lex.obligation_aux) and not has_to and not self.mandates.asked(c):
                continue
            subj = next((x for x in self.g.kids(c) if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON" or not self.args.is_actorish(subj) or not _specific(subj):
                continue
            sources = self.actors.resolve(st.doc, reporter_subj, st.group_cache)
            targets = self.actors.resolve(st.doc, subj, st.group_cache)
            if not sources or {a.head for a in sources} & {a.head for a in targets}:
                continue
            if any(a.text.lower() == b.text.lower() for a in sources for b in targets):
                continue
            for inner in st.cands.values():
                if inner.tok.i == c.i or inner.light is c:
                    inner.absorbed_by = rep.i  # "… the U.N. must maintain sanctions": the content
            sources, targets = st.speak(sources), st.speak(targets)
            return self._speech_act(
                st, rep, c, "REQUEST", None, "10", sources, targets, self.w.base["obligation"]
            )
        return None

    def warning(self, st: DocState, rep: Token) -> Draft | None:
        """Code "X warned (Y) that it would …" — a warning of X's own future action — as THREATEN."""
        warner = self.g.agent(rep)
        if warner is None:
            return None
        for c in self.g.kids(rep):
            if c.dep_ != "ccomp" or not any(
                a.dep_ == "aux" and a.lower_ in self.lex.future_aux for a in self.g.kids(c)
            ):
                continue
            subj = next((x for x in self.g.kids(c) if x.dep_ == "nsubj"), None)
            if subj is None or any(x.dep_ == "neg" for x in self.g.kids(c)):
                continue
            own = subj.i == warner.i or subj.lower_ == warner.lower_
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "we", "he", "she"):
                own = self.actors.antecedent(subj) in (None, warner)
            if not own:
                continue
            inner = st.cands.get(c.i)
            mode = None
            if inner is not None:
                inner.absorbed_by = rep.i
                if inner.sense.type in self.lex.threat_modes:
                    mode = self.lex.threat_modes[inner.sense.type]
            sources = self.actors.resolve(st.doc, warner, st.group_cache)
            obj = next((x for x in self.g.kids(rep) if x.dep_ in ("dobj", "dative")), None)
            targets = self.actors.resolve(st.doc, obj, st.group_cache) if obj is not None else []
            if obj is None:
                # "warned that it would impose sanctions on Y": the party of the act threatened
                party = threatened_party(c, self.args, {warner.i, subj.i})
                targets = self.actors.resolve(st.doc, party, st.group_cache) if party is not None else []
            base = self.w.base["warning_conditional" if self.mod.conditional(c) else "warning"]
            return self._speech_act(st, rep, c, "THREATEN", mode, "13", sources, targets, base)
        return None

    def _speech_act(
        self,
        st: DocState,
        rep: Token,
        clause: Token,
        type_: str,
        mode: str | None,
        cameo: str,
        sources: list[Actor],
        targets: list[Actor],
        confidence: float,
    ) -> Draft | None:
        """Return the draft of a speech act coded at its reporting verb (None without a political source)."""
        if not any(is_political(st.doc, a.head, a.start, a.end, a.entity, self.lex) for a in sources):
            return None  # "experts stressed that Africans should …": no political demand
        return Draft(
            type=type_,
            mode=mode,
            cameo=cameo,
            tok=rep,
            start=rep.idx,
            end=rep.idx + len(rep.text),
            sent=st.sentence_of(rep),
            sources=sources,
            targets=targets,
            confidence=confidence,
            anchor=clause,
        )


def _specific(noun: Token) -> bool:
    """Whether a noun names a specific actor ("Sudan", "the government"), not a generic ("any company")."""
    if any(c.dep_ == "det" and c.lower_ in ("every", "any", "each", "all", "no") for c in noun.children):
        return False
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in noun.children
    )
