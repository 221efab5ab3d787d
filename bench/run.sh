#!/usr/bin/env bash
# The benchmark in one command: builds the jar, installs fastText if missing, trains the baselines,
# measures every system and rewrites bench/RESULTS.md. Options go to the harness (bench/run.sh --help);
# e.g. a quick try: bench/run.sh --sentences 20000 --slow-sentences 500 --repeats 1
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
fi

need_apt=()
command -v fasttext >/dev/null 2>&1 || need_apt+=(fasttext)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bench: installing ${need_apt[*]} with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

mkdir -p bench/work
echo "bench: building (mvn -B -q package -DskipTests)" >&2
mvn -B -q package -DskipTests >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=bench/work/classpath.txt >&2

exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat bench/work/classpath.txt)" dev.stance.bench.Bench \
  --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --command "bench/run.sh${*:+ $*}" "$@"
