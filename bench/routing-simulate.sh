#!/usr/bin/env bash
# Workforce-planning simulator for the routing engine (drives the real engine, in-memory store, simulated clock).
#   bench/routing-simulate.sh --agents 22 --arrivals-per-hour 360 --aht-seconds 180 --sla-seconds 20 --hours 400 --seed 1
# Prints one JSON object: offered, answered, abandoned, serviceLevel, asaSeconds, probWait, occupancy, abandonRate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/java-home.sh"
JAR="$ROOT/routing-engine/target/routing-engine-0.1.0-SNAPSHOT.jar"
CP_FILE="$ROOT/routing-engine/target/runtime.classpath"
if [[ ! -f "$JAR" || ! -f "$CP_FILE" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl routing-engine package -DskipTests \
     dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime) >&2
fi
exec "$JAVA_HOME/bin/java" -cp "$JAR:$(cat "$CP_FILE")" org.mvtm.routing.sim.SimulateRouting "$@"
