#!/usr/bin/env bash
# Spark benchmark: 1,000,000 sentences through Spark local[1]/local[2] against the plain batched
# library on the same machine. Not part of mvn verify. Uses the FAST (lexical) model: the encoder
# model runs at a few hundred sentences/s, which would make 1M sentences take about an hour.
#   bash bench/spark/run.sh [N]          (from the repository root; N defaults to 1000000)
# Prints one RESULT line per measurement and writes them to bench/work/spark/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
WORK=bench/work/spark
mkdir -p "$WORK"

mvn -B -q package -DskipTests -Pspark-local
FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
CP='target/stance.jar:target/lib/*:target/spark-lib/*'
bench() { java $FLAGS -Xmx6g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" bench/spark/SparkBench.java "$@" 2>>"$WORK/stderr.log"; }

: >"$WORK/stderr.log"
{
  echo -e "RESULT\twhat\tsetting\trows\tseconds\tsentences/s\tload (1 min, at the end)"
  bench input "$WORK/input.parquet" "$N" >&2
  bench plain "$N" 1
  bench plain "$N" 2
  bench spark "$WORK/input.parquet" 'local[1]' noop
  bench spark "$WORK/input.parquet" 'local[2]' noop
  bench spark "$WORK/input.parquet" 'local[2]' "$WORK/out.parquet"
  bench spark "$WORK/input.parquet" 'local[2]' noop sql
  # The documented command end to end: JVM and Spark start-up, read, label, write.
  start=$(date +%s.%N)
  java -jar target/stance.jar spark-label --fast --master 'local[2]' --overwrite \
      --input "$WORK/input.parquet" --output "$WORK/cli.parquet" 2>>"$WORK/stderr.log"
  end=$(date +%s.%N)
  awk -v n="$N" -v s="$start" -v e="$end" 'BEGIN { printf "RESULT\tjava -jar spark-label (wall)\tlocal[2]\t%d\t%.2f\t%.0f\t", n, e - s, n / (e - s) }'
  cut -d' ' -f1 /proc/loadavg
} | tee "$WORK/results.tsv"
