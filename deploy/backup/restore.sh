#!/usr/bin/env bash
# Restores one backup set made by backup.sh (deploy/README.md, "Backups and restore", has the whole procedure:
# stop the apps first, restore the keys separately).
#
#   restore.sh SET_DIR
#
# 1. checks the set against its SHA256SUMS (a damaged set stops here, before anything is touched);
# 2. restores db.dump into the database the libpq variables name (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)
#    in one transaction, replacing the objects it contains (--clean --if-exists): all or nothing;
# 3. unpacks the media, affiliate media and KTP ciphertext archives into RESTORE_MEDIA_DIR,
#    RESTORE_AFFILIATE_MEDIA_DIR and RESTORE_KTP_DIR, which must be empty.
set -euo pipefail

SET="${1:?usage: restore.sh SET_DIR}"
RESTORE_MEDIA_DIR="${RESTORE_MEDIA_DIR:-/data/media}"
RESTORE_AFFILIATE_MEDIA_DIR="${RESTORE_AFFILIATE_MEDIA_DIR:-/data/affiliate-media}"
RESTORE_KTP_DIR="${RESTORE_KTP_DIR:-/data/ktp}"

log() { echo "$(date '+%Y-%m-%dT%H:%M:%S%z') restore: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

[[ -f "$SET/SHA256SUMS" ]] || fail "$SET has no SHA256SUMS: not a complete backup set"
(cd "$SET" && sha256sum --check --quiet SHA256SUMS) || fail "$SET does not match its checksums: pick another set"

for dir in "$RESTORE_MEDIA_DIR" "$RESTORE_AFFILIATE_MEDIA_DIR" "$RESTORE_KTP_DIR"; do
  mkdir -p "$dir"
  [[ -z "$(ls -A "$dir")" ]] || fail "$dir is not empty: restore into empty volumes (move the old files aside first)"
done

log "restoring the database into ${PGDATABASE:-?} on ${PGHOST:-local}"
pg_restore --exit-on-error --single-transaction --clean --if-exists --dbname="${PGDATABASE:?PGDATABASE must be set}" \
  "$SET/db.dump" || fail "pg_restore: the database is unchanged (one transaction)"

tar -C "$RESTORE_MEDIA_DIR" -xzf "$SET/media.tar.gz" || fail "media.tar.gz"
tar -C "$RESTORE_AFFILIATE_MEDIA_DIR" -xzf "$SET/affiliate-media.tar.gz" || fail "affiliate-media.tar.gz"
tar -C "$RESTORE_KTP_DIR" -xf "$SET/ktp.tar" || fail "ktp.tar"
log "set $(basename "$SET") restored; now restore the keys (keys.sh) before starting payout-service"
