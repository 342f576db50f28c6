#!/usr/bin/env bash
# Runs the two kill -9 end-to-end tests N times in a row, each on a cold broker: the tests' Kafka is stopped, its
# data wiped and formatted afresh before every run. Prints one line per run and a tally; exits 1 if any run failed.
#   tools/reliability/cold-runs.sh [runs=20]   (after ./contact-center test or mvn install -DskipTests)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-20}"
OUT="$ROOT/.run/logs/cold-runs"
mkdir -p "$OUT"
passed=0
for i in $(seq 1 "$RUNS"); do
  "$ROOT/contact-center" test-kafka-down >/dev/null 2>&1
  rm -rf "$ROOT/.run/kafka-test"
  "$ROOT/contact-center" test-infra >/dev/null 2>&1 || { echo "run $i: test broker did not start"; continue; }
  start=$SECONDS
  if (cd "$ROOT" && mvn -B -o -q test -pl e2e-tests -Dtest='RoutingRestartTest,CallbackSchedulingTest' \
        -Dsurefire.failIfNoSpecifiedTests=false >"$OUT/run-$i.log" 2>&1); then
    passed=$((passed + 1)); echo "run $i: PASS ($((SECONDS - start)) s)"
  else
    echo "run $i: FAIL ($((SECONDS - start)) s, see $OUT/run-$i.log)"
  fi
done
echo "cold runs: $passed of $RUNS passed"
[ "$passed" = "$RUNS" ]
