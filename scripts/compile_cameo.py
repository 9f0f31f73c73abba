"""Compile PETRARCH2's CAMEO verb dictionary into the events component's verb tables.

    .venv/bin/python scripts/compile_cameo.py          # writes extract/lexicons/cameo_verbs.json
    .venv/bin/python scripts/compile_cameo.py --check  # exit 1 when the shipped tables are out of date

Input: `../shared/data/petrarch2/CAMEO.2.0.txt` (PETRARCH2, github.com/openeventdata/petrarch2,
MIT licence, copyright Open Event Data Alliance) and `../shared/data/events/cameo_to_plover.json`
(the CAMEO -> PLOVER crosswalk). Output: one JSON file shipped as package data, read by
`newsgraph.extract.components.events._dictionary`:

* `verbs`: lemma -> list of entries `[block, code, words]`: the verb block the lemma belongs to,
  the verb line's own CAMEO code (else the block's; null = not an event unless a pattern says so)
  and, for a multi-word verb ("+CALL_OFF"), the words that must follow it.
* `classes`: the dictionary's `&CLASS` synonym sets (weapon, military, ceasefire, …).
* `blocks`: one list of patterns per verb block. A pattern is `[code, pre, post, verbs]`: `pre` the items
  of the subject side ("- &AIRCRAFT * ATTACKS" -> &aircraft), `post` the items after the verb. An
  item is a one-element list: a word, a phrase ("air strike") or a class ("&weapon"); a
  prepositional item ("(TO &CEASEFIRE)") is `["(", "to", item, …]`. A null code blocks the event
  ("- * (IN ACCIDENT) [---]" under KILL). `verbs` is the verb the pattern's comment names as the
  one it was written for (`# CAPTURE`), when that is a verb of the block; empty = every verb.
* `plover`: every CAMEO code used -> its PLOVER type (null = no PLOVER event), by the crosswalk's
  `cameo_root` (CAMEO 08 by three digits) with the deviations listed in `PLOVER_OVERRIDES`.

The tables are the dictionary's own: nothing here is chosen per sentence. The output is
reproducible (same inputs, same bytes).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DEFAULT_DICT = SHARED / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_XWALK = SHARED / "events" / "cameo_to_plover.json"
OUT = ROOT / "src" / "newsgraph" / "extract" / "lexicons" / "cameo_verbs.json"

PLOVER_OVERRIDES = {
    "02": "REQUEST",  # CAMEO APPEAL: PLOVER's REQUEST covers requests and appeals ("urged", "asked")
}
"""CAMEO codes whose PLOVER type differs from the crosswalk's root mapping (prefix -> type)."""

_DROP_WORDS = frozenset({"a", "an", "the"})
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def _word(raw: str) -> str:
    """Return a dictionary word as text: lower case, '_' joins words, a trailing '_' dropped."""
    return raw.strip().strip("_").replace("_", " ").lower()


def parse_code(text: str) -> tuple[bool, str | None]:
    """Return (usable, code) of a `[...]` field: `---` is (True, None); `:173` (no source code) unusable."""
    first = text.split(":", 1)[0].strip().rstrip("-").strip()
    if text.strip().startswith("---"):
        return True, None
    if not first:
        return False, None
    return (True, first) if first.isdigit() else (False, None)


def read_classes(lines: list[str]) -> dict[str, list[str]]:
    """Read the `&CLASS` synonym sets: `&NAME` followed by `+WORD` lines."""
    classes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = classes.setdefault(text[1:].strip().rstrip("_").lower(), [])
        elif text.startswith("+") and current is not None:
            word = _word(text[1:].split("{", 1)[0])
            if word and word not in current:
                current.append(word)
        elif not text:
            continue
        else:
            current = None
    return classes


def _item(token: str, classes: dict[str, list[str]]) -> list[str] | None:
    """Return one pattern element as its alternatives, or None for markers and stop words."""
    if token in ("$", "+", "^", "%", "*") or not token.strip("$+^%"):
        return None
    if token.startswith("&"):
        name = token[1:].rstrip("_").lower()
        return ["&" + name] if classes.get(name) else None
    word = _word(token.strip("$+^%"))
    return None if not word or word in _DROP_WORDS else [word]


