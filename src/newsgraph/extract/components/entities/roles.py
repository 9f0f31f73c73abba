"""Stage 6: roles and affiliations of people, read around their mentions.

Titles before a name ("Qatar’s counterterrorism envoy Mutlaq al-Qahtani"), appositions after or
before it ("Louis Gallois, the Airbus chief executive,"; "the head of the High Council for
National Reconciliation, Abdullah Abdullah") and "of/from/at" phrases ("Karim Haddad of the
Interior Ministry"; an unnamed "foreign ministry" becomes an ORG with a description mention).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.joint_roles import joint_roles
from newsgraph.extract.components.entities.lexicon import DETERMINERS, POSSESSIVES, EntityLexicon
from newsgraph.extract.components.entities.spans import SPACES, Chain, NameMention
from newsgraph.extract.extensions import add_mentions, entity_at_token, new_entity
from newsgraph.models import Entity

_AFFILIATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your", "this", "that"})
_LOOSE_ENDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "VERB"})
_MAX_ROLE_TOKENS = 16
_MAX_LEFT_RUN = 6

Role = tuple[str, Entity | None]
"""A role text (may be empty) and the organisation or country it places the person in."""


def assign_roles(doc: Doc, lex: EntityLexicon, written: list[tuple[Entity, Chain]]) -> None:
    """Give each person the roles and the affiliation its mentions' contexts state."""
    for entity, chain in written:
        if entity.type != "PERSON":
            continue
        for m in chain.mentions:
            if m.weak:
                continue
            for role, aff in _mention_roles(doc, lex, m):
                role = SPACES.sub(" ", role).strip()
                if role and role.casefold() not in {r.casefold() for r in entity.roles}:
                    entity.roles.append(role)
                if aff is not None and entity.affiliation is None and aff.id != entity.id:
                    entity.affiliation = aff.id


def _mention_roles(doc: Doc, lex: EntityLexicon, m: NameMention) -> list[Role]:
    """Return (role, affiliation) pairs stated around one mention of a person."""
    out: list[Role] = []
    start = m.start
    title_text = None
    if m.titles:
        a, b = m.titles[0]
        title_text = doc[a:b].text
        start = a
    left = _left_run(doc, lex, start)
    if left is not None:
        a, b = left
        role = doc[a : (m.titles[0][1] if m.titles else b)].text
        out.append((role, _owner_before(doc, a)))
    elif title_text:
        out.append((title_text, _owner_before(doc, start)))
    else:
        owner = _owner_before(doc, start)
        if owner is not None and doc[start - 1].text in POSSESSIVES:
            out.append(("", owner))
    run = left[0] if left is not None else start
    recorded = left is not None or title_text is not None
    out.extend((role, None) for role in joint_roles(doc, lex, run, m.end, recorded))
    out.extend(_appositions(doc, lex, m))
    owner = _postmodifier(doc, lex, m)
    if owner is not None:
        out.append(("", owner))
    return out


def _postmodifier(doc: Doc, lex: EntityLexicon, m: NameMention) -> Entity | None:
    """The organisation in "Ahmed Ali of the Interior Ministry" / "… of the interior ministry"."""
    if m.end >= len(doc) or doc[m.end].lower_ not in {"of", "from", "at", "with"}:
        return None
    prep = doc[m.end]
    if prep.head.i < m.start or prep.head.i >= m.end:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    found = entity_at_token(doc, obj.i)
    if found is not None:
        return found if found.type in {"ORG", "GPE"} else None
    if obj.is_lower and obj.pos_ in {"NOUN", "PROPN"} and obj.lower_ in lex.org_nouns:
        # an unnamed organisation: "the foreign ministry", "the state oil company"
        first = obj.left_edge.i
        while first < obj.i and (doc[first].lower_ in DETERMINERS or doc[first].pos_ == "DET"):
            first += 1
        if any(entity_at_token(doc, k) is not None for k in range(first, obj.i + 1)):
            return None
        span = doc[first : obj.i + 1]
        entity = new_entity(doc, span.text, "ORG")
        add_mentions(doc, entity, [(span.start_char, span.end_char)], "description")
        return entity
    return None


def _left_run(doc: Doc, lex: EntityLexicon, start: int) -> tuple[int, int] | None:
    """Return the title words right before a name ("counterterrorism envoy", "Supreme Leader")."""
    i = start - 1
    if i < 0 or not _is_role_word(lex, doc[i]) or not lex.in_titles(doc[i]):
        return None
    end = start
    while i >= 0 and start - i <= _MAX_LEFT_RUN:
        tok = doc[i]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        if _is_role_word(lex, tok) and (
            i == start - 1 or lex.is_title(tok) or not doc[i + 1].is_title
        ):  # "counterterrorism envoy", but not "news conference Dr."
            i -= 1
            continue
        if tok.text == "-" and tok.whitespace_ == "" and i > 0 and doc[i - 1].whitespace_ == "":
            i -= 1
            continue
        if tok.lower_ == "of" and i > 0 and lex.in_titles(doc[i - 1]):
            i -= 1  # "Minister of Justice"
            continue
        break
    first = i + 1
    while first < end and doc[first].lower_ in DETERMINERS:
        first += 1
    return (first, end) if first < end else None


