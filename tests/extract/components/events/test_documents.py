"""Rule tests of the events component: a named document ("a Treaty on …", "the … Act", "the Second
Amendment") is no actor. Signing one takes its parties from the signers or a "with" phrase, and
backing one side by side does not make the backers each other's counterparts."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_documents_signed_by_two_named_sides(analyze_text: Analyze) -> None:
    signed = analyze_text(
        "Last week, Norwegian and Chilean ministers signed a Treaty on Fisheries Cooperation in Oslo."
    )
    assert sides(signed, "SUPPORT") == [("Norwegian", "Chilean")]


def test_documents_signed_with_a_party(analyze_text: Analyze) -> None:
    signed = analyze_text("Peru signed a Free Trade Agreement with the European Union.")
    assert sides(signed, "SUPPORT") == [("Peru", "the European Union")]


def test_documents_opposed_have_no_party(analyze_text: Analyze) -> None:
    opposed = analyze_text(
        "The governor warned that the senator opposes the Second Amendment and will vote against it."
    )
    assert all(target is None for _source, target in sides(opposed, "REJECT"))


def test_documents_backed_side_by_side(analyze_text: Analyze) -> None:
    backed = analyze_text("The mayor and her deputy strongly supported the Clean Water Act in the council.")
    assert ("The mayor", "her deputy") not in sides(backed, "SUPPORT")
