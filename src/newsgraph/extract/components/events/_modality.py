"""Modality of events: negated, intended, possible, reported, background or embedded.

A clause under "will" or an intent verb ("plans to") is intended; under a modal ("could") possible;
under a reporting verb it is reported (the reporter may be its source); in the simple present under
"if" it states a rule, a hypothetical ("if …, the person is deported"). A clause inside a noun
phrase, a background clause ("after …") or another event's content is secondary in its sentence:
those lower an event's confidence rather than drop it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events._abilities import Abilities
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._performatives import performed


@dataclass(frozen=True, slots=True)
class Mood:
    """How a trigger's clause is asserted."""

    negated: bool
    intended: bool
    possible: bool
    reporter: Token | None


class Modality:
    """Read negation, mood and the place of a clause in its sentence from the parse."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar
        self.abilities = Abilities(lex, grammar)
        self._headlines: dict[int, bool] = {}
        """`headline`'s answers by sentence start, for the doc `_headline_doc` only."""
        self._headline_doc: Doc | None = None

    def modality(self, tok: Token, anchor: Token) -> Mood:
        """Return the mood of a trigger anchored at a clause verb."""
        negated = intended = possible = False
        clause = anchor
        chain = [clause]
        if clause.dep_ == "conj" and clause.head.i != clause.i:
            chain.append(clause.head)
        for verb in chain:
            for c in self.g.kids(verb):
                low = c.lower_
                denies = c.dep_ == "neg" or (c.dep_ == "advmod" and low in self.lex.negating_adverbs)
                if verb is clause and denies:
                    negated = True  # "did not", "never", "seldom criticized"
                if verb is clause and low == "longer" and any(n.dep_ == "neg" for n in self.g.kids(c)):
                    negated = True  # "will no longer recognize"
                if verb is clause and c.dep_ in ("nsubj", "nsubjpass") and _no_one(c):
                    negated = True  # "No country has recognized …"
            will, may = self.aux_mood(verb)
            intended, possible = intended or will, possible or may
        if tok is not anchor:
            for c in self.g.kids(tok):
                if c.dep_ == "det" and c.lower_ in ("no",):
                    negated = True
        if (
            tok.lemma_.lower() in self.lex.purpose_harm
            and clause.dep_ == "advcl"
            and self.g.to_infinitive(clause)
        ):
            intended = True  # "making bombs to carry out attacks": a purpose, not a deed
        will, may = self._unrealized(self._infinitive(clause))
        intended, possible = intended or will, possible or may
        gov = self.g.governor(clause)
        reporter: Token | None = None
        if gov is not None:
            no, will, may = self._governed(clause, gov)
            negated, intended, possible = negated or no, intended or will, possible or may
            for verb, above in self._through_aspect(clause, gov):
                no, will, may = self._governed(verb, above)
                negated, intended, possible = negated or no, intended or will, possible or may
            glow = self.g.lemma(gov)
            if glow in self.lex.reporting:
                reporter = gov
            elif gov.pos_ in ("AUX", "ADJ") or glow in self.lex.intent_only:
                up = self.g.governor(gov)
                if up is not None and self.g.lemma(up) in self.lex.reporting:
                    reporter = up
        capacity = self.abilities.capacity(clause)
        if capacity is not None:  # "would be able to return": a capacity, not a deed nor an intent
            negated = negated or capacity.negated
            if not capacity.realized:
                intended, possible = False, True
        return Mood(negated, intended, possible, reporter)

    def aux_mood(self, verb: Token) -> tuple[bool, bool]:
        """Return (intended, possible) by a verb's own auxiliaries: "will" intends, "could" is possible.

        "would" is the past of "will" only under a verb in the past ("said they would meet"); under a
        present verb or none it is conditional ("analysts say Tehran would welcome …"), and "would have
        done" is counterfactual.
        """
        intended = possible = False
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in self.g.kids(verb))
        for c in self.g.kids(verb):
            if c.dep_ not in ("aux", "auxpass"):
                continue
            low = c.lower_
            if low in self.lex.conditional_aux and (perfect or not self._backshifted(verb)):
                possible = True  # "would have stayed": what did not happen
            elif low in self.lex.future_aux:
                intended = True
            elif low in self.lex.modal_aux:
                possible = True
        return intended, possible

    def _future(self, clause: Token) -> bool:
        """Whether a clause is about the future: under "will" or a modal, or an infinitive ("expect X to")."""
        return any(
            c.dep_ == "aux"
            and (c.lower_ in self.lex.future_aux or c.lower_ in self.lex.modal_aux or c.lower_ == "to")
            for c in self.g.kids(clause)
        )

    def _infinitive(self, verb: Token) -> Token:
        """Return the to-infinitive a bare conjunct shares ("to uphold its duties and deny …": "deny" is
        under the "to" of "uphold"), or the verb itself. A conjunct with its own subject or auxiliary, or
        in a tensed form ("would like X to explain … but supports"), is a clause of its own."""
        cur = verb
        while (
            cur.dep_ == "conj"
            and cur.head.i != cur.i
            and cur.tag_ == "VB"
            and cur.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in self.g.kids(cur))
        ):
            cur = cur.head
        return cur if self.g.to_infinitive(cur) else verb

    def _backshifted(self, verb: Token) -> bool:
        """Whether a clause hangs from a verb in the past ("he said he would …", "had agreed it would")."""
        gov = self.g.governor(verb)
        for _ in range(4):
            if gov is None:
                return False
            if gov.tag_ in ("VBD", "VBN") or any(
                c.dep_ == "aux" and c.lower_ in ("had", "did") for c in self.g.kids(gov)
            ):
                return True
            if gov.tag_ in ("VBG", "VB") and gov.head.i != gov.i:
                gov = gov.head  # "…, telling journalists he would …": a participle takes its clause's tense
                continue
            gov = self.g.governor(gov)
        return False

    def _unrealized(self, clause: Token) -> tuple[bool, bool]:
        """Return (intended, possible) of an infinitive that has not happened: "it is for Russia to
        accept", "it is important to act" are wanted, not done."""
        if not self.g.to_infinitive(clause):
            return False, False
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in self.g.kids(clause)):
            return False, True
        if clause.dep_ == "advcl":
            # "putting pressure on the government to accept": a purpose, not a deed; but "stopped work to
            # protest the cuts" is the protest it was done for
            sense = self.lex.verbs.get(self.g.lemma(clause))
            return False, sense is None or sense.type != "PROTEST"
        head = clause.head
        if (
            clause.dep_ == "xcomp"
            and head.pos_ == "VERB"
            and any(c.dep_ == "dobj" and c.i < clause.i for c in self.g.kids(head))
            and self.g.lemma(head) not in self.lex.attempt_heads | self.lex.implicative_heads
        ):
            return False, True  # "hired Mehdiyev to kill X": what X was hired for, not a deed
        wanted = (
            head.pos_ == "ADJ"
            and clause.dep_ in ("xcomp", "ccomp", "advcl")
            and head.lower_ not in self.lex.intent_only
            and head.lemma_.lower() not in self.lex.attempt_heads
            and head.lower_ not in self.lex.imminent_heads  # "are about to complete": imminent (`_governed`)
        )
        return False, wanted

    def _through_aspect(self, clause: Token, gov: Token) -> list[tuple[Token, Token]]:
        """Return the (verb, governor) pairs above a clause that is the infinitive or gerund of an aspect
        or attempt verb ("will start reaching out", "to continue to sell", "try to meet"). Such a verb
        passes on the mood of the verb it is the complement of: "I'm hoping the administration will start
        reaching out" is a hope, "they want to continue to sell" an intent."""
        pairs: list[tuple[Token, Token]] = []
        cur, up = clause, gov
        for _ in range(3):
            while cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head  # "will start reaching out … and bring": the conjuncts share their verb
            if cur.dep_ != "xcomp" or cur.head.i != up.i or self.g.lemma(up) not in self.lex.attempt_heads:
                break
            above = self.g.governor(up)
            if above is None:
                break
            pairs.append((up, above))
            cur, up = up, above
        return pairs

    def wished(self, clause: Token) -> bool:
        """Whether a clause is what its own doer wants, plans or considers doing ("wanted to present
        details to European governments", "plans to urge the ministers", "is considering filing"): the
        infinitive or gerund complement, with no subject of its own, of an intent verb, directly or through
        an aspect verb. "be going to" is the future, as "will" is, no wish ("I'm going to ask"), and so is
        an act on the point of happening ("is about to", "is set to": `imminent_heads`)."""
        lead = clause
        while (
            lead.dep_ == "conj"
            and lead.head.i != lead.i
            and lead.tag_ in ("VB", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in self.g.kids(lead))
        ):
            lead = lead.head  # "to demand a raise and (to) condemn the council": one complement
        if lead.dep_ != "xcomp" or lead.head.i == lead.i:
            return False
        pairs = [(lead, lead.head), *self._through_aspect(lead, lead.head)]
        return any(
            (self.g.lemma(above) in self.lex.intent_only or above.lower_ in self.lex.intent_only)
            and above.lower_ != "going"
            and above.lower_ not in self.lex.imminent_heads
            and not _own_subject(verb, above)
            for verb, above in pairs
        )

    def _governed(self, clause: Token, gov: Token) -> tuple[bool, bool, bool]:
        """Return (negated, intended, possible) that a clause takes from the verbs it is the complement of.

        An intent verb makes it intended ("plans to"), a failed attempt negated ("failed to"), a need
        possible ("need to"); a non-finite complement (to-infinitive, gerund, adjective) shares its
        governor's auxiliaries ("can focus on detaining", "will continue to send", "must be united in
        condemning").
        """
        negated = intended = possible = False
        glow = self.g.lemma(gov)
        lead = self._infinitive(clause)
        if performed(lead, gov, self.g, self.lex):
            return False, False, False  # "I want to thank our teams": thanked as it is said
        wish = glow in self.lex.cognition_verbs or glow in self.lex.intent_only
        if wish and _own_subject(lead, gov) and self._future(lead):
            # "Clement is hoping that the CAW will support …", "Russia wants Turkey to close its borders":
            # one party's wish for another's act is neither that act nor the other's intent
            possible = True
        elif glow in self.lex.intent_only or gov.lower_ in self.lex.intent_only or self._imminent(lead, gov):
            intended = True  # "plans to", and "is about to", "is slated to": still to come
            if any(c.dep_ == "neg" for c in self.g.kids(gov)):
                negated = True
        elif glow in self.lex.unfulfilled_heads or (
            glow in self.lex.attempt_heads and any(c.dep_ == "neg" for c in self.g.kids(gov))
        ):
            negated = True  # "failed to", "delayed lifting", "did not manage to"
        elif gov.pos_ == "ADJ" and clause.dep_ == "ccomp":
            possible = True  # "it is imperative that X provide aid": wanted, not done
        if glow in self.lex.obligation_verbs or _has_to(clause, gov):
            possible = True  # "we do not need to buy aircraft", "we have to support": a need, not a deed
            negated = negated or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in self.g.kids(gov))
        cur = clause
        for _ in range(5):
            if cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head  # "addressing and condemning": the conjuncts share their clause
                continue
            if cur.dep_ in ("xcomp", "acomp"):
                up = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
                up = cur.head.head
            else:
                break
            will, may = self.aux_mood(up)
            intended, possible = intended or will, possible or may
            if cur.dep_ == "pcomp":  # "for Russia to reciprocate by agreeing": the means of a wish
                will, may = self._unrealized(up)
                intended, possible = intended or will, possible or may
            cur = up
        return negated, intended, possible

    def _imminent(self, clause: Token, gov: Token) -> bool:
        """Whether a clause is an act on the point of happening ("were about to arrest"); not the end of
        one under way ("are about to complete their pullout", "talks set to end Tuesday")."""
        return gov.lower_ in self.lex.imminent_heads and self.g.lemma(clause) not in self.lex.completive_verbs

    def unestablished(self, verb: Token) -> bool:
        """Whether a clause is what someone believes, denies or does not show, no established act: "I
        believe my father was murdered", "is suspected of killing", "denied attacking", "the evidence would
        not show that he planned to kill". A joined clause shares its conjunct's place ("believe rebels
        retreated and could attack") unless its verb cannot agree with that clause's subject; an
        infinitive takes its governor's ("planned to kill"); a finite clause ends the walk. A charge is no
        established act either: "were accused of planning to kidnap", "allegedly offered"."""
        if any(c.dep_ == "advmod" and c.lower_ in self.lex.alleging_adverbs for c in self.g.kids(verb)):
            return True
        cur = verb
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ == "conj":
                if _disagrees(cur, cur.head):
                    return (
                        False  # "believe relief is possible and have been calling on …": the believers call
                    )
                cur = cur.head
                continue
            if cur.dep_ in ("ccomp", "xcomp"):
                gov = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ == "of":
                gov = cur.head.head  # "suspected of killing"
            else:
                return False
            if self._doubting(gov):
                return True
            if cur.dep_ != "xcomp":
                return False
            cur = gov
        return False

    def _doubting(self, head: Token) -> bool:
        """Whether a verb leaves its complement unestablished (see `unestablished`): a verb of belief or
        denial, or a negated verb of showing. Negation grants the complement of "doubt" ("no one doubts
        that"); a belief negated under "can" is disbelief at a fact ("could not believe that")."""
        if head.pos_ not in ("VERB", "AUX"):
            return False
        low = self.g.lemma(head)
        kids = self.g.kids(head)
        negated = any(
            c.dep_ == "neg"
            or (c.dep_ == "advmod" and c.lower_ in self.lex.negating_adverbs)
            or (c.dep_ in ("nsubj", "nsubjpass") and _no_one(c))
            for c in kids
        )
        if low in self.lex.proof_heads:
            return negated
        if low in self.lex.allegation_heads:
            return True  # "accused of kidnapping", "did not accuse them of killing": a charge, not a deed
        if low not in self.lex.belief_heads and low not in self.lex.denial_heads:
            return False
        if negated and low in self.lex.asserting_negated_heads:
            return False
        return not (negated and any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in kids))

    def embedded(self, tok: Token) -> bool:
        """Whether a clause sits inside a noun phrase (relative clause, "the decision of sending …")."""
        cur = tok
        for _ in range(10):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ in ("relcl", "acl", "appos"):
                return self.g.misparsed_main(cur) is None
            if (
                cur.dep_ in ("pcomp", "pobj")
                and cur.head.dep_ == "prep"
                and cur.head.head.pos_ in ("NOUN", "PROPN")
            ):
                return cur.pos_ in ("VERB", "AUX")
            if cur.dep_ == "ROOT" or (cur.dep_ == "ccomp" and cur.pos_ in ("VERB", "AUX") and _finite(cur)):
                return False  # a finite clause; a bare infinitive ("help troops share …") goes on up
            cur = cur.head
        return False

    def background(self, verb: Token) -> bool:
        """Whether a clause is a subordinate background clause ("after X alleged …", "as troops left")."""
        cur = verb
        for _ in range(4):
            if cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.lex.background_marks for c in self.g.kids(cur)
            ):
                return True
            if cur.dep_ not in ("conj", "xcomp", "acomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def inside_content(self, tok: Token, cands: dict[int, Candidate]) -> bool:
        """Whether a clause sits inside another event's content ("must agree … before they demobilize")."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            owner = cands.get(cur.i)
            if owner is not None and owner.absorbed_by is not None:
                return True
        return False

    def conditional(self, verb: Token) -> bool:
        """Whether a clause is conditional or a question ("if …", "unless …", "whether …"), or an event
        still to come, a clause of time in the present tense ("until Ford negotiates a contract")."""
        cur = verb
        for _ in range(3):
            marks = {c.lower_ for c in self.g.kids(cur) if c.dep_ == "mark"}
            if marks & {"if", "unless", "whether"} or (marks & self.lex.pending_marks and _present(cur)):
                return True
            if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def rule_of_condition(self, verb: Token) -> bool:
        """Whether a clause in the simple present states what happens under a condition, a rule or a
        hypothesis, not an event: "if the appeal fails, the person is deported", "if you cook it well,
        it kills the virus". A condition on a future, a modal or a past verb is left to the mood
        ("will retaliate if …" is a threat); an ongoing act ("is threatening … if hit") happens."""
        if not any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in self.g.kids(c))
            for c in self.g.kids(verb)
        ):
            return False
        auxes = [c for c in self.g.kids(verb) if c.dep_ in ("aux", "auxpass")]
        if auxes:  # "is deported": a present passive; "has pledged", "is being", "will" are not the rule
            only = auxes[0]
            return (
                len(auxes) == 1
                and only.dep_ == "auxpass"
                and only.tag_ in ("VBZ", "VBP")
                and verb.tag_ == "VBN"
            )
        return verb.tag_ in ("VBZ", "VBP")

    def headline(self, sent: Span) -> bool:
        """Whether a sentence is written in title case or capitals (a headline the parser handles badly).

        Worked out once per sentence of a doc: every draft of the sentence asks."""
        if sent.doc is not self._headline_doc:
            self._headline_doc, self._headlines = sent.doc, {}
        found = self._headlines.get(sent.start)
        if found is None:
            found = self._headlines[sent.start] = self._headline(sent)
        return found

    def _headline(self, sent: Span) -> bool:
        """Whether a sentence is a headline (see `headline`), read afresh."""
        words = [text for text in self.g.sentence_alpha_texts(sent) if len(text) > 3]
        if len(words) < 4:
            return False
        upper = sum(1 for text in words if text[0].isupper())
        return upper >= 0.8 * len(words)


def _no_one(subject: Token) -> bool:
    """Whether a subject denies its verb: "no country", "none of them", "nobody", "neither X nor Y"."""
    if subject.lower_ in ("none", "nobody", "nothing", "neither"):
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subject.children)


def _own_subject(clause: Token, gov: Token) -> bool:
    """Whether a complement clause has a subject other than its governing verb's ("X hopes that Y …",
    "X expects Y to …")."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and clause.dep_ == "xcomp":
        subj = next((c for c in gov.children if c.dep_ == "dobj"), None)
    gov_subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ != "PRON" and (gov_subj is None or subj.lower_ != gov_subj.lower_)


