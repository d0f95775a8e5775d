#!/usr/bin/env bash
# GET /api/admin/reports/liabilities with 10 000 affiliates, 1 000 000 commissions and 50 000 payouts (issue 11).
# Runs payout-service's LiabilitiesReportBench (a @QuarkusTest that `verify` never selects) against the embedded
# PostgreSQL, or the database in QUTAB_TEST_DB_URL. No running stack needed. Figures: bench/liabilities-report.md.
#   AFFILIATES=10000  COMMISSIONS=1000000  PAYOUTS_EACH=5  CALLS=200  OFFLINE=-o
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B ${OFFLINE--o} -q -pl payout-service -am verify \
  -Dtest=LiabilitiesReportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.affiliates=${AFFILIATES:-10000} -Dbench.commissions=${COMMISSIONS:-1000000} -Dbench.payouts-each=${PAYOUTS_EACH:-5} -Dbench.calls=${CALLS:-200}" \
  >/tmp/liabilities-report-bench.log 2>&1 || { tail -50 /tmp/liabilities-report-bench.log; exit 1; }
cat payout-service/target/liabilities-report-bench.txt
