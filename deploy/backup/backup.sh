#!/usr/bin/env bash
# Qutab's backups (deploy/README.md, "Backups and restore"). Runs in the compose `backup` service (a postgres:17
# image: its pg_dump matches the server), or anywhere with bash, pg_dump, tar and sha256sum.
#
#   backup.sh daemon      one backup a day at BACKUP_HOUR (BACKUP_TZ, default Asia/Jakarta), forever
#   backup.sh run         one backup now: database, media, KTP ciphertext, checksums, off-host copy, then prune
#   backup.sh prune       apply the retention policy only
#   backup.sh verify SET  check a backup set against its checksums
#   backup.sh next        when the daemon's next backup is due
#
# A backup set is a directory BACKUP_DIR/sets/<YYYY-MM-DDTHHMM> (local time of BACKUP_TZ) holding
#   db.dump               pg_dump -Fc of the whole database (every schema), restored with pg_restore
#   media.tar.gz          commerce's product images           (BACKUP_MEDIA_DIR)
#   affiliate-media.tar.gz affiliate's profile photos          (BACKUP_AFFILIATE_MEDIA_DIR)
#   ktp.tar               payout's KTP images, as AES-GCM ciphertext (BACKUP_KTP_DIR)
#   SHA256SUMS            checksums of the above; restore.sh refuses a set that does not match
# It is written under a .partial name and renamed when complete, so a crash never leaves a set that looks whole.
#
# What is NOT in a set, on purpose: QUTAB_KTP_KEY and the JWT signing key. This service never sees them (see
# deploy/README.md): a stolen backup must not carry the key to its own KTP ciphertext. Back them up with keys.sh.
#
# Database connection: the standard libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
set -euo pipefail

BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_TZ="${BACKUP_TZ:-Asia/Jakarta}"
BACKUP_HOUR="${BACKUP_HOUR:-2}"
BACKUP_KEEP_DAILY="${BACKUP_KEEP_DAILY:-7}"
BACKUP_KEEP_WEEKLY="${BACKUP_KEEP_WEEKLY:-4}"
BACKUP_MEDIA_DIR="${BACKUP_MEDIA_DIR:-/data/media}"
BACKUP_AFFILIATE_MEDIA_DIR="${BACKUP_AFFILIATE_MEDIA_DIR:-/data/affiliate-media}"
BACKUP_KTP_DIR="${BACKUP_KTP_DIR:-/data/ktp}"
# Off-host copy: a command run with the finished set's directory as $1 (rsync, rclone, aws s3 cp, ...), or an
# rsync-over-ssh destination (user@host:/path/) using the key at BACKUP_OFFSITE_SSH_KEY (its host key must be in
# known_hosts next to it: an unknown host is refused).
BACKUP_OFFSITE_COMMAND="${BACKUP_OFFSITE_COMMAND:-}"
BACKUP_OFFSITE_TARGET="${BACKUP_OFFSITE_TARGET:-}"
BACKUP_OFFSITE_SSH_KEY="${BACKUP_OFFSITE_SSH_KEY:-/root/.ssh/id_ed25519}"
export TZ="$BACKUP_TZ"

