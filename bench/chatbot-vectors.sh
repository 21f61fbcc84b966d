#!/usr/bin/env bash
# Regenerates chatbot/src/main/resources/kb/banking-faq.vectors (precomputed sentence vectors of the shipped
# knowledge base) after editing chatbot/src/main/resources/kb/banking-faq.csv. One line: bench/chatbot-vectors.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
./mvnw -B -q -pl chatbot compile dependency:build-classpath -Dmdep.outputFile="$PWD/chatbot/target/chatbot.classpath" -Dmdep.includeScope=runtime
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "chatbot/target/classes:$(tr ':' '\n' < chatbot/target/chatbot.classpath | grep -v logback | paste -sd:)" \
  org.mvtm.chatbot.eval.ShippedVectors chatbot/src/main/resources/kb/banking-faq.vectors
