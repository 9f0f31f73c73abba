"""`newsgraph_paragraphs`: sentence starts the small parser misses in scraped news.

Three kinds, all marked before the parser (which keeps such marks):

- A line break ends a sentence. Scraped news keeps one paragraph per line, and titles, subheads
  and datelines often end without a full stop; the parser then glues "… bus fares for two
  years\\nThe City Council voted …" into one sentence, and every component sees a wrong clause. A
  hard-wrapped line — the next line starting with a lower-case word after a line that does not
  end a sentence — is left alone.
- A subheading flattened into the running text. Pages copied without their line breaks keep
  the subheads inline: "… final push Wednesday evening. The attack The Jaffar Express, a
  cross-country train, came under …". A subhead is a short noun phrase in sentence case (two to
  five words: the first capitalised, the rest lower case, no finite verb) right after a
  sentence's end, followed by a capitalised determiner or preposition ("The", "A", "In",
  "Since", "While", …) or another capitalised word of `lexicons/sentence_openers.json` ("Both",
  "According", "Even", "Last": "Financial strain Both camps …"), which mid-sentence English
  capitalises only in names ("told The Associated Press": after a verb, never after a noun).
  The token after the subhead starts a sentence, and the subhead is kept as a span of
  `doc.spans[SUBHEADS_KEY]`: a section label, in which the later components read no event. A
  subhead may open with an acronym ("US ban on advanced chips"), and the next sentence may open
  with a quotation that ends on a sentence's punctuation ("… chips "It will take some time, but
  …," she said"); a quoted title or name ends on none ("The slogan "Build Back Better" was …")
  and stays in its sentence. A subhead may also
  run into a name taking a possessive ("Review of relations Mahathir's government froze …"),
  which a noun takes right after it only as a title ("Foreign minister Lavrov's") or in a time or
  prepositional opener ("Last year China's", "In addition China's"): such labels, and any with a
  verb, are not subheads. A subhead may hold a name after its first word ("Integration into Japan",
  "Countering China", "Diego Garcia"); the opener after it must then start a clause, followed by a
  lower-case word, a number or a comma ("Despite the", "Though he"), as the inner words of a
  title-case name are capitalised ("Reporters Without Borders"); and no possessive name ends it.
  A subhead ending on a plural common noun may run straight into the next sentence's subject, a
  name and its verb ("Helping newcomers Wu said …", "Weak core subjects Math was …"): English
  sets no bare plural noun before one name as its apposition, so this holds when the label has no
  article (headlines drop them; "Most of the votes Garcia counted" is a contact clause) and its
  plural is no role or time ("Senior officials Reyes appointed", "Last weeks").
  A subhead may also run into a capitalised common word, one the article writes in lower case
  elsewhere and never capitalises after a lower-case word ("Sovereignty negotiations Negotiations
  between Britain and …", "Airstrikes kill 50 militants Hours after …"): English capitalises such
  a word mid-sentence only at a sentence's start or inside a name, which the article would repeat.
  The label has two to five words, lower case after the first (numbers allowed, as headlines
  count: "kill 50 militants"), no article, no opening conjunction, preposition, adverb or
  possessive, and a last common noun that is no role or time; the word after the capitalised one
  is lower case.
- An abbreviation whose period ends the sentence. The tokenizer keeps the period in "U.S.",
  "D.C.", "Inc.", so "… goods from the U.S. The proposal has drawn …" has no full stop of its
  own and the parser reads one sentence. A capitalised word of `lexicons/sentence_openers.json`
  (a determiner, pronoun, preposition, conjunction, question word, sentence adverb or "Last":
  "The", "He", "In", "But", "How", "Usually") right after such a token starts a sentence, unless every
  word before it in its sentence, line or quotation is capitalised: a title-case headline ("… To
  Enter U.S. As Refugees") or a label opening a quotation ("the card reads, “P.S. You can …"). A name
  after the abbreviation is left to the parser: "U.S. Senate", "U.S. Army has" are far more
  common than "in the U.S. Sheinbaum sent". Only a person the article has named already opens
  a sentence there: a capitalised word that ran earlier as a surname after a first name ("Claudia
  Sheinbaum"), is never written after "the" (as "the Senate", "the Army" are), follows the
  abbreviation of a place or organisation that closes a noun phrase ("into the U.S.", "Mount
  Prospect, Ill.": after a lower-case word or a comma, not a title such as "Mr." or an initial)
  and takes a verb, perhaps after an adverb ("… into the U.S. Sheinbaum sent 10,000 troops …",
  "… in the U.S. Jobs also noted …"). English puts no bare surname after such an abbreviation
  inside one noun phrase: a person after "U.S." has a title first ("U.S. President Trump").

Reads the tokens and their tags; writes `Token.is_sent_start` and `doc.spans[SUBHEADS_KEY]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.extensions import SUBHEADS_KEY, doc_text
from newsgraph.extract.lexicons import load_json

_ENDS = frozenset(".!?:;\"'”’)»…")
_SENTENCE_ENDS = frozenset(".!?")
_CLOSERS = frozenset("\"'”’)»")
_QUOTE_CLOSERS = {'"': frozenset('"”'), "“": frozenset('"”'), "‘": frozenset("’")}
_OPENING_QUOTES = frozenset(_QUOTE_CLOSERS)
_QUOTED_SENTENCE_ENDS = frozenset(",.!?")
_QUOTATION_MAX = 80  # tokens scanned for the closing quotation mark
_OPENER_TAGS = frozenset({"DT", "IN", "WRB"})  # The, A, Some, In, Since, While, When, …
_NOUNISH_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "VBG"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "DT"})
_FINITE_TAGS = frozenset({"VBP", "VBZ"})
_NEVER_IN_SUBHEAD = frozenset({"MD", "VBD", "PRP"})
_SUBHEAD_MAX = 5
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a finite verb or a modal after the name
_NOT_A_LABEL_OPENER = frozenset({"DT", "IN", "CC", "PRP$", "RB", "WRB", "WDT", "CD"})  # His, In, And, However
_LINE_BREAK = re.compile("\n")
_PERIOD = re.compile(r"\.")
_SENTENCE_END = re.compile("[.!?]")


class ParagraphBreaks:
    """Mark sentence starts after line breaks and flattened subheads (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            return doc  # parsed already: its sentences are fixed
        mark_line_breaks(doc)
        for i in [*abbreviation_ends(doc), *surname_ends(doc)]:
            doc[i].is_sent_start = True
        if doc.has_annotation("TAG"):
            found = subheads(doc)
            for _start, end in found:
                doc[end].is_sent_start = True
                if doc[end].text in _OPENING_QUOTES:  # the quotation's first word stays in its sentence
                    doc[end + 1].is_sent_start = False
            doc.spans[SUBHEADS_KEY] = [Span(doc, start, end, label="subhead") for start, end in found]
        return doc


def _tokens_with(doc: Doc, char: re.Pattern[str]) -> list[int]:
    """The indices of the tokens holding a character that `char` matches, in order: the few tokens
    a rule reads, found in the text rather than by walking every token of the doc."""
    starts: list[int] = doc.to_array(IDX).tolist()
    found: list[int] = []
    for m in char.finditer(doc_text(doc)):
        i = bisect_right(starts, m.start()) - 1
        if not found or found[-1] != i:
            found.append(i)
    return found


def mark_line_breaks(doc: Doc) -> None:
    """The token after a line break starts a sentence, unless the line is hard-wrapped."""
    n = len(doc)
    for i in _tokens_with(doc, _LINE_BREAK):
        token = doc[i]
        if not token.is_space or i == 0 or i + 1 >= n:
            continue
        nxt = doc[token.i + 1]
        prev = doc[token.i - 1]
        wrapped = nxt.text[:1].islower() and prev.text[-1:] not in _ENDS
        if not wrapped:
            nxt.is_sent_start = True


def abbreviation_ends(doc: Doc) -> list[int]:
    """The tokens that open a sentence right after an abbreviation ending it ("the U.S. The …")."""
    openers = sentence_openers()
    return [
        i + 1
        for i in _abbreviations(doc, len(doc) - 1)
        if doc[i + 1].text in openers and _in_running_text(doc, i)
    ]


def surname_ends(doc: Doc) -> list[int]:
    """The tokens that open a sentence with a surname the article named before, right after an
    abbreviation ending the sentence ("… into the U.S. Sheinbaum sent …")."""
    if not doc.has_annotation("TAG"):
        return []
    return [
        i + 1
        for i in _abbreviations(doc, len(doc) - 2)
        if _closes_a_noun_phrase(doc, i) and _surname_with_a_verb(doc, i + 1) and _in_running_text(doc, i)
    ]


def _abbreviations(doc: Doc, stop: int) -> list[int]:
    """The indices below `stop` of the tokens that are abbreviations (`_is_abbreviation`)."""
    return [i for i in _tokens_with(doc, _PERIOD) if i < stop and _is_abbreviation(doc[i])]


def _closes_a_noun_phrase(doc: Doc, i: int) -> bool:
    """Token `i` is an abbreviation of a place or organisation after a lower-case word or a comma
    ("into the U.S.", "Prospect, Ill.": one without an inner period only after a comma): no title
    before a name ("said Mr.", "in Gov."), no initial ("F.")."""
    token = doc[i]
    if not _is_abbreviation(token) or i == 0 or token.lower_ in _titles():
        return False
    if sum(ch.isalpha() for ch in token.text) < 2:
        return False
    before = doc[i - 1]
    if "." not in token.text[:-1]:  # "Ill.", "Calif." after a place's comma; "said Col." is a title
        return before.text == ","
    return (before.is_lower and before.is_alpha) or before.text == ","


def _surname_with_a_verb(doc: Doc, k: int) -> bool:
    """Token `k` is a surname of the article (`_surnames`) followed by a finite verb or a modal,
    perhaps after one adverb ("Jobs also noted")."""
    token = doc[k]
    if not (token.is_title and token.is_alpha and token.tag_ in _NAME_TAGS):
        return False
    verb = k + 2 if doc[k + 1].tag_ == "RB" and k + 2 < len(doc) else k + 1
    return doc[verb].tag_ in _VERB_TAGS and token.text in _surnames(doc, k)


def _surnames(doc: Doc, k: int) -> set[str]:
    """The capitalised words written before token `k` after a first name ("Claudia Sheinbaum": a
    capitalised name not after a determiner) and nowhere after "the" ("the Senate", "the Army")."""
    found = set()
    for j in range(1, k):
        token = doc[j]
        if not (token.is_title and token.is_alpha and token.tag_ in _NAME_TAGS):
            continue
        first = doc[j - 1]
        named = first.is_title and first.is_alpha and first.tag_ in _NAME_TAGS
        if named and not (j > 1 and doc[j - 2].tag_ == "DT"):
            found.add(token.text)
    return found - {token.text for token in doc[1:] if doc[token.i - 1].lower_ == "the"}


@cache
def _titles() -> frozenset[str]:
    """Abbreviated titles and honorifics written before a name ("Sen.", "Mr."), lower case."""
    titles = load_json("titles.json")
    return frozenset([*(t.lower() for t in titles["abbreviations"]), *titles["honorifics"]])


@cache
def sentence_openers() -> frozenset[str]:
    """The capitalised closed-class words and sentence adverbs of `sentence_openers.json`."""
    classes = load_json("sentence_openers.json")["classes"]
    return frozenset(word for entry in classes.values() for word in entry["words"])


def _is_abbreviation(token: Token) -> bool:
    """A token that keeps its final period: "U.S.", "D.C.", "Inc.", "p.m." (not "." itself)."""
    text = token.text
    return len(text) > 1 and text[-1] == "." and any(ch.isalpha() for ch in text)


def _in_running_text(doc: Doc, i: int) -> bool:
    """Some word before token `i`, back to the start of its sentence, line or quotation, is lower
    case: the text is running prose, not a title-case headline ("… Americans To Enter U.S. As …")
    nor a label opening a quotation ("it reads, “P.S. You can …")."""
    for j in range(i - 1, -1, -1):
        token = doc[j]
        if token.text in _SENTENCE_ENDS or token.is_left_punct or (token.is_space and "\n" in token.text):
            return False
        if token.is_lower and token.is_alpha:
            return True
    return False


def subheads(doc: Doc) -> list[tuple[int, int]]:
    """The subheads flattened into the text, as (start, end) token indices; `end` starts the next sentence."""
    found = []
    common: frozenset[str] | None = None
    for i in _after_sentence_ends(doc):
        if _may_open_a_subhead(doc[i]):
            end = _subhead_end(doc, i)
            if end is None:
                common = _common_words(doc) if common is None else common
                end = _label_before_a_common_word(doc, i, common)
            if end is not None:
                found.append((i, end))
    return found


def _common_words(doc: Doc) -> frozenset[str]:
    """The capitalised forms of the words the article writes in lower case and capitalises after a
    lower-case word once at most (after the subhead itself): "Negotiations" when it writes
    "negotiations", not "Health" when it writes "the health of …", "Ministry of Health" and "the
    Department of Health"."""
    lower = {token.text.title() for token in doc if token.is_lower and token.is_alpha}
    mid = Counter(t.text for t in doc[1:] if t.is_title and doc[t.i - 1].is_lower and doc[t.i - 1].is_alpha)
    return frozenset(word for word in lower if mid[word] <= 1)


def _label_before_a_common_word(doc: Doc, start: int, common: frozenset[str]) -> int | None:
    """The index of a capitalised common word (`_common_words`) opening the next sentence after a
    label starting at `start` ("Airstrikes kill 50 militants / Hours after …"), or None."""
    if doc[start].tag_ in _NOT_A_LABEL_OPENER:
        return None
    for k in range(start + 1, min(start + _SUBHEAD_MAX + 1, len(doc) - 1)):
        token = doc[k]
        if token.is_title and token.is_alpha:
            return (
                k if _ends_a_label(doc, start, k) and token.text in common and doc[k + 1].is_lower else None
            )
        if token.tag_ in _NEVER_IN_SUBHEAD or token.tag_ in ("DT", "PDT"):
            return None
        if not ((token.is_lower and token.is_alpha) or token.like_num):
            return None
    return None


def _ends_a_label(doc: Doc, start: int, end: int) -> bool:
    """Words `start`..`end - 1` are two or more, the last a common noun that is no role or time."""
    last = doc[end - 1]
    return end - start >= 2 and last.tag_ in _COMMON_NOUN_TAGS and last.lower_ not in _label_exclusions()


def _after_sentence_ends(doc: Doc) -> list[int]:
    """The indices of the tokens right after a sentence's end mark, perhaps past closing quotation
    marks or brackets ("… said. The", "… said." The"), in order."""
    n = len(doc)
    after: list[int] = []
    for k in _tokens_with(doc, _SENTENCE_END):
        if doc[k].text not in _SENTENCE_ENDS:
            continue
        i = k + 1
        while i < n and (not after or after[-1] < i):
            after.append(i)
            if doc[i].text not in _CLOSERS:
                break
            i += 1
    return after


def _may_open_a_subhead(token: Token) -> bool:
    """A capitalised word that is no verb or pronoun ("The rescue", "Difficult terrain")."""
    tag = token.tag_
    verb_or_pronoun = tag in _NEVER_IN_SUBHEAD or tag in _FINITE_TAGS
    capitalised = token.is_title or (token.is_upper and len(token) > 1)  # "BLA surges", "US ban on …"
    return bool(token.i) and capitalised and token.is_alpha and not verb_or_pronoun


def _subhead_end(doc: Doc, start: int) -> int | None:
    """The index after a subhead starting at `start`, or None when the words run on as a sentence."""
    named = False
    for k in range(start + 1, min(start + _SUBHEAD_MAX + 1, len(doc))):
        token = doc[k]
        if _opens_the_next_sentence(doc, k):
            if named and not _opens_a_clause(doc, k):
                return None
            return k if k - 1 > start and _ends_a_noun_phrase(doc, start, k - 1) else None
        if _possessive_name(doc, k):
            return k if k - 1 > start and not named and _is_a_label(doc, start, k) else None
        if token.is_title and token.is_alpha and token.tag_ in _NAME_TAGS:
            if not named and _plural_label_before_a_subject(doc, start, k):
                return k  # "Helping newcomers / Wu said …"
            named = True  # "Integration into Japan", "Countering China", "Diego Garcia"
            continue
        if not (token.is_lower and token.is_alpha) or token.tag_ in _NEVER_IN_SUBHEAD:
            return None
    return None


def _plural_label_before_a_subject(doc: Doc, start: int, k: int) -> bool:
    """Words `start`..`k - 1` are a headline's plural noun phrase and the name at token `k` is the
    subject of the next sentence: a plural common noun last that is no role and no time ("Helping
    newcomers", "Weak core subjects"), no article anywhere (headlines drop them; a noun with a
    determiner takes a name as a contact clause: "Most of the contests Sanders has won"), no
    opening conjunction, preposition, adverb or possessive, and the name followed by a finite verb
    or a modal ("Wu said", "Math was"): English sets no bare plural noun before one name as its
    apposition ("rivals Boeing and Airbus" takes two)."""
    words = doc[start:k]
    last = words[-1]
    if len(words) < 2 or not (last.tag_ == "NNS" and last.is_lower) or last.lower_ in _label_exclusions():
        return False
    if words[0].tag_ in _NOT_A_LABEL_OPENER or any(word.tag_ in ("DT", "PDT") for word in words):
        return False
    j = k
    while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].tag_ in _NAME_TAGS:
        j += 1
    return j < len(doc) and doc[j].tag_ in _VERB_TAGS and doc[k].lower_ not in _label_exclusions()


