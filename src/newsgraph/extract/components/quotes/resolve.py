"""Speaker resolution: each quote's speaker mention becomes an entity, in text order.

A name becomes the entity the entities component made for it — its head's, not a place or owner in
a modifier of a common noun ("the health ministry of Israel"; see `heads`) — or a new one of its label; a
pronoun the subject before it that it agrees with ("it", "they"; see `antecedents`), else the most
recent compatible speaker (else the last person named before it) of the pronoun's sex, for "it" one
not named in the plural ("Authorities say …", "they said" are no "it"); a relative
pronoun ("who said") the noun it stands for; a description ("a spokesman for …") the named person
the article identifies it with, else it stays an article-local description entity. Writes the
finished `Quote`s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.extract.components.quotes.antecedents import (
    PLURAL_TYPES,
    clause_depth,
    finite_subject,
    sex_agrees,
    subject_antecedent,
)
from newsgraph.extract.components.quotes.context import Context, Draft, tok_end
from newsgraph.extract.components.quotes.heads import appositive_person, opening_noun, speaker_entity
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.components.quotes.speakers import (
    NAME_LABELS,
    PERSON_PRONOUNS,
    antecedent_from_token,
    speaker_from_token,
)
from newsgraph.extract.extensions import add_mention, entity_in_tokens, get_entities, get_quotes, new_entity
from newsgraph.extract.phrase_entities import phrase_kind, phrase_type
from newsgraph.extract.titled_names import titled_holder
from newsgraph.models import Entity, EntityType, Quote
from newsgraph.models import Span as TextSpan

_DEFINITE = frozenset({"the", "this", "that"})
_ROLE_QUALIFIERS = frozenset({"former", "deputy", "vice", "assistant", "acting", "ex", "late", "outgoing"})
_ROLE_WORD_RE = re.compile(r"[\w-]+")
_PLURAL_PRONOUNS = frozenset({"they", "we"})
_LOOKBACK_CHARS = 20_000  # how far back "was this name mentioned before" looks


def resolve_and_write(lex: QuoteLexicon, doc: Doc, ctx: Context, quotes: list[Draft]) -> None:
    """Resolve each quote's speaker to an entity, in text order, and append the quotes."""
    recent: dict[str, Entity] = {}
    seen_at: dict[str, int] = {}  # token of the recent speaker's mention
    out = get_quotes(doc)
    for idx, q in enumerate(quotes):
        if q.carried_from is not None:
            src = q.carried_from
            q.entity = src.entity
            q.speaker = src.speaker
            q.speaker_kind = src.speaker_kind
        else:
            if q.speaker_kind == "pronoun" and q.speaker is not None:
                first = min(q.speaker[0], ctx.tokens_in(q.start, q.end)[0])
                _prefer_named_subject(lex, doc, ctx, q.speaker[0], first, recent, seen_at)
            _resolve(lex, doc, ctx, q, quotes[idx + 1 :], recent)
        if q.entity is not None:
            key = "person" if q.entity.type == "PERSON" else "group"
            recent[key] = q.entity
            if key == "group" and q.entity.type not in PLURAL_TYPES and not _plural_mention(doc, q):
                recent["body"] = q.entity  # what a later "it" may stand for
            if q.speaker is not None:
                seen_at[key] = q.speaker[0]
        out.append(_to_quote(doc, ctx, q, f"q{len(out) + 1}"))


def _plural_mention(doc: Doc, q: Draft) -> bool:
    """Whether a speaker is named in the plural, which no later "it" stands for, whatever its entity's
    type: a plural common noun ("Authorities say …", "the police said") or a plural pronoun ("they
    said"). A plural name is one body ("the United States", "the United Nations")."""
    if q.speaker is None:
        return False
    head = doc[q.speaker[1] - 1]
    return head.tag_ == "NNS" or head.lower_ in _PLURAL_PRONOUNS


