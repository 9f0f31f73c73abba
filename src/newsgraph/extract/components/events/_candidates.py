"""A trigger candidate: a word of a sentence under consideration as an event's trigger, with its sense.

`TriggerFinder` (`_triggers.py`) makes them; the steps after it (mandates, arguments, modality, drafting) read
them. The class lives on its own so that those steps need not import the trigger finder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Frame, Sense


@dataclass(slots=True)
class Candidate:
    """A trigger under consideration."""

    tok: Token
    sense: Sense
    noun: bool
    frame: Frame | None = None
    light: Token | None = None
    occurs: Token | None = None
    absorbed_by: int | None = None
    content: list[int] = field(default_factory=list)
