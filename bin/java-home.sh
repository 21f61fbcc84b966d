# Sourced by the project's scripts: picks a JDK 21 or newer (prefers an already-set JAVA_HOME, then the newest
# under /usr/lib/jvm) and exports JAVA_HOME. Exits with a clear message when none is found.
mvtm_java_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}'; }
mvtm_pick_jdk() {
  local candidates=() best="" best_v=0 v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*/ /opt/java/*/ /usr/local/jdk*/; do [ -x "$d/bin/javac" ] && candidates+=("${d%/}"); done
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/javac" ] || continue
    v=$(mvtm_java_version "$d"); v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "mVTM needs a JDK 21 or newer (25 recommended) and found none in JAVA_HOME or /usr/lib/jvm." >&2
    echo "Install one, e.g.: sudo apt-get install openjdk-21-jdk-headless, or set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
mvtm_pick_jdk
