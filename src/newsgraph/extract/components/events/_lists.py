"""The members of a listed argument: every side a sentence lists in an argument's slot is an actor.

`ActorFinder.heads` takes an argument head with its conjuncts ("Jordan and Britain"); this module finds
the members of a list the parse hangs elsewhere, each an actor of the same role:

- a list of names the parser read as an apposition and its conjuncts ("Ben Carson, Ted Cruz and Rand
  Paul": Cruz an apposition of Carson, Paul a conjunct of Cruz), `listed`;
- the names an "including" or "such as" phrase lists after a group noun ("requested assistance from
  international organizations, including the World Health Organization and the CDC"), or a "like" phrase
  after a plural group noun ("civil rights groups like Amnesty International"): the group and each named
  member, `examples` (only names: "seven members, including two women" adds no one);
- a second object the parser hangs on the verb instead of on the first, a noun conjunct of the verb with
  no clause of its own ("arrested the mayor and two of his deputies"), `second_objects`.

A conjunct that owns a pronoun's possession ("Dodik and his aides", "Russia and its allies") is a side
of its own, not the owner the pronoun stands for (`in_list`, `list_head`: the list's first member); the
members of an "including" list are one side with their group in a two-sided act (`example_member`). The
members of a list are alike: a common noun listed after an actor is a side too ("a reporter, translator and
a photographer", "the United States and others"), unless it names an act or a state (`alike_member`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from newsgraph.extract.components.events._dep_ids import APPOS, CONJ
from newsgraph.extract.components.events._grammar import Grammar

_NOT_PARTY_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT", "LAW", "WORK_OF_ART"}
    | {"PRODUCT", "LANGUAGE"}
)
"""Labels of names that name no party ("including the Geneva Conventions", "such as English")."""
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_GROUP_LABELS = frozenset({"", "NORP"})
"""A group noun is a common noun or a plural of a people's or party's name ("the two leading Republicans"),
not the name of one party ("the Netherlands", "the United States")."""
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark", "ccomp", "xcomp"})
_OBJECT_DEPS = frozenset({"dobj", "dative"})
_ACT_SUFFIXES = ("ance", "ence", "ment", "tion", "sion", "ness", "ism", "ing", "dom")
"""Endings of English nouns made from verbs and adjectives, naming an act or a state, not a party ("her
appearance", "restrictions", "endorsements", "subsequent statements", "freedom of expression")."""


def listed(head: Token, g: Grammar) -> list[Token]:
    """Return the rest of a list of names that the parser read as an apposition and its conjuncts. A name
    beside a name of the same kind that goes on with "and" is the next of a list, not a second name for
    the first ("Ted Cruz, R-Texas, …" is a person and a place). The parser hangs far names on a name as
    well ("Trump endorsed Ryan, McCain and Ayotte"): only the name right after its comma, or after its
    bracketed short form ("the World Health Organization (WHO), …"), counts."""
    comma = _after_short_form(head)
    for a in g.kids(head):
        if (
            a.dep == APPOS
            and a.left_edge.i == comma + 1
            and head.doc[comma].text == ","
            and head.pos_ == a.pos_ == "PROPN"
            and head.ent_type_ != ""
            and head.ent_type_ == a.ent_type_
            and any(c.dep == CONJ for c in g.kids(a))
        ):
            return [a, *conjuncts(a, g)]
    return _titled_conjuncts(head, g)


def _titled_conjuncts(head: Token, g: Grammar) -> list[Token]:
    """Return the names the parser hangs as conjuncts on the name of a titled head ("meeting India's Prime
    Minister Narendra Modi and Philippine President Rodrigo Duterte": Duterte a conjunct of Modi, Modi an
    apposition of the title "Minister"), or as a second apposition after "and". A common noun's names are
    `conjuncts` of their own ("daughters Karen Williams and Patty King"). The first apposition is the
    head's own name, not a member."""
    names = [a for a in g.kids(head) if a.dep == APPOS and a.ent_type_ == "PERSON"]
    if head.pos_ != "PROPN" or not names or names[0].left_edge.i != head.i + 1:
        return []
    doc = head.doc
    later = [a for a in names[1:] if doc[a.left_edge.i - 1].lower_ == "and"]  # or a second apposition
    return [c for c in conjuncts(names[0], g) if c.i > names[0].i and c.ent_type_ == "PERSON"] + later


def conjuncts(tok: Token, g: Grammar) -> list[Token]:
    """Return the tokens coordinated with `tok` as `Token.conjuncts` does (the first conjunct up the chain
    of "conj" links, then every "conj" right child, breadth first), from `Grammar.kids`."""
    first = tok
    while first.dep == CONJ and first.head.i != first.i:
        first = first.head
    found = [first]
    for word in found:  # grows while read: the queue of conjuncts
        found.extend(c for c in g.kids(word) if c.i > word.i and c.dep == CONJ)
    return [w for w in found if w.i != tok.i]


def examples(head: Token, g: Grammar) -> list[Token]:
    """Return the names an "including" or "such as" phrase of a common noun lists ("30 countries
    including Australia, France and Japan", "donors such as Japan and Norway"): each a member of the
    group, named. A list with a member that is no name lists kinds, not parties ("children, including
    orphans and Syrian refugees" is one group), and gives none. A plural of a people's or party's name
    lists its members too ("Republicans like Ted Cruz and Rand Paul")."""
    if head.pos_ != "NOUN" and not plural_group(head):
        return []
    for c in g.kids(head):
        if c.dep_ != "prep" or c.i < head.i or not opens_examples(c, g):
            continue
        first = g.pobj(c)
        if first is None:
            continue
        members = [first, *conjuncts(first, g)]
        if all(_name(m) for m in members):
            return members
    return []


def second_objects(head: Token, g: Grammar) -> list[Token]:
    """Return the nouns the parser hangs on an object's verb as its conjuncts, after the object and a
    coordinator ("arrested the mayor and two of his deputies", "indicted X and three others"): more
    objects of the same verb, when the conjunct heads no clause of its own."""
    if head.dep_ not in _OBJECT_DEPS or head.pos_ not in ("NOUN", "PROPN"):
        return []
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    found: list[Token] = []
    for c in g.kids(verb):
        if (
            c.dep_ == "conj"
            and c.i > head.i
            and c.pos_ in ("NOUN", "PROPN", "NUM")
            and c.i > 0
            and c.doc[c.left_edge.i - 1].dep_ == "cc"
            and not any(x.dep_ in _CLAUSE_DEPS for x in g.kids(c))
        ):
            found.extend([c, *(x for x in conjuncts(c, g) if x.i > c.i)])
    return found


def in_list(tok: Token) -> bool:
    """Whether a noun is a later member of a list: a conjunct, or the counted noun of one ("Dodik and his
    aides", "the mayor and two of his deputies")."""
    return list_head(tok) is not None


def list_head(tok: Token) -> Token | None:
    """The first member of the list a later member is in ("Dodik" for "his aides" in "Dodik and his
    aides"; the object for a second object hung on the verb), else None."""
    top = tok
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.lower_ == "of":
        top = top.head.head
    if top.dep_ != "conj" or top.head.i > top.i:
        return None
    first = top.head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.pos_ in ("VERB", "AUX"):  # a second object hung on the verb: the verb's object
        return next((c for c in first.children if c.dep_ in _OBJECT_DEPS and c.i < top.i), None)
    return first


def alike_member(tok: Token, event_nouns: Collection[str]) -> bool:
    """Whether a common noun listed after a side may be a side like it: in English the members of a list
    are of one kind ("attacked voters, lawmakers, and thinkers", "Berlin, Paris and other European
    capitals"), unless the noun is made from a verb or an adjective and names an act or a state ("Clinton
    and her appearance", "Planned Parenthood and restrictions on abortion"), is an event noun of the
    dictionary ("the killing of demonstrators and arbitrary arrests"), or follows a name of no party ("the
    Common Core or similar standards"). A singular noun with no determiner of its own is a mass noun
    ("attacks from Republicans or scrutiny from the media", "crowds and media coverage") unless it shares
    the first member's ("a reporter, translator and a photographer"). A prefix the tokenizer cut off its
    hyphenated word is no noun of its own ("her co-workers", "non-residents"). Whether the first member is
    an actor the caller asks (`list_head`)."""
    low = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or low.endswith(_ACT_SUFFIXES) or low in event_nouns or _prefix(tok):
        return False
    first = list_head(tok)
    if first is None or first.ent_type_ in _NOT_PARTY_LABELS:
        return False
    return tok.tag_ != "NN" or _determined(tok) or (first.tag_ == "NN" and _determined(first))


def _prefix(tok: Token) -> bool:
    """Whether a token is the prefix of a hyphenated word ("co" of "co-workers"): a hyphen right after it."""
    return not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"


def _determined(noun: Token) -> bool:
    """Whether a noun has a determiner, a possessor or a number of its own ("the army", "his network")."""
    return any(c.dep_ in ("det", "poss", "nummod") and c.i < noun.i for c in noun.children)


def example_member(tok: Token, g: Grammar) -> bool:
    """Whether a name is a member of an "including" or "such as" list: one side with its group."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ == "pobj" and opens_examples(first.head, g)


def opens_examples(prep: Token, g: Grammar) -> bool:
    """Whether a preposition opens a list of examples: "including", "such as", or "like" after a plural
    group noun (no part of the group's own phrase: "donors such as Japan" are donors, "groups like
    Amnesty International" are groups). After one party "like" compares, it lists no member: "CNN, like
    the AP, declared …" (the AP did so on its own), "a candidate like Trump" (one like him)."""
    if prep.dep_ != "prep":
        return False
    low = prep.lower_
    if low == "including":
        return True
    if low == "like":
        return plural_group(prep.head)
    return low == "as" and any(c.lower_ == "such" for c in g.kids(prep))


def plural_group(tok: Token) -> bool:
    """Whether a noun is a plural group noun: a plural common noun, or a plural of a people's or party's
    name ("Republicans"), not the name of one party ("the Netherlands", "the United States")."""
    return tok.tag_ in _PLURAL_TAGS and tok.ent_type_ in _GROUP_LABELS


def _name(tok: Token) -> bool:
    """Whether a list member is a name that can be a party: a proper noun of a group that is an actor is
    one of its members, whatever label the tagger gives it ("aid agencies, including Oxfam" read as a
    place), unless the name is of a date, a number, a law, a work or a product; a proper noun the tagger
    names nothing is no name ("including Sens. John McCain …": the title cut off by its period)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ != "" and tok.ent_type_ not in _NOT_PARTY_LABELS


def _after_short_form(name: Token) -> int:
    """The index of the token after a name and its bracketed short form, if any ("Organization (WHO)")."""
    doc, i = name.doc, name.i + 1
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
        if close is not None:
            i = close + 1
    return min(i, len(doc) - 1)
