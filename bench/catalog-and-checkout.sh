#!/usr/bin/env bash
# GET /api/products and POST /api/orders through the gateway of a running `./qutab up`.
#   ./qutab up            # in another terminal (see bench/README.md for the rate-limit variables)
#   bench/catalog-and-checkout.sh
source "$(dirname "$0")/lib.sh"
out="$(mktemp -d)"

admin="$(login "$ADMIN_EMAIL" "$(admin_password)")"
# A product of its own with ample stock, so the checkout benchmark measures checkout, not 409s.
product="$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"Kambing Bench","category":"kambing","description":"benchmark","price":3250000,"stock":1000000,"active":true,"weightMin":25,"weightMax":30}' \
  "$GATEWAY/api/admin/products" | json "['id']")"
customer="$(register_and_login customer)"

echo "| request | req/s | p50 | p90 | p99 | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$GATEWAY/api/products?category=kambing&size=20" > "$out/list.txt"
report "GET /api/products?category=kambing&size=20" "$out/list.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$GATEWAY/api/products?q=kambing&size=20" > "$out/search.txt"
report "GET /api/products?q=kambing (full-text)" "$out/search.txt"

cat > "$out/order.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $customer"
wrk.body = '{"items":[{"productId":"$product","quantity":1,"onBehalfOf":["Hamba Allah"]}],"recipient":{"name":"Bench","location":"Masjid Al-Ikhlas, Bogor"}}'
LUA
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$out/order.lua" "$GATEWAY/api/orders" > "$out/order.txt"
report "POST /api/orders (checkout: stock reservation + outbox)" "$out/order.txt"
echo
echo "raw wrk output in $out"
