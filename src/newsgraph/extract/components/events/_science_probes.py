"""A scientific or medical investigation is no event: it probes germs, disease or samples, not conduct.

CAMEO 09 (PLOVER ACCUSE, mode investigate) is an inquiry into someone's conduct: a crime, corruption, abuses.
A health agency's study of a strain, the tests a ministry runs on samples, the search for the source of a
contamination probe no one. The events filter already drops an investigation that names no party as its target
in a sentence with a hazard noun ("the WHO is investigating an outbreak", `_scoring.py`). `science_probe`
reads the other marks of such a study, for an investigation with no party as its target, no violence word in
its sentence (`violence_cues`: "police", "shooting") and no investigator of the law (the police or judiciary
sector: "prosecutors", "the court"):

* its investigator is a health body: a word of health in its phrase or its entity's name (`health_words`:
  "Health officials investigating the source of the tainted green onions", "an investigation by Britain's
  Health Protection Agency"), as the Phoenix agents name their health roles (HLH: "health official", "ministry
  of health", "medical official");
* or its sentence names a germ (`pathogen_nouns`: "the new strain"), a disease (a DISEASE entity: "bird flu")
  or a laboratory's matter (`laboratory_words`: "carried out a full investigation and sent samples to be
  tested").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.components.events._actor_types import sector_of
from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token, entity_by_id

_LAW_SECTORS = frozenset({"police", "judiciary"})
"""Sectors whose investigations are inquiries into conduct whatever their subject ("prosecutors are examining
the samples")."""


def science_probe(doc: Doc, d: Draft, parties: int, sent: Span, lex: Lexicon) -> bool:
    """Whether a drafted investigation, `parties` of whose targets are persons or bodies, is a scientific or
    medical one in its sentence `sent` (see the module docstring); an investigation still to come too."""
    if "investigate" not in (d.mode, d.act_mode) or parties:
        return False
    if any(t.lemma_.lower() in lex.violence_cues or t.lower_ in lex.violence_cues for t in sent):
        return False
    if any(sector_of(doc[a.head], lex) in _LAW_SECTORS for a in d.sources):
        return False
    if any(_health_body(doc, a, lex) for a in d.sources):
        return True
    for tok in sent:
        low = tok.lemma_.lower()
        if low in lex.pathogen_nouns or low in lex.laboratory_words:
            return True
        if tok.ent_type_ and (found := entity_at_token(doc, tok.i)) is not None and found.type == "DISEASE":
            return True
    return False


def _health_body(doc: Doc, actor: Actor, lex: Lexicon) -> bool:
    """Whether an investigator's phrase or its entity's name has a word of health ("Health officials")."""
    words = {t.lower_ for t in doc[actor.start : actor.end]}
    entity = entity_by_id(doc, actor.entity)
    if entity is not None:
        words |= {w.lower() for w in entity.name.split()}
    return bool(words & lex.health_words)
