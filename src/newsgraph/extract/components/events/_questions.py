"""Questions: a speech verb ("ask", "wonder", "inquire") that reports a question makes no request.

CAMEO codes asking for something (ASK, 020) and leaves asking a question uncoded (INQUIRE, QUERY,
QUESTION and WONDER under the ASK block's `[---]`): "asked them to leave", "asked for aid" are
requests; "asked why …", "asked whether …", "What …, she asked" and '"…?" he asked' report a question,
no event. The question is read from the parse and the punctuation, not from a list of sentences:

- an infinitive ("asked them to leave") or a "for" phrase ("asked for aid") is what is asked for: a
  request, unless "for" asks for a wh-word ("I ask, for who exactly?") or the verb's clause is a quoted
  question;
- else a clause complement that is an indirect question: it opens with a wh-word of its own ("asked who
  he was", "asked Clinton why …", "which candidate won …, we asked") or with "whether" or "if" (also a
  "whether" or "if" clause the parser hangs on the verb as a condition: "asked the minister if …");
- else a "?" in its sentence, a quote after the verb that opens as a question ('asked X, "does the
  city …'), or a "?" right before the reporting clause when that clause is a sentence of its own ('"Why
  are you still endorsing him?" Obama asked Republican politicians.').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

QUESTION_ORIGIN = "question"
"""The `Sense.origin` of a speech verb that reports a question: a sense of no type (no event) whose content
(what is asked about) is no event either."""
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Penn tags of the wh-words ("which", "what", "who", "whose", "why", "how", "when", "where")."""


class Questions:
    """Tell a question reported by a speech verb from a request (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def reported(self, verb: Token) -> bool:
        """Whether a speech verb reports a question rather than makes a request."""
        if self.g.lemma(verb) not in self.lex.question_verbs:
            return False
        kids = self.g.kids(verb)
        if any(self._infinitive(c) or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
            # "asked them to …", "asked for aid": a request, unless it asks "for" a wh-word ("I ask, for
            # who exactly?") or its clause is a quoted question
            return any(self._wh_for(c) for c in kids) or any(
                c.dep_ == "ccomp" and any(t.text == "?" for t in c.subtree) for c in kids
            )
        if any(c.dep_ == "ccomp" and self._interrogative(c) for c in kids):
            return True  # "asked why young people did not like her", "What …, she asked"
        if any(c.dep_ == "advcl" and c.i > verb.i and self._marked(c) for c in kids):
            return True  # "asked the minister if the police would …": the parser's "if" clause of condition
        sent = self.g.sentence(verb)
        if any(t.text == "?" for t in sent):
            return True  # 'asked X, "what about …?"'
        return self._opens_question(verb, sent) or self._after_question(verb, sent)

    def _wh_for(self, c: Token) -> bool:
        """Whether a child of the verb is "for" with a wh-word as its object ("for who exactly?")."""
        return (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(p.dep_ == "pobj" and p.tag_ in WH_TAGS for p in self.g.kids(c))
        )

    def _interrogative(self, clause: Token) -> bool:
        """Whether a clause opens with a wh-word of its own ("which candidate won") or with "whether" or
        "if" (`question_marks`)."""
        first = _first_word(clause)
        return first is not None and (first.tag_ in WH_TAGS or self._marked(clause))

    def _marked(self, clause: Token) -> bool:
        """Whether a clause opens with "whether" or "if" of its own (not "when", "where": clauses of time
        and place)."""
        first = _first_word(clause)
        return first is not None and first.dep_ == "mark" and first.lower_ in self.lex.question_marks

    def _infinitive(self, c: Token) -> bool:
        """Whether a child of the verb is the infinitive of what is asked for ("asked them to leave"); a
        participle ("asked rhetorically, shaking his head") says how it was asked."""
        return c.dep_ == "xcomp" and self.g.to_infinitive(c)

    def _opens_question(self, verb: Token, sent: Span) -> bool:
        """Whether a quote after the verb opens as a question ('asked X, "does the city …')."""
        after = verb.doc[verb.i + 1 : sent.end]
        opening = next((t for t in after if t.is_quote), None)
        if opening is None or opening.i + 1 >= sent.end:
            return False
        return verb.doc[opening.i + 1].lower_ in self.lex.question_openers

    def _after_question(self, verb: Token, sent: Span) -> bool:
        """Whether the verb's clause is a sentence of its own right after a quoted question: nothing but
        the verb's subject comes before it in its sentence, and a "?" (and a closing quote) ends the text
        before it."""
        doc = verb.doc
        subj = next((c for c in self.g.kids(verb) if c.dep_ == "nsubj"), None)
        opens = verb.i == sent.start or (
            subj is not None and subj.left_edge.i == sent.start and subj.right_edge.i == verb.i - 1
        )
        if not opens:
            return False
        i = sent.start - 1
        while i >= 0 and (doc[i].is_quote or doc[i].is_space):
            i -= 1
        return i >= 0 and doc[i].text == "?"


def _first_word(clause: Token) -> Token | None:
    """Return the first word of a clause (no punctuation: a quote mark, a dash) when it is the clause's own,
    not a word of a clause within it ("If you …, which is …": "If" opens a clause of "want")."""
    first = next((t for t in clause.subtree if not (t.is_punct or t.is_space)), None)
    if first is None or first.i == clause.i:
        return None
    cur = first.head
    while cur.i != clause.i:
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return first
