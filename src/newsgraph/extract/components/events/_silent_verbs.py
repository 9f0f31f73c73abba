"""Silent verbs: the verb lemmas `TriggerFinder.classify_verb` can give no sense for, told by the lemma.

The trigger finder reads every verb whose lemma or form some list knows, and reporting verbs ("say",
"report", "confirm") and the copula "is" (the CAMEO dictionary's "IS DETERMINED") are the commonest of
them: on the corpus about a third of the verbs it classifies, none of which it ever codes. A verb's
sense comes from this project's frames and verb senses (keys "lemma" or "lemma particle"), its
absorbing heads, the declined-comment and question tests (each asks first whether the lemma is one of
its heads), or the CAMEO dictionary; the dictionary is not read for a verb that serves the grammar
(`TriggerFinder.function_verbs`), and a verb line of several words ("IS DETERMINED") fits only when
its other words are among the verb's children. So a lemma that none of the project's lists names
gives no sense when the dictionary has no line of it, when it serves the grammar, or when each of its
lines needs a word its children lack: `silent` tells so before the verb's frame is read.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.extract.components.events._dictionary import CameoDictionary
from newsgraph.extract.components.events._lexicon import Lexicon


def _prefixes(keys: Iterable[str]) -> set[str]:
    """Return every leading run of words of the keys ("call", "call for" of "call for")."""
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return out


class SilentVerbs:
    """The verb lemmas that give no sense (see the module docstring), worked out once per lemma."""

    def __init__(
        self, lex: Lexicon, cameo: CameoDictionary, function_verbs: frozenset[str], heads: Iterable[str]
    ) -> None:
        """`function_verbs` are the verbs the dictionary is not read for; `heads`, the lemmas the
        declined-comment and question tests read."""
        self.cameo = cameo
        self.function_verbs = function_verbs
        self.named = frozenset(_prefixes(lex.frames) | _prefixes(lex.verbs) | set(lex.absorbing) | set(heads))
        """The lemmas some list of the project names: each may give a sense."""
        self._lines: dict[str, tuple[tuple[str, ...], ...] | None] = {}

    def silent(self, lemma: str, kids: list[Token]) -> bool:
        """Whether a verb of this lemma, with these children, can have no sense."""
        if lemma not in self._lines:
            self._lines[lemma] = self._needed(lemma)
        lines = self._lines[lemma]
        if lines is None:
            return False
        if not lines:
            return True
        lowers = {c.lower_ for c in kids}
        return not any(all(w in lowers for w in words) for words in lines)

    def _needed(self, lemma: str) -> tuple[tuple[str, ...], ...] | None:
        """Return the words each of the lemma's dictionary lines needs among the verb's children (none:
        no line can fit), or None when a verb of the lemma may have a sense whatever its children."""
        if lemma in self.named:
            return None
        entries = self.cameo.verbs.get(lemma, ())
        if lemma in self.function_verbs or not entries:
            return ()
        if any(not e.words for e in entries):
            return None  # the single word is a line of its own
        return tuple(e.words for e in entries)
