#!/usr/bin/env bash
# Runs the training package's pytest suite with the project's virtual environment (.venv at the repo root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
cd "$root/models/train"
exec "$py" -m pytest -q "$@"
