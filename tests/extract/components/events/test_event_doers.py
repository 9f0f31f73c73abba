"""Rule tests of the events component: an event with no doer of its own does no act (issue 15, point 3).

"Fighting has forced thousands to flee" is displacement caused by a war, not a coercive act: the source
would be a thing. Harm done by an attack stays an attack ("shelling destroyed three houses"), and an
event whose party is named stands for that party ("a raid by the army rescued 40 hostages").
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_event_doers_an_event_with_no_doer_of_its_own_does_no_act(analyze_text: Analyze) -> None:
    for text, trigger in (
        (
            "Aid workers say fighting in the mountains has forced 30,000 families to abandon their farms.",
            "forced",
        ),
        (
            "Officials said fighting around the capital forced hundreds of students to leave their schools.",
            "forced",
        ),
        ("The renewed attacks compelled the aid agencies to leave the province.", "compelled"),
        ("Residents said the heavy shelling compelled many families to hide in basements.", "compelled"),
    ):
        assert [e.type for e in analyze_text(text).events if e.trigger.text == trigger] == [], text


def test_event_doers_harm_and_a_named_party_keep_the_event(analyze_text: Analyze) -> None:
    (destroyed,) = analyze_text("Shelling destroyed three houses in the village.").events
    assert (destroyed.type, destroyed.trigger.text) == ("ASSAULT", "destroyed")
    a = analyze_text("A police raid by the army rescued 40 hostages near the town.")
    (rescued,) = [e for e in a.events if e.trigger.text == "rescued"]
    assert rescued.type == "AID" and rescued.source_text is not None and "army" in rescued.source_text
