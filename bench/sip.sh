#!/usr/bin/env bash
# sip-edge load benchmark: SIPp customers -> sip-edge (queue, routing, B2BUA) -> SIPp advisor phone, next to
# SIPp -> SIPp directly in the same run. Writes docs/benchmarks/sip-edge.md.
# Usage: bench/sip.sh [rate-cps=500] [calls=10000]      (needs Debian package sip-tester)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
command -v sipp >/dev/null || { echo "sipp missing: apt-get install sip-tester" >&2; exit 1; }
# compiled in the reactor (contact-core from its target/classes): nothing is installed into ~/.m2
./mvnw -B -q -o -pl sip-edge -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test
CP="sip-edge/target/classes:sip-edge/target/test-classes:$(cat sip-edge/target/bench.cp)"
"$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -Xss512k -XX:+UseParallelGC -Dlogback.configurationFile=sip-edge/src/test/resources/logback-bench.xml \
  -cp "$CP" org.mvtm.sip.bench.SipEdgeBenchmark "${1:-500}" "${2:-10000}" docs/benchmarks/sip-edge.md
