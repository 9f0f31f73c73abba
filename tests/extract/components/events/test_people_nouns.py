"""Rule tests of the events component: the actor test reads one definition of a people noun, the
speaker person nouns of the quotes component, the office and profession nouns and the victim nouns
(`_people_nouns.py`), so "organizers" and "advisers" are actors as "vendors" are; a speaker noun whose
common sense is a thing ("source", "campaign") is none."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.models import Analysis
from tests.support.events import side_names

Analyze = Callable[..., Analysis]


def test_people_nouns_a_speaker_noun_is_a_target(analyze_text: Analyze) -> None:
    a = analyze_text("Soldiers detained the organizers of the rally in Minsk.")
    assert side_names(a, "detained") == (["Soldiers"], ["organizers"])


def test_people_nouns_a_speaker_noun_is_a_source(analyze_text: Analyze) -> None:
    a = analyze_text("Senior advisers to the prime minister met the Japanese ambassador in Seoul.")
    assert side_names(a, "met")[0] == ["Senior advisers"]


def test_people_nouns_join_the_lists_less_things() -> None:
    nouns = load_lexicon().people_nouns
    assert {"expert", "investigator", "official", "aide", "suspect"} <= nouns
    assert not {"source", "campaign", "chair"} & nouns
