"""The CAMEO verb dictionary (PETRARCH2's `CAMEO.2.0.txt`, MIT), matched on the dependency parse.

`scripts/compile_cameo.py` compiles the dictionary into `lexicons/cameo_verbs.json`: every verb
lemma with its verb block and CAMEO code, each block's patterns (words on the subject side,
words and prepositional phrases after the verb) and the PLOVER type of each code.
`CameoDictionary.match` reads a verb token's own words from the parse: the subject side is the
subject's subtree with the verb's auxiliaries, negation and adverbs; the post-verb side is the
subtrees of its objects, particles, prepositional phrases and complements, without the clauses below
them (`own_phrase`). The most specific
pattern whose words are all present gives the code ("agree" + "(TO &CEASEFIRE)" -> 0356), else the
verb's own code; a pattern coded `---` blocks the verb ("killed in an accident"). A coded pattern's
words are not read in a phrase of place below the verb ("seized goods in the city" is no "SEIZE *
&CITY") unless the pattern names that preposition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from spacy.strings import StringStore, get_string_id
from spacy.tokens import Token

from newsgraph.extract.components.events._own_phrase import own_phrase
from newsgraph.extract.lexicons import load_json

_POST_DEPS = frozenset(
    {"dobj", "obj", "dative", "prt", "prep", "attr", "oprd", "acomp", "xcomp", "advmod", "npadvmod", "agent"}
)
_OBJECT_DEPS = _POST_DEPS - {"prep", "agent"}  # the post-verb side without its prepositional phrases
_PRE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "advmod"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_MAX_BAG = 40  # tokens read on each side of a verb
_PREPOSITIONS = frozenset(
    {"to", "with", "from", "for", "into", "on", "at", "in", "by", "of", "against", "about", "over", "toward"}
)
"""Words that say nothing of a verb's use when a pattern's item is one of them alone ("HEAD - * TO")."""


@dataclass(frozen=True, slots=True)
class Alternatives:
    """One item of a pattern: the words and phrases any of which fits it."""

    words: frozenset[str]
    phrases: tuple[str, ...]
    """Each with a space either side, as it is sought in a bag's text (`_Bag.text`)."""
    starts: frozenset[str] | None = None
    """The phrases' first words: a phrase " a b " is in a bag's text only if " a " is, that is if "a"
    is one of the text's space-separated pieces. None when a phrase has no first word (two spaces)."""

    need: frozenset[int] | None = None
    """The ids of the words one of which a bag must hold for the item to be in it (its words and its
    phrases' first words); None when a phrase has no first word and may be anywhere (`_need`)."""


@dataclass(frozen=True, slots=True)
class Prep:
    """A prepositional item of a pattern: the preposition and the words of its object."""

    prep: str
    items: tuple[Alternatives, ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One dictionary pattern of a verb block: its code, subject-side items and post-verb items."""

    code: str | None
    pre: tuple[Alternatives, ...]
    post: tuple[Alternatives | Prep, ...]
    size: int
    verbs: frozenset[str]
    content: bool
    places: bool = False
    """Whether an item is a bare preposition of place ("- * STRIKE IN PROTEST"): only such a pattern reads
    its words in a phrase of "in", "at", "near" … below the verb (see `_placeless`)."""
    gate: frozenset[str] = frozenset()
    """Words one of which the verb's surroundings must hold for the pattern to fit (its first item's
    words, or its first preposition); empty when its items are phrases only."""
    needs: tuple[frozenset[int], ...] = ()
    """For each item (and each preposition), the ids of words one of which the verb's bags must hold
    for the pattern to fit (see `_needs`); a pattern with a set that misses the words around the verb
    cannot fit."""


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb line: its block, its own code, and the words a multi-word verb needs after it."""

    block: int
    code: str | None
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CameoMatch:
    """The dictionary's reading of a verb: CAMEO code, PLOVER type, words matched (0 = the verb alone).

    `content` is False for a pattern of prepositions only ("- * (WITH)", "- * TO"), which says little.
    """

    code: str | None
    type: str | None
    size: int
    content: bool = False


