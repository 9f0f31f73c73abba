"""Write the demo corpus `samples/corpus.jsonl.gz` from the freely licensed news of ../shared.

    .venv/bin/python scripts/build_demo_corpus.py [../shared/data/corpus/news.jsonl] [samples/corpus.jsonl.gz]

Keeps every article of the corpus (Voice of America stories, public domain; Wikinews articles,
CC BY 2.5, as selected by the MEANTIME and GeoVirus corpora; see `samples/README.md` for the
licences and the attribution they require) with its id, URL, title, publication date (when the
source gives one), author and licence. `source` names the publisher ("Voice of America",
"Wikinews") and `collection` the corpus it came through. The output is reproducible: the same
input gives the same bytes (no time stamp in the gzip header).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

PUBLISHERS = {
    "voa": ("Voice of America", None),
    "meantime": ("Wikinews", "MEANTIME"),
    "geovirus": ("Wikinews", "GeoVirus"),
}
FIELDS = ("id", "source", "collection", "url", "title", "published", "author", "license", "text")


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/corpus/news.jsonl")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "samples/corpus.jsonl.gz")
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        publisher, collection = PUBLISHERS[record["source"]]
        record.update(source=publisher, collection=collection)
        lines.append(json.dumps({k: record.get(k) for k in FIELDS}, ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(data)
    print(f"{target}: {len(lines)} articles, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
