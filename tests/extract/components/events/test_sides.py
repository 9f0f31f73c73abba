"""Rule tests of the events component's sides: who is asked, civilians of a country, joint groups."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.extensions import set_extensions
from newsgraph.models import Analysis
from tests.support.event_parses import parsed, spec
from tests.support.events import confident

Analyze = Callable[..., Analysis]


def test_sides_a_request_asks_whom_its_from_phrase_names() -> None:
    """ "sought assistance from Russia": Russia is asked; "for the refugees" names no one asked."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset({"seek"})))
    rows = spec(
        "Korea/1/nsubj/NNP/PROPN sought/1/ROOT/VBD/VERB military/3/amod/JJ/ADJ "
        "assistance/1/dobj/NN/NOUN from/3/prep/IN/ADP Russia/4/pobj/NNP/PROPN"
    )
    doc = parsed(rows)
    asked = args.asked_of(doc[1], doc[3])
    assert asked is not None and asked.text == "Russia"
    doc = parsed([("from" if w == "from" else w, 1 if w == "from" else h, d, t, p) for w, h, d, t, p in rows])
    asked = args.asked_of(doc[1], doc[3])  # the from-phrase on the verb itself
    assert asked is not None and asked.text == "Russia"
    doc = parsed([*rows[:4], ("for", 3, "prep", "IN", "ADP"), ("refugees", 4, "pobj", "NNS", "NOUN")])
    assert args.asked_of(doc[1], doc[3]) is None


def test_sides_civilians_owned_by_a_pronoun_are_their_own_actor() -> None:
    """ "Singapore urged its residents": the residents, not Singapore; "their fighters" are the rebels'."""
    set_extensions()
    lex = load_lexicon()
    finder = ActorFinder(lex, Grammar(lex, frozenset()))

    def actors(owned: str, tag: str) -> list[str]:
        rows = spec(
            "Singapore/1/nsubj/NNP/PROPN urged/1/ROOT/VBD/VERB its/3/poss/PRP$/PRON "
            f"{owned}/1/dobj/{tag}/NOUN to/5/aux/TO/PART stay/1/xcomp/VB/VERB"
        )
        doc = parsed(rows)
        doc.ents = [Span(doc, 0, 1, label="GPE")]
        return [a.text for a in finder.resolve(doc, doc[3], {})]

    assert actors("residents", "NNS") == ["its residents"]
    assert actors("citizens", "NNS") == ["its citizens"]
    assert actors("troops", "NNS") == ["Singapore"]  # a force acts for its country


def test_sides_a_group_of_two_named_sides_is_split(analyze_text: Analyze) -> None:
    """ "Israeli and Palestinian negotiators held talks": Israel's with Palestine's, one side each."""
    a = analyze_text("Israeli and Palestinian negotiators held talks in Cairo on Monday.")
    (talks,) = confident(a, "CONSULT")
    assert talks.source_text == "Israeli" and talks.target_text == "Palestinian"
    b = analyze_text("Last week, Cameroon and Chad officials met in Yaounde and signed an agreement.")
    met = confident(b, "CONSULT") + confident(b, "SUPPORT")
    assert met and all(e.source_text == "Cameroon" and e.target_text == "Chad" for e in met)
    c = analyze_text("French and German soldiers patrolled the border town on Monday.")
    assert confident(c, "CONSULT") == []  # side by side, with no one


def test_sides_an_answer_in_kind_is_coded_by_its_means() -> None:
    """ "retaliated with tariffs" is no assault; "retaliated with airstrikes" and "against X" may be."""
    lex = load_lexicon()
    grammar = Grammar(lex, frozenset({"retaliate"}))

    def answers(means: str, prep: str = "with") -> bool:
        pos = "PROPN" if means[0].isupper() else "NOUN"
        rows = spec(
            "Europe/1/nsubj/NNP/PROPN retaliated/1/ROOT/VBD/VERB "
            f"{prep}/1/prep/IN/ADP {means}/2/pobj/NNS/{pos}"
        )
        doc = parsed(rows)
        doc[1].lemma_ = "retaliate"
        return grammar.answers_with(doc[1])

    assert answers("tariffs")
    assert answers("sanctions")
    assert not answers("airstrikes")  # a weapon: the answer is an assault
    assert not answers("Hamas", "against")  # whom it answered, no means