class _Bag:
    """The words around a verb as the patterns read them: forms (lower case and lemma) and phrases.

    A single pattern word names a phrase's head or a word of its own, never a noun modifier: "attacked
    the government" is criticism, "attacked government forces" is not.
    """

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.lowers = [t.lower_ for t in tokens]
        """The tokens' lower-case forms, in order (read once: each read decodes a new string)."""
        self.forms: set[str] = set()
        for t, low in zip(tokens, self.lowers, strict=True):
            if t.dep_ not in _MODIFIER_DEPS and not _month_name(t):
                self.forms.add(low)
                self.forms.add(t.lemma_.lower())
        self._text: str | None = None
        self._pieces: frozenset[str] | None = None
        self._indices: frozenset[int] | None = None
        self._scopes: dict[str, list[_Bag]] = {}

    @property
    def text(self) -> str:
        """The bag's words as text, lower case then lemmas, for phrases (built when first asked)."""
        if self._text is None:
            lowers = " ".join(self.lowers)
            lemmas = " ".join(t.lemma_.lower() for t in self.tokens)
            self._text = f" {lowers} | {lemmas} "
        return self._text

    def has(self, alts: Alternatives) -> bool:
        """Whether any alternative (a word or a phrase) is in the bag."""
        if not alts.words.isdisjoint(self.forms):
            return True
        if not alts.phrases:
            return False
        if alts.starts is not None:
            pieces = self._pieces
            if pieces is None:
                pieces = self._pieces = frozenset(self.text.split(" "))
            if alts.starts.isdisjoint(pieces):
                return False  # no phrase's first word in the text: no phrase either
        text = self.text
        return any(p in text for p in alts.phrases)

    def has_prep(self, item: Prep) -> bool:
        """Whether a preposition of the bag has all the item's words in its phrase: the verb's own, not
        the "to" of an infinitive nor one of a clause within ("rushed to evacuate people from the
        province, where the disaster spread to" is no "rushed to X")."""
        scopes = self._scopes.get(item.prep)
        if scopes is None:  # the phrases of a preposition, read once for all the patterns that ask
            scopes = self._scopes[item.prep] = [
                _Bag(list(islice((t for t in tok.subtree if t.i != tok.i), _MAX_BAG)))
                for tok, low in zip(self.tokens, self.lowers, strict=True)
                if low == item.prep
                and not (tok.tag_ == "TO" and tok.dep_ == "aux")
                and not self._in_clause(tok)
            ]
        return any(all(scope.has(alts) for alts in item.items) for scope in scopes)

    def _in_clause(self, tok: Token) -> bool:
        """Whether a token of the bag lies in a relative or adverbial clause within it."""
        inside = self._indices
        if inside is None:
            inside = self._indices = frozenset(t.i for t in self.tokens)
        cur = tok
        while cur.head.i != cur.i and cur.head.i in inside:
            if cur.dep_ in _CLAUSE_DEPS:
                return True
            cur = cur.head
        return cur.dep_ in _CLAUSE_DEPS


class _Items:
    """Pattern items as alternatives, built once each (a class's words, a word and its singular)."""

    def __init__(self, classes: dict[str, list[str]]) -> None:
        self.classes = classes
        self.cache: dict[str, Alternatives] = {}

    def alts(self, raw: list[str]) -> Alternatives:
        """Return the alternatives of an item: a word or phrase with its singular, or a class's members."""
        key = raw[0]
        found = self.cache.get(key)
        if found is None:
            words = self.classes.get(key[1:], []) if key.startswith("&") else [key]
            phrases = tuple(sorted(f" {w} " for w in words if " " in w))
            firsts = frozenset(p.split(" ")[1] for p in phrases)  # p[0] is the leading space
            single = frozenset(w for w in words if " " not in w)
            starts = None if "" in firsts else firsts
            found = Alternatives(single, phrases, starts, _need(single, phrases, starts))
            self.cache[key] = found
        return found

    def post(self, raw: list[Any]) -> Alternatives | Prep:
        """Return a post-verb item: alternatives, or a preposition with the items of its object."""
        if raw and raw[0] == "(":
            return Prep(raw[1], tuple(self.alts(x) for x in raw[2:]))
        return self.alts(raw)


