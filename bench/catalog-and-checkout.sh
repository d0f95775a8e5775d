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
# And 20 more, for checkout spread over many products (each request takes the next one): one hot row vs 20 rows.
spread=()
for i in $(seq 1 20); do
  spread+=("$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Sapi Bench $i\",\"category\":\"sapi\",\"description\":\"benchmark\",\"price\":20000000,\"stock\":1000000,\"active\":true,\"weightMin\":250,\"weightMax\":300}" \
    "$GATEWAY/api/admin/products" | json "['id']")")
done
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
report "POST /api/orders, all on 1 product (checkout: stock reservation + outbox)" "$out/order.txt"

{
  echo 'wrk.method = "POST"'
  echo 'wrk.headers["Content-Type"] = "application/json"'
  echo "wrk.headers[\"Authorization\"] = \"Bearer $customer\""
  echo 'local bodies = {}'
  for p in "${spread[@]}"; do
    echo "bodies[#bodies + 1] = '{\"items\":[{\"productId\":\"$p\",\"quantity\":1,\"onBehalfOf\":[\"Hamba Allah\"]}],\"recipient\":{\"name\":\"Bench\",\"location\":\"Masjid Al-Ikhlas, Bogor\"}}'"
  done
  echo 'local i = math.random(#bodies)'
  echo 'request = function() i = i % #bodies + 1; return wrk.format(nil, nil, nil, bodies[i]) end'
} > "$out/order-spread.lua"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$out/order-spread.lua" "$GATEWAY/api/orders" > "$out/order-spread.txt"
report "POST /api/orders, spread over 20 products" "$out/order-spread.txt"
echo
echo "raw wrk output in $out"
