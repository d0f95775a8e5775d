#!/usr/bin/env bash
# Backs up the keys that open what the nightly backups hold, apart from them (deploy/README.md, "Backups and
# restore"): QUTAB_KTP_KEY (and QUTAB_KTP_RETIRED_KEYS) from .env, and the JWT key pair from deploy/secrets/.
# Run it on the host, by hand, after every key change; keep its output somewhere the backup sets never go (a
# password manager, an offline medium). It is encrypted with a passphrase you type (openssl, AES-256, PBKDF2), or
# read from the file KEYS_PASSPHRASE_FILE names.
#
#   deploy/backup/keys.sh OUT_FILE          writes the encrypted key bundle
#   deploy/backup/keys.sh --restore IN_FILE unpacks it into the checkout (.env.keys and deploy/secrets/)
set -euo pipefail
# Paths given on the command line are relative to where you are, not to the checkout.
args=()
for a in "$@"; do
  if [[ "$a" == --* ]]; then args+=("$a"); else args+=("$(realpath -m "$a")"); fi
done
set -- "${args[@]}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PASS=()
if [[ -n "${KEYS_PASSPHRASE_FILE:-}" ]]; then
  PASS=(-pass "file:$KEYS_PASSPHRASE_FILE")
fi

if [[ "${1:-}" == "--restore" ]]; then
  in="${2:?usage: keys.sh --restore IN_FILE}"
  openssl enc -d -aes-256-cbc -pbkdf2 -iter 600000 "${PASS[@]}" -in "$in" | tar -xzf - \
    || { echo "keys.sh: wrong passphrase or damaged file" >&2; exit 1; }
  echo "keys.sh: restored deploy/secrets/ and .env.keys; copy its lines into .env" >&2
  exit 0
fi

out="${1:?usage: keys.sh OUT_FILE}"
[[ -f .env ]] || { echo "keys.sh: no .env here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -E '^QUTAB_KTP_(KEY|KEY_ID|RETIRED_KEYS)=' .env > "$tmp/.env.keys" || { echo "keys.sh: no QUTAB_KTP_KEY in .env" >&2; exit 1; }
mkdir -p "$tmp/deploy"
cp -r deploy/secrets "$tmp/deploy/secrets"
tar -C "$tmp" -czf - .env.keys deploy/secrets | openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -salt "${PASS[@]}" -out "$out"
echo "keys.sh: wrote $out; store it apart from the backup sets" >&2