class CameoDictionary:
    """The compiled CAMEO verb dictionary (see the module docstring)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.plover: dict[str, str | None] = dict(data["plover"])
        self.verbs: dict[str, tuple[VerbEntry, ...]] = {
            lemma: tuple(VerbEntry(b, c, tuple(w)) for b, c, w in entries)
            for lemma, entries in data["verbs"].items()
        }
        make = _Items(data["classes"])
        blocks: list[tuple[Pattern, ...]] = []
        for block in data["blocks"]:
            patterns = []
            for code, pre, post, verbs in block:
                items = tuple(make.post(x) for x in post)
                size = len(pre) + sum(1 + len(x.items) if isinstance(x, Prep) else 1 for x in items)
                content = bool(pre) or any(
                    x.items if isinstance(x, Prep) else bool(x.phrases or x.words - _PREPOSITIONS)
                    for x in items
                )
                # a blocking pattern holds for the whole block; a coded one for the verb it was written for
                origin = frozenset(verbs) if code is not None else frozenset()
                pre_items = tuple(make.alts(x) for x in pre)
                places = any(isinstance(x, Alternatives) and x.words & _PLACE_PREPS for x in items)
                patterns.append(
                    Pattern(
                        code,
                        pre_items,
                        items,
                        size,
                        origin,
                        content,
                        places,
                        _gate(pre_items + items),
                        _needs(pre_items + items),
                    )
                )
            patterns.sort(key=lambda p: -p.size)
            blocks.append(tuple(patterns))
        self.blocks = tuple(blocks)
        self._verb_patterns: dict[tuple[str, int], tuple[Pattern, ...]] = {}
        self._known = _KnownIds()

    def doc_words(self, strings: StringStore, lowers: list[int], lemmas: list[int]) -> DocWords:
        """Return a doc's words for `match` from its `LOWER` and `LEMMA` string ids, one per token."""
        return DocWords(strings, lowers, lemmas, self._known)

    def lemmas(self) -> frozenset[str]:
        """Return every verb lemma the dictionary lists."""
        return frozenset(self.verbs)

    def coding_lemmas(self) -> frozenset[str]:
        """Return the lemmas the dictionary can give a PLOVER event or block: a verb line or a pattern
        of its block coded with a PLOVER type, or a `---` pattern ("say", coded 010, has none)."""
        out: set[str] = set()
        for lemma, entries in self.verbs.items():
            for entry in entries:
                if self.type_of(entry.code) is not None or any(
                    (p.code is None or self.type_of(p.code) is not None) and (not p.verbs or lemma in p.verbs)
                    for p in self.blocks[entry.block]
                ):
                    out.add(lemma)
                    break
        return frozenset(out)

    def type_of(self, code: str | None) -> str | None:
        """Return the PLOVER type of a CAMEO code (None: no PLOVER event)."""
        return self.plover.get(code) if code is not None else None

    def match(
        self, verb: Token, lemma: str, kids: list[Token] | None = None, doc_words: DocWords | None = None
    ) -> CameoMatch | None:
        """Return the dictionary's reading of a verb token, or None when the lemma is not in it.

        `kids` are the verb's children when the caller has read them (`Grammar.kids`). With `doc_words`
        (the doc's, see `DocWords`), the patterns that cannot fit for want of a word anywhere under
        the verb are dropped before its bags are read, and with none left the bags are not read:
        the answer is the same, since such a pattern fails `_fits`."""
        entries = self.verbs.get(lemma)
        if not entries:
            return None
        if kids is None:
            kids = list(verb.children)  # read once: spaCy builds new Token objects at every walk
        entry = _entry(entries, {c.lower_ for c in kids})
        if entry is None:
            return None
        patterns = self._patterns(lemma, entry.block)
        if patterns and doc_words is not None:
            patterns = _possible(patterns, doc_words.under(verb))
        if not patterns:
            return CameoMatch(entry.code, self.type_of(entry.code), 0)  # no pattern to read words for
        post = _Bag(_side(verb, kids, _POST_DEPS, after=True))
        pre = _Bag(_side(verb, kids, _PRE_DEPS, after=False))
        around = pre.forms.union(post.forms, post.lowers)
        obj: _Bag | None = None
        placeless: _Bag | None = None
        for pattern in patterns:
            if pattern.gate and pattern.gate.isdisjoint(around):
                continue
            words = post
            if pattern.code is not None and not pattern.places:
                placeless = placeless or _placeless(post)
                words = placeless
            if pattern.code is None:
                # a block ("fight violence") holds for the verb's object, not for a word of its
                # prepositional phrases ("assaulted civilians during violence")
                obj = obj or _Bag(_side(verb, kids, _OBJECT_DEPS, after=True))
                words = obj
            if _fits(pattern, pre, post, words):
                return CameoMatch(pattern.code, self.type_of(pattern.code), pattern.size, pattern.content)
        return CameoMatch(entry.code, self.type_of(entry.code), 0)

    def _patterns(self, lemma: str, block: int) -> tuple[Pattern, ...]:
        """Return the patterns of a verb's block that hold for the verb, most specific first (built
        once per verb line: a coded pattern holds only for the verbs it was written for)."""
        key = (lemma, block)
        found = self._verb_patterns.get(key)
        if found is None:
            found = tuple(p for p in self.blocks[block] if not p.verbs or lemma in p.verbs)
            self._verb_patterns[key] = found
        return found


