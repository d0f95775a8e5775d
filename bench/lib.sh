# Shared helpers for the benchmark scripts (sourced). They talk to a running `./qutab up` through the gateway.
set -euo pipefail

GATEWAY="${GATEWAY:-http://localhost:${QUTAB_HTTP_PORT:-8080}}"
DATA_DIR="${QUTAB_DATA_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.qutab-data}"
ADMIN_EMAIL="${QUTAB_ADMIN_EMAIL:-admin@qutab.local}"
DURATION="${DURATION:-20s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"

need() { command -v "$1" >/dev/null || { echo "needs $1 (apt-get install -y $2)" >&2; exit 1; }; }
need wrk wrk
need curl curl
need python3 python3

admin_password() {
  if [ -n "${QUTAB_ADMIN_PASSWORD:-}" ]; then echo "$QUTAB_ADMIN_PASSWORD"; return; fi
  cat "$DATA_DIR/secrets/admin-password"
}

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

login() { # email password -> access token
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$GATEWAY/api/auth/login" | json "['accessToken']"
}

register_and_login() { # accountType -> access token of a new account
  local email="bench-$1-$(date +%s%N)@qutab.test" password="Bench-pass-2026"
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $1\",\"email\":\"$email\",\"phone\":\"081234567890\",\"password\":\"$password\",\"accountType\":\"$1\"}" \
    "$GATEWAY/api/auth/register"
  login "$email" "$password"
}

# wrk's summary plus p50/p90/p99 and requests/s as one line for the README table.
report() { # label wrk-output-file
  python3 - "$1" "$2" <<'PY'
import re, sys
label, path = sys.argv[1], sys.argv[2]
text = open(path).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
lat = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"| {label} | {float(rps.group(1)):.0f} | {lat.get('50','?')} | {lat.get('90','?')} | {lat.get('99','?')} | "
      f"{non2xx.group(1) if non2xx else 0} | {errors.group(1) if errors else 'none'} |")
PY
}
