"""Mandative clauses: "recommended that the navy cancel the contract" asks the navy; it reports no deed.

English reports what one party asks of another with a verb of asking and a "that" clause whose verb is a
bare subjunctive or "should V": "recommended that the ministry allow new bids", "proposed that the two
sides hold talks", "insisted that the union agree", "advises that consumers not eat spinach", "recommended
that airlines should not buy". The clause's act has not been done, by its subject nor by the one who
asks: it is the content of a request. The verbs of asking are those the CAMEO dictionary codes as an
appeal or a demand on their own (a REQUEST by the crosswalk: "recommend", "propose", "suggest", "advise",
"insist", "demand", …) and the project's absorbing heads of a REQUEST ("urge", "request"); a verb of thought
("hope that …") is no asking, nor one that asks only with an object and an infinitive ("told them to
leave"; "told reporters that …" reports).

The verb of the clause must be its own subject's bare form, so that an indicative is not read as asked:
"insisted that his client had no role", "suggests that 13,700 dogs are slaughtered" report a claim. For a
verb that also reports claims ("suggest", "insist", `reporting_verbs`), a plural subject's bare verb is
an indicative as well ("studies suggest that people eat more"), and a clause without "that" is nearly
always a claim ("figures suggest 7.5 million South Sudanese require aid"), so the bare form counts only
after "that" and with a singular noun or "he", "she" as subject, whose indicative would end in -s
("insisted that the union agree"). A passive with a bare "be" ("demanded that X be removed") is the
subject of `_acted_on.py` and not read here.

`Mandates.absorb` makes the clause's act the content of the asking verb: absorbed, and the asking verb's
target is the clause's subject (`ArgumentFinder.content_target`). An asking verb that is no trigger of its
own ("proposed", "insisted": intent and reporting verbs), or one coded by the dictionary's verb alone
("recommended", "advised"), is returned, for `SpeechActs.obligation` to code as a REQUEST of its subject
to the clause's subject, as it codes "X said Y should …".

A noun of asking asks the same way ("issued a recommendation that the Air Force re-open the competition",
"reiterated his request that the United States extradite him"): its nouns are the REQUEST event nouns and
the nominalisations of the verbs of asking (`asking_nouns`). Its "that" follows it, and its clause is read
as a mandative under the same test, with the subject of a singular noun or "he", "she" when the "that" is
not parsed as the clause's subordinator (a relative clause has a finite verb: "the proposal that the
Air Force re-opens"), or when the noun also names a claim ("the suggestion that the states pay": a claim
or a request). A noun of asking that is an event of its own takes the clause as its content, whose
subject is the REQUEST's target; any other is no trigger, and its clause's acts are simply no deeds.

Coordinated verb phrases share their form: a bare verb with no subject or auxiliary joined to a past or
third-person verb ("The GAO issued a recommendation that the Air Force re-open the competition, allow
the competitors to …": "allow" hangs from "issued") is misjoined; it joins the nearest bare verb before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._dictionary import CameoDictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import WEAK_ORIGINS, Lexicon

_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_SINGULAR_PRONOUNS = frozenset({"he", "she"})


def asking_verbs(lex: Lexicon, cameo: CameoDictionary) -> frozenset[str]:
    """Return the verbs of asking: the dictionary's verbs coded REQUEST on their own, and the absorbing
    heads of a REQUEST, less the verbs of thought."""
    coded = {
        lemma
        for lemma, entries in cameo.verbs.items()
        if any(not e.words and cameo.type_of(e.code) == "REQUEST" for e in entries)
    }
    absorbing = {
        lemma
        for lemma, type_ in lex.absorbing.items()
        if type_ == "REQUEST" and lex.absorbing_frames.get(lemma, {}).get("needs") != "object_infinitive"
    }
    return frozenset((coded | absorbing) - lex.cognition_verbs)


def asking_nouns(lex: Lexicon) -> frozenset[str]:
    """Return the nouns of asking: the REQUEST event nouns and the nominalisations of the verbs of asking."""
    requests = {noun for noun, sense in lex.nouns.items() if sense.type == "REQUEST"}
    return frozenset(requests | lex.asking_nouns)


class Mandates:
    """Find the mandative clauses of verbs of asking and absorb their acts (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, cameo: CameoDictionary) -> None:
        self.lex = lex
        self.g = grammar
        self.verbs = asking_verbs(lex, cameo)
        self.nouns = asking_nouns(lex)

    def asked(self, clause: Token) -> bool:
        """Whether a clause is a mandative clause under a verb of asking: "(that) X V" or "X should V"."""
        head = clause.head
        if clause.dep_ == "acl" and head.pos_ == "NOUN" and self.g.noun_lemma(head) in self.nouns:
            return self._asked_by_noun(clause)
        if clause.dep_ != "ccomp" or head.i == clause.i or self.g.lemma(head) not in self.verbs:
            return False
        kids = self.g.kids(clause)
        if any(c.dep_ == "mark" and c.lower_ != "that" for c in kids):
            return False  # "asked whether …", "insisted as if …"
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        aux = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
        if aux:
            return len(aux) == 1 and aux[0] in self.lex.obligation_aux  # "that airlines should not buy"
        if clause.lower_ != self.g.lemma(clause) or clause.lower_ == "be" or clause.tag_ not in ("VB", "VBP"):
            return False  # "that his client had no role": an indicative
        if self.g.lemma(head) not in self.lex.reporting:
            return True
        that = any(c.dep_ == "mark" for c in kids)
        return that and (subj.tag_ in _SINGULAR_TAGS or subj.lower_ in _SINGULAR_PRONOUNS)

    def absorb(self, cands: dict[int, Candidate]) -> list[Token]:
        """Make each mandative clause's acts the content of its verb of asking; return the verbs of
        asking that are no candidate of their own."""
        heads: dict[int, Token] = {}
        for cand in list(cands.values()):
            if cand.noun or cand.absorbed_by is not None:
                continue
            clause = self._clause(cand.tok)
            if clause is None:
                continue
            head = clause.head
            cand.absorbed_by = head.i
            owner = cands.get(head.i)
            if head.pos_ == "NOUN" and owner is None:
                continue  # "issued a recommendation that …": no trigger asks
            if owner is not None and owner.sense.origin in WEAK_ORIGINS:
                del cands[head.i]  # "recommended" coded by the dictionary's verb alone: read as asking
                owner = None
            if owner is not None and clause.i not in owner.content:
                owner.content.append(clause.i)
            elif owner is None:
                heads[head.i] = head
        return [heads[i] for i in sorted(heads)]

    def _clause(self, verb: Token) -> Token | None:
        """The mandative clause a verb heads, or is joined to ("that X re-open …, allow …"), if any."""
        clause = verb
        while (
            clause.dep_ == "conj"
            and clause.head.i != clause.i
            and clause.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in self.g.kids(clause))
        ):
            clause = self._misjoined(clause) or clause.head
        return clause if self.asked(clause) else None

    def _misjoined(self, verb: Token) -> Token | None:
        """The bare verb a bare conjunct really joins when the parser hangs it from a past or third-person
        verb ("issued a recommendation that the Air Force re-open …, allow …": "re-open"), else None."""
        head = verb.head
        if verb.tag_ not in ("VB", "VBP") or head.tag_ not in ("VBD", "VBZ"):
            return None
        if verb.lower_ != self.g.lemma(verb):
            return None
        if any(c.dep_ in ("aux", "auxpass", "mark") for c in self.g.kids(verb)):
            return None  # "… and to allow": an infinitive of its own
        doc = verb.doc
        return next(
            (doc[i] for i in range(verb.i - 1, head.i, -1) if doc[i].tag_ == "VB" and doc[i].pos_ == "VERB"),
            None,
        )

    def _asked_by_noun(self, clause: Token) -> bool:
        """Whether a noun's clause is a mandative clause of a noun of asking: "the request that X V"."""
        noun, doc = clause.head, clause.doc
        if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "that" or clause.i < noun.i:
            return False
        start = noun.i + 1
        verbs = {clause.i} | {c.i for c in self.g.kids(noun) if c.dep_ == "acl" and start < c.i < clause.i}
        subj = next(
            (t for t in doc[start + 1 : clause.i] if t.dep_ == "nsubj" and t.head.i in verbs),
            None,
        )  # "that the Air Force re-open": the parser may hang the subject on a piece of a split verb
        if subj is None:
            return False
        aux = [c.lower_ for c in self.g.kids(clause) if c.dep_ in ("aux", "auxpass")]
        if aux:
            return len(aux) == 1 and aux[0] in self.lex.obligation_aux  # "that Britain should remain"
        if clause.lower_ != self.g.lemma(clause) or clause.lower_ == "be" or clause.tag_ not in ("VB", "VBP"):
            return False
        marked = doc[start].dep_ == "mark"
        if marked and self.g.noun_lemma(noun) not in self.lex.claim_nouns:
            return True
        return subj.tag_ in _SINGULAR_TAGS or subj.lower_ in _SINGULAR_PRONOUNS
