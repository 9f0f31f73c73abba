"""Dump the places of a slice of articles, for reading and for a diff between two branches.

    # once: clean the articles and run spaCy and the entities component, keep the Docs
    .venv/bin/python scripts/places_read.py cache ../shared/data/quotes/train.jsonl \
        --start 350 --stop 700 --out /tmp/polnear.spacy
    # per branch (PYTHONPATH chooses the code): the places component alone on those Docs
    PYTHONPATH=src .venv/bin/python scripts/places_read.py dump /tmp/polnear.spacy --out after.jsonl
    # the places whose resolution differs, mention by mention
    .venv/bin/python scripts/places_read.py diff before.jsonl after.jsonl

The places component reads only the entities component's output and spaCy's, so a cached Doc
gives the places of the whole pipeline (`analyze`, cleaning on) at a fraction of the cost.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spacy.tokens import DocBin

from newsgraph.extract.extensions import doc_text, get_places
from newsgraph.extract.pipeline import get_nlp, prepare
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle


def cache(path: Path, start: int, stop: int, out: Path) -> None:
    settings = Settings(components=("newsgraph_entities",))
    nlp = get_nlp(settings)
    lines = path.read_text(encoding="utf-8").splitlines()[start:stop]
    records = [json.loads(line) for line in lines if line.strip()]
    docs = []
    for r in records:
        raw = RawArticle(text=r["text"], id=str(r["id"]), published=r.get("date") or r.get("published"))
        docs.append(prepare(raw, nlp, settings).doc)
        docs[-1].user_data["article_id"] = str(r["id"])
    bin_ = DocBin(store_user_data=True)
    for doc in nlp.pipe(docs):
        bin_.add(doc)
    out.write_bytes(bin_.to_bytes())


def dump(cached: Path, out: Path) -> None:
    nlp = get_nlp(Settings(components=("newsgraph_entities", "newsgraph_places")))
    places = nlp.get_pipe("newsgraph_places")
    docs = list(DocBin().from_bytes(cached.read_bytes()).get_docs(nlp.vocab))
    began = time.process_time()
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            get_places(doc).clear()
            places(doc)
            text = doc_text(doc)
            for p in get_places(doc):
                for m in p.mentions:
                    row = {
                        "article": doc.user_data["article_id"],
                        "start": m.start,
                        "end": m.end,
                        "mention": m.text,
                        "context": text[max(0, m.start - 80) : m.end + 80].replace("\n", " "),
                        "name": p.name,
                        "feature": p.feature,
                        "country": p.country,
                        "admin1": p.admin1,
                        "lat": p.lat,
                        "lon": p.lon,
                        "by": p.resolved_by,
                        "confidence": p.confidence,
                        "literal": p.literal,
                    }
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(docs)} docs, places CPU {time.process_time() - began:.2f} s")


def diff(before: Path, after: Path) -> None:
    def read(p: Path) -> dict[tuple[str, int, int], dict]:
        rows = (json.loads(line) for line in p.read_text(encoding="utf-8").splitlines())
        return {(r["article"], r["start"], r["end"]): r for r in rows}

    def show(r: dict | None) -> str:
        if r is None:
            return "(no place)"
        where = f"{r['name']} ({r['feature']}, {r['country']}, {r['admin1']})"
        if r["lat"] is None:
            where = "no point"
        lit = "" if r["literal"] else " [name]"
        return f"{where} {r['by']} {r['confidence']}{lit}"

    a, b = read(before), read(after)
    n = 0
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        if show(ra) == show(rb):
            continue
        n += 1
        r = rb or ra
        assert r is not None
        print(f"{key[0][:40]} | {r['mention']} | …{r['context']}…\n    {show(ra)}  ->  {show(rb)}")
    print(f"{n} mentions changed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("jsonl", type=Path)
    c.add_argument("--start", type=int, default=0)
    c.add_argument("--stop", type=int, default=None)
    c.add_argument("--out", type=Path, required=True)
    d = sub.add_parser("dump")
    d.add_argument("cached", type=Path)
    d.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.cmd == "cache":
        cache(args.jsonl, args.start, args.stop, args.out)
    elif args.cmd == "dump":
        dump(args.cached, args.out)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
