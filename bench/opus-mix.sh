#!/usr/bin/env bash
# What the relay's Opus mixing costs next to plain forwarding, measured in the same run (one thread, CPU time):
# frames per CPU-second of each path and their ratio. Usage: bench/opus-mix.sh [frames=5000]
# Writes docs/benchmarks/opus-mix.md. Needs: JDK 21+, libopus0 (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
FRAMES=${1:-5000}
# one reactor build (-am): the sibling modules resolve to their target/classes, nothing needs installing
./mvnw -B -q -pl media-bridge -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
CP="media-bridge/target/test-classes:media-bridge/target/classes:$(cat media-bridge/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.mvtm.media.bench.OpusMixBench \
  docs/benchmarks/opus-mix.md "$FRAMES"
