"""The event coder: the stages of the events component run over one doc.

Triggers are found and classified (`_triggers`, with the CAMEO verb dictionary of
`_dictionary`), drafted with their arguments, actors, sides and mood (`_drafting`, `_sides`; the
speech acts of reporting verbs by `_speech_acts`; the one a conditional threat presses by `_pressed`),
filtered, merged and capped (`_scoring`), completed with magnitudes, place and time (`_details`)
and written to `get_events(doc)`.
"""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._details import EventDetails
from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._drafting import DocState, Draft, Drafter
from newsgraph.extract.components.events._entity_spans import EntitySpans
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._hearers import drop_hearers
from newsgraph.extract.components.events._lexicon import Lexicon, load_lexicon
from newsgraph.extract.components.events._modality import Modality
from newsgraph.extract.components.events._named_counterparts import unnamed_counterpart
from newsgraph.extract.components.events._own_state import drop_own_state
from newsgraph.extract.components.events._owner_sides import OwnerSides
from newsgraph.extract.components.events._pressed import Pressed
from newsgraph.extract.components.events._scoring import EventFilter
from newsgraph.extract.components.events._speech_acts import SpeechActs
from newsgraph.extract.components.events._triggers import TriggerFinder, known_verbs
from newsgraph.extract.extensions import doc_text, get_events, get_quotes
from newsgraph.knowledge import actor_dictionary

_IOB_IN, _IOB_BEGIN = 1, 3
"""`Token.ent_iob` values: inside an entity, beginning one (0 is unset, 2 outside)."""


def _sentence_ents(doc: Doc, sent_starts: list[int], wanted: set[int]) -> dict[int, list[Span]]:
    """Return the named entities that begin in each `wanted` sentence (by index), as `doc.ents` has them.

    Read from the tokens' entity tags, only in the sentences that hold an event: `doc.ents` builds a
    Span for every entity of the doc. An entity opens at a `B` tag with a label and runs over the `I`
    tags after it, even past the sentence's end, as in `doc.ents`.
    """
    iobs, types = doc.to_array([ENT_IOB, ENT_TYPE]).T.tolist()
    ends = [*sent_starts[1:], len(doc)]
    out: dict[int, list[Span]] = {}
    for k in sorted(wanted):
        ents = out[k] = []
        for i in range(sent_starts[k], ends[k]):
            if iobs[i] == _IOB_BEGIN and types[i] != 0:
                end = i + 1
                while end < len(doc) and iobs[end] == _IOB_IN:
                    end += 1
                ents.append(Span(doc, i, end, label=types[i]))
    return out


class EventCoder:
    """Code PLOVER events in a parsed Doc (see the package docstring)."""

    def __init__(self, nlp: Language, max_per_sentence: int = 4, min_confidence: float = 0.2) -> None:
        self.lex: Lexicon = load_lexicon()
        cameo = load_dictionary()
        actor_dictionary()  # the Phoenix dictionaries load with the pipeline, not with the first article
        self.g = Grammar(self.lex, known_verbs(self.lex, cameo))
        self.triggers = TriggerFinder(nlp, self.lex, self.g, cameo)
        args = ArgumentFinder(self.lex, self.g)
        actors = ActorFinder(self.lex, self.g)
        mod = Modality(self.lex, self.g)
        self.drafter = Drafter(self.lex, self.g, args, mod, actors)
        self.speech = SpeechActs(self.lex, self.g, args, mod, actors, self.triggers.mandates)
        self.pressed = Pressed(self.g, args, actors)
        self.filter = EventFilter(self.lex, self.g, max_per_sentence, min_confidence)
        self.details = EventDetails(self.lex, self.g)
        self.owner_sides = OwnerSides(self.lex, self.g, actors)

    def __call__(self, doc: Doc) -> Doc:
        """Code the doc's events into `get_events(doc)` and the `newsgraph_events` spans.

        The `newsgraph_entities` spans are rewritten only when the events added an entity or a
        mention, and then only the added mentions' spans are made (`_entity_spans`)."""
        spans = EntitySpans(doc)
        self._code(doc)
        return spans.write(doc)

    def _code(self, doc: Doc) -> None:
        """Draft, filter and complete the events of a parsed doc; append them to `get_events(doc)`."""
        if not doc.has_annotation("DEP"):
            return
        self.g.reset()
        cands, reporters = self.triggers.find(doc)
        if not cands and not reporters:
            return
        sents = self.g.sentences(doc)
        quotes = [(q.start, q.end, q.speaker) for q in get_quotes(doc) if q.kind in ("direct", "mixed")]
        st = DocState(doc, cands, [s.start for s in sents], quotes=quotes)
        drafts = self._drafts(st, reporters)
        drafts = self.filter.dedupe(self.filter.merge(self.filter.filter(doc, drafts, sents)))
        if not drafts:
            return  # nothing to complete or write
        self._complete(st, drafts, sents)
        events = get_events(doc)
        n = len(events)
        text = doc_text(doc)
        for d in self.filter.cap(drafts):
            n += 1
            events.append(self.details.to_event(d, f"v{n}", text))

    def _drafts(self, st: DocState, reporters: list[Token]) -> list[Draft]:
        """Draft the speech acts of the reporting verbs, then every candidate not absorbed by another."""
        drafts: list[Draft] = []
        for rep in reporters:
            draft = self.speech.obligation(st, rep)
            if draft is None and self.g.lemma(rep) in ("warn", "caution"):
                draft = self.speech.warning(st, rep)
            if draft is not None:
                drafts.append(draft)
        for cand in sorted(st.cands.values(), key=lambda c: c.tok.i):
            if cand.absorbed_by is None:
                draft = self.drafter.draft(st, cand)
                if draft is not None:
                    drafts.append(draft)
        for d in drafts:
            d.targets = self.pressed.targets(st.doc, d, st.group_cache)  # "… unless Mexico pays": Mexico
            drop_own_state(st.doc, d, self.lex)  # "Sheinbaum sent troops to Mexico's border": no target
            drop_hearers(st.doc, d, self.lex, self.g)  # "complained to a radio host that …": no target
        return drafts

    def _complete(self, st: DocState, drafts: list[Draft], sents: list[Span]) -> None:
        """Give each draft its contexts, magnitudes, place and time; a quoted event is less certain."""
        ents_by_sent = _sentence_ents(st.doc, st.sent_starts, {d.sent for d in drafts})
        for d in drafts:
            words = self.g.words(d.tok)
            d.context = [name for name, cues in self.lex.contexts.items() if words & cues][:2]
            self.details.magnitudes(d, drafts)
            self.details.where_when(d, ents_by_sent[d.sent])
            self.owner_sides.name_owners(st.doc, d)
            if any(qs <= d.tok.idx < qe for qs, qe, _sp in st.quotes):
                d.confidence *= self.lex.weights.factor["in_quote"]
            if unnamed_counterpart(st.doc, d, sents[d.sent], self.lex):  # "welcomed the news that Ukraine …"
                d.confidence = min(d.confidence, self.lex.weights.ceiling["unnamed_counterpart"])
