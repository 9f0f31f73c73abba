"""Sentence starts the parser would miss: line breaks and subheads flattened into the text."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components.paragraphs import abbreviation_ends
from newsgraph.extract.components.paragraphs import subheads as find_subheads
from newsgraph.extract.extensions import SUBHEADS_KEY

# Articles we wrote in the shape of pages copied without their line breaks.
FLATTENED = (
    "Rescuers reached the last carriages late on Thursday, the railway said. The rescue The "
    "soldiers cut through the wreck for six hours before the final passengers were freed. "
    "Difficult terrain Although the line runs only 90 kilometers from the capital, the "
    "nearest hospital lies two hours away by road. Local anger While officials praised the "
    "rescuers, families asked why the line had no inspection for a decade."
)

RUNNING_TEXT = (
    "The mayor spoke to reporters on Friday. He told The Associated Press that the budget "
    "would pass. Reporters Without Borders called the arrest a blow to the press. The biggest "
    "thing I see here is fear, a trader said. Military spokesperson Ahmed Khan said The "
    "Guardian had misquoted him."
)


def subheads(nlp: Language, text: str) -> list[str]:
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        doc = nlp(text)
    return [doc[start:end].text for start, end in find_subheads(doc)]


def test_paragraphs_finds_the_subheads_of_a_flattened_page(nlp: Language) -> None:
    assert subheads(nlp, FLATTENED) == ["The rescue", "Difficult terrain", "Local anger"]


def test_paragraphs_leaves_names_and_ordinary_sentences_whole(nlp: Language) -> None:
    assert subheads(nlp, RUNNING_TEXT) == []


@pytest.mark.parametrize(
    ("subhead", "sentence"),
    [
        ("The rescue", "The soldiers cut through the wreck"),
        ("Difficult terrain", "Although the line runs only 90 kilometers"),
        ("Local anger", "While officials praised the rescuers"),
    ],
)
def test_paragraphs_a_subhead_is_no_part_of_the_next_sentence(
    nlp: Language, subhead: str, sentence: str
) -> None:
    doc = nlp(FLATTENED)
    sentences = [s.text for s in doc.sents]
    assert any(s.endswith(subhead) or s == subhead for s in sentences)
    assert any(s.startswith(sentence) for s in sentences)


def test_paragraphs_keeps_the_subheads_as_a_span_group(nlp: Language) -> None:
    """The later components know a subhead from the group, not by finding it again."""
    doc = nlp(FLATTENED)
    assert [s.text for s in doc.spans[SUBHEADS_KEY]] == ["The rescue", "Difficult terrain", "Local anger"]


# Subheads we wrote in the two shapes the determiner-or-preposition signal misses: one opened by
# an acronym, and one run into a quoted sentence (the quotation ends on a comma or a full stop).
ACRONYM_AND_QUOTE_SUBHEADS = (
    "The port reopened after the strike, the authority said. EU fishing quotas In Brussels, "
    "ministers argued over the catch figures for a second night. Fresh doubts “Nobody trusts "
    'the figures any more," one trader said. Job losses "We have nothing left to sell." '
    "The union plans a march on Friday."
)

# Running text we wrote in which a noun phrase after a sentence's end takes a quoted title or
# name: no subhead, as the quotation does not end on a sentence's punctuation.
QUOTED_TITLES = (
    'The rally ended late. The slogan "Build Back Better" was printed on every sign. Talks '
    'resumed on Monday. The word "Never" was painted on the wall of the ministry.'
)


def test_paragraphs_finds_subheads_opened_by_an_acronym_or_run_into_a_quotation(nlp: Language) -> None:
    found = ["EU fishing quotas", "Fresh doubts", "Job losses"]
    assert subheads(nlp, ACRONYM_AND_QUOTE_SUBHEADS) == found


def test_paragraphs_a_quotation_after_a_subhead_opens_the_next_sentence(nlp: Language) -> None:
    """The sentence starts at the quotation mark, not after it: the mark is no sentence of its own."""
    sentences = [s.text for s in nlp(ACRONYM_AND_QUOTE_SUBHEADS).sents]
    assert '“Nobody trusts the figures any more," one trader said.' in sentences
    assert '"We have nothing left to sell."' in sentences
    assert not any(s in {'"', "“"} for s in sentences)


def test_paragraphs_a_quoted_title_after_a_noun_stays_in_its_sentence(nlp: Language) -> None:
    assert subheads(nlp, QUOTED_TITLES) == []
    sentences = [s.text for s in nlp(QUOTED_TITLES).sents]
    assert 'The slogan "Build Back Better" was printed on every sign.' in sentences


# Subheads we wrote that run into a name taking a possessive, and sentences we wrote that open
# with a time, a preposition, a role or a verb before such a name: those stay whole.
POSSESSIVE_SUBHEADS = (
    "Talks stalled on Monday. Rising tensions Brazil's president has cancelled his visit. "
    "Border trade Uganda's exports of coffee fell in May."
)
POSSESSIVE_SENTENCES = (
    "Exports fell. Last year China's economy grew by five percent. In addition China's banks "
    "cut their rates. Foreign minister Lavrov's visit was cancelled. This marks Russia's third veto."
)


def test_paragraphs_finds_subheads_run_into_a_possessive_name(nlp: Language) -> None:
    assert subheads(nlp, POSSESSIVE_SUBHEADS) == ["Rising tensions", "Border trade"]


def test_paragraphs_a_time_role_or_verb_before_a_possessive_name_is_no_subhead(nlp: Language) -> None:
    assert subheads(nlp, POSSESSIVE_SENTENCES) == []


# Subheads we wrote that run into a sentence opened by a word of `sentence_openers.json` the
# tagger does not read as a determiner or preposition ("Both" as a conjunction, "According" as a
# verb, the adverb "Even", the time adjective "Last").
OPENER_WORD_SUBHEADS = (
    "The camps are full, the agency said. Financial strain Both camps received less money than "
    "in any year before. Rising violence According to the police, attacks doubled in a year. "
    "Poor harvests Even as the rains returned, farmers planted less. Empty markets Last month, "
    "traders closed half of their stalls."
)


def test_paragraphs_finds_subheads_run_into_any_sentence_opener(nlp: Language) -> None:
    found = ["Financial strain", "Rising violence", "Poor harvests", "Empty markets"]
    assert subheads(nlp, OPENER_WORD_SUBHEADS) == found


@pytest.mark.parametrize(
    "text",
    [
        "Press freedom group Reporters Without Borders condemned the arrest.",
        "The biggest thing I see here is fear, a farmer said.",
        "Critics of the film said Custer's Last Stand was too long.",
    ],
)
def test_paragraphs_an_opener_word_inside_a_name_or_after_a_pronoun_ends_no_subhead(
    nlp: Language, text: str
) -> None:
    assert subheads(nlp, f"The rally ended. {text}") == []


# Subheads we wrote that hold a name ("Pressure from Washington", a name alone as "Port Sudan"),
# each running into a clause opened by a sentence opener and a lower-case word; and prose we wrote
# where a name runs into a title-case name or takes a possessive: those stay whole.
NAMED_SUBHEADS = (
    "The vote was delayed again. Pressure from Washington Despite the delay, the council met on "
    "Monday. Rebuilding Mosul Though the fighting has ended, few families have returned. Port "
    "Sudan The harbour reopened last week."
)


def test_paragraphs_finds_subheads_holding_a_name(nlp: Language) -> None:
    found = ["Pressure from Washington", "Rebuilding Mosul", "Port Sudan"]
    assert subheads(nlp, NAMED_SUBHEADS) == found


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers for Doctors Without Borders filed the complaint.",
        "Maria Lopez and Kim So-young contributed to this report.",
        "Praise for Biden hides Obama's role in the deal.",
        "Lawyers for Save The Children filed an appeal.",
    ],
)
def test_paragraphs_a_name_running_into_a_name_is_no_subhead(nlp: Language, text: str) -> None:
    assert subheads(nlp, f"The rally ended. {text}") == []


# Subheads we wrote that end on a plural noun and run into the next sentence's subject, a name
# followed by its verb; and prose we wrote where a name follows a plural noun that has an article or
# a time, or names a role, or heads a contact clause: those stay whole.
PLURAL_SUBHEADS = (
    "The port reopened on Monday. Rising fuel costs Okafor said the new tariffs would hurt his "
    "fleet. Training young farmers Mensah has taught at the school since 2015. Empty classrooms "
    "Nairobi will hire 500 teachers next year."
)


def test_paragraphs_finds_plural_subheads_run_into_a_named_subject(nlp: Language) -> None:
    found = ["Rising fuel costs", "Training young farmers", "Empty classrooms"]
    assert subheads(nlp, PLURAL_SUBHEADS) == found


@pytest.mark.parametrize(
    "text",
    [
        "Most of the votes Garcia has counted were cast by mail.",
        "Senior officials Reyes appointed have resigned.",
        "Last weeks Okafor spent in Lagos were busy.",
        "His remarks Tuesday drew criticism.",
        "And however many walls Congress builds, people will come.",
    ],
)
def test_paragraphs_a_plural_noun_before_a_name_in_prose_is_no_subhead(nlp: Language, text: str) -> None:
    assert subheads(nlp, f"The rally ended. {text}") == []


# An article we wrote whose subheads run into a capitalised common word it writes lower case elsewhere.
COMMON_WORD_SUBHEADS = (
    "The port reopened on Monday after a week of strikes. Wage negotiations Negotiations between the "
    "union and the owners resumed on Tuesday, and the negotiations may end this week. Storms close "
    "40 roads Days after the storm, crews were still clearing roads that had been closed for days. Shipping "
    "delays Exporters said the delays had cost them orders, as exporters in the north had warned."
)


def test_paragraphs_finds_subheads_run_into_a_capitalised_common_word(nlp: Language) -> None:
    assert subheads(nlp, COMMON_WORD_SUBHEADS) == [
        "Wage negotiations",
        "Storms close 40 roads",
        "Shipping delays",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rights group Friends of the Earth sued, and its friends in parliament backed Friends of the Earth.",
        "The advocacy group Campaign for Clean Air said the campaign would go on.",
        "Past years Harvest Festival drew crowds, and the harvest was good.",
        "Rural voters Democrats courted stayed home, unlike the voters in towns.",
        "Reaction Officials gave was muted, the officials said.",
    ],
)
def test_paragraphs_a_capitalised_word_in_a_name_or_prose_opens_no_sentence(nlp: Language, text: str) -> None:
    assert subheads(nlp, f"The port reopened. {text}") == []


# Sentences we wrote that end on an abbreviation's period, each followed by a sentence opened by a
# word of one class of `sentence_openers.json`; the parser alone reads each pair as one sentence.
ABBREVIATION_ENDS = [
    ("She wrote about the arrests in a post on X.", "The Interior Ministry did not respond."),  # determiner
    ("The museum closes at 6 p.m.", "It opens again at nine in the morning."),  # pronoun
    ("The minister spoke after her visit to the U.S.", "Of the deals she signed, two concern wind farms."),
    ("Prices have doubled in the U.K.", "Since the summer, rents have risen faster than wages."),
    (
        "Last week the governor asked for a ban on imports from the U.S.",
        "While the ban is popular, farmers oppose it.",
    ),  # conjunction
    (
        "Rice farmers lost most of their crop to the floods, according to the U.N.",
        "Usually aid arrives within days.",
    ),
    ("The company moved its plant to the U.S.", "Last year it hired 300 workers there."),  # time
    ("Wages rose in the U.K.", "Even so, many families still struggle to pay rent."),  # adverb
]


@pytest.mark.parametrize(("first", "second"), ABBREVIATION_ENDS)
def test_paragraphs_a_sentence_ends_on_an_abbreviations_period(
    nlp: Language, first: str, second: str
) -> None:
    doc = nlp(f"{first} {second}")
    assert [s.text for s in doc.sents] == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. President Joe Biden met the leaders of Japan and Korea on Monday.",
        "The U.S. Senate passed the bill a day after the U.N. Security Council met.",
        "The trade talks with the U.S. Navy officials will resume in Washington, D.C. next week.",
    ],
)
def test_paragraphs_an_abbreviation_before_a_name_stays_in_its_sentence(nlp: Language, text: str) -> None:
    assert [s.text for s in nlp(text).sents] == [text]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("She grew up in Washington, D.C. The city was then much smaller.", ["The"]),
        ("Canada put tariffs on goods from the U.S. Trudeau said Canada would not back down.", []),
        ("The U.S. Navy said the ship left at 9 a.m. Eastern time.", []),
        ("Central Americans To Enter U.S. As Refugees", []),  # a title-case headline
        ("P.S. You can still send your letters.", []),  # nothing before the abbreviation
        ("At the bottom the card reads, “P.S. You can still send your letters.”", []),
    ],
)
def test_paragraphs_which_words_after_an_abbreviation_open_a_sentence(
    nlp: Language, text: str, starts: list[str]
) -> None:
    doc = nlp.make_doc(text)
    assert [doc[i].text for i in abbreviation_ends(doc)] == starts


@pytest.mark.parametrize(
    "text", ["Most of the plants are in the U.S. The rest are in Mexico.", "It is in the U.S."]
)
def test_paragraphs_the_tokenizer_keeps_the_abbreviations_period(nlp: Language, text: str) -> None:
    """A sentence-final "U.S." keeps its period as one token, so no full stop ends that sentence."""
    assert "U.S." in [t.text for t in nlp.make_doc(text)]


# A surname the article named before, after an abbreviation that ends the sentence.
SURNAME_ENDS = [
    (
        "Finance Minister Ana Ortiz met bankers from New York on Monday. They want her to lower "
        "the duties on steel shipped to the U.S.",
        "Ortiz said the duties would stay.",
    ),
    (
        "The shop belongs to Peter Halvorsen, a baker who moved from Oslo to Lodi, N.J.",
        "Halvorsen opened it in 2009.",
    ),
    (
        "The founder, Lena Marsh, opened new offices across the U.S.",
        "Marsh also hired 200 engineers.",
    ),  # an adverb between the surname and its verb
]


@pytest.mark.parametrize(("first", "second"), SURNAME_ENDS)
def test_paragraphs_a_known_surname_after_an_abbreviation_opens_a_sentence(
    nlp: Language, first: str, second: str
) -> None:
    doc = nlp(f"{first} {second}")
    assert [s.text for s in doc.sents][-2:] == [first.split(". ")[-1], second]


@pytest.mark.parametrize(
    "text",
    [
        # a name never named before the abbreviation, an institution written after "the", a title
        "Trade talks with the U.S. Ortiz said would resume soon.",
        "Senator Maria Army spoke first. The bill went to the U.S. Army, and the Army has its doubts.",
        "Ana Ortiz met the press. Reporters then asked Gen. Ortiz about the plan.",
        "Ana Ortiz met the press. Among the critics, Sen. Ortiz said little.",
    ],
)
def test_paragraphs_other_names_after_an_abbreviation_stay_in_the_sentence(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert not [t for t in doc if t.is_sent_start and t.i and _is_after_abbreviation(doc, t.i)]


def _is_after_abbreviation(doc: Doc, i: int) -> bool:
    previous = doc[i - 1].text
    return len(previous) > 1 and previous.endswith(".")
