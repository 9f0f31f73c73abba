"""The parse as the events component reads it: lemmas, clause structure, a verb's doer and patient.

`Grammar` wraps the spaCy dependency parse with the few questions every stage asks: a verb's
lemma (repairing the lemmatizer's misses on known verbs), whether it is passive, who does it
(climbing through control, conjunction and subordinate clauses) and who undergoes it, which verb
governs a complement clause, and where an event noun sits. It reads what every stage asks of a
doc once per doc, as plain values where it can: the sentences, the token attributes the trigger
finder and the per-sentence walks read (`array`, `column`), each token's children and lemma.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Iterator

import numpy as np
from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events import _dep_ids as deps
from newsgraph.extract.components.events._for_clauses import for_subject_clause
from newsgraph.extract.components.events._gerund_doers import gerund_doer, misjoined
from newsgraph.extract.components.events._inflections import doubles, inflections
from newsgraph.extract.components.events._lexicon import Lexicon

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ARRAY_ATTRS = [POS, DEP, LEMMA, LOWER]
"""The token attributes of `Grammar.array`, in this order: what the trigger finder reads of every doc."""
HYPHEN = get_string_id("-")  # the id of a hyphen: "sit-in" is "sit", "-", "in" to the tokenizer


class Grammar:
    """Dependency-parse helpers shared by the events component's stages."""

    def __init__(self, lex: Lexicon, known_verbs: frozenset[str]) -> None:
        self.lex = lex
        self.known_verbs = known_verbs
        self.forms = inflections(known_verbs)
        self._doubling = frozenset(
            lemma for lemma in known_verbs if doubles(lemma) and lemma + "e" in known_verbs
        )
        """The known verbs a lemmatizer may cut to a doubling verb ("hoping" -> "hop"; see `lemma`)."""
        self._sents: list[Span] = []
        self._starts: list[int] = []
        self._array: np.ndarray | None = None
        self._columns: dict[int, list[int]] = {}
        self._lemma_lists: dict[tuple[int, int], list[str]] = {}
        self._words: dict[int, frozenset[str]] = {}
        self._kids: dict[int, list[Token]] = {}
        self._lemmas: dict[int, str] = {}
        self._near_hyphen: frozenset[int] | None = None
        self._names: dict[int, bool] = {}
        self._passives: dict[int, bool] = {}
        self._doc: Doc | None = None

    def reset(self) -> None:
        """Forget the cached sentences, words, children, lemmas and answers: call before each doc."""
        self._sents = []
        self._starts = []
        self._array = None
        self._columns = {}
        self._lemma_lists = {}
        self._words = {}
        self._kids = {}
        self._lemmas = {}
        self._near_hyphen = None
        self._names = {}
        self._passives = {}
        self._doc = None

    def _switch(self, doc: Doc) -> None:
        """Start the per-doc caches afresh for another doc (the callers test `doc is not self._doc`
        themselves: they run tens of thousands of times a corpus, a method call each would show)."""
        self.reset()
        self._doc = doc

    def sentences(self, doc: Doc) -> list[Span]:
        """Return the doc's sentences (`doc.sents`), read once per doc (see `reset`).

        The list is shared by every caller: read it, never change it."""
        if doc is not self._doc:
            self._switch(doc)
        if not self._sents:
            self._sents = list(doc.sents)
            self._starts = [s.start for s in self._sents]
        return self._sents

    def sentence(self, tok: Token) -> Span:
        """Return a token's sentence, as `tok.sent` does: that walks the doc to the sentence's bounds
        at every read (and asks whether the doc has sentences at all), this finds it among the doc's
        sentences, read once per doc (`sentences`)."""
        sents = self.sentences(tok.doc)
        return sents[bisect_right(self._starts, tok.i) - 1]

    def array(self, doc: Doc) -> np.ndarray:
        """Return the doc's `ARRAY_ATTRS` ids, a row per token (`Doc.to_array`), read once per doc.

        The array is shared by every caller: read it, never change it."""
        if doc is not self._doc:
            self._switch(doc)
        if self._array is None:
            self._array = doc.to_array(ARRAY_ATTRS)
        return self._array

    def column(self, doc: Doc, attr: int) -> list[int]:
        """Return one token attribute of the doc as a list of ids, one per token, made once per doc when
        first asked: from `array` for its attributes, else read alone (a Token object per word costs
        more; each attribute `Doc.to_array` reads costs too, so only those asked are read)."""
        if doc is not self._doc:
            self._switch(doc)
        found = self._columns.get(attr)
        if found is None:
            if attr in ARRAY_ATTRS:
                found = self.array(doc)[:, ARRAY_ATTRS.index(attr)].tolist()
            else:
                found = doc.to_array(attr).tolist()
            self._columns[attr] = found
        return found

    def sentence_lemmas(self, sent: Span) -> list[str]:
        """Return the lower-case lemmas of a sentence's tokens in order, as `t.lemma_.lower()` gives them
        (decoded once per sentence of a doc; see `reset`). Read it, never change it."""
        key = (sent.start, sent.end)
        found = self._lemma_lists.get(key) if sent.doc is self._doc else None
        if found is None:
            strings = sent.doc.vocab.strings
            lemmas = self.column(sent.doc, LEMMA)[sent.start : sent.end]
            lowered = {k: strings[k].lower() for k in set(lemmas)}
            found = self._lemma_lists[key] = [lowered[k] for k in lemmas]
        return found

    def sentence_parts(self, sent: Span) -> list[int]:
        """Return the part-of-speech ids of a sentence's tokens in order (`t.pos`)."""
        return self.column(sent.doc, POS)[sent.start : sent.end]

    def sentence_alpha_texts(self, sent: Span) -> list[str]:
        """Return the texts of a sentence's alphabetic tokens in order (`t.text` where `t.is_alpha`)."""
        strings = sent.doc.vocab.strings
        alpha = self.column(sent.doc, IS_ALPHA)[sent.start : sent.end]
        orths = self.column(sent.doc, ORTH)[sent.start : sent.end]
        return [strings[o] for o, a in zip(orths, alpha, strict=True) if a]

    def words(self, tok: Token) -> frozenset[str]:
        """Return the lemmas and lower-case forms of a token's sentence (cached per sentence; see `reset`)."""
        sent = self.sentence(tok)
        found = self._words.get(sent.start)
        if found is None:
            strings = tok.doc.vocab.strings
            words = set(self.sentence_lemmas(sent))
            words.update(strings[k] for k in set(self.column(tok.doc, LOWER)[sent.start : sent.end]))
            found = self._words[sent.start] = frozenset(words)
        return found

    def kids(self, tok: Token) -> list[Token]:
        """Return a token's children in order, built once per doc: the stages ask for the same verbs'
        children again and again, and spaCy builds a new Token object for each child each time (and
        a generator even for a leaf, which `n_lefts` and `n_rights` tell has no children).

        The list is shared by every caller: read it, never change it."""
        if tok.doc is not self._doc:
            self._switch(tok.doc)
        found = self._kids.get(tok.i)
        if found is None:
            # a leaf has none: its counts say so, without the generator spaCy starts even for none
            found = self._kids[tok.i] = list(tok.children) if tok.n_lefts or tok.n_rights else []
        return found

    def to_infinitive(self, clause: Token) -> bool:
        """Whether a clause is a to-infinitive ("to help refugees", "urged them to leave")."""
        return any(c.dep == deps.AUX and c.lower_ == "to" for c in self.kids(clause))

    def pobj(self, prep: Token) -> Token | None:
        """Return the object of a preposition ("with" -> "police" in "clashed with police"), if any."""
        return next((p for p in self.kids(prep) if p.dep == deps.POBJ), None)

    def preps(self, tok: Token, words: Container[str]) -> Iterator[Token]:
        """Yield a word's prepositions among `words`, in order ("of" of "many of them" for ("of",))."""
        return (c for c in self.kids(tok) if c.dep == deps.PREP and c.lower_ in words)

    def prep_objects(self, tok: Token, words: Container[str]) -> Iterator[tuple[Token, Token]]:
        """Yield each of a word's prepositions among `words` that has an object, with its (first) object,
        in order: ("with", "police") of "clashed with police" for ("with",)."""
        for prep in self.preps(tok, words):
            obj = self.pobj(prep)
            if obj is not None:
                yield prep, obj

    def lemma(self, tok: Token) -> str:
        """Return a token's lemma, repairing known verbs ("staged" -> "stage") and nouns (`noun_lemma`).

        Worked out once per token of a doc: every stage asks for the trigger's lemma again."""
        if tok.doc is not self._doc:
            self._switch(tok.doc)
        found = self._lemmas.get(tok.i)
        if found is None:
            found = self._lemmas[tok.i] = self._repaired_lemma(tok)
        return found

    def _repaired_lemma(self, tok: Token) -> str:
        """Return a token's lemma, lower case, repaired for a known verb (see `lemma`)."""
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX"):
            return self.noun_lemma(tok)
        if lemma in self.known_verbs:
            # "hoping" read as "hop": a one-syllable verb ending consonant-vowel-consonant doubles it
            # ("hopping"), so the single consonant form belongs to the verb in -e ("hope"); its -s form
            # is "hops", so "hopes" is the verb in -e too (not so after -s or -z: "buses")
            endings = ("ing", "ed") if lemma[-1] in "sz" else ("ing", "ed", "es")
            if lemma in self._doubling and tok.lower_ in {lemma + end for end in endings}:
                return lemma + "e"
            return lemma
        return self.forms.get(tok.lower_, lemma)

    def noun_lemma(self, tok: Token) -> str:
        """Return a noun's lemma, lower case; for the head of a hyphenated event noun, the whole word.

        The tokenizer splits "sit-in", "walk-out" in three ("sit", "-", "in"), the parse makes one part
        the head; when the lexicon knows the word, with its hyphen or without ("walkout"), that word is
        the head's lemma: "staged a sit-in" holds the event noun "sit-in", not "in"."""
        lemma = tok.lemma_.lower()
        pair = self.hyphen_word(tok)
        if pair is None:
            return lemma
        left, right = pair
        for tail in (right.lemma_.lower(), right.lower_):
            for word in (f"{left.lower_}-{tail}", left.lower_ + tail):
                if word in self.lex.noun_lemmas:
                    return word
        return lemma

    def hyphen_word(self, tok: Token) -> tuple[Token, Token] | None:
        """Return (left, right) of a word written with a hyphen and no spaces ("sit-in") whose head, as
        parsed, is the noun `tok`; None when `tok` heads no such word."""
        doc, i = tok.doc, tok.i
        if i not in self.near_hyphen(doc) or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for left, right, other in ((i - 2, i, i - 2), (i, i + 2, i + 2)):
            if left < 0 or right >= len(doc) or doc[left + 1].lower != HYPHEN:
                continue
            first, dash = doc[left], doc[left + 1]  # "sit", "-": letters, no spaces
            if first.is_alpha and not first.whitespace_ and not dash.whitespace_ and doc[other].head.i == i:
                return first, doc[right]
        return None

    def near_hyphen(self, doc: Doc) -> frozenset[int]:
        """Return the indices of the words just before and after a hyphen, found once per doc."""
        if doc is not self._doc:
            self._switch(doc)
        if self._near_hyphen is None:
            dashes = np.flatnonzero(self.array(doc)[:, ARRAY_ATTRS.index(LOWER)] == HYPHEN)
            self._near_hyphen = frozenset((dashes - 1).tolist()) | frozenset((dashes + 1).tolist())
        return self._near_hyphen

    def object_of(self, tok: Token) -> Token | None:
        """Return a verb's object: passive subject, direct object, else its first prepositional object."""
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in self.kids(tok))
        for c in self.kids(tok):
            if passive and c.dep_ == "nsubjpass":
                return c
            if c.dep_ in ("dobj", "obj"):
                return c
        if not passive:
            for c in self.kids(tok):
                if c.dep_ == "prep":
                    for p in self.kids(c):
                        if p.dep_ == "pobj":
                            return p
        return None

    def governor(self, tok: Token) -> Token | None:
        """Return the verb or adjective whose complement `tok`'s clause is, if any."""
        cur = tok
        for _ in range(4):
            dep = cur.dep_
            if dep in ("xcomp", "ccomp"):
                return cur.head
            if dep == "pcomp" and cur.head.dep_ == "prep":
                return cur.head.head
            if dep == "conj" and cur.head.i != cur.i:
                cur = cur.head
                continue
            return None
        return None

    def noun_slot(self, tok: Token) -> tuple[Token, str, Token | None]:
        """Climb from an event noun through quantifier nouns; return (noun position, dep, governing word)."""
        cur = tok.head if tok.dep_ == "compound" else tok
        for _ in range(4):
            head = cur.head
            if cur.dep_ == "conj" and head.i != cur.i:
                cur = head
                continue
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
                owner = head.head
                if owner.lemma_.lower() in self.lex.quantifier_nouns or owner.like_num or owner.pos_ == "NUM":
                    cur = owner
                    continue
            break
        return cur, cur.dep_, cur.head if cur.head.i != cur.i else None

    def names_object(self, verb: Token) -> bool:
        """Whether a verb says what its object is called ("called the death a suicide").

        Worked out once per token of a doc: the trigger finder and `is_light` ask of the same verbs."""
        if verb.doc is not self._doc:
            self._switch(verb.doc)
        found = self._names.get(verb.i)
        if found is None:
            kids = self.kids(verb)
            found = any(c.dep == deps.OPRD for c in kids) and any(c.dep == deps.DOBJ for c in kids)
            self._names[verb.i] = found
        return found

    def answers_with(self, verb: Token) -> bool:
        """Whether a verb of answering names a means that is no weapon ("retaliated with tariffs",
        "responded by expelling diplomats"): the means is the event, the answering verb only answers."""
        if self.lemma(verb) not in self.lex.response_verbs:
            return False
        for c in self.preps(verb, ("with", "by")):
            for x in self.kids(c):
                low = x.lemma_.lower()
                thing = (
                    x.pos_ == "NOUN" and low not in self.lex.weapon_nouns and low not in self.lex.sector_nouns
                )
                if (x.dep_ == "pobj" and thing) or (x.dep_ == "pcomp" and x.pos_ == "VERB"):
                    return True
        return False

    def is_light(self, verb: Token) -> bool:
        """Whether a verb is a light verb whose object noun carries the event ("launched an attack")."""
        lemma = self.lemma(verb)
        if self.names_object(verb):
            return False  # "called the bombing an act of terror": naming its object, not doing it
        prts = [c.lower_ for c in self.kids(verb) if c.dep == deps.PRT]
        if any(f"{lemma} {p}" in self.lex.light_verbs for p in prts):
            return True
        # a particle that changes the verb makes it no light verb ("called off talks")
        return lemma in self.lex.light_verbs and all(p in self.lex.neutral_particles for p in prts)

    def is_main_clause(self, verb: Token) -> bool:
        """Whether a verb heads its sentence's main clause, or the clause a reporting verb reports.

        Conjoined verbs share their first conjunct's place ("X attacked Y and killed Z"); the
        complement of an intent or attempt verb takes that verb's place ("decided to allow").
        """
        cur = verb
        for _ in range(6):
            if cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
                continue
            if cur.dep_ == "ROOT":
                return True
            head = self.lemma(cur.head)
            if cur.dep_ in ("ccomp", "parataxis") and head in self.lex.reporting:
                return cur.head.dep_ == "ROOT" or self.is_main_clause(cur.head)
            if cur.dep_ == "xcomp" and (head in self.lex.intent_only or head in self.lex.attempt_heads):
                cur = cur.head  # "decided to allow …": the complement of an intent or attempt verb
                continue
            return False
        return False

    def is_passive(self, verb: Token) -> bool:
        """Whether a verb is passive: a passive auxiliary or subject, a participle modifying a noun, or a
        participle sharing a passive verb's auxiliary ("was convicted and sentenced").

        Worked out once per token of a doc: the doer, the patient and the classifiers ask it again."""
        if verb.doc is not self._doc:
            self._switch(verb.doc)
        found = self._passives.get(verb.i)
        if found is None:
            found = self._passives[verb.i] = self._passive(verb)
        return found

    def _passive(self, verb: Token) -> bool:
        """Whether a verb is passive (see `is_passive`)."""
        if any(c.dep in deps.PASSIVE_MARKS for c in self.kids(verb)):
            return True
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return self.misparsed_main(verb) is None
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and verb.head.i != verb.i
            and not any(c.dep in deps.ACTIVE_MARKS for c in self.kids(verb))
            and any(c.dep == deps.AUXPASS for c in self.kids(verb.head))
        )

    def misparsed_main(self, verb: Token) -> Token | None:
        """Return the subject of a main verb the parser read as a participle of a noun ("Suicide bombings
        at two markets killed 18 people": "killed" hangs from "markets" yet has an object): the noun
        at the root of the sentence. None for a true participle ("people killed in the attack")."""
        if (
            verb.dep_ != "acl"
            or verb.tag_ not in ("VBN", "VBD")
            or not any(c.dep == deps.DOBJ for c in self.kids(verb))
        ):
            return None
        root = self.sentence(verb).root
        return root if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i else None

    def agent(self, verb: Token, depth: int = 0) -> Token | None:
        """Return the head of the doer of a verb, climbing through control, conjunction and clauses."""
        if depth > 5:
            return None
        misparsed = self.misparsed_main(verb)
        if misparsed is not None:
            return misparsed
        passive = self.is_passive(verb)
        for c in self.kids(verb):
            if not passive and c.dep in deps.SUBJECTS:
                return c
            if passive and c.dep == deps.AGENT:
                return self.pobj(c)
        if not passive:  # 'Iran is "flagrantly" defying …': the parser hung the subject on the auxiliary
            for c in self.kids(verb):
                if c.dep == deps.AUX and c.i < verb.i:
                    subject = next((g for g in self.kids(c) if g.dep in deps.SUBJECTS), None)
                    if subject is not None:
                        return subject
        if passive:
            if verb.dep_ == "conj" and verb.head.i != verb.i:
                return self.agent(verb.head, depth + 1) if self.is_passive(verb.head) else None
            return None
        if verb.dep_ == "conj" and self.is_passive(verb.head):
            # "The group is believed to control … and has laid siege …": the shared subject
            shared = next((c for c in self.kids(verb.head) if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return shared
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:
            return None
        if dep == "ccomp" and self.lemma(head) in self.lex.clause_only_reporters:
            # "X said Ankara in the last years imposed …": "say" takes no object, so its parsed object
            # is the reported clause's subject
            return next((c for c in self.kids(head) if c.dep_ == "dobj" and head.i < c.i < verb.i), None)
        if dep == "xcomp":
            if self.lemma(head) in self.lex.object_control:
                obj = next((c for c in self.kids(head) if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:
                    return obj
                for _, pobj in self.prep_objects(head, ("on", "upon")):
                    return pobj
            return self.agent(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":  # "praised X for helping": X (`gerund_doer`)
            return gerund_doer(verb, self.lex) or self.agent(head.head, depth + 1)
        if dep in ("acomp",):
            return self.agent(head, depth + 1)
        if dep == "conj":  # "convicted of infecting X and sentenced": "sentenced" joins "convicted"
            return self.agent(misjoined(verb) or head, depth + 1)
        if dep == "advcl" and (verb.tag_ in ("VBG", "VB") or self.to_infinitive(verb)):
            return self.agent(head, depth + 1)
        if dep == "relcl" or (dep == "acl" and verb.tag_ == "VBG"):
            return head
        if head.pos_ in ("ADJ",) and dep in ("xcomp", "prep"):
            return self.agent(head, depth + 1)
        return None

    def _imminent_patient(self, head: Token) -> Token | None:
        """Return who is to undergo a passive on the point of happening: the noun "about" modifies ("a man
        about to be indicted") or the subject of the clause ("the mayor was about to be arrested")."""
        if head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head
        holder = head.head if head.dep_ == "acomp" else head
        return next((c for c in self.kids(holder) if c.dep_ in ("nsubj", "nsubjpass")), None)

    def asked_clause(self, inner: Token) -> bool:
        """Whether a complement is a clause with a subject of its own: finite ("that the governor
        resign", "a demand that he be freed") or "for X to …", not a bare to-infinitive ("pleaded to be
        given")."""
        kids = self.kids(inner)
        if inner.pos_ not in ("VERB", "AUX"):
            return False
        that = inner.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids)
        if inner.dep_ == "ccomp" or that:
            return not self.to_infinitive(inner) or any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)
        return for_subject_clause(inner, kids)  # "called for Israel to withdraw", parsed as an adverbial

    def asked_doer(self, inner: Token) -> Token | None:
        """Return who is to do the act an asked clause (`asked_clause`) asks for: its named subject
        ("demanded that the governor resign") or the "by" doer of a passive ("that he be freed by the
        army"). Its object and phrases ("be released to his country", "go to charity") say whom the act
        touches, not who is asked. A pronoun is asked only as a "for" subject ("called for them to …")."""
        if self.is_passive(inner):
            return self.agent(inner)
        subj = next((c for c in self.kids(inner) if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in self.lex.pronouns:
            return subj
        return subj if for_subject_clause(inner, self.kids(inner)) else None  # "called for them to …"

    def patient(self, verb: Token) -> Token | None:
        """Return the head of what undergoes a verb (object, passive subject, the noun a passive modifies)."""
        passive = self.is_passive(verb)
        for c in self.kids(verb):
            if passive and c.dep_ == "nsubjpass":
                if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return verb.head
                return c
            if not passive and c.dep_ in ("dobj", "obj"):
                return c
        if passive and verb.dep_ in ("relcl", "acl"):
            return verb.head
        if passive and verb.dep_ == "xcomp" and verb.head.lower_ in self.lex.imminent_heads:
            return self._imminent_patient(verb.head)
        if passive and verb.dep_ == "conj" and verb.head.i != verb.i:
            if self.is_passive(verb.head):
                return self.patient(verb.head)
            # "the car hit a bomb and was then attacked": the subject both verbs share
            return next((c for c in self.kids(verb.head) if c.dep_ == "nsubj"), None)
        if not passive and verb.dep_ != "conj":
            # "to close or suspend U.S. operations": the object the conjoined verbs share
            for conj in verb.conjuncts:
                if conj.i > verb.i and not any(c.dep_ == "nsubj" for c in self.kids(conj)):
                    shared = next((c for c in self.kids(conj) if c.dep_ in ("dobj", "obj")), None)
                    if shared is not None:
                        return shared
        return None

    def says_occurred(self, verb: Token) -> bool:
        """Whether a verb says its subject happened: an occurrence verb ("protests erupted", "clashes broke
        out") or "there was"."""
        lemma = self.lemma(verb)
        if lemma in self.lex.occurrence_verbs:
            return True
        if any(
            f"{lemma} {c.lower_}" in self.lex.occurrence_verbs
            for c in self.kids(verb)
            if c.dep_ in ("prt", "dobj")
        ):
            return True
        return lemma == "be" and any(c.dep_ == "expl" for c in self.kids(verb))

    def clause_verb(self, tok: Token) -> Token | None:
        """Return the nearest verb above a token (the clause an event noun sits in)."""
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
                return cur
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def prep_depth(self, tok: Token) -> int:
        """Return how many prepositional phrases deep a noun sits below its clause's verb."""
        depth = 0
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            if cur.dep_ == "pobj":
                depth += 1
            cur = cur.head
        return depth

    def sides_between(self, noun: Token) -> bool:
        """Whether an event noun's own "between X and Y" phrase names the event's two sides: a two-sided act
        ("fighting", "talks") or any other act but a third party's ("a war between X and Y", "a ceasefire
        between X and Y"; "mediation between X and Y" is done by a third, to them)."""
        if self.lemma(noun) in self.lex.reciprocal_lemmas:
            return True
        sense = self.lex.nouns.get(self.noun_lemma(noun))
        return sense is not None and sense.mode != "mediate"

    def place_pobj(self, tok: Token) -> Token | None:
        """Return a place name in a locative phrase of a word ("in Kabul", "into Iraq"), if any."""
        for c in self.preps(tok, ("in", "on", "across", "to", "into")):
            for p in self.kids(c):
                if p.dep_ == "pobj" and p.ent_type_ in PLACE_LABELS:
                    return p
        return None


def controls_infinitive(noun: Token, lex: Lexicon) -> bool:
    """Whether a verb's object is the doer of the verb's complement: of its infinitive after a verb of
    asking, ordering or letting ("asked the border customs to increase …"), or of a gerund after a
    preposition ("accused the regional body of failing …"). The doer of a deed is an actor."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "dative"):
        return False
    for c in verb.children:
        if c.i < noun.i:
            continue
        if (
            c.dep_ == "xcomp"
            and verb.lemma_.lower() in lex.object_control
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "for", "from")
            and verb.lemma_.lower() in lex.gerund_control
            and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children)
        ):
            return True
    return False
