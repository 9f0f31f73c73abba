#!/usr/bin/env bash
# The package as a user gets it: build the wheel, install it in a fresh venv with the pip that venv
# brings (no constraints.txt, no extras), analyze an HTML page and a text file with the
# `newsgraph` it installed, and check that a command needing an extra names it in one line.
# Prints the wheel's size and the size of the venv.
#   bash .ci/wheel.sh [PYTHON]      (default: python3; the build uses .venv/bin/python when present)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-python3}
builder=python3
[ -x .venv/bin/python ] && builder=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$builder" -m pip wheel --no-deps --quiet --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/newsgraph-*.whl)
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"
"$builder" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), "LICENSE is not in the wheel"
assert any(n.endswith("data/gazetteer-5000.json.gz") for n in names), "the gazetteer index is not in the wheel"
PY

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip --version
PIP_CONSTRAINT= "$work/venv/bin/python" -m pip install --quiet "$wheel"
echo "core install: $(du -sh "$work/venv" | cut -f1) (fresh venv, $(basename "$wheel"))"

ng="$work/venv/bin/newsgraph"
"$ng" analyze samples/ferry-route.html --json > "$work/page.json"
"$work/venv/bin/python" - "$work/page.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert a["text"].startswith("Island ferry route") and "Related stories" not in a["text"], a["text"][:200]
assert any(q["speaker_text"] == "Dubois" for q in a["quotes"]), a["quotes"]
assert any(p["name"] == "Halifax" and p["country"] == "CA" for p in a["places"]), a["places"]
print(f"page.html: {len(a['quotes'])} quotes, {len(a['entities'])} entities, {len(a['places'])} places")
PY
"$ng" analyze samples/harbor-strike.txt --published 2024-03-11 > "$work/report.txt"
grep -q "Marieke de Vries" "$work/report.txt"
echo "harbor-strike.txt: report of $(wc -l < "$work/report.txt") lines"

if "$ng" serve --port 8765 2> "$work/serve.err"; then
  echo "newsgraph serve ran without the server extra" >&2
  exit 1
fi
grep -q "pip install 'newsgraph\[server\]'" "$work/serve.err" || { cat "$work/serve.err" >&2; exit 1; }
[ "$(grep -c . "$work/serve.err")" -eq 1 ] || { cat "$work/serve.err" >&2; exit 1; }
echo "serve without the extra: $(cat "$work/serve.err")"
