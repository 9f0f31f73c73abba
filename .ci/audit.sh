#!/usr/bin/env bash
# Dependency audit: pip-audit over the packages installed in the project's venv.
#
#   bash .ci/audit.sh            # exit 1 when a known vulnerability is found, else 0
#
# pip-audit asks the PyPI vulnerability service (pypi.org/pypi/<name>/<version>/json) about each
# installed distribution. Where that service cannot be reached (an offline machine, or an index
# mirror that serves only package files), pip-audit skips every package and would still print
# "No known vulnerabilities found": this script counts what was really audited and says plainly
# when nothing was, exiting 0 so an offline CI run is not failed by the network.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
[ -x "$PY" ] || { echo "audit: no venv at $VENV (run make install)"; exit 1; }

if ! "$PY" -m pip_audit --version >/dev/null 2>&1; then
  echo "audit: installing pip-audit into $VENV"
  "$PY" -m pip install -q pip-audit || { echo "audit: cannot install pip-audit: audit NOT run"; exit 0; }
fi

REPORT="$(mktemp)"
trap 'rm -f "$REPORT"' EXIT
set +e
"$PY" -m pip_audit --local --skip-editable --progress-spinner off --format json --output "$REPORT" 2>"$REPORT.err"
STATUS=$?
set -e

"$PY" - "$REPORT" "$STATUS" "$REPORT.err" <<'PY'
import json
import sys
from pathlib import Path

report, status, errors = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
text = report.read_text() if report.exists() else ""
if not text.strip():
    print(f"audit: pip-audit produced no report (exit {status}): {errors.read_text()[-500:].strip()}")
    print("audit: the vulnerability service is unreachable from here; dependencies NOT audited")
    sys.exit(0)
deps = json.loads(text).get("dependencies", [])
skipped = [d for d in deps if d.get("skip_reason")]
audited = [d for d in deps if not d.get("skip_reason")]
vulnerable = [d for d in audited if d.get("vulns")]
if not audited:
    print(
        f"audit: the vulnerability service could not be reached: all {len(skipped)} installed "
        "packages were skipped, NONE audited (run where pypi.org's JSON API is reachable)"
    )
    sys.exit(0)
for dep in vulnerable:
    for vuln in dep["vulns"]:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
        print(f"audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixes})")
print(
    f"audit: {len(audited)} packages audited, {len(skipped)} skipped, "
    f"{sum(len(d['vulns']) for d in vulnerable)} known vulnerabilities in {len(vulnerable)} packages"
)
sys.exit(1 if vulnerable else 0)
PY
