#!/usr/bin/env bash
# Dev/CI Redis for the multi-process tests and `serve --role api|worker`: Debian's redis-server (apt-get install
# redis-server; .ci/run does it), on its own port and directory, in the background, no persistence, loopback only.
# Env: REDIS_PORT (6390), REDIS_DEV_HOME (.redis-dev), REDIS_WAIT_S (30). Prints `export REDIS_URL=...` on stdout;
# the PID is in $REDIS_DEV_HOME/redis.pid and the log in $REDIS_DEV_HOME/redis.log. Stop: bash tools/redis-dev/stop.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${REDIS_DEV_HOME:-$ROOT/.redis-dev}"
PORT="${REDIS_PORT:-6390}"
WAIT_S="${REDIS_WAIT_S:-30}"
if ! command -v redis-server >/dev/null; then
  echo "redis-dev: redis-server not found: sudo apt-get install -y redis-server (Debian/Ubuntu)" >&2
  exit 1
fi
mkdir -p "$HOME_DIR"
if [ -f "$HOME_DIR/redis.pid" ] && kill -0 "$(cat "$HOME_DIR/redis.pid")" 2>/dev/null; then
  echo "export REDIS_URL=redis://127.0.0.1:$PORT"
  exit 0
fi
# noeviction: BullMQ's keys must never be evicted. No RDB/AOF: a throw-away instance (Neo4j holds the truth).
redis-server --port "$PORT" --bind 127.0.0.1 --dir "$HOME_DIR" --save '' --appendonly no \
  --maxmemory-policy noeviction --daemonize yes --pidfile "$HOME_DIR/redis.pid" --logfile "$HOME_DIR/redis.log"
for ((i = 0; i < WAIT_S * 10; i++)); do
  if redis-cli -p "$PORT" ping 2>/dev/null | grep -q PONG; then
    echo "export REDIS_URL=redis://127.0.0.1:$PORT"
    exit 0
  fi
  sleep 0.1
done
echo "redis-dev: Redis did not answer on port $PORT within ${WAIT_S}s; last log lines:" >&2
tail -n 20 "$HOME_DIR/redis.log" >&2 || true
exit 1
