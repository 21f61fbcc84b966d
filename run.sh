#!/usr/bin/env bash
# Starts the mVTM server on embedded defaults with demo data (no Redis, no Kurento needed): builds it first when
# needed, then prints the URLs of the customer demo page and the consoles, the SIP address and the demo logins.
# Any Spring property can follow, e.g. ./run.sh --server.port=9090 --contact.sip.udp-port=5070
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-home.sh
JAR=server/target/mvtm-server.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.xml' -o -name '*.js' -o -name '*.html' -o -name '*.css' -o -name '*.csv' -o -name '*.yml' -o -name '*.json' \) -newer "$JAR" -not -path '*/target/*' -not -path '*/node_modules/*' -print -quit)" ]; then
  echo "Building mVTM (first run takes a few minutes)..."
  ./mvnw -B -q -pl server -am package -DskipTests
fi
mkdir -p data
# Run the jar extracted as Spring recommends for production (a plain jar with its libraries beside it), as the tests
# do (ServerLaunch): started straight from the nested jar, with virtual threads, the first page loads after a start
# could hang the server for good (Spring Boot issue #51463: class loading pins the carriers while the nested jar's
# lock holder waits for one; seen here on a 2-core machine, threads stuck in FileDataBlock.ensureOpen).
APP=server/target/extracted
if [ ! -f "$APP/mvtm-server.jar" ] || [ "$JAR" -nt "$APP/mvtm-server.jar" ]; then
  rm -rf "$APP"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$APP"
fi
# Class-data sharing archive: makes the second and later start-ups markedly faster. Lucene and the ONNX runtime call
# native code: --enable-native-access keeps the JVM from warning about it. (--add-modules jdk.incubator.vector would
# speed Lucene's vector search up but makes the JVM print "Using incubator modules"; the FAQ index is small, so it is
# left out: add it through MVTM_JAVA_OPTS for a large one.)
exec "$JAVA_HOME/bin/java" -Xlog:cds*=off -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=data/.mvtm-server.jsa \
  -XX:TieredStopAtLevel=1 -Xss1m --enable-native-access=ALL-UNNAMED \
  ${MVTM_JAVA_OPTS:-} -jar "$APP/mvtm-server.jar" "$@"