def _month_name(tok: Token) -> bool:
    """Whether a token names a month in a date ("on March 1", "in May"): a time, never the noun of a
    pattern ("HOLD * MARCH" is a protest march, "states hold contests on March 1" none)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "DATE"


def _placeless(post: _Bag) -> _Bag:
    """The post-verb bag without its phrases of "in", "at", "near" …: where the act was, or the field a
    noun is in ("seized goods at a market in the city", "needs a surge in defense"), not what the verb
    acts on, so no word of a pattern's object ("SEIZE * &CITY", "NEED * DEFENSE"). A phrase is a
    subtree, so a span of the doc: its edges are read once, not each token's path."""
    spans = [
        (t.left_edge.i, t.right_edge.i) for t in post.tokens if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS
    ]
    if not spans:
        return post
    return _Bag([t for t in post.tokens if not any(a <= t.i <= b for a, b in spans)])


def _fits(pattern: Pattern, pre: _Bag, post: _Bag, words: _Bag) -> bool:
    """Whether all of a pattern's items are in a verb's bags: its subject-side items in `pre`, its
    prepositional items in `post`, its other post-verb items in `words` (`post`, or the object's bag
    for a blocking pattern); read in order, up to the first missing item."""
    for alts in pattern.pre:
        if not pre.has(alts):
            return False
    for item in pattern.post:
        if isinstance(item, Prep):
            if not post.has_prep(item):
                return False
        elif not words.has(item):
            return False
    return True


def _gate(items: tuple[Alternatives | Prep, ...]) -> frozenset[str]:
    """Return the words of a pattern's first item with words (a preposition counts as one)."""
    for item in items:
        if isinstance(item, Prep):
            return frozenset({item.prep})
        if item.words and not item.phrases:
            return item.words
    return frozenset()