def _prefer_named_subject(
    lex: QuoteLexicon,
    doc: Doc,
    ctx: Context,
    pron: int,
    first: int,
    recent: dict[str, Entity],
    seen_at: dict[str, int],
) -> None:
    """A person named as a clause's subject after the last speaker is who "he" or "she" is.

    "Von der Leyen has argued … Barnier, too, was a strong advocate … “…,” he warned": the
    pronoun refers to Barnier, not to the last speaker (a name inside quoted speech is no such
    subject, nor the subject of a participle: "with Weaver standing behind him as he urged …").
    The subject is looked for from the sentence before the quote (`first`, the quote's or the
    pronoun's first token, whichever comes first) up to the pronoun, the nearest sentence first
    and in a sentence the main clause's subject first ("Dr. Lee told reporters, the day before
    Pence declared …, that …"), then the nearest. A quotation of several sentences does not put
    the person named just before it out of reach ("Moise tweeted. “… . …,” he tweeted"). Only a
    person the entities component knows by a full name (two words or more) counts: a one-word
    PERSON is too often a misread place or product. A subject the text marks as of the other sex
    is passed over.
    """
    if doc[pron].lower_ not in PERSON_PRONOUNS or "person" not in recent:
        return
    lo = max(ctx.sentence_tokens(max(0, ctx.sentence_tokens(first)[0] - 1))[0], seen_at.get("person", -1) + 1)
    subjects = [t for t in doc[lo:pron] if finite_subject(t) and t.pos_ != "PRON" and not ctx.in_quote(t.idx)]
    for tok in sorted(subjects, key=lambda t: (-ctx.sentence_tokens(t.i)[0], clause_depth(t), -t.i)):
        named = entity_in_tokens(doc, tok.i, tok.i + 1)
        if named is not None and not any(
            m.kind == "name" and m.start <= tok.idx < m.end for m in named.mentions
        ):
            named = None  # a description ("the senator") or a pronoun: no name of the person
        if named is None:
            if tok.ent_type_ == "PERSON":
                return  # a name the entities component did not take
            continue
        if named.type != "PERSON":
            continue
        if not sex_agrees(lex, ctx.text, named, doc[pron].lower_):
            continue
        if len(named.name.split()) > 1:
            recent["person"] = named
        return


def _resolve(
    lex: QuoteLexicon, doc: Doc, ctx: Context, q: Draft, following: list[Draft], recent: dict[str, Entity]
) -> None:
    """Resolve one quote's speaker mention to an entity (see the module docstring)."""
    if q.speaker is None:
        return
    s, e = q.speaker
    if q.speaker_kind == "name" and speaker_entity(lex, doc, s, e) is None:
        kind = phrase_kind(doc[s:e])
        if kind == "name" and opening_noun(doc, s, e):
            kind = "description"  # "Farmers near Paris said": capitalised as the sentence's first word
        if kind is None:
            q.speaker = None  # a date is no speaker ("Tuesday's report said")
            return
        if kind == "description":
            q.speaker_kind = "description"  # "the Secretary", "Team": no name the article gives
        else:
            q.speaker_label = phrase_type(doc[s:e], NAME_LABELS.get(q.speaker_label or "", "ORG"))
    if q.speaker_kind == "name":
        q.entity = _name_entity(lex, doc, ctx, q)
    elif q.speaker_kind == "pronoun":
        subject = subject_antecedent(lex, ctx, doc[s])
        if subject is not None:
            q.entity = _entity_of_token(lex, doc, ctx, q, subject, following, recent, subject=True)
        else:
            q.entity = _pronoun_target(lex, doc, ctx, s, recent)
        if q.entity is not None:
            add_mention(doc, q.entity, doc[s].idx, tok_end(doc[e - 1]), "pronoun")
    elif q.speaker_kind == "description":
        q.entity = _description_entity(lex, doc, ctx, q, following)
    elif q.speaker_kind == "relative" and q.antecedent is not None:
        q.entity = _entity_of_token(lex, doc, ctx, q, doc[q.antecedent], following, recent)
        if q.entity is not None:
            add_mention(doc, q.entity, doc[s].idx, tok_end(doc[e - 1]), "pronoun")


def _entity_of_token(
    lex: QuoteLexicon,
    doc: Doc,
    ctx: Context,
    q: Draft,
    tok: Token,
    following: list[Draft],
    recent: dict[str, Entity],
    *,
    subject: bool = False,
) -> Entity | None:
    """The entity of the phrase a pronoun stands for, resolved as if it were the quote's speaker
    (for a subject antecedent of "it"/"they", the phrase its head word names)."""
    proxy = Draft(frags=q.frags, cue=q.cue, cue_lemma=q.cue_lemma)
    (antecedent_from_token if subject else speaker_from_token)(doc, ctx, proxy, tok)
    if proxy.speaker_kind != "relative":
        _resolve(lex, doc, ctx, proxy, following, recent)
    return proxy.entity


def _pronoun_target(
    lex: QuoteLexicon, doc: Doc, ctx: Context, s: int, recent: dict[str, Entity]
) -> Entity | None:
    """The last speaker of the pronoun's kind (person, body or group), else the last person named
    before it; for "he" and "she" only a person not marked as of the other sex, for "it" no plural."""
    word = doc[s].lower_
    if word == "it":
        return recent.get("body")
    if word not in PERSON_PRONOUNS:
        return recent.get("group")
    target = recent.get("person")
    if target is not None and sex_agrees(lex, ctx.text, target, word):
        return target
    return _previous_person(doc, ctx, s, lambda entity: sex_agrees(lex, ctx.text, entity, word))