def test_sides_a_town_modifying_an_event_noun_is_where_not_who() -> None:
    """ "the Mumbai attack": Mumbai is where; "the Iran attack" is Iran's."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))

    def source(place: str) -> str | None:
        rows = spec(f"the/2/det/DT/DET {place}/2/compound/NNP/PROPN attack/2/ROOT/NN/NOUN")
        doc = parsed(rows)
        doc.ents = [Span(doc, 1, 2, label="GPE")]
        found = args.noun_args(doc[2], "ASSAULT", None)[0]
        return found.text if found is not None else None

    assert source("Mumbai") is None
    assert source("Bouake") is None
    assert source("Iran") == "Iran"


def test_sides_a_town_the_parser_calls_a_people_or_a_person_is_where(analyze_text: Analyze) -> None:
    """ "the Garissa attack" (the parser tags Garissa a person, the second "Benghazi" a body; the
    entities component, with its gazetteer, a place): the town is where it happened, never its doer."""
    a = analyze_text("Gunmen carried out the Garissa attack in April.")
    assert [(e.source_text, e.place_text) for e in a.events if e.type == "ASSAULT"] == [("Gunmen", "Garissa")]
    b = analyze_text("Kenya responded to the Garissa attack by closing the border.")
    assert [e.source_text for e in b.events if e.type == "ASSAULT"] == []
    c = analyze_text(
        "Militants stormed the consulate in Benghazi, Libya, in 2012. "
        "Questions remain about the Benghazi attack on the compound."
    )
    assert [e.source_text for e in c.events if e.type == "ASSAULT"] == ["Militants"]


def test_sides_animals_are_no_targets(analyze_text: Analyze) -> None:
    a = analyze_text("According to the charity, pets left behind by evacuees are being shot.")
    assert confident(a, "ASSAULT") == []
    b = analyze_text("According to witnesses, villagers left behind by evacuees are being shot.")
    assert [e.target_text for e in confident(b, "ASSAULT")] == ["villagers"]


def test_sides_what_an_allegation_says_is_no_party_to_its_rejection(analyze_text: Analyze) -> None:
    """ "rejected the allegation that X …": X is talked about; "Pakistan's allegation": Pakistan."""
    said = "Pakistan's army accused the Taliban on Tuesday. Taliban spokesman Zabihullah Mujahid rejected "
    a = analyze_text(said + "the allegation that Baloch separatists have put down roots across the border.")
    (rejected,) = confident(a, "REJECT")
    assert rejected.target_text is None
    b = analyze_text(
        said + "Pakistan's allegation that Baloch separatists have put down roots across the border."
    )
    (rejected,) = confident(b, "REJECT")
    assert rejected.target_text == "Pakistan"


def test_sides_a_rally_of_prices_is_no_protest(analyze_text: Analyze) -> None:
    """In a market report a "rally" is prices rising; protesters rallying against a bailout still protest."""
    a = analyze_text(
        "Indian shares on the Sensex index fell ten percent before rallying to a more modest decline."
    )
    assert confident(a, "PROTEST") == []
    b = analyze_text("Protesters rallied outside the stock exchange against the bank bailout on Monday.")
    assert [e.source_text for e in confident(b, "PROTEST")] == ["Protesters"]


def test_sides_both_leaders_are_the_last_pair(analyze_text: Analyze) -> None:
    """ "the two presidents", "both leaders" stand for the two parties of the last two-sided event."""
    a = analyze_text(
        "Putin met Erdogan in Sochi on Monday. The two presidents are closely cooperating in Syria."
    )
    (coop,) = confident(a, "COOPERATE")
    assert (coop.source_text, coop.target_text) == ("Putin", "Erdogan")
    b = analyze_text("The two presidents are closely cooperating in Syria.")  # no pair named before
    assert all(e.target_text is None for e in confident(b, "COOPERATE"))


def test_sides_a_dictionary_preposition_is_the_verbs_own() -> None:
    """CAMEO's "rush (TO" is a visit: "rushed to Kabul", not "rushed to evacuate" nor a "to" in a
    clause within the verb's phrase."""
    cameo = load_dictionary()
    rows = spec("Troops/1/nsubj/NNS/NOUN rushed/1/ROOT/VBD/VERB to/1/prep/IN/ADP Kabul/2/pobj/NNP/PROPN")
    to_kabul = parsed(rows)
    match = cameo.match(to_kabul[1], "rush")
    assert match is not None and match.code == "042"
    rows = spec(
        "Troops/1/nsubj/NNS/NOUN rushed/1/ROOT/VBD/VERB to/3/aux/TO/PART evacuate/1/xcomp/VB/VERB "
        "villages/3/dobj/NNS/NOUN where/7/advmod/WRB/SCONJ floods/7/nsubj/NNS/NOUN "
        "spread/4/relcl/VBD/VERB to/7/prep/IN/ADP yesterday/8/pobj/NN/NOUN"
    )
    match = cameo.match(parsed(rows)[1], "rush")
    assert match is not None and match.code != "042"


def test_sides_condemning_an_event_targets_its_doer(analyze_text: Analyze) -> None:
    """ "condemned Russia's invasion of Ukraine": Russia, not the invasion's victim."""
    a = analyze_text("The United States condemned Russia's invasion of Ukraine on Thursday.")
    (condemned,) = confident(a, "ACCUSE")
    assert condemned.target_text == "Russia"
    b = analyze_text("The rebels called off talks with the government on Thursday.")
    assert [e.target_text for e in b.events if e.trigger.text == "called off"] == ["the government"]
