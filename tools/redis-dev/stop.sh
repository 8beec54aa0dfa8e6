#!/usr/bin/env bash
# Stops the Redis started by start-ci.sh (its pid file only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${REDIS_DEV_HOME:-$ROOT/.redis-dev}"
if [ -f "$HOME_DIR/redis.pid" ]; then kill "$(cat "$HOME_DIR/redis.pid")" 2>/dev/null || true; rm -f "$HOME_DIR/redis.pid"; fi
