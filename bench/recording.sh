#!/usr/bin/env bash
# Recording-store benchmark: N concurrent 1.5 Mbit/s calls written encrypted+hash-chained vs plain, CPU per call,
# unpaced throughput, export time per minute of video. Usage: bench/recording.sh [seconds-per-run] [calls...]
# Example: bench/recording.sh 15 10 25 50     (results: paste into docs/benchmarks/recording-store.md)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
./mvnw -B -q -pl recording-store test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="recording-store/target/classes:recording-store/target/test-classes:$(cat recording-store/target/bench.cp)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mvtm.recording.bench.RecordingBenchmark "$@"
