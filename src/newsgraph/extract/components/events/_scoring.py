"""Precision controls after drafting: events out of context dropped, duplicates merged, a cap a sentence.

`EventFilter.filter` drops a trigger inside a subhead flattened into the text (a section label such
as "Chinese demand" reports no event; `in_subhead`), harm words in a sentence about a natural
hazard or an accident, a hazard's toll counted after it (`_tolls.py`), harm done to a hazard
("cooking kills all viruses"), conflict words in a sports report (unless a violence cue is present)
and a fight without a foe ("he is still fighting": no one fought, no arms, no violence word), and
re-types or drops conflict words used about politics ("Clinton's attacks" -> ACCUSE, "campaign
rallies") and a won vote told as a seizure or a defeat ("Cruz captured Iowa"; `_election_wins.py`).
`merge` folds an event into a same-type event of its sentence whose clause it elaborates; `cap` keeps
the most confident events of each sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

from newsgraph.extract.components.events._actor_types import ARMED_SECTORS, sector_of
from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._campaign_rallies import campaign_rally
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._election_wins import election_win
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._science_probes import science_probe
from newsgraph.extract.components.events._targets import HIT_TYPES
from newsgraph.extract.components.events._tolls import HazardTolls
from newsgraph.extract.components.events._verbal_clashes import VerbalClashes
from newsgraph.extract.extensions import entity_by_id, in_subhead, span_text

_HAZARD_SENSITIVE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
_NOMINAL_POS = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"]})
"""The part-of-speech ids of nouns and proper nouns (`Token.pos`)."""
_SCORE = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,%])")


@dataclass(frozen=True, slots=True)
class _SentenceKind:
    """What a sentence is about: the hazard nouns in it, whether it is a sports report."""

    hazards: frozenset[int]
    sports: bool


class EventFilter:
    """Drop, re-type, merge and cap drafts (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, max_per_sentence: int, min_confidence: float) -> None:
        self.lex = lex
        self.g = grammar
        self.max_per_sentence = max_per_sentence
        self.min_confidence = min_confidence
        self.tolls = HazardTolls(lex, grammar)
        self.verbal = VerbalClashes(grammar, lex.title_nouns)
        # the words of harm that make an attack no criticism: a fight's harm words and the violence cues,
        # less the attack and fight words themselves
        fights = lex.verbal_attack_lemmas | self.verbal.words["fight_lemmas"]
        self._attack_harm = self.verbal.words["harm_words"] | (lex.violence_cues - fights)

    def filter(self, doc: Doc, drafts: list[Draft], sents: list[Span]) -> list[Draft]:
        """Drop events of subheads, natural hazards, accidents and sports reports."""
        out: list[Draft] = []
        kinds: dict[int, _SentenceKind] = {}
        for d in drafts:
            if in_subhead(doc, d.tok.i):
                continue  # "Chinese demand": a section label, no report
            kind = kinds.get(d.sent)
            if kind is None:
                kind = kinds[d.sent] = self._kind(sents[d.sent])
            if any(doc[a.head].lemma_.lower() in self.lex.hazard_nouns for a in d.sources):
                continue  # "the storm forced the evacuation …": a hazard is no actor
            if d.targets and all(doc[a.head].lemma_.lower() in self.lex.hazard_nouns for a in d.targets):
                continue  # "cooking kills all viruses": harm done to a hazard is no event
            if d.type in ("ASSAULT", "PROTEST") and not self._keep_in_context(d, sents[d.sent]):
                continue
            if election_win(d, sents, self.g, self.lex, self._armed):
                continue  # "Cruz captured Iowa", "Clinton defeated Sanders in the primary": a vote won
            if self.tolls.follows_hazard(d, sents):
                continue  # "… the tsunami … More than 300 were killed in Malaysia": a disaster's toll
            if self._fight_without_foe(d):
                continue
            if self._out_of_context(d, sents[d.sent], kind):
                continue
            out.append(d)
        return out

    def _kind(self, sent: Span) -> _SentenceKind:
        """Find a sentence's hazard nouns and whether it reads as a sports report."""
        lex = self.lex
        lemmas = self.g.sentence_lemmas(sent)
        nouns = [
            (sent.start + k, lemma)
            for k, (pos, lemma) in enumerate(zip(self.g.sentence_parts(sent), lemmas, strict=True))
            if pos in _NOMINAL_POS
        ]
        hazards = frozenset(i for i, lem in nouns if lem in lex.hazard_nouns)
        sports = len({lem for _i, lem in nouns if lem in lex.sports_words}) >= lex.sports_min_hits
        # "won 2-1": a score and a sports word
        if not sports and _SCORE.search(span_text(sent.doc, sent.start, sent.end)):
            sports = any(lemma in lex.sports_weak for lemma in lemmas)
        return _SentenceKind(hazards, sports)

    def _out_of_context(self, d: Draft, sent: Span, kind: _SentenceKind) -> bool:
        """Whether a harm event is a hazard's doing, or a conflict word a sports report's (no violence)"""
        # the trigger's own weapon object ("exchanged fire") is no hazard
        weapons = {
            c.i
            for c in self.g.kids(d.tok)
            if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.lex.weapon_nouns
        }
        has_hazard = bool(kind.hazards - weapons)
        parties = sum(_party(d.tok.doc, a) for a in d.targets)
        if not has_hazard and science_probe(d.tok.doc, d, parties, sent, self.lex):
            return True  # "an investigation by the Health Protection Agency", "sent samples to be tested"
        if not has_hazard and not kind.sports:
            return False
        lex = self.lex
        cues = {
            t.lemma_.lower()
            for t in sent
            if t.i != d.tok.i and t.i not in kind.hazards and t.lemma_.lower() in lex.violence_cues
        }
        cues |= {t.lower_ for t in sent if t.i != d.tok.i and t.lower_ in lex.violence_cues}
        harmful = self.g.lemma(d.tok) in lex.harm_lemmas or d.type in _HAZARD_SENSITIVE
        if "investigate" in (d.mode, d.act_mode) and not parties:
            harmful = True  # "investigating an outbreak", "cases in Washington": a hazard, not a suspect
        if has_hazard and not cues and harmful:
            return True
        return kind.sports and d.type in lex.sports_sensitive and not (cues - lex.sports_ambiguous_cues)

    def _keep_in_context(self, d: Draft, sent: Span) -> bool:
        """Re-type or drop conflict words used about politics ("Clinton's attacks", "campaign rallies")."""
        lex = self.lex
        trig = self.g.lemma(d.tok)
        words = self.g.words(d.tok) - {d.tok.lemma_.lower(), d.tok.lower_}
        if d.type == "ASSAULT":
            if self._clash_of_words(d, trig):
                return False
            if self._attack_of_words(d, trig):
                d.type, d.mode, d.cameo = "ACCUSE", None, "11"
                return True
            if words & lex.violence_cues or self._armed(d):
                return True
            if trig in lex.verbal_attack_lemmas and words & lex.verbal_context:
                d.type, d.mode, d.cameo = "ACCUSE", None, "11"
                return True
            return not (
                trig in lex.metaphor_conflict_lemmas and words & (lex.verbal_context | lex.campaign_context)
            )
        if campaign_rally(d, self.g, lex):
            return False  # "a Trump rally in Alabama": a candidate's, no protest
        objects = {c.lemma_.lower() for c in self.g.kids(d.tok) if c.dep_ in ("dobj", "nsubjpass")}
        if ({trig} | objects) & {"rally", "march"} and words & lex.campaign_context:
            return bool(words & lex.protest_cues)
        if trig == "rally" and words & lex.market_context:
            return bool(words & lex.protest_cues)  # "shares rallied", "the rally in stocks"
        return True

    def _clash_of_words(self, d: Draft, trig: str) -> bool:
        """Whether a fight is an argument ("clashed over taxes", "a legal battle"): no toll, no armed side."""
        if d.dead or d.injured or self._armed(d):
            return False
        return self.verbal.is_verbal(d.tok, trig, d.sources + d.targets)

    def _attack_of_words(self, d: Draft, trig: str) -> bool:
        """Whether an attack is criticism ("Cruz attacked Rubio over immigration"): CAMEO 111, ACCUSE."""
        if trig not in self.lex.verbal_attack_lemmas or d.dead or d.injured or self._armed(d):
            return False
        return self.verbal.is_verbal_attack(d.tok, d.sources, d.targets, self._attack_harm)

    def _fight_without_foe(self, d: Draft) -> bool:
        """Whether a fight, done or vowed, is a figure of speech: a conflict verb ("fight", "battle") with
        no one fought, no armed side, no violence word ("he is still fighting", "vowed to keep fighting")."""
        if d.type != "ASSAULT" and not (d.type == "THREATEN" and d.mode == "violence"):
            return False
        if d.tok.pos_ != "VERB" or d.targets or self.g.lemma(d.tok) not in self.lex.metaphor_conflict_lemmas:
            return False
        return not (self.g.words(d.tok) & self.lex.violence_cues or self._armed(d))

    def _armed(self, d: Draft) -> bool:
        """Whether an actor of an event is armed: a force, an armed group, a weapon ("tanks attacked")."""
        doc = d.tok.doc
        for a in d.sources + d.targets:
            lemma = doc[a.head].lemma_.lower()
            if lemma in self.lex.weapon_nouns or sector_of(doc[a.head], self.lex) in ARMED_SECTORS:
                return True
        return False

    def merge(self, drafts: list[Draft]) -> list[Draft]:
        """Fold an event into a same-type event of the same sentence whose clause it elaborates."""
        out: list[Draft] = []
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
                    hit_thing = keep.struck or self._things(keep)  # "attacked the car, killing two civilians"
                    if drop.targets and (not keep.targets or (hit_thing and self._people(drop))):
                        keep.targets = [
                            t for t in drop.targets if t.head not in {s.head for s in keep.sources}
                        ]
                    keep.ceiling = min(keep.ceiling, drop.ceiling)  # an elaborated count is still a count
                    keep.confidence = min(keep.ceiling, max(keep.confidence, drop.confidence))
                    merged = True
                    break
            if not merged:
                out.append(d)
        return out

    def _people(self, d: Draft) -> bool:
        """Whether an event's targets are all people: named, or actor or victim nouns ("two soldiers")."""
        return all(self._person(d.tok.doc, t) for t in d.targets)

    def _things(self, d: Draft) -> bool:
        """Whether an assault's or a seizure's targets are only things it hit ("attacked the car", "ambushed
        a bus"), with no one among them: the people its elaborating clause hits stand for them."""
        return d.type in HIT_TYPES and not any(self._person(d.tok.doc, t) for t in d.targets)

    def _person(self, doc: Doc, t: Actor) -> bool:
        """Whether a target is people: named, or an actor or victim noun ("two soldiers")."""
        return (
            t.entity is not None
            or sector_of(doc[t.head], self.lex) is not None
            or doc[t.head].lemma_.lower() in self.lex.victim_nouns
        )

    def _elaborates(self, child: Draft, parent: Draft) -> bool:
        """Whether an event's clause hangs from another's trigger (conjoined, adverbial or object clause)."""
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

    def dedupe(self, drafts: list[Draft]) -> list[Draft]:
        """Keep one event per article for each type, trigger word, polarity, source and target entities:
        the article's most confident report of it (a story retold in a later paragraph is one event)."""
        best: dict[tuple[object, ...], Draft] = {}
        out: list[Draft] = []
        for d in drafts:
            sources = tuple(sorted({a.entity for a in d.sources if a.entity}))
            targets = tuple(sorted({a.entity for a in d.targets if a.entity}))
            if not sources or len(sources) != len(d.sources):
                out.append(d)  # without named sources two reports may be two events
                continue
            key = (d.type, d.tok.lemma_.lower(), d.negated, sources, targets)
            kept = best.get(key)
            if kept is None or d.confidence > kept.confidence:
                best[key] = d
        out.extend(best.values())
        out.sort(key=lambda x: x.start)
        return out

    def cap(self, drafts: list[Draft]) -> list[Draft]:
        """Keep events of at least `min_confidence`, at most `max_per_sentence` a sentence, in text order."""
        by_sent: dict[int, list[Draft]] = {}
        for d in drafts:
            if d.confidence >= self.min_confidence:
                by_sent.setdefault(d.sent, []).append(d)
        out: list[Draft] = []
        for items in by_sent.values():
            items.sort(key=lambda x: -x.confidence)
            out.extend(items[: self.max_per_sentence])
        out.sort(key=lambda x: x.start)
        return out


def _party(doc: Doc, actor: Actor) -> bool:
    """Whether an actor is a person, an organisation or a group (not a place)."""
    entity = entity_by_id(doc, actor.entity)
    return entity is not None and entity.type in ("PERSON", "ORG", "GROUP", "NORP")
