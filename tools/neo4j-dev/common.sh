# Shared by run.sh and start-ci.sh (sourced, not run). Resolves the Maven classpath with retries and compiles the launcher.
set -euo pipefail
NEO4J_DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAVA_OPENS=(
  --add-opens java.base/java.nio=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED
  --add-opens java.base/java.io=ALL-UNNAMED
  --add-opens java.base/java.util=ALL-UNNAMED
  --add-opens java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED
)

# cp.txt is rebuilt only when the pom changes; Central answers 429 to bursts, so retry with backoff.
neo4j_dev_classpath() {
  local cp="$NEO4J_DEV_DIR/cp.txt"
  if [[ -s "$cp" && "$cp" -nt "$NEO4J_DEV_DIR/pom.xml" ]]; then return 0; fi
  local attempt delay=5
  for attempt in 1 2 3 4 5; do
    mkdir -p "$NEO4J_DEV_DIR/out"
    if (cd "$NEO4J_DEV_DIR" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=out/cp.txt.tmp >&2); then
      mv "$NEO4J_DEV_DIR/out/cp.txt.tmp" "$cp"
      return 0
    fi
    echo "neo4j-dev: classpath resolution failed (attempt $attempt/5), retrying in ${delay}s" >&2
    sleep "$delay"; delay=$((delay * 2))
  done
  echo "neo4j-dev: could not resolve the Neo4j classpath from Maven" >&2
  return 1
}

neo4j_dev_compile() {
  local out="$NEO4J_DEV_DIR/out"
  if [[ -f "$out/Launcher.class" && "$out/Launcher.class" -nt "$NEO4J_DEV_DIR/src/Launcher.java" && "$out/Launcher.class" -nt "$NEO4J_DEV_DIR/cp.txt" ]]; then
    return 0
  fi
  mkdir -p "$out"
  javac --release 17 -d "$out" -cp "$(cat "$NEO4J_DEV_DIR/cp.txt")" "$NEO4J_DEV_DIR/src/Launcher.java"
}

# neo4j_dev_java_cmd HOME PORT → prints nothing; fills the NEO4J_DEV_CMD array.
neo4j_dev_java_cmd() {
  NEO4J_DEV_CMD=(java "${JAVA_OPENS[@]}" "-Xmx${NEO4J_HEAP:-512m}" -XX:+UseSerialGC
    -cp "$NEO4J_DEV_DIR/out:$(cat "$NEO4J_DEV_DIR/cp.txt")" Launcher "$1" "$2" 127.0.0.1)
}