def _group(tokens: list[str], classes: dict[str, list[str]]) -> list[list[str]]:
    """Return the items of a run of pattern tokens; a `{A B}` phrase becomes one item "a b"."""
    items: list[list[str]] = []
    for tok in tokens:
        if tok.startswith("{"):
            inner = [_item(t, classes) for t in tok.strip("{}").split()]
            parts = [alts[0] for alts in inner if alts is not None and not alts[0].startswith("&")]
            classed = [alts for alts in inner if alts is not None and alts[0].startswith("&")]
            if parts:
                items.append([" ".join(parts)])
            items.extend(classed)
        else:
            alts = _item(tok, classes)
            if alts is not None:
                items.append(alts)
    return items


def parse_pattern(body: str, classes: dict[str, list[str]]) -> tuple[list[list[str]], list[object]] | None:
    """Split a pattern body ("&MILITARY * (TO BORDER)") into its subject and post-verb items."""
    tokens = _TOKEN.findall(body)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    pre = _group(tokens[:star], classes)
    post: list[object] = []
    for tok in tokens[star + 1 :]:
        if tok.startswith("("):
            inner = _TOKEN.findall(tok[1:-1])
            if not inner:
                continue
            prep = _item(inner[0], classes)
            if prep is None or prep[0].startswith("&"):
                continue
            post.append(["(", prep[0], *_group(inner[1:], classes)])
        else:
            post.extend(_group([tok], classes))
    return pre, post


def _verb_line(text: str) -> tuple[str, list[str]] | None:
    """Return (lemma, following words) of a verb line ("+CALL_OFF {…}" -> ("call", ["off"]))."""
    if "{}" in text.replace(" ", ""):
        return None  # a surface phrase with no inflected forms ("+KILLED_AND {}"): a parser hack
    head = text.split("{", 1)[0].split("[", 1)[0].strip()
    multi = head.startswith("+")
    words = _word(head.lstrip("+")).split()
    if not words or (multi and any(w in ("and", "or") for w in words)):
        return None
    if not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
        return None
    return words[0], words[1:]


def _forms(text: str, lemma: str) -> set[str]:
    """Return the forms a verb line gives a lemma: its `{…}` list and the regular -s/-ed/-ing forms."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    forms |= {lemma[:-1] + "ing", lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + lemma[-1:] + "ed"}
    if "{" in text:
        irregular = text.split("{", 1)[1].split("}", 1)[0]
        forms |= {_word(w.lstrip("+")).split(" ")[0] for w in irregular.split() if w.strip("+")}
    return forms


def _origin(comment: str) -> str:
    """Return the verb a pattern's comment names as its origin ("# KILLED_AND" -> "killed"), else ""."""
    words = comment.strip().split()
    return _word(words[0].split("_")[0]) if words and re.fullmatch(r"[A-Z][A-Z'-]*(_\w*)*", words[0]) else ""


