#!/usr/bin/env bash
# Reproduces the choice of the fusion weights and the intent head's settings (chatbot TuneFusion): sweeps them on
# BANKING77 rows 11-30 of each intent (the tuning rows) and prints each setting's top-1 there and on the rows the
# accuracy test asks (31 on), with the head over bge + MiniLM and over bge alone. Takes about 5 minutes on 2 cores.
# One line: bench/chatbot-tune.sh   (needs ../shared/datasets/banking77/train.csv, as the tests do)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home.sh
shared="${MVTM_SHARED_DIR:-$(cd .. && pwd)/shared}"
./mvnw -B -q -pl chatbot -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/chatbot/target/chatbot-test.classpath" -Dmdep.includeScope=test >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Dmvtm.shared.dir="$shared" \
  -cp "chatbot/target/test-classes:chatbot/target/classes:contact-core/target/classes:$(tr ':' '\n' < chatbot/target/chatbot-test.classpath | grep -v logback | paste -sd:)" \
  org.mvtm.chatbot.TuneFusion
