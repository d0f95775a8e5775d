#!/usr/bin/env bash
# Paid → commission visible to the affiliate (issue 13): system-tests' PaidToCommissionBench pays ORDERS orders one
# at a time and CONCURRENT orders from THREADS buyers at once on the Zendit sandbox, waits for each commission as the
# affiliate through the gateway, and prints p50/p99 per segment (see bench/events.md). It starts its own platform
# through the launcher (free ports, a fresh data dir under system-tests/target/it), never ./qutab up's, and packages
# the apps first (tests skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
./mvnw -B -o -q -pl system-tests -am verify -DskipITs -Dtest=PaidToCommissionBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.orders=${ORDERS:-100} -Dbench.concurrent-orders=${CONCURRENT:-100} -Dbench.threads=${THREADS:-4} -Dbench.warmup=${WARMUP:-20}" \
  >/tmp/paid-to-commission-bench.log 2>&1 || { tail -80 /tmp/paid-to-commission-bench.log; exit 1; }
uptime
cat system-tests/target/paid-to-commission-bench.txt
