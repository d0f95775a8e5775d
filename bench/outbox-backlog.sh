#!/usr/bin/env bash
# Outbox claim and producer latency with 100 000 undelivered rows of a stopped consumer (issue 9, defect 3).
# Runs platform/testing's OutboxBacklogBench (a @QuarkusTest that `verify` never selects) against the
# embedded PostgreSQL, or the database in QUTAB_TEST_DB_URL. No running stack needed.
#   AGGREGATES=20000 (x 5 events = 100 000 rows)  CLAIMS=500  PRODUCER=1000  OFFLINE=-o
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${OFFLINE--o} -q -pl platform/testing -am verify \
  -Dtest=OutboxBacklogBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.aggregates=${AGGREGATES:-20000} -Dbench.claims=${CLAIMS:-500} -Dbench.producer=${PRODUCER:-1000}" \
  >/tmp/outbox-backlog-bench.log 2>&1 || { tail -50 /tmp/outbox-backlog-bench.log; exit 1; }
cat platform/testing/target/outbox-backlog-bench.txt
