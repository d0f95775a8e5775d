#!/usr/bin/env bash
# Issue 13's table in one run, against a running `./qutab up` (it starts none of the apps itself), side by side with
# nginx on the same cores:
#   QUTAB_GATEWAY_RATE_LIMIT_REFERRAL_CAPACITY=1000000000 QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY=1000 ./qutab up
#   bench/platform.sh
# It starts its own nginx (nginx-light) from a temporary config on spare ports (NGINX_PORT, default 8097 and the
# next two): a static file with the very bytes of GET /api/products?category=kambing, a `return 302` like /r/{code},
# and a second server proxying /r/ to the first (the yardstick for the gateway hop). wrk -t2 -c32 -d10s per row
# (THREADS, CONNECTIONS, DURATION override). Then RSS of every app (the pids the launcher recorded in
# <data>/run/processes), start to ready of every app (the launcher's <data>/run/ready), and paid → commission:
# PAID_RUNS (20) orders with a referral cookie, each paid on the Zendit sandbox, timed from the sandbox's "paid"
# until the affiliate's /api/affiliate/commissions lists it.
DURATION="${DURATION:-10s}"
source "$(dirname "$0")/lib.sh"
need nginx nginx-light
COMMERCE="${COMMERCE:-http://localhost:${QUTAB_COMMERCE_PORT:-8082}}"
AFFILIATE="${AFFILIATE:-http://localhost:${QUTAB_AFFILIATE_PORT:-8083}}"
NGINX_PORT="${NGINX_PORT:-8097}"
PAID_RUNS="${PAID_RUNS:-20}"
out="$(mktemp -d)"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the data the rows need ----------------------------------------------------------------------------------
admin="$(login "$ADMIN_EMAIL" "$(admin_password)")"
affiliate="$(register_and_login affiliate)"
curl -sf -o /dev/null -H "Authorization: Bearer $affiliate" -H 'Content-Type: application/json' \
  -d '{"firstName":"Bench","lastName":"Mark","whatsapp":"081234567890","city":"Bogor","reason":"benchmark"}' \
  "$GATEWAY/api/affiliate/application"
affiliate_id="$(curl -sf -H "Authorization: Bearer $admin" "$GATEWAY/api/admin/affiliates?status=PENDING&size=100" \
  | json "['items'][-1]['id']")"
code="$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{}' \
  "$GATEWAY/api/admin/affiliates/$affiliate_id/approve" | json "['code']")"
for _ in $(seq 50); do # the redirect's code cache learns the new code from the approval
  curl -s -o /dev/null -D - "$AFFILIATE/r/$code" | grep -qi '^set-cookie: qutab_ref=' && break
  sleep 0.2
done
cookie="$(curl -s -o /dev/null -D - "$AFFILIATE/r/$code" | sed -n 's/^[Ss]et-[Cc]ookie: qutab_ref=\([^;]*\).*/\1/p' | tr -d '\r')"
product="$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"Kambing Bench","category":"kambing","description":"benchmark","price":3250000,"stock":1000000,"active":true,"weightMin":25,"weightMax":30}' \
  "$GATEWAY/api/admin/products" | json "['id']")"
customer="$(register_and_login customer)"

# --- nginx, the yardstick ------------------------------------------------------------------------------------
list_path='/api/products?category=kambing'
mkdir -p "$out/www/api"
curl -sf "$GATEWAY$list_path" > "$out/www/api/products"
cat > "$out/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $out/tmp; proxy_temp_path $out/tmp; fastcgi_temp_path $out/tmp;
    uwsgi_temp_path $out/tmp; scgi_temp_path $out/tmp;
    upstream origin { server 127.0.0.1:$NGINX_PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $out/www;
        location = /api/products { default_type application/json; }
        location /r/ {
            add_header Set-Cookie "qutab_ref=CODE~00000000-0000-0000-0000-000000000000; Max-Age=2592000; Path=/; SameSite=Lax; HttpOnly" always;
            return 302 http://localhost:8080/;
        }
    }
    server {
        listen 127.0.0.1:$((NGINX_PORT + 1));
        location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
CONF
mkdir -p "$out/tmp"
nginx -c "$out/nginx.conf"
trap 'nginx -c "$out/nginx.conf" -s stop 2>/dev/null || true' EXIT
NGINX="http://127.0.0.1:$NGINX_PORT"
NGINX_PROXY="http://127.0.0.1:$((NGINX_PORT + 1))"
echo "# nginx serves a copy of GET $list_path taken now: $(wc -c < "$out/www/api/products") bytes"

run() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" > "$out/$1.txt"
  echo "$1 $(cut -d' ' -f1 /proc/loadavg)" >> "$out/load.txt"
}
# JIT warm-up: each of our URLs gets WARMUP (5s) of the same load first, unmeasured, so a row measures compiled code
# rather than the first seconds of compilation (the gateway's C2 compiles only after profiling in the interpreter).
for url in "$COMMERCE$list_path" "$GATEWAY$list_path" "$AFFILIATE/r/$code" "$GATEWAY/r/$code"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-5s}" "$url" > /dev/null
done
run nginx-json "$NGINX$list_path"
run list-direct "$COMMERCE$list_path"
run list-gateway "$GATEWAY$list_path"
run nginx-302 "$NGINX/r/$code"
run r-direct "$AFFILIATE/r/$code"
run nginx-proxy "$NGINX_PROXY/r/$code"
run r-gateway "$GATEWAY/r/$code"