def _possible(patterns: tuple[Pattern, ...], words: set[int]) -> tuple[Pattern, ...]:
    """Return the patterns each of whose `needs` meets `words` (ids): the others cannot fit in bags
    whose words are all among `words`."""
    kept: list[Pattern] = []
    for pattern in patterns:
        for need in pattern.needs:
            if need.isdisjoint(words):
                break
        else:
            kept.append(pattern)
    return tuple(kept)


def _need(
    words: frozenset[str], phrases: tuple[str, ...], starts: frozenset[str] | None
) -> frozenset[int] | None:
    """Return `Alternatives.need`: the ids of the item's words and its phrases' first words."""
    if phrases and starts is None:
        return None
    return frozenset(get_string_id(w) for w in (words | starts if phrases and starts is not None else words))


def _needs(items: tuple[Alternatives | Prep, ...]) -> tuple[frozenset[int], ...]:
    """Return the id sets of `Pattern.needs`: each item's `Alternatives.need`; for a preposition, the
    preposition itself and its items' needs."""
    out: list[frozenset[int]] = []
    for item in items:
        if isinstance(item, Prep):
            out.append(frozenset({get_string_id(item.prep)}))
            out.extend(n for n in (x.need for x in item.items) if n is not None)
        elif item.need is not None:
            out.append(item.need)
    return tuple(out)


class DocWords:
    """The words of a doc's tokens as the CAMEO bags can hold them, as string ids read from the doc's
    arrays, for `_possible`.

    A bag of a verb (`_Bag`: its forms, lower-case forms and the pieces of its text, and the bags of
    its prepositions' phrases) holds words of the tokens of the verb's subtree only, and for a
    relative clause of its head's subtree too; those tokens lie between the subtrees' left and right
    edges. `under` gives the ids of every word of the tokens there: each token's lower-case form and
    lower-case lemma, the space-separated pieces of either that holds a space, and the text's own
    "" and "|". Ids are spaCy's (`get_string_id`), a function of the string alone.
    """

    def __init__(self, strings: StringStore, lowers: list[int], lemmas: list[int], known: _KnownIds) -> None:
        """`lowers` and `lemmas` are the doc's `LOWER` and `LEMMA` string ids, one per token; `known`
        caches what a string id stands for across docs."""
        lemma_ids = set(lemmas)
        lower_of = known.lower_of(strings, lemma_ids)
        self.lowers = lowers
        self.lemmas = list(map(lower_of.__getitem__, lemmas))
        self.spaced = known.spaced(strings, set(lowers), lemma_ids)
        """The words of the doc that hold a space (whitespace, or tokens merged by a retokenizer), by
        id, each with the ids of its pieces."""

    def under(self, verb: Token) -> set[int]:
        """Return the ids of the words of the tokens a verb's bags can read (see the class docstring)."""
        start, end = verb.left_edge.i, verb.right_edge.i + 1
        if verb.dep_ == "relcl":
            head = verb.head
            start, end = min(start, head.left_edge.i), max(end, head.right_edge.i + 1)
        out = set(self.lowers[start:end])
        out.update(self.lemmas[start:end])
        out.update(_TEXT_PIECES)
        for key, pieces in self.spaced.items():
            if key in out:
                out.update(pieces)
        return out


class _KnownIds:
    """What string ids stand for, worked out once per id for all docs: a lemma's lower-case form, and
    the pieces of a word that holds a space."""

    def __init__(self) -> None:
        self._lower_of: dict[int, int] = {}
        self._lowers = _SpacedWords(lower=False)
        self._lemmas = _SpacedWords(lower=True)

    def lower_of(self, strings: StringStore, lemmas: set[int]) -> dict[int, int]:
        """Return a map that gives each of the lemma ids the id of its lower-case form (and others)."""
        for key in lemmas.difference(self._lower_of):
            self._lower_of[key] = get_string_id(strings[key].lower())
        return self._lower_of

    def spaced(self, strings: StringStore, lowers: set[int], lemmas: set[int]) -> dict[int, tuple[int, ...]]:
        """Return the words of these `LOWER` and `LEMMA` ids that hold a space, by the id of the word
        (a lower-case form, a lemma's lower-case form), each with the ids of its pieces."""
        out: dict[int, tuple[int, ...]] = {}
        for words, ids in ((self._lowers, lowers), (self._lemmas, lemmas)):
            for word, pieces in words.among(strings, ids):
                out[word] = (*out.get(word, ()), *pieces)
        return out