def _opens_a_clause(doc: Doc, k: int) -> bool:
    """The opener at token `k` after a subhead holding a name starts a clause, not the rest of a
    title-case name ("Reporters Without Borders", "Bank Of America"): a quotation, or an opener
    followed by a lower-case word, a number or a comma ("Despite the", "Though he", "In 2019,")."""
    if doc[k].text in _OPENING_QUOTES or k + 1 >= len(doc):
        return doc[k].text in _OPENING_QUOTES
    word = doc[k + 1]
    return (word.is_lower and word.is_alpha) or word.is_digit or word.text == ","


def _opens_the_next_sentence(doc: Doc, k: int) -> bool:
    """Token `k` can open the sentence after a subhead: a capitalised determiner or preposition
    ("The", "In", "While"), or another word of `sentence_openers.json`, whatever its tag ("Both"
    read as a conjunction, "According", "Even", "Last"), or a quotation opening on a capitalised
    word ("… chips "It will …"), which a noun phrase takes mid-sentence only after a verb or a colon."""
    token = doc[k]
    if token.is_title and (token.tag_ in _OPENER_TAGS or token.text in sentence_openers()):
        return token.text != "I"
    if token.text not in _OPENING_QUOTES or k + 1 >= len(doc):
        return False
    word = doc[k + 1]
    return word.is_title and word.is_alpha and _quotes_a_sentence(doc, k)


