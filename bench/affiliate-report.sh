#!/usr/bin/env bash
# GET /api/admin/reports/affiliates latency, 30 and 365 days, with 10 000 affiliates and 10 000 000 clicks over a
# year (issue 11). Runs affiliate-service's AffiliateReportBench (a @QuarkusTest that `verify` never selects)
# against the embedded PostgreSQL, or the database in QUTAB_TEST_DB_URL. No running stack needed.
#   AFFILIATES=10000  CLICKS=10000000  CALLS=200  OFFLINE=-o
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${OFFLINE--o} -q -pl affiliate-service -am verify \
  -Dtest=AffiliateReportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.affiliates=${AFFILIATES:-10000} -Dbench.clicks=${CLICKS:-10000000} -Dbench.calls=${CALLS:-200}" \
  >/tmp/affiliate-report-bench.log 2>&1 || { tail -50 /tmp/affiliate-report-bench.log; exit 1; }
cat affiliate-service/target/affiliate-report-bench.txt
