#!/usr/bin/env bash
# sip-edge load benchmark: SIPp customers -> sip-edge (queue, routing, B2BUA) -> SIPp advisor phone, next to
# the anchors SIPp -> SIPp and SIPp -> Kamailio (stateful t_relay) -> SIPp in the same run. Writes
# docs/benchmarks/sip-edge.md.
# Usage: bench/sip.sh [rates=150,300,600,1000,1500] [seconds-per-step=5]   (needs Debian sip-tester, kamailio)
# ADMISSION_CPS=400 bench/sip.sh ... keeps the admission on (503 above it) instead of measuring the raw capacity.
# bench/sip.sh --whole-server [advisors] [rates] [seconds] [hold-ms]: the whole server instead (bench/capacity.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--whole-server" ]; then shift; exec bench/capacity.sh "$@"; fi
. bin/java-home.sh
command -v sipp >/dev/null || { echo "sipp missing: apt-get install sip-tester" >&2; exit 1; }
command -v kamailio >/dev/null || { echo "kamailio missing: apt-get install kamailio" >&2; exit 1; }
# compiled in the reactor (contact-core from its target/classes): nothing is installed into ~/.m2
./mvnw -B -q -pl sip-edge -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test
CP="sip-edge/target/classes:sip-edge/target/test-classes:$(cat sip-edge/target/bench.cp)"
"$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -Xss512k -XX:+UseParallelGC -Dlogback.configurationFile=sip-edge/src/test/resources/logback-bench.xml \
  -cp "$CP" org.mvtm.sip.bench.SipEdgeBenchmark "${1:-150,300,600,1000,1500}" "${2:-5}" docs/benchmarks/sip-edge.md