# --- paid -> commission --------------------------------------------------------------------------------------
python3 - "$GATEWAY" "$customer" "$affiliate" "$product" "$cookie" "$PAID_RUNS" > "$out/paid.txt" <<'PY'
import json, sys, time, urllib.request
gateway, customer, affiliate, product, cookie, runs = sys.argv[1:7]
def call(method, url, token=None, body=None, cookie=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    if cookie: req.add_header("Cookie", "qutab_ref=" + cookie)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")
times = []
for i in range(int(runs)):
    order = call("POST", gateway + "/api/orders", customer, {
        "items": [{"productId": product, "quantity": 1, "onBehalfOf": ["Hamba Allah"]}],
        "recipient": {"name": "Bench", "phone": "081234567890", "location": "Masjid Al-Ikhlas, Bogor"}}, cookie)["id"]
    url = call("POST", gateway + "/api/orders/" + order + "/payment", customer)["paymentUrl"]
    time.sleep(0.3)  # order.created reaches affiliate first, as with a real buyer who takes seconds to pay
    t0 = time.monotonic()
    call("POST", url + "/simulate", body={"status": "PAID"})
    while True:
        items = call("GET", gateway + "/api/affiliate/commissions?size=100", affiliate)["items"]
        if any(c.get("orderId") == order for c in items): break
        if time.monotonic() - t0 > 30: raise SystemExit("no commission for " + order + " after 30 s")
        time.sleep(0.005)
    times.append((time.monotonic() - t0) * 1000)
times.sort()
pct = lambda p: times[min(len(times) - 1, int(round(p / 100 * len(times) + 0.5)) - 1)]
print(f"{pct(50):.0f} {pct(99):.0f} {len(times)}")
PY
echo "paid $(cut -d' ' -f1 /proc/loadavg)" >> "$out/load.txt"

# --- memory and start-up, as the launcher recorded them --------------------------------------------------------
: > "$out/rss.txt"
while read -r name pid _; do
  rss="$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')"
  [ -n "$rss" ] && echo "$name $rss" >> "$out/rss.txt"
done < "$DATA_DIR/run/processes"
cp "$DATA_DIR/run/ready" "$out/ready.txt" 2>/dev/null || : > "$out/ready.txt"

python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def wrk(name):
    text = open(f"{out}/{name}.txt").read()
    units = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return (float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), float(p99.group(1)) * units[p99.group(2)],
            int(bad.group(1)) if bad else 0, errors.group(1) if errors else "")
load = dict(line.split() for line in open(f"{out}/load.txt"))
rows = []
def ratio(figure, ours, ref, goal_ratio, goal_p99):
    o, r = wrk(ours), wrk(ref)
    met = o[0] / r[0] >= goal_ratio and o[1] < goal_p99 and o[2] == 0
    note = f"{o[2]} non-2xx/3xx" if o[2] else (f"socket errors {o[3]}" if o[3] else "")
    rows.append((figure, f"{o[0]:.0f} req/s, p99 {o[1]:.1f} ms", f"{r[0]:.0f} req/s, p99 {r[1]:.1f} ms",
                 f"{o[0] / r[0]:.3f}×", f"≥ {goal_ratio}×" + (f", p99 < {goal_p99:g} ms" if goal_p99 < 1e9 else ""),
                 ("met" if met else "NOT met") + (f" ({note})" if note else ""), load.get(ours, "?")))
ratio("GET /api/products?category=kambing, direct", "list-direct", "nginx-json", 0.2, 20)
ratio("GET /api/products?category=kambing, through the gateway", "list-gateway", "nginx-json", 0.2, 20)
ratio("/r/{code} direct vs nginx `return 302`", "r-direct", "nginx-302", 0.4, 10)
ratio("/r/{code} through the gateway vs nginx → nginx", "r-gateway", "nginx-proxy", 0.5, float("inf"))
p50, p99, n = map(float, open(f"{out}/paid.txt").read().split())
rows.append((f"paid → commission visible to the affiliate (n={n:.0f})", f"p50 {p50:.0f} ms, p99 {p99:.0f} ms", "–", "–",
             "p50 < 150 ms, p99 < 500 ms", "met" if p50 < 150 and p99 < 500 else "NOT met", load.get("paid", "?")))
rss = {name: int(kb) / 1024 for name, kb in (l.split() for l in open(f"{out}/rss.txt"))}
services = [a for a in ("identity", "commerce", "affiliate", "payout") if a in rss]
qutab = [a for a in rss if a not in ("zendit", "whatsapp")]
total = sum(rss[a] for a in qutab)
worst = max(rss[a] for a in services)
rows.append(("RSS after load, each service", ", ".join(f"{a} {rss[a]:.0f}" for a in services) + " MB", "–", "–",
             "≤ 120 MB each", "met" if worst <= 120 else f"NOT met (worst {worst:.0f} MB)", "–"))
rows.append(("RSS after load, gateway", f"{rss.get('gateway', 0):.0f} MB", "–", "–", "≤ 80 MB",
             "met" if rss.get("gateway", 1e9) <= 80 else "NOT met", "–"))
rows.append((f"RSS after load, whole set ({', '.join(qutab)})", f"{total:.0f} MB", "–", "–", "≤ 600 MB",
             "met" if total <= 600 else "NOT met", "–"))
ready = {l.split()[0]: float(l.split()[1]) for l in open(f"{out}/ready.txt") if l.strip()}
if ready:
    worst = max(ready.values())
    rows.append(("start to ready, each app (all started at once)", ", ".join(f"{a} {s:.1f}" for a, s in ready.items()) + " s",
                 "–", "–", "≤ 2 s per app (quiet machine)", "met" if worst <= 2 else f"NOT met (slowest {worst:.1f} s)", "–"))
print("| figure | Qutab | nginx | ratio | goal | verdict | load (1 min) |")
print("|---|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
others = {a: rss[a] for a in rss if a not in qutab}
if others:
    print("\nNot counted in the set (local sandboxes): " + ", ".join(f"{a} {m:.0f} MB" for a, m in others.items()))
PY
echo
echo "raw output in $out"
