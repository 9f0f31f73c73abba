"""Rule tests of the events component: a first person inside a quotation within a direct quote is the
person the speaker quotes, never the speaker nor the speaker's side (`_inner_quotes`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.components.events._inner_quotes import inner_quoted
from newsgraph.models import Analysis
from tests.support.events import by_trigger, entity_names

Analyze = Callable[..., Analysis]


def test_an_inner_quotation_is_read_from_its_marks() -> None:
    text = "Farmers tell me, ‘We will block the roads,’ and we listen."
    assert inner_quoted(text, 0, text.index("We"))
    assert not inner_quoted(text, 0, text.index("we listen"))
    words = "I don’t think we'll go, and I told them 'no' before we left."
    assert not inner_quoted(words, 0, words.index("we'll"))
    assert not inner_quoted(words, 0, words.index("we left"))


def test_a_quoted_we_inside_a_quotation_is_not_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“The farmers keep telling me, ‘We will block the highway to the capital,’ and nobody listens,” "
        "said Mayor Tomas Ruiz."
    )
    for blocked in by_trigger(a, "block"):
        assert "Tomas Ruiz" not in entity_names(a, blocked.source)


def test_a_quoted_i_inside_a_quotation_is_not_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“Maybe the general thinks, ‘I should attack the rebels before the talks begin,’” "
        "the analyst Karen Mills said."
    )
    for attack in by_trigger(a, "attack"):
        assert "Karen Mills" not in entity_names(a, attack.source)


def test_a_quoted_we_outside_the_inner_quotation_stays_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“They told us, ‘Leave now,’ and we condemn the threat against the villagers,” said Mayor Tomas Ruiz."
    )
    (condemned,) = by_trigger(a, "condemn")
    assert "Tomas Ruiz" in entity_names(a, condemned.source)