log() { echo "$(date '+%Y-%m-%dT%H:%M:%S%z') backup: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

sets_dir() { echo "$BACKUP_DIR/sets"; }

# Tar one directory's content (relative paths) into $2; an absent directory is an error, not an empty archive.
archive() {
  local dir="$1" out="$2" compress="$3"
  [[ -d "$dir" ]] || fail "$dir does not exist (is the volume mounted?)"
  if [[ "$compress" == gz ]]; then
    tar -C "$dir" -czf "$out" .
  else
    tar -C "$dir" -cf "$out" .
  fi
}

run_backup() {
  local stamp set partial started
  started=$(date +%s)
  stamp=$(date '+%Y-%m-%dT%H%M')
  set="$(sets_dir)/$stamp"
  partial="$(sets_dir)/.partial-$stamp"
  [[ -e "$set" ]] && fail "$set exists already"
  rm -rf "$partial"
  mkdir -p "$partial"

  log "dumping database ${PGDATABASE:-?} on ${PGHOST:-local}"
  pg_dump --format=custom --compress=6 --file="$partial/db.dump" || fail "pg_dump"
  # The archive must be readable: a dump pg_restore cannot list is no backup.
  pg_restore --list "$partial/db.dump" >/dev/null || fail "pg_restore cannot read the dump it just wrote"

  archive "$BACKUP_MEDIA_DIR" "$partial/media.tar.gz" gz
  archive "$BACKUP_AFFILIATE_MEDIA_DIR" "$partial/affiliate-media.tar.gz" gz
  # Already ciphertext: compressing it gains nothing.
  archive "$BACKUP_KTP_DIR" "$partial/ktp.tar" plain

  (cd "$partial" && sha256sum db.dump media.tar.gz affiliate-media.tar.gz ktp.tar > SHA256SUMS)
  mv "$partial" "$set"
  log "set $stamp complete: $(du -sh "$set" | cut -f1) in $(( $(date +%s) - started )) s"

  offsite "$set"
  prune
}

offsite() {
  local set="$1"
  if [[ -n "$BACKUP_OFFSITE_COMMAND" ]]; then
    log "off-host copy: command hook"
    bash -c "$BACKUP_OFFSITE_COMMAND" offsite "$set" || fail "off-host copy (BACKUP_OFFSITE_COMMAND) of $set"
  elif [[ -n "$BACKUP_OFFSITE_TARGET" ]]; then
    log "off-host copy: rsync to $BACKUP_OFFSITE_TARGET"
    rsync -a -e "ssh -i $BACKUP_OFFSITE_SSH_KEY -o StrictHostKeyChecking=yes" "$set" "$BACKUP_OFFSITE_TARGET" \
      || fail "off-host copy (rsync) of $set"
  else
    log "WARNING: no off-host copy configured (BACKUP_OFFSITE_COMMAND or BACKUP_OFFSITE_TARGET): this set dies with this host"
  fi
}

# Retention: the newest BACKUP_KEEP_DAILY sets, plus the newest set of each of the newest BACKUP_KEEP_WEEKLY ISO
# weeks (local time). Everything else is deleted; a .partial set older than a day too (a crashed run).
prune() {
  local dir stamp week keep=() seen_weeks=() count=0
  dir="$(sets_dir)"
  [[ -d "$dir" ]] || return 0
  mapfile -t all < <(find "$dir" -mindepth 1 -maxdepth 1 -type d -name '????-??-??T????' -printf '%f\n' | sort -r)
  for stamp in "${all[@]}"; do
    if (( count < BACKUP_KEEP_DAILY )); then
      keep+=("$stamp")
    fi
    count=$((count + 1))
    week=$(date -d "${stamp:0:10}" '+%G-W%V')
    if [[ ! " ${seen_weeks[*]} " == *" $week "* ]] && (( ${#seen_weeks[@]} < BACKUP_KEEP_WEEKLY )); then
      seen_weeks+=("$week")
      keep+=("$stamp")
    fi
  done
  for stamp in "${all[@]}"; do
    if [[ ! " ${keep[*]} " == *" $stamp "* ]]; then
      log "retention: deleting set $stamp"
      rm -rf "${dir:?}/$stamp"
    fi
  done
  find "$dir" -mindepth 1 -maxdepth 1 -type d -name '.partial-*' -mmin +1440 -exec rm -rf {} +
}

verify() {
  local set="${1:?usage: backup.sh verify SET_DIR}"
  [[ -f "$set/SHA256SUMS" ]] || fail "$set has no SHA256SUMS: not a complete backup set"
  (cd "$set" && sha256sum --check --quiet SHA256SUMS) || fail "$set does not match its checksums: do not restore it"
  log "set $(basename "$set") matches its checksums"
}

# The next BACKUP_HOUR:00 in BACKUP_TZ, as epoch seconds.
next_run() {
  [[ "$BACKUP_HOUR" =~ ^([01]?[0-9]|2[0-3])$ ]] || fail "BACKUP_HOUR must be an hour 0-23, not $BACKUP_HOUR"
  local now next
  now=$(date +%s)
  next=$(date -d "today ${BACKUP_HOUR}:00" +%s)
  (( next > now )) || next=$(date -d "tomorrow ${BACKUP_HOUR}:00" +%s)
  echo "$next"
}

daemon() {
  next_run >/dev/null
  log "daily backups at ${BACKUP_HOUR}:00 $BACKUP_TZ, keeping $BACKUP_KEEP_DAILY daily and $BACKUP_KEEP_WEEKLY weekly"
  while true; do
    local next
    next=$(next_run)
    log "next backup at $(date -d "@$next" '+%Y-%m-%d %H:%M %Z')"
    sleep $(( next - $(date +%s) ))
    # A failed night must not stop the next one; the failure is in the log (and no new set appears).
    ( run_backup ) || log "this night's backup failed; next try tomorrow"
  done
}

case "${1:-daemon}" in
  daemon) daemon ;;
  run) run_backup ;;
  prune) prune ;;
  verify) verify "${2:-}" ;;
  next) date -d "@$(next_run)" '+%Y-%m-%dT%H:%M:%S%z' ;;
  *) echo "usage: backup.sh [daemon|run|prune|verify SET_DIR|next]" >&2; exit 2 ;;
esac