def _quotes_a_sentence(doc: Doc, k: int) -> bool:
    """The quotation opening at token `k` ends on the punctuation of a sentence ("… so far,"):
    a quoted sentence, not a title or name in quotation marks ("The slogan "Build Back Better"
    was …"), which a noun before it may well take."""
    closers = _QUOTE_CLOSERS[doc[k].text]
    for j in range(k + 2, min(k + _QUOTATION_MAX, len(doc))):
        if doc[j].text in closers:
            return doc[j - 1].text in _QUOTED_SENTENCE_ENDS
    return False


def _possessive_name(doc: Doc, k: int) -> bool:
    """Token `k` is a capitalised name taking a possessive ("Mahathir's government", "Turkey's")."""
    token = doc[k]
    return token.is_title and token.tag_ in _NAME_TAGS and k + 1 < len(doc) and doc[k + 1].tag_ == "POS"


def _is_a_label(doc: Doc, start: int, end: int) -> bool:
    """Words `start`..`end - 1` are a label, not the opening of a sentence that a possessive name
    continues: no verb, no preposition first ("In addition China's …"), and a last noun that is
    no role ("Foreign minister Lavrov's …") and no time ("Last year China's …")."""
    words = doc[start:end]
    if words[0].tag_ == "IN" or any(word.tag_.startswith("VB") and word.tag_ != "VBG" for word in words):
        return False
    last = words[-1]
    return last.tag_ in _COMMON_NOUN_TAGS and last.lower_ not in _label_exclusions()


@cache
def _label_exclusions() -> frozenset[str]:
    """Role nouns (`titles.json`, the person nouns of `speaker_nouns.json`) and time nouns
    (`timex_rules.json`): a noun of these before a possessive name is a title or a time adverbial."""
    timex = load_json("timex_rules.json")["vocab"]
    times = {word for part in ("UNIT", "GRAIN", "PART", "SEASON") for word in timex[part]}
    roles = set(load_json("titles.json")["titles"]) | set(load_json("speaker_nouns.json")["person"])
    return frozenset(times | roles)


def _ends_a_noun_phrase(doc: Doc, start: int, last: int) -> bool:
    """The subhead's last word is a noun or adjective; a "verb" right after an adjective is the
    tagger reading a noun as a verb ("Chinese demand", "Some recent advances")."""
    word: Token = doc[last]
    if word.tag_ in _NOUNISH_TAGS:
        return True
    return word.tag_ in _FINITE_TAGS and last - 1 >= start and doc[last - 1].tag_ in _MODIFIER_TAGS


@Language.factory("newsgraph_paragraphs", assigns=["token.is_sent_start", "doc.spans"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    """Build the component (it has no settings)."""
    return ParagraphBreaks()
