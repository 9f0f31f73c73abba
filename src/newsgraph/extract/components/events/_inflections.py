"""Regular English verb forms: the -s, -ed and -ing forms of a lemma, and which lemmas double their
last consonant ("hop" -> "hopping"). The coder reads a verb the lemmatizer missed ("staged" read as
"stag") back to its lemma from these forms."""

from __future__ import annotations


def doubles(lemma: str) -> bool:
    """Whether a verb of one syllable ends consonant-vowel-consonant and doubles it ("hop" -> "hopping")."""
    vowels = "aeiou"
    groups = sum(1 for i, ch in enumerate(lemma) if ch in vowels and (i == 0 or lemma[i - 1] not in vowels))
    return (
        groups == 1
        and len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )


def inflections(lemmas: frozenset[str]) -> dict[str, str]:
    """Return regular inflected forms (-s, -ed, -ing) of verb lemmas, mapped to their lemma."""
    out: dict[str, str] = {}
    vowels = set("aeiou")
    for lemma in lemmas:
        if not lemma.isalpha():
            continue
        if lemma.endswith("e"):
            forms = [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
        elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in vowels:
            forms = [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
        else:
            suffix_s = "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s"
            forms = [lemma + suffix_s, lemma + "ed", lemma + "ing"]
            if (
                len(lemma) >= 3
                and lemma[-1] not in vowels | {"w", "x", "y"}
                and lemma[-2] in vowels
                and lemma[-3] not in vowels
            ):
                forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
        out.setdefault(lemma, lemma)
        for form in forms:
            out.setdefault(form, lemma)
    return out
