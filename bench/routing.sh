#!/usr/bin/env bash
# Routing-engine benchmark: decisions/s and p50/p99 decision latency at 1,000 waiting customers and 500 advisors,
# skill-based engine vs a plain FIFO queue baseline, in memory and on Redis over loopback (same run).
#   bench/routing.sh [waiting] [advisors] [decisions]
# Starts its own redis-server on a free port (Debian package redis-server) and stops it at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/java-home.sh"
WAITING="${1:-1000}"; ADVISORS="${2:-500}"; DECISIONS="${3:-20000}"
command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install redis-server" >&2; exit 1; }
cd "$ROOT"
./mvnw -B -q -pl routing-engine test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
REDIS_PID=$!
trap 'kill $REDIS_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
M="$ROOT/routing-engine/target"
"$JAVA_HOME/bin/java" -Xms512m -Xmx1g -cp "$M/test-classes:$M/classes:$(cat "$M/test.classpath")" \
  org.mvtm.routing.bench.RoutingBench "$WAITING" "$ADVISORS" "$DECISIONS" "redis://127.0.0.1:$PORT"