def _name_entity(lex: QuoteLexicon, doc: Doc, ctx: Context, q: Draft) -> Entity | None:
    """The entity of a named speaker: the entities component's (`speaker_entity`), else one named so,
    else a new one."""
    assert q.speaker is not None
    s, e = q.speaker
    entity = speaker_entity(lex, doc, s, e)
    start, end = doc[s].idx, tok_end(doc[e - 1])
    if entity is not None:
        add_mention(doc, entity, start, end, "name")
        return entity
    name = ctx.text[start:end]
    label = NAME_LABELS.get(q.speaker_label or "", "ORG")
    entity = _find_entity_by_name(doc, name, label)
    if entity is None and label == "ORG" and " " not in name:
        entity = _find_entity_by_name(doc, name, "PERSON")  # "Fukuda also warned": a surname
    if entity is None:
        entity = new_entity(doc, name, label)
    add_mention(doc, entity, start, end, "name")
    return entity


def _description_entity(
    lex: QuoteLexicon, doc: Doc, ctx: Context, q: Draft, following: list[Draft]
) -> Entity | None:
    """A description speaker: the named person quoted the same way just after it, else itself."""
    assert q.speaker is not None
    s, e = q.speaker
    head = _head_noun(doc, s, e)
    if head is None:
        return None
    lemma = head.lemma_.lower()
    start, end = doc[s].idx, tok_end(doc[e - 1])
    if lemma in lex.document_nouns:
        return None
    existing = entity_in_tokens(doc, head.i, head.i + 1)
    if existing is not None:
        add_mention(doc, existing, start, end, "description")
        return existing
    is_person = lemma in lex.person_nouns
    is_org = lemma in lex.org_nouns
    if not (is_person or is_org):
        return None
    if is_person and head.tag_ in {"NN", "NNP"}:
        # "Sweden's Minister of Agriculture, Ann-Christin Nykvist, said": the person in apposition
        named = appositive_person(doc, e)
        if named is None and head.tag_ == "NN":
            named = (
                titled_holder(doc, doc[s:e])  # "USAF's chief of staff General Duncan McNab said"
                or _named_after(lex, doc, ctx, q, following, start)
                or _role_holder(doc, head, s, e, start)
            )
        if named is not None:
            add_mention(doc, named, start, end, "description")
            return named
    if head.tag_ in {"NNS", "NNPS"} and is_person:
        type_: EntityType = "GROUP"
    else:
        type_ = "PERSON" if is_person else "ORG"
    entity = new_entity(doc, _description_name(doc, s, e), type_)
    add_mention(doc, entity, start, end, "description")
    return entity


def _named_after(
    lex: QuoteLexicon, doc: Doc, ctx: Context, q: Draft, following: list[Draft], start: int
) -> Entity | None:
    """The named person quoted the same way right after a description, not named before it.

    "A spokesman for the police said … “…,” Daniel Okafor told reporters."
    """
    sent_i = ctx.sentence_of(q.cue.idx if q.cue is not None else start)
    for nq in following[:3]:
        if nq.speaker is None or nq.speaker_kind != "name" or nq.speaker_label != "PERSON":
            continue
        if ctx.sentence_of(nq.start) - sent_i > 1:
            break
        ns, ne = nq.speaker
        name_text = doc[ns:ne].text
        if _mentioned_before(ctx.text, name_text, start):
            break
        entity = _name_entity(lex, doc, ctx, nq)
        if entity is not None:
            nq.entity = entity
        return entity
    return None


def _role_key(word: str) -> str:
    """A role word folded for comparison ("Spokeswoman", "spokesperson" -> "spokes")."""
    word = word.lower()
    return "spokes" if word.startswith("spokes") else word


