#!/usr/bin/env bash
# Evaluation command of issue 9: bench/chatbot-eval.sh [--kb KB.csv] --queries Q.csv [--baseline bm25]
# Q.csv has header text,expected_faq_id; prints one JSON object with top1, mrr, n, p50Ms, p99Ms.
# (bin/chatbot-eval, if the lead adds it, is a one-line wrapper around this script.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -f "$root/chatbot/target/chatbot.classpath" ] || [ ! -d "$root/chatbot/target/classes" ]; then
  (cd "$root" && ./mvnw -B -q -pl chatbot compile dependency:build-classpath \
     -Dmdep.outputFile="$root/chatbot/target/chatbot.classpath" -Dmdep.includeScope=runtime) >&2
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$root/chatbot/target/classes:$(tr ':' '\n' < "$root/chatbot/target/chatbot.classpath" | grep -v logback | paste -sd:)" \
  org.mvtm.chatbot.eval.ChatbotEval "$@"
