"""The registry of newsgraph's spaCy components, in pipeline order.

Each component is a module here that registers its spaCy factory (`@Language.factory`); this
file imports every one of them explicitly and lists them in the order the pipeline runs them.
The same factories are exposed through the `spacy_factories` entry point (pyproject.toml), so a
spaCy user can add them to a pipeline of their own.

Adding a component: write its module (a factory `make_x`, a class whose `__call__` raises on a
bug and ends with `return write_spans(doc)` when it writes facts), import it below, put it in
FACTORIES at its place, add its entry point to pyproject.toml and, when it runs by default, its
name to `settings.DEFAULT_COMPONENTS`; `tests/test_registries.py` checks that all of them agree.
Modules whose name starts with `_` are helpers, not components.
"""

from collections.abc import Callable
from typing import Any

from newsgraph.extract.components import (
    entities,
    events,
    paragraphs,
    places,
    quantities,
    quotes,
    summary,
    times,
)

FACTORIES: dict[str, Callable[..., Any]] = {
    # Before the parser (when `settings.paragraph_breaks`): a line break ends a sentence.
    "newsgraph_paragraphs": paragraphs.make_paragraphs,
    # After spaCy's model, in this order. Entities first: the others point at entity ids.
    "newsgraph_entities": entities.make_entities,
    # Speakers are entities (a pronoun or a description is added as a mention).
    "newsgraph_quotes": quotes.make_quotes,
    # Source and target actors are entities.
    "newsgraph_events": events.make_events,
    # Claimants come from the quotes a number sits in.
    "newsgraph_quantities": quantities.make_quantities,
    "newsgraph_times": times.make_times,
    # Geocodes the place names; gives events their place and time ids.
    "newsgraph_places": places.make_places,
    "newsgraph_summary": summary.make_summary,
}
"""Factory name → factory function, in pipeline order."""
