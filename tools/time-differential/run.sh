#!/usr/bin/env bash
# Differential check of src/time against cn2an, JioNLP and Time-NLP (ChineseTimeNLP) on the external suite.
# Usage: bash tools/time-differential/run.sh [REPORT.tsv]   (default: tools/time-differential/report.tsv)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
report="${1:-$here/report.tsv}"
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
ours="$(mktemp)"
trap 'rm -f "$ours"' EXIT
(cd "$root" && npx tsx tools/time-differential/export-ours.ts) > "$ours"
"$here/.venv/bin/python" "$here/differential.py" "$ours" "$report"
