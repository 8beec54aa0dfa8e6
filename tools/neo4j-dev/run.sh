#!/usr/bin/env bash
# `npm run neo4j`: embedded Neo4j 5.26 in the foreground on 127.0.0.1:${NEO4J_BOLT_PORT:-7687}, store in
# ${DATA_DIR:-.data}/neo4j (relative to the repository root). Ctrl-C stops it cleanly.
# Auth (NEO4J_AUTH): `password-file` (default) turns auth on with the password in ${NEO4J_PASSWORD_FILE:-$DATA/neo4j/password},
# generated (mode 0600) when absent, the same file the platform uses, so `npm run neo4j` + `npm start` share it;
# `none` is for throw-away stores only (the platform passes it for test stores).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT="$(cd "$NEO4J_DEV_DIR/../.." && pwd)"
DATA="${DATA_DIR:-.data}"
[[ "$DATA" = /* ]] || DATA="$ROOT/$DATA"
PORT="${NEO4J_BOLT_PORT:-7687}"
neo4j_dev_classpath
neo4j_dev_compile
mkdir -p "$DATA/neo4j"
case "${NEO4J_AUTH:-password-file}" in
  none) unset NEO4J_PASSWORD_FILE ;;
  password-file)
    export NEO4J_PASSWORD_FILE="${NEO4J_PASSWORD_FILE:-$DATA/neo4j/password}"
    if [[ ! -e "$NEO4J_PASSWORD_FILE" ]]; then
      # 32 random bytes as base64url (43 characters), like src/graph/neo4j-password.ts; set -C: never overwrite.
      (umask 077; set -C; head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' >"$NEO4J_PASSWORD_FILE"; echo >>"$NEO4J_PASSWORD_FILE")
      echo "neo4j-dev: generated the password into $NEO4J_PASSWORD_FILE (mode 0600)" >&2
    fi ;;
  *) echo "neo4j-dev: NEO4J_AUTH: expected password-file or none, got '$NEO4J_AUTH'" >&2; exit 2 ;;
esac
neo4j_dev_java_cmd "$DATA/neo4j" "$PORT"
exec "${NEO4J_DEV_CMD[@]}"