def _role_holder(doc: Doc, head: Token, s: int, e: int, start: int) -> Entity | None:
    """The named person the article gave this description's role, most recently named before it.

    "Ajmal Omar Shinwari, a spokesman for the Afghan security forces, …" then "the spokesman
    said": the entities component recorded the role, and the description's head noun is one of
    its words. The description's other words ("the *military* spokesperson") must be in the role
    or the person's affiliation too — at least one for a definite description, all for an
    indefinite one ("a spokesman for the army") — and a role's qualifier ("*former* deputy
    secretary") in the description.
    """
    key = _role_key(head.lemma_)
    first = doc[s]
    definite = first.lower_ in _DEFINITE or first.tag_ == "PRP$" or first.dep_ == "poss"
    words = {t.lower_ for t in doc[s:e] if t.i != head.i and t.is_alpha and not t.is_stop}
    extra = words - _ROLE_QUALIFIERS
    entities = get_entities(doc)
    names = {entity.id: entity.name for entity in entities}
    best: Entity | None = None
    best_key = (-1, -1)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        org = names.get(entity.affiliation or "", "")
        shared = max(
            (_role_fit(f"{role} {org}", key, words, extra, definite) for role in entity.roles), default=-1
        )
        if shared < 0:
            continue
        named_at = max((m.start for m in entity.mentions if m.kind == "name" and m.start < start), default=-1)
        if named_at >= 0 and (shared, named_at) > best_key:
            best, best_key = entity, (shared, named_at)
    return best


def _role_fit(role: str, key: str, described: set[str], extra: set[str], definite: bool) -> int:
    """How many of a description's other words a role shares; -1 when it does not fit at all."""
    words = {_role_key(w) for w in _ROLE_WORD_RE.findall(role)}
    if key not in words or not (words & _ROLE_QUALIFIERS) <= described:
        return -1
    shared = len(extra & words)
    if extra and (shared == 0 or (not definite and shared < len(extra))):
        return -1
    return shared if extra or definite else -1


def _to_quote(doc: Doc, ctx: Context, q: Draft, qid: str) -> Quote:
    """The finished quote of a draft (offsets into the text, fragments when split)."""
    text = ctx.text
    frags = sorted(set(q.frags))
    start, end = frags[0][0], max(e for _, e in frags)
    kind = ctx.kind(frags)
    speaker_start = speaker_end = None
    speaker_text = None
    if q.speaker is not None:
        s, e = q.speaker
        speaker_start, speaker_end = doc[s].idx, tok_end(doc[e - 1])
        speaker_text = text[speaker_start:speaker_end]
    cue_start = cue_end = None
    if q.cue is not None:
        cue_start = q.cue.idx
        cue_end = tok_end(q.cue.nbor(1)) if q.cue_lemma == "according to" else tok_end(q.cue)
    return Quote(
        id=qid,
        kind=kind,
        start=start,
        end=end,
        text=text[start:end],
        fragments=[TextSpan(start=a, end=b, text=text[a:b]) for a, b in frags] if len(frags) > 1 else [],
        speaker=q.entity.id if q.entity is not None else None,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker_text=speaker_text,
        cue=q.cue_lemma,
        cue_start=cue_start,
        cue_end=cue_end,
        sentence=ctx.sentence_of(start),
    )


def _head_noun(doc: Doc, s: int, e: int) -> Token | None:
    span = doc[s:e]
    root = span.root
    return root if root.pos_ in {"NOUN", "PROPN"} else None


def _description_name(doc: Doc, s: int, e: int) -> str:
    words = doc[s:e]
    if len(words) > 1 and words[0].lower_ in {"a", "an", "the", "this", "that"}:
        words = doc[s + 1 : e]
    return words.text


def _mentioned_before(text: str, name: str, before: int) -> bool:
    last = name.split()[-1] if name.split() else name
    return bool(last) and text.find(last, max(0, before - _LOOKBACK_CHARS), before) >= 0


def _find_entity_by_name(doc: Doc, name: str, type_: EntityType) -> Entity | None:
    """An entity of this type already named so, or (persons) sharing the surname."""
    last = name.split()[-1] if name.split() else name
    for entity in get_entities(doc):
        if entity.type != type_:
            continue
        if entity.name == name:
            return entity
        if type_ == "PERSON" and entity.name.split()[-1:] == [last]:
            return entity
    return None


def _previous_person(
    doc: Doc, ctx: Context, before_tok: int, fits: Callable[[Entity], bool]
) -> Entity | None:
    """The entity of the last person named before a token that fits (made when no component made it)."""
    for ent in ctx.persons_before(before_tok):
        entity = entity_in_tokens(doc, ent.start, ent.end)
        if entity is not None:
            if fits(entity):
                return entity
            continue
        if phrase_kind(ent) != "name":
            continue  # a name spaCy saw that the entities component did not take ("Riot" police)
        found = _find_entity_by_name(doc, ent.text, "PERSON")
        if found is not None:
            if fits(found):
                return found
            continue
        entity = new_entity(doc, ent.text, "PERSON")
        add_mention(doc, entity, ent.start_char, ent.end_char, "name")
        return entity
    return None
