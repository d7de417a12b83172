#!/usr/bin/env bash
# Runs the whole comparison once (about 35 minutes on 2 cores) and writes its results into
# BENCHMARKS.md, between the results markers:
#
#   bench/run.sh                  everything: JMH, then the memory run, then the report
#   bench/run.sh CommandBenchmark only the benchmarks matching a JMH regex (the rest of the table stays empty)
#
# Extra arguments go to JMH. The raw results stay in bench/target/results: jmh.json, jmh.log,
# memory.json, run.properties and load.log (the 1-minute load average, sampled every 30 s).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results=bench/target/results
jar=bench/target/benchmarks.jar

./mvnw -B -ntp -q -pl bench -am package -DskipTests
rm -rf "$results"
mkdir -p "$results"

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "startedEpoch=$(date +%s)"
  echo "loadBefore=$(load)"
} > "$results/run.properties"
(while true; do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)"; sleep 30; done) > "$results/load.log" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

java -jar "$jar" -rf json -rff "$results/jmh.json" "$@" 2>&1 | tee "$results/jmh.log"
# Bytes per event, then ten million events in a 4 GiB heap (the issue's goal).
java -Xms4g -Xmx4g -cp "$jar" dev.eventsmith.bench.memory.MemoryFootprint "$results/memory.json" 2>&1 \
  | tee "$results/memory.log"

{
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "finishedEpoch=$(date +%s)"
  echo "loadAfter=$(load)"
} >> "$results/run.properties"
java -cp "$jar" dev.eventsmith.bench.report.ResultsReport "$results" BENCHMARKS.md
echo "Results written to BENCHMARKS.md (raw files in $results)."
