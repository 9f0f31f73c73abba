"""What a number counts and of what it is a share: "244 operations", "half of the 400 districts".

The parse around a number gives its counted noun (singular, with its modifiers) when no unit
does, a rate after that noun ("3,000 tests per day"), the approximation cue before it ("nearly")
and, for a fraction or percentage, its base ("of the nation's 400 districts").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.components._quantities_lexicon import Found, QuantityLexicon, TokenAt

_QUOTE_CHARS = "\"'“”‘’«»"


class NounReader(QuantityLexicon):
    """Complete a quantity from the parse: approximation, counted noun, rate and base."""

    def _finish(self, doc: Doc, text: str, cand: Found, token_at: TokenAt) -> None:
        """Add the approximation cue, the counted noun and the base of a proportion."""
        before = text[max(0, cand.start - 30) : cand.start]
        approx = self._approx_before.search(before)
        if approx:
            cand.approximate = True
            cand.start -= len(before) - approx.start(1)
        if cand.kind == "count" and cand.unit is None:
            self._counted_noun(doc, text, cand, token_at)
        if cand.kind in ("fraction", "percent"):
            cand.base = self._base(doc, text, cand, token_at)
        if cand.kind == "count" and cand.unit is None and cand.base is None:
            cand.base = None

    def _counted_noun(self, doc: Doc, text: str, cand: Found, token_at: TokenAt) -> None:
        """Set the unit to the noun the number counts ("244 operations" -> "operation")."""
        last = token_at(max(cand.start, cand.end - 1))
        if last is None:
            return
        head: Token | None = None
        if last.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and last.head.i > last.i:
            candidate = last.head
            while (
                candidate.dep_ in ("quantmod", "compound", "nummod")
                and candidate.head.i > candidate.i
                and candidate.pos_ == "NUM"
            ):
                candidate = candidate.head
            if candidate.pos_ in ("NOUN", "PROPN") and candidate.i - last.i <= 6:
                head = candidate
        if head is None:
            # scan a short noun phrase forward, skipping quoted adjectives
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
                    if t.tag_ in ("NNS", "NNPS") or (
                        last.i < len(doc) - 1 and t.i == last.i + 1 and cand.value == 1
                    ):
                        head = t
                    break
                else:
                    break
                j += 1
        if head is None:
            of_noun = _of_object(last)
            if of_noun is not None and of_noun.pos_ in ("NOUN", "PROPN"):
                of_mods = [c.text.lower() for c in of_noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
                cand.unit = " ".join([*of_mods, _singular(of_noun)])
                self._noun_rate(doc, text, cand, of_noun)
                return
            return
        if head.i > last.i:
            mods: list[str] = []
            quoted = False
            for t in doc[last.i + 1 : head.i]:
                if t.text in _QUOTE_CHARS or t.is_quote:
                    quoted = not quoted
                    continue
                if quoted or (t.is_punct and t.tag_ != "HYPH"):
                    continue
                if t.pos_ in ("ADJ", "NOUN", "PROPN", "ADV") or t.tag_ == "HYPH":
                    mods.append(t.text if t.pos_ == "PROPN" else t.text.lower())
            if quoted:
                mods = []
            unit = (
                " ".join([*mods, _singular(head)]).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
            )
            cand.unit = unit.lstrip("-").strip() or None
            if not quoted and head.i - last.i <= 4:
                cand.noun_end = head.idx + len(head.text)
            self._noun_rate(doc, text, cand, head)
        else:
            cand.unit = _singular(head)

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
        """Return what a fraction or percentage is a share of ("of the nation's 400 districts")."""
        m = re.match(r"^\s+of\s+", text[cand.end : cand.end + 10])
        if not m:
            return None
        of_tok = token_at(cand.end + m.start() + m.group(0).index("of"))
        if of_tok is None or of_tok.text.lower() != "of":
            return None
        pobj = next((c for c in of_tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        start = pobj.left_edge.i
        end = pobj.i + 1
        for t in pobj.rights:
            if t.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl"):
                break
            end = t.right_edge.i + 1
        if start <= of_tok.i:
            start = of_tok.i + 1
        span = doc[start:end]
        return span.text or None


def _of_object(token: Token) -> Token | None:
    """Return the noun of "N of the X" governed by this number token, if any."""
    for child in token.rights:
        if child.dep_ == "prep" and child.text.lower() == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _singular(token: Token) -> str:
    """Return a noun's singular form (its lemma; proper plurals lose a final s)."""
    if token.pos_ == "PROPN":
        word = token.text
        if token.tag_ == "NNPS" and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    lemma = token.lemma_.lower()
    return lemma or token.text.lower()
