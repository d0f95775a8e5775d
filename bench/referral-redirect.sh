#!/usr/bin/env bash
# /r/{code}: affiliate-service directly, through the gateway, and nginx `return 302` on the same machine
# with the same load tool. Start the platform with the referral rate limit lifted, or the gateway answers
# 429 after the first 120 requests (that limit is the point in production, not in a benchmark):
#   QUTAB_GATEWAY_RATE_LIMIT_REFERRAL_CAPACITY=1000000000 QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY=1000 ./qutab up
#   bench/referral-redirect.sh
source "$(dirname "$0")/lib.sh"
need nginx nginx-light
AFFILIATE="${AFFILIATE:-http://localhost:${QUTAB_AFFILIATE_PORT:-8083}}"
out="$(mktemp -d)"

admin="$(login "$ADMIN_EMAIL" "$(admin_password)")"
affiliate="$(register_and_login affiliate)"
curl -sf -o /dev/null -H "Authorization: Bearer $affiliate" -H 'Content-Type: application/json' \
  -d '{"firstName":"Bench","lastName":"Mark","whatsapp":"081234567890","city":"Bogor","reason":"benchmark"}' \
  "$GATEWAY/api/affiliate/application"
id="$(curl -sf -H "Authorization: Bearer $admin" "$GATEWAY/api/admin/affiliates?status=PENDING&size=100" \
  | json "['items'][-1]['id']")"
code="$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{}' \
  "$GATEWAY/api/admin/affiliates/$id/approve" | json "['code']")"
sleep 2 # the redirect's code cache learns the new code

nginx -c "$(cd "$(dirname "$0")" && pwd)/nginx-302.conf"
trap 'nginx -c "$(cd "$(dirname "$0")" && pwd)/nginx-302.conf" -s stop 2>/dev/null || true' EXIT

echo "| target | req/s | p50 | p90 | p99 | non-2xx/3xx | socket errors |"
echo "|---|---|---|---|---|---|---|"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:8099/r/$code" > "$out/nginx.txt"
report "nginx return 302" "$out/nginx.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$AFFILIATE/r/$code" > "$out/direct.txt"
report "affiliate-service /r/{code} (direct)" "$out/direct.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$GATEWAY/r/$code" > "$out/gateway.txt"
report "gateway → affiliate /r/{code}" "$out/gateway.txt"
python3 - "$out" <<'PY'
import re, sys
rps = {n: float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{sys.argv[1]}/{n}.txt").read()).group(1))
       for n in ("nginx", "direct", "gateway")}
print(f"\nratio direct/nginx = {rps['direct']/rps['nginx']:.2f}, gateway/nginx = {rps['gateway']/rps['nginx']:.2f}")
PY
echo "raw wrk output in $out"
