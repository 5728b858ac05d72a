# Shared by the scripts in this folder: finds a JDK >= 25 and the repository root, builds the benchmarks.
# shellcheck shell=bash

CALLGATE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() { # sets JAVA_HOME to a JDK >= 25 or fails with one line
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "callgate: no JDK 25 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  return 1
}

build_bench() { # $1: the calling script's name. Sets BENCH_CP, the class path the harnesses run with.
  # The harnesses live in modules/bench, outside the product: its jar plus target/lib/* (the app
  # jar and the product's libraries). Built, with the modules it needs, when the bench jar is
  # missing or older than a source, pom or resource.
  local target="$CALLGATE_ROOT/modules/bench/target" stale
  stale=$(cd "$CALLGATE_ROOT" && find modules pom.xml -newer "$target/callgate-bench.jar" \
    \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -print -quit 2>/dev/null || true)
  if [ ! -f "$target/callgate-bench.jar" ] || [ -n "$stale" ]; then
    echo "$1: building the benchmarks..." >&2
    (cd "$CALLGATE_ROOT" && ./mvnw -q -B -DskipTests package -pl modules/bench -am >&2)
    # the jar plugin leaves an unchanged jar's time alone (see scripts/callgate)
    touch "$target/callgate-bench.jar"
  fi
  BENCH_CP="$target/callgate-bench.jar:$target/lib/*"
}
