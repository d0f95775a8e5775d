#!/usr/bin/env bash
# The catalogue from memory vs nginx serving the same JSON as a static file, and checkout on one hot product, over 20
# products, and both at once (issue 13). Runs commerce-service's CatalogueBench (a @QuarkusTest that `verify` never
# selects) against the embedded PostgreSQL; it drives wrk and nginx itself. No running stack needed.
#   DURATION=10s  COMMERCE_TEST_PORT=18182  NGINX_PORT=18799  OFFLINE=-o
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (apt-get install -y wrk nginx-light)" >&2; exit 1; }
./mvnw -B ${OFFLINE--o} -q -pl commerce-service -am verify \
  -Dtest=CatalogueBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.duration=${DURATION:-10s} -Dbench.nginx-port=${NGINX_PORT:-18799}" \
  >/tmp/catalogue-bench.log 2>&1 || { tail -50 /tmp/catalogue-bench.log; exit 1; }
cat commerce-service/target/catalogue-bench.txt
