#!/usr/bin/env bash
# chatbot benchmark: start-up time and p50/p99 reply latency on the shipped knowledge base, hybrid retrieval against
# the BM25-only baseline in the same run. Writes docs/benchmarks/chatbot.md. One line: bench/chatbot.sh [replies]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
./mvnw -B -q -pl chatbot compile dependency:build-classpath -Dmdep.outputFile="$PWD/chatbot/target/chatbot.classpath" -Dmdep.includeScope=runtime
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "chatbot/target/classes:$(tr ':' '\n' < chatbot/target/chatbot.classpath | grep -v logback | paste -sd:)" \
  org.mvtm.chatbot.eval.ChatbotBench chatbot/src/test/resources/eval/zh-yue-heldout.csv "${1:-2000}" docs/benchmarks/chatbot.md
