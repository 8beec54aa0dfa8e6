#!/usr/bin/env bash
# `npm run neo4j`: embedded Neo4j 5.26 in the foreground on 127.0.0.1:${NEO4J_BOLT_PORT:-7687}, auth off,
# store in ${DATA_DIR:-.data}/neo4j (relative to the repository root). Ctrl-C stops it cleanly.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT="$(cd "$NEO4J_DEV_DIR/../.." && pwd)"
DATA="${DATA_DIR:-.data}"
[[ "$DATA" = /* ]] || DATA="$ROOT/$DATA"
PORT="${NEO4J_BOLT_PORT:-7687}"
neo4j_dev_classpath
neo4j_dev_compile
mkdir -p "$DATA/neo4j"
neo4j_dev_java_cmd "$DATA/neo4j" "$PORT"
exec "${NEO4J_DEV_CMD[@]}"
