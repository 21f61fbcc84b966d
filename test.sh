#!/usr/bin/env bash
# Installs what the tests need on Debian when it is missing (JDK 21+, redis-server, PostgreSQL, SIPp, sipvicious, baresip, Chromium,
# Firefox ESR, espeak-ng, sox, libopus0, pocketsphinx with its US English model, CJK fonts, Node.js and the npm packages of the browser tests), then runs the whole
# test suite, including the tests that start real peers. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")"

need=()
for pair in redis-server:redis-server /usr/lib/postgresql/15/bin/initdb:postgresql sipp:sip-tester baresip:baresip chromium:chromium firefox-esr:firefox-esr \
            espeak-ng:espeak-ng sox:sox svcrack:sipvicious node:nodejs npm:npm; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
# libopus, through which the media relay mixes Opus audio (conference, supervisor monitoring)
ldconfig -p 2>/dev/null | grep -q "libopus.so.0 " || [ -e /usr/lib/x86_64-linux-gnu/libopus.so.0 ] || need+=(libopus0)
# the English speech recogniser of the IVR tests and its model
[ -d /usr/share/pocketsphinx/model/en-us ] || need+=(pocketsphinx-en-us)
command -v pocketsphinx_continuous >/dev/null 2>&1 || need+=(pocketsphinx)
# CJK fonts, so the browser tests' screenshots show Chinese rather than boxes
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if ! ls /usr/lib/jvm/*/bin/javac >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then need+=(openjdk-21-jdk-headless); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test peers: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
. bin/java-home.sh

if [ ! -d tools/browser/node_modules/playwright-core ]; then
  (cd tools/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "Running the mVTM test suite with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# -T 2: modules that do not depend on each other (routing, media, chatbot, recording, SIP, administration) build and
# test two at a time; the server module, most of the time, still runs alone at the end.
./mvnw -B -ntp --fail-at-end -T 2 verify "$@"
