#!/usr/bin/env bash
# First start of the compose PostgreSQL: one login role and one schema per service, nothing shared.
# Passwords come from the environment (see .env.example); a service can only reach its own schema.
set -euo pipefail
for svc in identity commerce affiliate payout; do
  var="$(echo "$svc" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  pass="${!var:?$var must be set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE $svc LOGIN PASSWORD '$pass';
CREATE SCHEMA $svc AUTHORIZATION $svc;
REVOKE ALL ON SCHEMA public FROM $svc;
SQL
done
