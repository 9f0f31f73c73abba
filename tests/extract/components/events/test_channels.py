"""Rule tests of the events component: who passes a quote on (a news outlet carrying it, the subject of
"quoted X as saying") is not the speaker, so a first person inside the quote is never theirs."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_channels_quoted_as_saying_names_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“I strongly condemn the attack on the embassy,” AFP quoted the foreign minister, "
        "Ana Velez, as saying."
    )
    condemned = [e for e in a.events if e.trigger.text == "condemn"]
    assert condemned
    assert all(e.source_text != "AFP" for e in condemned)
    assert any("foreign minister" in (e.source_text or "") for e in condemned)


def test_channels_a_quoted_we_is_not_the_newspaper_that_quotes_it(analyze_text: Analyze) -> None:
    a = analyze_text(
        "“We condemn the raid on the embassy,” the Daily Star quoted Foreign Minister Ana Velez as saying, "
        "while Reuters translated the remark as: “We strongly condemn the raid on the embassy.”"
    )
    condemned = [e for e in a.events if e.trigger.text == "condemn"]
    assert condemned
    assert all("Velez" in (e.source_text or "") for e in condemned)


def test_channels_an_agency_that_translates_a_quote_is_not_its_speaker(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Foreign Minister Ana Velez spoke to the press in Spanish on Monday. "
        "Reuters translated her answer as: “We strongly condemn the raid on the embassy.”"
    )
    assert all(e.source_text != "Reuters" for e in a.events)