class _SpacedWords:
    """The string ids (of one attribute, `LOWER` or `LEMMA`) whose word holds a space, found once per id."""

    def __init__(self, lower: bool) -> None:
        self.lower = lower
        """Whether the word is the string's lower-case form (a lemma's), else the string itself."""
        self._seen: set[int] = set()
        self._spaced: dict[int, tuple[int, tuple[int, ...]]] = {}
        self._spaced_ids: set[int] = set()

    def among(self, strings: StringStore, ids: set[int]) -> list[tuple[int, tuple[int, ...]]]:
        """Return, for each of `ids` whose word holds a space, the word's id and its pieces' ids."""
        for key in ids.difference(self._seen):
            self._seen.add(key)
            text = strings[key].lower() if self.lower else strings[key]
            if " " in text:
                self._spaced[key] = (get_string_id(text), _piece_ids(text))
                self._spaced_ids.add(key)
        return [self._spaced[key] for key in ids & self._spaced_ids]


def _piece_ids(text: str) -> tuple[int, ...]:
    """Return the ids of a string's space-separated pieces."""
    return tuple(get_string_id(p) for p in text.split(" "))


_TEXT_PIECES = (get_string_id(""), get_string_id("|"))
"""The pieces a bag's text has of its own (`_Bag.text`: words joined by spaces around a "|")."""


def _entry(entries: tuple[VerbEntry, ...], children: set[str]) -> VerbEntry | None:
    """Return the verb line that fits: a multi-word verb whose words follow it, else the single word."""
    multi = [e for e in entries if e.words and all(w in children for w in e.words)]
    if multi:
        return multi[0]
    return next((e for e in entries if not e.words), None)


def _side(verb: Token, kids: list[Token], deps: frozenset[str], after: bool) -> list[Token]:
    """Return the tokens of a verb's dependents (`kids`, its children) of `deps` on one side, in order
    (at most `_MAX_BAG`)."""
    out: list[Token] = []
    for child in kids:
        if child.dep_ not in deps or (child.i > verb.i) != after or _second_object(child, kids):
            continue
        out.extend(islice(child.subtree, _MAX_BAG - len(out)))  # the rest would be cut below
        if len(out) >= _MAX_BAG:
            break
    if after:
        out = own_phrase(verb, out)  # no word of a clause below the object ("evidence documenting a plan")
    elif verb.dep_ == "relcl":
        out.extend(t for t in verb.head.subtree if t.i < verb.head.i or t.i == verb.head.i)
    return sorted(out[:_MAX_BAG], key=lambda t: t.i)


def _second_object(child: Token, kids: list[Token]) -> bool:
    """Whether `child` is a verb's second direct object, after a comma: a verb takes one, so the parser's
    second is a place, a time or a list member it misread ("seized their goods at the market, Quezon
    City Wednesday"), not what the verb acts on, and no word of a pattern's object ("SEIZE * &CITY")."""
    if child.dep_ != "dobj":
        return False
    doc = child.doc
    for first in kids:
        if first.dep_ == "dobj" and first.i < child.i:
            return any(t.text == "," for t in doc[first.right_edge.i + 1 : child.left_edge.i])
    return False


@cache
def load_dictionary() -> CameoDictionary:
    """Load the compiled CAMEO verb dictionary (cached per process)."""
    return CameoDictionary(load_json("cameo_verbs.json"))
