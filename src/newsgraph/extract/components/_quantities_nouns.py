"""What a number counts and of what it is a share: "244 operations", "half of the 400 districts".

The parse around a number gives its counted noun (singular, with its modifiers) when no unit
does, a rate after that noun ("3,000 tests per day"), the approximation cue before it ("nearly")
and, for a fraction or percentage, its base ("of the nation's 400 districts").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.extract.components._quantities_lexicon import Found, QuantityLexicon, TokenAt

_QUOTE_CHARS = "\"'“”‘’«»"
# prepositions that give a tally its value: "rose to 25", "stands at 45", "climbed past 140"
_TALLY_PREPOSITIONS = frozenset(
    {"to", "at", "past", "from", "above", "below", "over", "under", "near", "around"}
)
_COUNT_OF = re.compile(r"\s(?:out\s+of|in|of\s+every|in\s+every)\s", re.IGNORECASE)


class NounReader(QuantityLexicon):
    """Complete a quantity from the parse: approximation, counted noun, rate and base."""

    def _finish(self, doc: Doc, text: str, cand: Found, token_at: TokenAt) -> None:
        """Add the approximation cue, the counted noun and the base of a proportion."""
        before = text[max(0, cand.start - 30) : cand.start]
        approx = self._approx_before.search(before)
        if approx:
            cand.approximate = True
            cand.start -= len(before) - approx.start(1)
        if cand.kind == "count" and cand.unit is None and self._age_before.search(before):
            cand.unit, cand.kind, cand.has_unit = "year of age", "measure", True  # "aged 55"
        if cand.kind == "count" and cand.unit is None:
            self._counted_noun(doc, text, cand, token_at)
        if cand.kind == "count" and cand.unit is None and self._age_reached(text, cand, before, token_at):
            cand.unit, cand.kind, cand.has_unit = "year of age", "measure", True  # "Trump turns 70"
        if cand.kind in ("fraction", "percent"):
            cand.base = self._base(doc, text, cand, token_at)
        if cand.kind == "count" and cand.unit is None and cand.base is None:
            cand.base = None

    def _age_reached(self, text: str, cand: Found, before: str, token_at: TokenAt) -> bool:
        """Tell whether a bare number after "turn" is an age: "Trump turns 70", "before they turned 18".

        Not "turned 40 of them over" (a part of something), "turned 200 away", "turned 300 down"
        (the phrasal verb: a particle or an adverb right after the number in the parse), nor a
        number that counts a noun ("turned 10 pages", which has its unit by now).
        """
        if not self._age_verb_before.search(before) or self._of_after.match(text[cand.end : cand.end + 6]):
            return False
        number = token_at(max(cand.start, cand.end - 1))
        if number is None:
            return True
        return not any(
            c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == number.i + 1) for c in number.head.children
        )

    def _counted_noun(self, doc: Doc, text: str, cand: Found, token_at: TokenAt) -> None:
        """Set the unit to the noun the number counts ("244 operations" -> "operation")."""
        last = token_at(max(cand.start, cand.end - 1))
        if last is None or self._shares_next_measure(last):
            return
        head = _governing_noun(last) or _noun_ahead(doc, last, cand)
        if head is not None and head.i == last.i + 1 and head.lemma_.lower() in self._level_nouns:
            return  # "below the 5000 mark": a level, not what the number counts
        if head is None:
            of_noun = _of_object(last)
            if of_noun is not None and of_noun.pos_ in ("NOUN", "PROPN"):
                cand.unit = _unit_text(_modifiers(_of_words(of_noun), self._quantifiers), of_noun)
                self._noun_rate(doc, text, cand, of_noun)
            elif (noun := _noun_before_or(last)) is not None:  # "a day or two", "another pick or two"
                entry = self._unit_forms_ci.get(noun.lower_)
                cand.unit, cand.kind = (entry[0], entry[1]) if entry else (_singular(noun), cand.kind)
            elif (counted := _tallied_noun(last, self._tallies)) is not None:  # "the number of X rose to 25"
                cand.unit = _unit_text(_modifiers(_of_words(counted), self._quantifiers), counted)
                cand.tallied = True
            return
        if head.i > last.i:
            mods = _modifiers(self._past_measures(list(doc[last.i + 1 : head.i])), self._quantifiers)
            cand.unit = _unit_text(mods, head)
            if mods is not None and head.i - last.i <= 4:
                cand.noun_end = head.idx + len(head.text)
            self._noun_rate(doc, text, cand, head)
        else:
            cand.unit = _singular(head)

    def _past_measures(self, words: list[Token]) -> list[Token]:
        """Drop the measures among the words before a counted noun: "eight million [250ml] bottles".

        A number in digits opening a word, with the words hyphened to it ("18-hole golf courses")
        or a unit of the lexicon after it ("one 52,000 barrel-a-day refinery"), measures the
        noun; what is counted is the noun ("bottle", "golf course", "refinery"). Digits inside a
        name stay ("six new A330-300E aircraft").
        """
        dropped: set[int] = set()
        for k, t in enumerate(words):
            if not t.text[:1].isdigit() or (k > 0 and not words[k - 1].whitespace_):
                continue
            end = k + 1
            if t.whitespace_ and end < len(words) and self._is_unit_word(words[end].text):
                end += 1  # "52,000 barrel-a-day": the unit after the number
            while end < len(words) and not words[end - 1].whitespace_:
                end += 1  # the words hyphened on ("18-hole", "-a-day")
            dropped.update(range(k, end))
        return [t for k, t in enumerate(words) if k not in dropped]

    def _shares_next_measure(self, number: Token) -> bool:
        """Tell whether "and" / "or" and a measure follow a number: "10 and 16 ounce bags".

        The number measures as the last does (10 ounces; the coordination gives it the unit,
        `Quantities._inherit_units`); the bags are not what it counts.
        """
        doc, i = number.doc, number.i
        return (
            i + 3 < len(doc)
            and doc[i + 1].lower_ in ("and", "or")
            and doc[i + 2].like_num
            and self._is_unit_word(doc[i + 3].text)
        )

    def _noun_rate(self, doc: Doc, text: str, cand: Found, noun: Token) -> None:
        """Append "per X" to a counted noun followed by a rate ("3,000 tests per day")."""
        end = noun.idx + len(noun.text)
        rate = self._rate.match(text[end : end + 40])
        if (
            rate
            and cand.unit is not None
            and rate.group(0).strip().split()[0].lower() in ("per", "a", "an", "each")
        ):
            cand.unit = f"{cand.unit} per {self._denominator(rate.group(1))}"

    def _base(self, doc: Doc, text: str, cand: Found, token_at: TokenAt) -> str | None:
        """Return what a fraction or percentage is a share of.

        "of the nation's 400 districts"; after "half" the "of" may go ("half the condos"); "one
        in five voters", "two out of three Americans" are shares of the noun after the count.
        """
        m = re.match(r"^\s+of\s+", text[cand.end : cand.end + 10])
        if m:
            of_tok = token_at(cand.end + m.start() + m.group(0).index("of"))
            if of_tok is None or of_tok.text.lower() != "of":
                return None
            pobj = next((c for c in of_tok.children if c.dep_ == "pobj"), None)
            return None if pobj is None else _noun_phrase(doc, pobj, of_tok.i + 1)
        after = token_at(cand.end + 1) if cand.end < len(text) else None
        if after is None or after.idx < cand.end:
            return None
        definite = after.tag_ in ("DT", "PRP$") and after.lower_ not in ("a", "an")
        if definite and text[cand.start : cand.end].lower().endswith("half"):
            noun = after.head  # "half the condos", "half their value"
        elif _COUNT_OF.search(text[cand.start : cand.end]) and after.tag_ in ("NNS", "NNPS"):
            noun = after  # "one in five voters"
        else:
            return None
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i < after.i:
            return None
        return _noun_phrase(doc, noun, after.i)


def _noun_phrase(doc: Doc, noun: Token, first: int) -> str | None:
    """Return the text of a noun's phrase from token `first` on, without clauses or appositions."""
    start = max(noun.left_edge.i, first)
    end = noun.i + 1
    for t in noun.rights:
        if t.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl"):
            break
        end = t.right_edge.i + 1
    comma = next((t.i for t in doc[noun.i : end] if t.text == ","), end)
    return doc[start:comma].text or None


