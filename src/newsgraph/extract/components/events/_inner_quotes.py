"""A quotation inside a quote: its first person is whoever the inner words are given to, not the outer
quote's speaker.

"“Voters will not be satisfied with ‘We will bomb them,’” the senator said": the "We" is the candidate the
senator quotes, not the senator; "“Or does he think, ‘Hey, I need to force this issue’?” the analyst
asked": the "I" is "he". A speaker quoting words given to another puts them in single quotation marks
inside the double ones (or in double ones inside single ones, which the quotes component reads the same
way). Read from the quote's own words: an inner opening mark (‘, `, or ' before a word after a space or a
punctuation mark) that no closing mark (’ or ' after a word, before a space or a punctuation mark) has
closed before the token. An apostrophe inside a word ("don’t", "We'll") is neither."""

from __future__ import annotations

import re

_OPEN = re.compile(r"(?:^|(?<=[\s:,;(\[—–-]))[‘`'](?=[^\W\d_])")
_CLOSE = re.compile(r"(?<=\S)[’'](?=[\s,.;:?!)\]—–-]|$)")
_OUTER_MARKS = "\"“”‘’'` "


def inner_quoted(text: str, start: int, at: int) -> bool:
    """Whether the character at `at` stands inside an inner quotation of the quote whose words start at
    `start` (the quote's own opening marks, if its span holds them, are not inner ones)."""
    words = text[start : at + 1].lstrip(_OUTER_MARKS)  # and the first letter an opening mark precedes
    opens = [m.start() for m in _OPEN.finditer(words)]
    if not opens:
        return False
    closes = [m.start() for m in _CLOSE.finditer(words)]
    return not closes or opens[-1] > closes[-1]