def compile_dictionary(text: str, xwalk: dict[str, object]) -> dict[str, object]:
    """Compile the dictionary's text into the shipped tables (see the module docstring)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    classes = read_classes(lines[:start])
    verbs: dict[str, list[list[object]]] = {}
    blocks: list[list[list[object]]] = []
    forms: list[dict[str, str]] = []  # per block: verb form -> lemma
    origins: list[tuple[list[object], int, str]] = []
    block_code: str | None = None
    for line in lines[start + 1 : end]:
        text_part, _, comment = line.partition("#")
        text_part = text_part.rstrip()
        if not text_part.strip():
            continue
        if text_part.startswith("---"):
            found = _CODE.search(text_part)
            block_code = parse_code(found.group(1))[1] if found else None
            blocks.append([])
            forms.append({})
            continue
        if not blocks:
            continue
        found = _CODE.search(text_part)
        if text_part.startswith("-"):
            if found is None:
                continue
            usable, code = parse_code(found.group(1))
            parsed = parse_pattern(text_part[1 : found.start()], classes)
            if usable and parsed is not None and (parsed[0] or parsed[1]):
                pattern: list[object] = [code, parsed[0], parsed[1], []]
                blocks[-1].append(pattern)
                origins.append((pattern, len(blocks) - 1, _origin(comment)))
            continue
        entry = _verb_line(text_part)
        if entry is None:
            continue
        usable, code = parse_code(found.group(1)) if found else (True, block_code)
        lemma, following = entry
        for form in _forms(text_part, lemma):
            forms[-1].setdefault(form, lemma)
        if usable:
            verbs.setdefault(lemma, []).append([len(blocks) - 1, code, following])
    for pattern, block, origin in origins:
        lemma = forms[block].get(origin)
        if lemma is not None:
            pattern[3] = [lemma]
    codes = {str(e[1]) for entries in verbs.values() for e in entries if e[1] is not None}
    codes |= {str(p[0]) for block in blocks for p in block if p[0] is not None}
    return {
        "_doc": [
            "Compiled by scripts/compile_cameo.py from PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2,",
            "MIT licence, Copyright (c) 2015 Open Event Data Alliance); do not edit by hand. verbs: lemma ->",
            "[block, CAMEO code or null, words that must follow]; classes: &CLASS synonym sets; blocks:",
            "patterns [code, subject items, post-verb items, origin verb]; plover: CAMEO code -> PLOVER type",
            "(null = no PLOVER event).",
        ],
        "licence": "MIT, Copyright (c) 2015 Open Event Data Alliance (PETRARCH2 CAMEO.2.0.txt)",
        "classes": classes,
        "verbs": dict(sorted(verbs.items())),
        "blocks": blocks,
        "plover": {code: plover_type(code, xwalk) for code in sorted(codes)},
    }


def plover_type(code: str, xwalk: dict[str, object]) -> str | None:
    """Return the PLOVER type of a CAMEO code (crosswalk root, 08 split, then `PLOVER_OVERRIDES`)."""
    for prefix in sorted(PLOVER_OVERRIDES, key=len, reverse=True):
        if code.startswith(prefix):
            return PLOVER_OVERRIDES[prefix]
    roots = xwalk["cameo_root"]
    split = xwalk["cameo_08_split"]
    assert isinstance(roots, dict) and isinstance(split, dict)
    if code.startswith("08"):
        value = split.get(code[:3], "CONCEDE")
        return str(value)
    value = roots.get(code[:2])
    return str(value) if value else None


def render(tables: dict[str, object]) -> str:
    """Serialize the tables compactly, one verb and one block a line (reviewable diffs)."""
    out = ["{"]
    out.append(f' "_doc": {json.dumps(tables["_doc"])},')
    out.append(f' "licence": {json.dumps(tables["licence"])},')
    out.append(f' "classes": {json.dumps(tables["classes"], sort_keys=True)},')
    verbs = tables["verbs"]
    blocks = tables["blocks"]
    assert isinstance(verbs, dict) and isinstance(blocks, list)
    out.append(' "verbs": {')
    out.append(",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in verbs.items()))
    out.append(" },")
    out.append(' "blocks": [')
    out.append(",\n".join(f"  {json.dumps(b)}" for b in blocks))
    out.append(" ],")
    out.append(f' "plover": {json.dumps(tables["plover"], sort_keys=True)}')
    out.append("}")
    return "\n".join(out) + "\n"


def main() -> int:
    """Write (or with --check, verify) the compiled verb tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICT)
    parser.add_argument("--crosswalk", type=Path, default=DEFAULT_XWALK)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check", action="store_true", help="Only verify that the shipped tables are current."
    )
    args = parser.parse_args()
    xwalk = json.loads(args.crosswalk.read_text(encoding="utf-8"))
    rendered = render(compile_dictionary(args.dictionary.read_text(encoding="latin-1"), xwalk))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != rendered:
            print(f"{args.out} is out of date: run scripts/compile_cameo.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(rendered, encoding="utf-8")
    print(f"wrote {args.out} ({len(rendered):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