def _noun_before_or(last: Token) -> Token | None:
    """Return the noun of "a day or two", "another pick or two" for the number after "or"."""
    doc, i = last.doc, last.i
    if i < 3 or doc[i - 1].lower_ != "or" or doc[i - 3].lower_ not in ("a", "an", "another", "one"):
        return None
    noun = doc[i - 2]
    return noun if noun.pos_ == "NOUN" and noun.tag_ == "NN" else None


def _tallied_noun(number: Token, tallies: dict[str, frozenset[str]]) -> Token | None:
    """Return what a tally counts when a bare number is its value, else None.

    "the number of confirmed cases increased to 25" -> cases (the tally's "of" phrase); "the
    death toll stands at 45" -> death (its compound); "the number of deaths is 17", "brought the
    total of infections to 871". The tally is the subject or object of the verb the number
    completes; `tallies` says where each tally noun names what it counts.
    """
    if number.dep_ == "pobj" and number.head.lower_ in _TALLY_PREPOSITIONS:
        verb = number.head.head
    elif number.dep_ in ("attr", "dobj", "oprd"):
        verb = number.head
    else:
        return None
    for tally in _subjects_and_objects(verb):
        where = tallies.get(tally.lemma_.lower())
        if where is None or tally.i == number.i:
            continue
        compounds = [c for c in tally.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if "compound" in where and compounds:
            return compounds[-1]
        counted = _of_object(tally) if "of" in where else None
        if counted is not None and counted.tag_ in ("NNS", "NNPS"):  # "the number of" counts a plural
            return counted
    return None


def _subjects_and_objects(verb: Token) -> list[Token]:
    """Return a verb's subjects and objects; for "which" / "that" of a relative clause, its noun."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ == "relcl" and any(c.tag_ == "WDT" for c in out):
        out.append(verb.head)  # "the death toll, which stands at 23,000"
    return out


def _governing_noun(last: Token) -> Token | None:
    """Return the noun a number modifies in the parse ("244 [nummod] operations"), if near.

    A noun that modifies a later noun is not what is counted: when the parse hangs the number on
    it ("five [nummod] famine [compound] hotspots", "94 million antiviral vaccine doses"), the
    noun it modifies is (`_modifies_next_noun`). Near is at most six words between, punctuation
    not counted ("20 decently sized coal-fired power plants").
    """
    if last.dep_ not in ("nummod", "compound", "quantmod", "amod", "nmod") or last.head.i <= last.i:
        return None
    candidate = last.head
    while (
        candidate.dep_ in ("quantmod", "compound", "nummod")
        and candidate.head.i > candidate.i
        and candidate.pos_ == "NUM"
    ):
        candidate = candidate.head
    if candidate.pos_ not in ("NOUN", "PROPN"):
        return None
    while _modifies_next_noun(last, candidate):
        candidate = candidate.head  # "five famine hotspots": the parse hangs the number on the modifier
    if candidate.i - last.i <= 6 or sum(not t.is_punct for t in last.doc[last.i + 1 : candidate.i + 1]) <= 6:
        return candidate
    return None


def _modifies_next_noun(number: Token, noun: Token) -> bool:
    """Tell whether the noun a number hangs on is a modifier of a later noun, which is counted.

    "five famine hotspots", "three course meal", "one 52,000 barrel-a-day refinery". Not when
    the noun agrees with the number as a plural ("her two children new clothes", a misparse),
    when the number has decimals and so measures ("a 9.0 magnitude earthquake") or is hyphened
    to the noun ("18-hole golf courses"), nor into a hyphened word ("290 seat wide-body").
    """
    head = noun.head
    return (
        bool(number.whitespace_)
        and "." not in number.text
        and noun.dep_ in ("compound", "nmod")
        and noun.tag_ not in ("NNS", "NNPS")
        and head.i > noun.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.doc[head.i - 1].tag_ != "HYPH"
    )


def _noun_ahead(doc: Doc, last: Token, cand: Found) -> Token | None:
    """Scan a short noun phrase forward from a number, skipping adjectives and quoted words."""
    j = last.i + 1
    quoted = False
    while j < len(doc) and j - last.i <= 5:
        t = doc[j]
        if t.text in _QUOTE_CHARS or t.is_quote:
            quoted = not quoted
        elif quoted or t.pos_ in ("ADJ",) or t.tag_ == "HYPH":
            pass
        elif t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS", "NN", "NNP"):
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ != "conj" and t.dep_ == "compound":
                j += 1
                continue
            if t.tag_ in ("NNS", "NNPS") or (last.i < len(doc) - 1 and t.i == last.i + 1 and cand.value == 1):
                return t
            return None
        else:
            return None
        j += 1
    return None


def _modifiers(words: Sequence[Token], quantifiers: frozenset[str]) -> list[str] | None:
    """Return the words before a counted noun that belong to its unit; None if quoted.

    Adjectives, nouns and names stay ("new long-haul Airbus aircraft"), not quantifiers ("the
    few markets"). A participle is left out ("400 charging stations") unless hyphened to the
    word before it ("coal-fired", "laboratory-confirmed"); an adverb is left out ("12 newly
    built homes", "the most spectacular catches") unless hyphened to the next ("worst-hit").
    """
    kept: set[int] = set()
    quoted = False
    for t in words:
        if t.text in _QUOTE_CHARS or t.is_quote:
            quoted = not quoted
        elif quoted or t.lower_ in quantifiers:
            continue
        elif t.pos_ in ("ADJ", "NOUN", "PROPN") or t.tag_ == "HYPH" or _hyphened(t) or _hyphen_adverb(t):
            kept.add(t.i)
    if quoted:
        return None
    end = words[-1].i + 1 if words else 0
    for t in words:
        if t.tag_ == "HYPH" and not {t.i - 1, t.i + 1} <= kept | {end}:
            kept.discard(t.i)
    return [t.text if _proper(t) else t.text.lower() for t in words if t.i in kept]


def _proper(token: Token) -> bool:
    """Tell whether a word keeps its capital: a name, or a capitalised word inside a sentence."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and not token.is_sent_start)


def _hyphen_adverb(token: Token) -> bool:
    """Tell whether an adverb is joined by a hyphen to the next word ("worst-hit", "well-known")."""
    doc = token.doc
    if token.pos_ != "ADV" or token.whitespace_ or token.i + 1 >= len(doc):
        return False
    return doc[token.i + 1].tag_ == "HYPH"


def _hyphened(token: Token) -> bool:
    """Tell whether a participle is joined by a hyphen to the word before ("coal-fired")."""
    if token.pos_ != "VERB" or token.i < 2:
        return False
    hyphen = token.doc[token.i - 1]
    return hyphen.tag_ == "HYPH" and not hyphen.whitespace_ and not token.doc[token.i - 2].whitespace_


def _of_words(noun: Token) -> list[Token]:
    """Return the words before the noun of "N of the X" that may belong to its unit.

    Not the determiner, a possessor ("one of Haiti's most modern facilities") or a number ("111
    of the 163 recorded deaths").
    """
    doc = noun.doc
    possessed = {t.i for c in noun.lefts if c.dep_ == "poss" for t in c.subtree}
    return [
        t
        for t in doc[noun.left_edge.i : noun.i]
        if t.i not in possessed and t.tag_ not in ("DT", "PRP$", "POS", "CD") and t.pos_ != "NUM"
    ]


def _unit_text(mods: list[str] | None, noun: Token) -> str | None:
    """Join the unit's modifiers and its noun, singular, hyphens closed up ("coal-fired plant")."""
    unit = re.sub(r"\s*-\s*", "-", " ".join([*(mods or []), _singular(noun)]))
    return unit.lstrip("-").strip() or None


def _of_object(token: Token) -> Token | None:
    """Return the noun of "N of the X" governed by this number token, if any."""
    for child in token.rights:
        if child.dep_ == "prep" and child.text.lower() == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _singular(token: Token) -> str:
    """Return a noun's singular form (its lemma; proper plurals lose a final s).

    A plural in "-oses" is a singular in "-ose" ("doses", "noses"); the lemmatizer gives "dos"
    for "doses", a word of its noun list.
    """
    if token.pos_ == "PROPN":
        word = token.text
        if token.tag_ == "NNPS" and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    lemma = token.lemma_.lower()
    if token.tag_ == "NNS" and lemma.endswith("os") and token.lower_ == lemma + "es":
        return lemma + "e"
    return lemma or token.text.lower()
