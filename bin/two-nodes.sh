#!/usr/bin/env bash
# Starts the scaled-out shape on one machine: a redis-server on 127.0.0.1:6390 and two mVTM nodes sharing it
#   node A: http://localhost:8080, SIP 5060, media UDP 40000-40499, data in ./data-a
#   node B: http://localhost:8081, SIP 5070, media UDP 40500-40999, data in ./data-b
# Sign an advisor in on node A and a customer on node B: the call connects through one relay. Ctrl-C stops all.
# The automated version of this is server/src/test/java/org/mvtm/server/TwoNodeClusterTest.java.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is missing: sudo apt-get install redis-server" >&2; exit 1; }
SECRET="${MVTM_CLUSTER_SECRET:-local-two-node-secret-$(id -u)}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no >/dev/null & pids+=($!)
./run.sh --server.port=8080 --contact.node-id=node-a --contact.data-dir=./data-a \
  --contact.redis.url=redis://127.0.0.1:6390 --contact.cluster.secret="$SECRET" \
  --contact.sip.udp-port=5060 --contact.sip.tcp-port=5060 --contact.sip.tls-port=5061 \
  --contact.media.port-min=40000 --contact.media.port-max=40499 & pids+=($!)
sleep 5   # let node A build the jar first if needed
./run.sh --server.port=8081 --contact.node-id=node-b --contact.data-dir=./data-b \
  --contact.redis.url=redis://127.0.0.1:6390 --contact.cluster.secret="$SECRET" \
  --contact.sip.udp-port=5070 --contact.sip.tcp-port=5070 --contact.sip.tls-port=5071 \
  --contact.media.port-min=40500 --contact.media.port-max=40999 & pids+=($!)
wait
