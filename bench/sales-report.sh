#!/usr/bin/env bash
# Sales and orders-pipeline report latency over 1 000 000 generated orders (issue 11). Runs commerce-service's
# SalesReportBench (a @QuarkusTest that `verify` never selects) against the embedded PostgreSQL, or the database in
# QUTAB_TEST_DB_URL. No running stack needed. Generating the orders takes a few minutes.
#   ORDERS=1000000  CALLS=200  OFFLINE=-o
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${OFFLINE--o} -q -pl commerce-service -am verify \
  -Dtest=SalesReportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.orders=${ORDERS:-1000000} -Dbench.calls=${CALLS:-200}" \
  >/tmp/sales-report-bench.log 2>&1 || { tail -50 /tmp/sales-report-bench.log; exit 1; }
cat commerce-service/target/sales-report-bench.txt
