#!/usr/bin/env bash
# CI: resolve the classpath (with retries), compile, start Neo4j in the background, wait until Bolt answers.
# Env: NEO4J_BOLT_PORT (7687), NEO4J_CI_HOME (.neo4j-ci), NEO4J_WAIT_S (180). Prints `export NEO4J_URI=...` on stdout;
# the PID is in $NEO4J_CI_HOME/neo4j.pid and the log in $NEO4J_CI_HOME/neo4j.log. Stop: kill "$(cat .neo4j-ci/neo4j.pid)".
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT="$(cd "$NEO4J_DEV_DIR/../.." && pwd)"
HOME_DIR="${NEO4J_CI_HOME:-$ROOT/.neo4j-ci}"
PORT="${NEO4J_BOLT_PORT:-7687}"
WAIT_S="${NEO4J_WAIT_S:-180}"
# A throw-away store for the test run: auth off, whatever the caller's environment says.
unset NEO4J_PASSWORD_FILE
neo4j_dev_classpath
neo4j_dev_compile
mkdir -p "$HOME_DIR"
neo4j_dev_java_cmd "$HOME_DIR" "$PORT"
nohup "${NEO4J_DEV_CMD[@]}" >"$HOME_DIR/neo4j.log" 2>&1 &
echo $! >"$HOME_DIR/neo4j.pid"
# The launcher prints NEO4J_READY only after the database is available (not just the port open).
for ((i = 0; i < WAIT_S * 2; i++)); do
  if grep -q '^NEO4J_READY' "$HOME_DIR/neo4j.log"; then
    echo "export NEO4J_URI=bolt://127.0.0.1:$PORT"
    exit 0
  fi
  if ! kill -0 "$(cat "$HOME_DIR/neo4j.pid")" 2>/dev/null; then
    echo "neo4j-dev: Neo4j exited during start-up; last log lines:" >&2
    tail -n 30 "$HOME_DIR/neo4j.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "neo4j-dev: Bolt did not answer within ${WAIT_S}s; last log lines:" >&2
tail -n 30 "$HOME_DIR/neo4j.log" >&2
exit 1
