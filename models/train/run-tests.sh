#!/usr/bin/env bash
# Runs the training package's pytest suite with the project's virtual environment (.venv at the repo root).
# Without .venv it says so and stops; in CI (CI=1) that is a failure, not a skip.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
if [ ! -x "$py" ]; then
  echo "python suite NOT RUN: no $py (create it: python3 -m venv .venv && .venv/bin/pip install -e 'models/train[test]')" >&2
  [ "${CI:-}" = "1" ] && exit 1
  exit 0
fi
cd "$root/models/train"
exec "$py" -m pytest -q "$@"
