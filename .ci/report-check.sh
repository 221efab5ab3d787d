#!/usr/bin/env bash
# Browser check of the HTML evaluation report; .ci/run runs it after `mvn -B verify`.
#
# Builds a report of the bundled model on training-data/test.tsv (or takes REPORT.html), opens it
# in Debian's headless Chromium driven by playwright-core (.ci/report-check/check.cjs) and fails on
# any console error, uncaught exception or network request, or when a chart is missing or the
# search and matrix filter misbehave. Screenshots go to target/report-check/.
# Installs Chromium with apt-get when it is missing; never skips.
#
# Usage: bash .ci/report-check.sh [REPORT.html]
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/report-check
mkdir -p "$out"

if [ ! -x /usr/bin/chromium ]; then
  echo "report-check: installing Debian's chromium" >&2
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } > "$out/apt.log" 2>&1; then
    tail -20 "$out/apt.log" >&2
    echo "error: report-check: could not install chromium (log: $out/apt.log)" >&2
    exit 1
  fi
fi
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "error: report-check: needs Node.js 20+ and npm (playwright-core drives Chromium)" >&2
  exit 1
fi
(cd .ci/report-check && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

report=${1:-}
if [ -z "$report" ]; then
  [ -f target/stance.jar ] || mvn -B -q package -DskipTests
  report=$out/report.html
  java -jar target/stance.jar evaluate --data training-data/test.tsv --report "$report" --quiet > "$out/evaluation.txt"
fi
node .ci/report-check/check.cjs "$report" "$out"