def _disagrees(conjunct: Token, head: Token) -> bool:
    """Whether a conjunct without a subject has a tensed verb that cannot agree with its head's subject
    ("relief is possible and have been calling"): it joins a clause further up, whatever the parse says."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return False
    tensed = next((c for c in conjunct.children if c.dep_ in ("aux", "auxpass")), conjunct)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return False  # "X and Y have …": a joined subject is plural
    if tensed.tag_ == "VBP":
        return subject.tag_ in ("NN", "NNP")
    return tensed.tag_ == "VBZ" and subject.tag_ in ("NNS", "NNPS")


def _has_to(clause: Token, gov: Token) -> bool:
    """Whether a clause is what its subject has to do now ("we have to support", "will have to leave"):
    an obligation, not a deed. The past "had to leave" reports what was done."""
    return (
        gov.lemma_.lower() == "have"
        and clause.dep_ == "xcomp"
        and gov.tag_ != "VBD"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _present(verb: Token) -> bool:
    """Whether a clause is in the present tense: its verb or first auxiliary ("negotiates", "is signed",
    "has agreed")."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), None)
    return (aux if aux is not None else verb).tag_ in ("VBZ", "VBP")


def _finite(verb: Token) -> bool:
    """Whether a verb heads a finite clause: a tensed form or a modal ("would mobilize"), not a bare
    infinitive ("helped troops share")."""
    return verb.tag_ != "VB" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