def _is_role_word(lex: EntityLexicon, tok: Token) -> bool:
    """Whether a token may sit in a role before a name (not a name or an honorific)."""
    if tok.lower_ in lex.honorifics or entity_at_token(tok.doc, tok.i) is not None:
        return False
    low = tok.lower_
    if low in lex.title_words or low.rstrip(".") in lex.title_words:
        return True
    return tok.is_lower and tok.pos_ in {"NOUN", "ADJ", "PROPN"}


def _owner_before(doc: Doc, i: int) -> Entity | None:
    """The organisation or country owning a role: "Qatar’s …", "Taliban leader …"."""
    j = i - 1
    if j >= 0 and doc[j].text in POSSESSIVES:
        j -= 1
    if j < 0:
        return None
    owner = entity_at_token(doc, j)
    if owner is not None and owner.type in _AFFILIATION_LABELS:
        return owner
    return None


def _appositions(doc: Doc, lex: EntityLexicon, m: NameMention) -> list[Role]:
    """Roles from an apposition after the name or a title noun the name is in apposition to."""
    span = doc[m.start : m.end]
    root = span.root
    out: list[Role] = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= m.end and lex.is_title_noun(child):
            out.append(_role_phrase(doc, child, exclude=(m.start, m.end)))
    head = root.head
    if root.dep_ == "appos" and head.i < m.start and lex.is_title_noun(head):
        out.append(_role_phrase(doc, head, exclude=(m.start, m.end)))
    elif root.dep_ == "appos":
        title = _title_before_comma(doc, lex, m)
        if title is not None:
            out.append(_role_phrase(doc, title, exclude=(m.start, m.end)))
    return [r for r in out if r[0]]


def _title_before_comma(doc: Doc, lex: EntityLexicon, m: NameMention) -> Token | None:
    """The singular title noun whose phrase ends at the comma before an appositive name the parse
    hung elsewhere ("guests, including the Prime Minister of Singapore, Mr. Lee Hsien Loong,": the
    name is read as an apposition to "guests"; the phrase written right before it is the title)."""
    k = (m.titles[0][0] if m.titles else m.start) - 1
    while k > 0 and doc[k].lower_ in lex.honorifics:
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    tok = doc[k - 1]
    for _ in range(4):  # up through "of Singapore" to "Minister"
        if lex.is_title_noun(tok) or tok.head is tok or tok.dep_ not in ("pobj", "prep"):
            break
        tok = tok.head
    if not lex.is_title_noun(tok) or tok.tag_ in ("NNS", "NNPS") or tok.right_edge.i != k - 1:
        return None
    return tok if entity_at_token(doc, tok.i) is None else None


def _role_span(doc: Doc, head: Token, exclude: tuple[int, int]) -> tuple[int, int]:
    """Return the token range of the role phrase headed by `head`, the name's own tokens left out."""
    left = head.left_edge.i
    right = head.i + 1
    # the title's own of/for/at phrase: "head of the High Council for National Reconciliation"
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "to", "with", "in"}:
            right = max(right, child.right_edge.i + 1)
    if exclude[0] < right <= exclude[1] or left <= exclude[0] < right:
        right = min(right, exclude[0])
    right = min(right, left + _MAX_ROLE_TOKENS)
    # stop before a clause or a comma
    for k in range(head.i + 1, right):
        if doc[k].text in {",", ";", "(", "—", "–"} or doc[k].tag_ in {"WDT", "WP", "WP$"}:
            right = k
            break
    while left < head.i and (
        doc[left].lower_ in DETERMINERS or doc[left].lower_ in _POSSESSIVE_PRONOUNS or doc[left].is_punct
    ):
        left += 1
    while right > head.i + 1 and (doc[right - 1].pos_ in _LOOSE_ENDS or doc[right - 1].is_punct):
        right -= 1  # "… regional office of" cut short
    return left, right


def _role_phrase(doc: Doc, head: Token, exclude: tuple[int, int]) -> Role:
    """Return the role text headed by `head` and the organisation it names, if any."""
    left, right = _role_span(doc, head, exclude)
    affiliation: Entity | None = None
    # an owner before a possessive: "the country's interior minister", "Qatar’s envoy"
    for k in range(head.i - 1, left - 1, -1):
        if doc[k].text in POSSESSIVES and doc[k].tag_ == "POS":
            owner = entity_at_token(doc, k - 1) if k > 0 else None
            if owner is not None and owner.type in _AFFILIATION_LABELS:
                affiliation = owner
            left = k + 1
            break
    # a leading owner: "the Airbus chief executive"
    k = left
    owner = entity_at_token(doc, k)
    if affiliation is None and owner is not None and owner.type in _AFFILIATION_LABELS:
        while k < head.i and entity_at_token(doc, k) is owner:
            k += 1
        if k < head.i and doc[k].text in POSSESSIVES:
            k += 1
        affiliation = owner
        left = k
    if affiliation is None:
        named = [
            e
            for e in (entity_at_token(doc, k) for k in range(left, right))
            if e is not None and e.type in _AFFILIATION_LABELS
        ]
        # an organisation before a country or a city ("director of the Berlin-based … Center")
        affiliation = next((e for e in named if e.type == "ORG"), named[0] if named else None)
    if left >= right:
        return "", affiliation
    return doc[left:right].text, affiliation
