#!/usr/bin/env bash
# Runs once, when the official postgres image initialises an empty data volume (it executes every script in
# /docker-entrypoint-initdb.d as the superuser). Creates the owner role the `migrate` step logs in as and the
# database that role owns. The owner needs CREATEROLE because the migrator creates the least-privileged runtime
# role itself. Passwords come from the container's environment, never from this file, and are read with psql's
# \getenv so they appear on no command line.
set -euo pipefail

: "${APPROVALBOT_DB_OWNER_PASSWORD:?APPROVALBOT_DB_OWNER_PASSWORD must be set for the postgres service}"
export APPROVALBOT_DB_OWNER="${APPROVALBOT_DB_OWNER:-approvalbot_admin}"
export APPROVALBOT_DB_NAME="${APPROVALBOT_DB_NAME:-approvalbot}"

psql -X -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres <<'SQL'
\getenv owner APPROVALBOT_DB_OWNER
\getenv owner_password APPROVALBOT_DB_OWNER_PASSWORD
\getenv database APPROVALBOT_DB_NAME
SELECT format('CREATE ROLE %I LOGIN CREATEROLE PASSWORD %L', :'owner', :'owner_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SQL
