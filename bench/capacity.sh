#!/usr/bin/env bash
# Whole-server capacity benchmark, the figure a bank sizes by: the real server on embedded defaults (routing engine,
# embedded media relay, recording on), N advisors provisioned through the admin API as desk phones registered by one
# SIPp instance, SIPp customers calling a queue with PCMU RTP both ways; next to SIPp straight to SIPp and SIPp through
# Kamailio + rtpengine (userspace) in the same step, with each path's media loss counted by nftables (needs root).
# Writes docs/benchmarks/capacity.md, or the page named by CAPACITY_PAGE (e.g. docs/benchmarks/capacity-signalling.md
# for a ramp of short calls), then bench/collect.sh puts the pages into docs/benchmarks.md.
# Usage: bench/capacity.sh [advisors=200] [rates=5,10,20,40] [seconds-per-step=10] [hold-ms=3000] [nodes=1] [video-%=10]
#   nodes=2: then the same steps against two nodes on one redis-server and one PostgreSQL, customers split between
#   them, and the scaling ratio (needs redis-server and postgresql, as ./test.sh installs).
#   video-%: at the same time as each step's SIP calls, that many percent more calls are browser video calls
#   (scripted browsers with DTLS-SRTP, 1.5 Mbit/s of VP8-sized video each way) answered by console advisors; 0: none.
#   (also: bench/sip.sh --whole-server ...). Needs Debian sip-tester; installs kamailio, rtpengine-daemon and nftables
#   when missing. Exits non-zero when the server does not start or no call gets through it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
command -v sipp >/dev/null || { echo "sipp missing: apt-get install sip-tester" >&2; exit 1; }
missing=""
command -v kamailio >/dev/null || missing="$missing kamailio"
command -v rtpengine >/dev/null || missing="$missing rtpengine-daemon"
command -v nft >/dev/null || missing="$missing nftables"
if [ -n "$missing" ]; then
  echo "installing$missing" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  # no recommends: rtpengine's kernel module (DKMS) is not used, the benchmark runs rtpengine in userspace
  $sudo apt-get install -y --no-install-recommends $missing
fi
[ "$(id -u)" = 0 ] || echo "not root: media loss will not be counted (nftables counters need CAP_NET_ADMIN)" >&2
advisors=${1:-200} rates=${2:-5,10,20,40} seconds=${3:-10} hold=${4:-3000} nodes=${5:-1} video=${6:-10}
# compiled in the reactor (other modules from their target/classes): nothing is installed into ~/.m2
./mvnw -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test
CP="$PWD/server/target/classes:$PWD/server/target/test-classes:$(cat server/target/bench.cp)"
"$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -Dmvtm.project.dir="$PWD" -cp "$CP" org.mvtm.server.CapacityBenchmark "$advisors" "$rates" "$seconds" \
  "$hold" "${CAPACITY_PAGE:-docs/benchmarks/capacity.md}" \
  "${CAPACITY_PAGE:+CAPACITY_PAGE=$CAPACITY_PAGE }bench/capacity.sh $advisors $rates $seconds $hold $nodes $video" "$nodes" \
  "$video"
bench/collect.sh
