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
  material conflict THREATEN (mode `intend`, or the threat's mode), a request, charge or refusal
  keeps its type with mode `intend`; a hedge ("will probably") or an event noun as the subject of a
  future ("cooperation will develop slowly") is a forecast, a weak reading; verbs such as "agree",
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
  words in a sports report, yield no event; nor does harm in a clause of a crash ("the jet crashed,
  killing 228"), nor a mobilization that moves no force (`_force`: "deployed experts", "increase
  foreign exchange reserves"); at most `max_per_sentence` events a sentence.
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.extract.components.events._coder import EventCoder
from newsgraph.extract.components.events._details import link_events
from newsgraph.extract.extensions import set_extensions

__all__ = ["EventCoder", "link_events", "make_events"]


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.newsgraph_events", "doc._.newsgraph_entities"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    default_config={"max_per_sentence": 4, "min_confidence": 0.2},
)
def make_events(nlp: Language, name: str, max_per_sentence: int, min_confidence: float) -> EventCoder:
    """Create the events component (PLOVER event coding)."""
    set_extensions()
    return EventCoder(nlp, max_per_sentence=max_per_sentence, min_confidence=min_confidence)
