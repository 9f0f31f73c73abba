"""Rule tests of the events component: a demand for an act on someone is about that someone.

"demanded the governor's ouster", "called for the release of the reporters", "demanded that the minister be
sacked": with no one asked, the one the asked act is done on is the demand's target; a demand that names
whom it asks keeps that target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[str | None]:
    return [e.target_text for e in analysis.events if e.type == "REQUEST"]


def test_acted_on_the_owner_or_of_object_of_the_act_is_the_target(analyze_text: Analyze) -> None:
    """The act noun as the object, as a joined object, or in a "for" phrase; by an owner or an "of"."""
    for text, target in (
        ("The farmers demanded lower taxes and the governor's ouster.", "the governor"),
        ("The union called for the release of the detained dock workers.", "the detained dock workers"),
        ("Villagers called for the mayor's removal after the flood.", "the mayor"),
    ):
        assert _requests(analyze_text(text)) == [target], text


def test_acted_on_a_named_addressee_stays_the_target(analyze_text: Analyze) -> None:
    """ "urged the council to free …" asks the council; a thing an act is on ("a ban's removal") is none."""
    assert _requests(analyze_text("The union urged the council to free the detained dock workers.")) == [
        "the council"
    ]
    assert _requests(analyze_text("The farmers demanded the removal of the new fuel tax.")) in ([None], [])


def test_acted_on_the_subject_of_a_passive_demanded_clause_is_the_target(analyze_text: Analyze) -> None:
    """ "asked that the minister be sacked" is "asked for the minister's sacking": the minister is the
    target."""
    for text, target in (
        ("The farmers asked that the minister be sacked.", "the minister"),
        ("Activists demanded that the detained journalist be freed immediately.", "the detained journalist"),
        ("The families demanded that the soldiers be punished.", "the soldiers"),
    ):
        assert _requests(analyze_text(text)) == [target], text


def test_acted_on_a_thing_to_be_acted_on_is_no_target(analyze_text: Analyze) -> None:
    """ "demanded that the tax be scrapped": a thing is no side; a "by" doer is the one asked."""
    assert _requests(analyze_text("The farmers demanded that the new fuel tax be scrapped.")) in ([None], [])
    assert _requests(analyze_text("The families demanded that the soldiers be punished by the army.")) == [
        "the army"
    ]
