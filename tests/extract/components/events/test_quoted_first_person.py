"""Rule tests of the events component: a first person inside quotation marks whose speaker the quotes
component knows is that speaker ("I") or the speaker's side ("we": the body the entities component
affiliates the speaker with, else the speaker), never the subject of the sentence before."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import by_trigger, entity_names

Analyze = Callable[..., Analysis]


def test_quoted_we_is_not_the_people_of_the_sentence_before(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Teachers marched through the capital on Monday. "
        "“We condemn the violence against the police officers,” said Lena Ortiz, the mayor of Dunmore."
    )
    (condemned,) = by_trigger(a, "condemn")
    assert "Teachers" not in entity_names(a, condemned.source)
    assert "Lena Ortiz" in entity_names(a, condemned.source)


def test_quoted_we_asking_is_the_speaker_not_the_occupiers(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Students occupied the library for two days. "
        "“We have asked the police to remove them,” said university president Mark Hale."
    )
    (asked,) = by_trigger(a, "asked")
    assert entity_names(a, asked.source) == ["Mark Hale"]


def test_quoted_we_is_the_body_the_speaker_speaks_for(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Truckers blocked the border crossing for a second day. "
        "“We are asking them to leave the road,” Maria Lopez of the Red Cross said."
    )
    (asking,) = by_trigger(a, "asking")
    assert entity_names(a, asking.source) == ["Red Cross"]


def test_quoted_i_opening_a_quote_is_its_speaker_not_the_sentence_before(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Rebel fighters shelled the town overnight. "
        "“I accuse them of targeting civilians. This must stop,” said Colonel Ahmed Said, the army spokesman."
    )
    (accused,) = by_trigger(a, "accuse")
    assert entity_names(a, accused.source) == ["Ahmed Said"]
    assert entity_names(a, accused.target) == ["Rebel fighters"]


def test_quoted_we_of_a_speaker_from_a_nation_is_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Fishermen blocked the harbour at Brest on Tuesday. "
        "“We condemn the blockade,” said Marie Duval, a spokeswoman for the French government."
    )
    (condemned,) = by_trigger(a, "condemn")
    assert entity_names(a, condemned.source) == ["Marie Duval"]
