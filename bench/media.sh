#!/usr/bin/env bash
# media-bridge benchmark: synthetic DTLS-SRTP peers (own JVM) drive recorded 1:1 calls through the embedded relay
# (own JVM), ramping the number of concurrent calls; then the same load as plain RTP through the embedded relay
# and through rtpengine (userspace) for a packets-per-second-per-core comparison.
# Usage: bench/media.sh [steps=10,25,50,75,100] [seconds=10] [plain-calls=50]
# Writes docs/benchmarks/media-bridge.md. Needs: JDK 21+, rtpengine-daemon (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
STEPS=${1:-10,25,50,75,100}
SECONDS_PER_STEP=${2:-10}
PLAIN_CALLS=${3:-50}
./mvnw -B -q -pl media-bridge test-compile
./mvnw -B -q -pl media-bridge dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="media-bridge/target/test-classes:media-bridge/target/classes:$(cat media-bridge/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" org.mvtm.media.bench.MediaBench \
  docs/benchmarks/media-bridge.md "$STEPS" "$SECONDS_PER_STEP" "$PLAIN_CALLS"
