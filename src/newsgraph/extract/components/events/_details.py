"""Details of coded events: magnitudes, place and time, the Analysis `Event`, and the ids of both.

Magnitudes (`dead`, `injured`, `size`) come from the numbers counting the victims and the crowd;
place from a GPE/LOC/FAC name in a place phrase of the sentence (`_place_phrases`), time from the
sentence's DATE/TIME names nearest the trigger, both kept as text (`place_text`, `time_text`);
`link_events` sets their ids once the times and places components have run.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events._count_owners import owns_count, rival_acts, trigger_words
from newsgraph.extract.components.events._counts import number_of, parse_number
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._event_times import is_no_point, point_time
from newsgraph.extract.components.events._grammar import PLACE_LABELS, Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._noun_doers import place_modifier
from newsgraph.extract.components.events._place_phrases import place_rank
from newsgraph.extract.extensions import doc_text, entity_by_id, get_events, get_places, get_times
from newsgraph.models import Event, Trigger

_TIME_LABELS = frozenset({"DATE", "TIME"})


class EventDetails:
    """Fill in an event's magnitudes, place and time, and write it as an `Event`."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def magnitudes(self, d: Draft, drafts: Sequence[Draft] = ()) -> None:
        """Set the dead and injured counts of an assault and the size of a protest or mobilization.

        An assault takes the counts of the harm words of its sentence that belong to it rather than to
        one of the sentence's other assaults among the doc's `drafts` (`_count_owners`).
        """
        lex = self.lex
        if d.type == "ASSAULT":
            sent = self.g.sentence(d.tok)
            act = trigger_words(d)
            rivals = rival_acts(d, drafts)
            for k, lem in enumerate(self.g.sentence_lemmas(sent)):
                is_dead = lem in lex.dead_lemmas
                is_inj = lem in lex.injured_lemmas
                if not (is_dead or is_inj) or not owns_count(sent.doc[sent.start + k], act, rivals):
                    continue
                value = self._count_near(sent.doc[sent.start + k])
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
                pat = self.g.patient(d.tok) if d.tok.pos_ == "VERB" else None
                if pat is not None and pat.lemma_.lower() in lex.size_nouns:
                    d.size = number_of(pat, lex)

    def _count_near(self, t: Token) -> float | None:
        """Return the number counting the victims of a harm word ("killed 12 people", "12 dead"), if any."""
        lex = self.lex
        cands: list[Token] = []
        if t.pos_ == "VERB":
            cands = [c for c in self.g.kids(t) if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        elif t.pos_ in ("ADJ", "NOUN"):
            cands = [t.head] if t.dep_ in ("amod", "acomp", "oprd", "attr") else []
            cands += [c for c in self.g.kids(t) if c.dep_ in ("nummod", "prep")]
            if t.lemma_.lower() == "toll":
                cands += [c for c in self.g.kids(t.head) if c.dep_ == "prep"]
        for c in cands:
            if c.like_num or c.pos_ == "NUM":
                return parse_number(
                    [x for x in c.subtree if x.like_num or x.lower_ in lex.number_scales], lex
                )
            if c.dep_ == "prep":
                for p in self.g.kids(c):
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

    def where_when(self, d: Draft, ents: list[Span]) -> None:
        """Set an event's place and time text: the names nearest its trigger in its sentence."""
        actor_toks: set[int] = set()
        for a in d.sources + d.targets:
            actor_toks.update(range(a.start, a.end))
        places: list[tuple[int, str]] = []
        times: list[tuple[int, str]] = []
        anchors = {d.tok.i}
        if d.anchor is not None:
            anchors.add(d.anchor.i)
        for ent in ents:
            named_by = ent.root.dep_ == "compound" and ent.root.head.i in anchors
            named_by = named_by and place_modifier(ent.root, self.lex)  # "the Bouake attack"
            if ent.label_ in PLACE_LABELS or named_by:
                if any(i in actor_toks for i in range(ent.start, ent.end)):
                    continue
                rank = 1 if named_by else place_rank(ent.root, anchors, self.lex)
                if rank is not None:  # a name in no place phrase is a party or a topic ("Japan's minister")
                    places.append((rank, ent.text))
            elif ent.label_ in _TIME_LABELS and not is_no_point(ent):  # no age, no "30-day"
                root = ent.root
                rank = 1 if root.head.i in anchors or root.head.head.i in anchors else 2
                times.append((rank, ent.text))
        if places:
            d.place_text = min(places, key=lambda x: x[0])[1]
        if times:
            d.time_text = min(times, key=lambda x: x[0])[1]

    def to_event(self, d: Draft, event_id: str, text: str) -> Event:
        """Return the draft as an `Event` of the Analysis."""
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
    places = [p for p in get_places(doc) if p.literal]  # not "Washington" of "The Washington Post"
    for ev in events:
        if ev.sentence >= len(sents):
            continue
        s0, s1 = sents[ev.sentence]
        if ev.time_text and ev.time is None:
            for t in times:
                if s0 <= t.start < s1 and (
                    t.text == ev.time_text or ev.time_text in t.text or t.text in ev.time_text
                ):
                    point = point_time(t, times, (s0, s1), ev.trigger.start, doc_text(doc))
                    ev.time = point.id if point else None
                    ev.time_text = ev.time_text if point is t else point.text if point else None
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
