#!/usr/bin/env bash
# Soak test: one shared classifier, 16 threads, a long run; samples RSS (native memory included).
# usage: bench/soak.sh [VARIANT] [MINUTES]   (defaults: ACCURATE 10); writes bench/soak/RESULTS-<VARIANT>.md
set -euo pipefail
cd "$(dirname "$0")/.."
variant="${1:-ACCURATE}"
minutes="${2:-10}"
mkdir -p bench/work
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=bench/work/classpath.txt >&2
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat bench/work/classpath.txt)" dev.stance.bench.Soak \
  "$variant" "$minutes" 16 "bench/soak/RESULTS-$variant.md"
