#!/usr/bin/env bash
# Runs a private PostgreSQL server for this checkout: its own data folder, port and socket.
# Usage: scripts/pg.sh start | stop | status | env | psql [psql arguments]
# It only ever controls the server whose postmaster.pid lives in its own data folder.
set -euo pipefail

readonly ADMIN_ROLE="approvalbot_admin"
readonly ADMIN_PASSWORD="approvalbot_admin_dev"
readonly APP_DATABASE="approvalbot"
readonly SUPERUSER="postgres"
readonly HOST="127.0.0.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
checkout_hash="$(printf '%s' "$repo_root" | sha256sum | cut -c1-12)"
readonly base_dir="/var/tmp/approvalbot-pg"
readonly state_dir="$base_dir/$checkout_hash"
readonly data_dir="$state_dir/data"
readonly socket_dir="$state_dir/socket"
readonly log_file="$state_dir/postgres.log"

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

derived_port() {
  echo $((55000 + 16#${checkout_hash:0:8} % 1000))
}

wanted_port() {
  local port="${APPROVALBOT_PG_PORT:-$(derived_port)}"
  [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "APPROVALBOT_PG_PORT is not a port: $port"
  echo "$port"
}

# The port of the running server, from the fourth line of its own postmaster.pid.
running_port() {
  sed -n 4p "$data_dir/postmaster.pid" 2>/dev/null || true
}

# Root runs the server programs as the postgres OS user; anyone else runs them as themselves.
as_owner() {
  if ((EUID == 0)); then
    (cd / && runuser -u "$SUPERUSER" -- "$@")
  else
    (cd / && "$@")
  fi
}

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  fi
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
    return 0
  fi
  return 1
}

# Installing Debian's package may create and start its default cluster; that cluster is not ours
# and is left exactly as the package set it up.
ensure_bindir() {
  if bindir="$(find_bindir)"; then
    return 0
  fi
  ((EUID == 0)) || die "PostgreSQL is not installed; run as root once to install Debian's postgresql package"
  echo "pg.sh: installing Debian's postgresql package" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  bindir="$(find_bindir)" || die "PostgreSQL programs not found after installing the postgresql package"
}

prepare_dirs() {
  mkdir -p "$base_dir"
  # Several OS users may each keep a cluster here, like /tmp.
  if [[ "$(stat -c %U "$base_dir")" == "$(id -un)" ]]; then
    chmod 1777 "$base_dir"
  fi
  mkdir -p "$state_dir" "$socket_dir"
  if ((EUID == 0)); then
    chown "$SUPERUSER:" "$state_dir" "$socket_dir"
  fi
  chmod 700 "$state_dir" "$socket_dir"
}

is_running() {
  [[ -f "$data_dir/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" status -D "$data_dir" >/dev/null 2>&1
}

init_cluster() {
  local pwfile="$state_dir/.initpw"
  echo "pg.sh: creating a new cluster in $data_dir" >&2
  (umask 077 && printf '%s\n' "$(head -c 24 /dev/urandom | base64)" >"$pwfile")
  if ((EUID == 0)); then
    chown "$SUPERUSER:" "$pwfile"
  fi
  as_owner "$bindir/initdb" -D "$data_dir" -U "$SUPERUSER" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$state_dir/initdb.log"
  rm -f "$pwfile"
  write_config
}

write_config() {
  as_owner tee "$data_dir/pg_hba.conf" >/dev/null <<EOF
# Written by scripts/pg.sh: trust only on the private socket, passwords on loopback TCP.
local   all   all                  trust
host    all   all   127.0.0.1/32   scram-sha-256
EOF
  as_owner tee -a "$data_dir/postgresql.conf" >/dev/null <<EOF

# Written by scripts/pg.sh
listen_addresses = '$HOST'
unix_socket_directories = '$socket_dir'
unix_socket_permissions = 0700
max_connections = 300
fsync = on
synchronous_commit = on
password_encryption = 'scram-sha-256'
timezone = 'UTC'
log_timezone = 'UTC'
EOF
}

superuser_psql() {
  as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket_dir" -p "$(running_port)" -U "$SUPERUSER" "$@"
}

# Idempotent: a cluster whose first start was interrupted gets its role and database on the next one.
ensure_roles() {
  superuser_psql -d postgres <<EOF
SELECT format('CREATE ROLE %I LOGIN CREATEDB CREATEROLE PASSWORD %L', '$ADMIN_ROLE', '$ADMIN_PASSWORD')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ADMIN_ROLE') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$APP_DATABASE', '$ADMIN_ROLE')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$APP_DATABASE') \gexec
EOF
}

# The server must inherit no descriptor but the standard ones: an inherited lock or pipe would
# keep this script's lock held, or its caller waiting, for as long as the server runs.
start_server() {
  local port="$1"
  (
    local fd_path fd
    for fd_path in /proc/"$BASHPID"/fd/*; do
      fd="${fd_path##*/}"
      if ((fd > 2)); then
        eval "exec $fd>&-"
      fi
    done
    as_owner "$bindir/pg_ctl" start -D "$data_dir" -l "$log_file" -w -t 120 -o "-p $port" \
      </dev/null >/dev/null
  )
}

cmd_start() {
  ensure_bindir
  prepare_dirs
  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    init_cluster
  fi
  if is_running; then
    echo "pg.sh: already running on $HOST:$(running_port) (data $data_dir)"
    ensure_roles
    return 0
  fi
  local port
  port="$(wanted_port)"
  if ! start_server "$port"; then
    tail -n 20 "$log_file" >&2 || true
    die "the server did not start on port $port (log: $log_file); if another program holds that port, choose one with APPROVALBOT_PG_PORT"
  fi
  ensure_roles
  echo "pg.sh: started on $HOST:$port (data $data_dir)"
}

cmd_stop() {
  bindir="$(find_bindir)" || { echo "pg.sh: not running (PostgreSQL not installed)"; return 0; }
  if ! is_running; then
    echo "pg.sh: not running"
    return 0
  fi
  as_owner "$bindir/pg_ctl" stop -D "$data_dir" -m fast -w -t 120 >/dev/null
  echo "pg.sh: stopped"
}

cmd_status() {
  if bindir="$(find_bindir)" && is_running; then
    echo "pg.sh: running on $HOST:$(running_port) (data $data_dir)"
    return 0
  fi
  echo "pg.sh: not running (data $data_dir)"
  return 3
}

cmd_env() {
  local port
  port="$(running_port)"
  if [[ -z "$port" ]]; then
    port="$(wanted_port)"
  fi
  echo "export APPROVALBOT_PG_HOST=$HOST"
  echo "export APPROVALBOT_PG_PORT=$port"
  printf 'export APPROVALBOT_PG_ADMIN="%s"\n' \
    "Host=$HOST;Port=$port;Username=$ADMIN_ROLE;Password=$ADMIN_PASSWORD;Database=$APP_DATABASE"
}

cmd_psql() {
  bindir="$(find_bindir)" || die "PostgreSQL is not installed; run: scripts/pg.sh start"
  is_running || die "not running; run: scripts/pg.sh start"
  as_owner "$bindir/psql" -X -h "$socket_dir" -p "$(running_port)" -U "$SUPERUSER" -d "$APP_DATABASE" "$@"
}

with_lock() {
  mkdir -p "$base_dir"
  exec 9>>"$base_dir/.lock-$checkout_hash"
  flock 9
  "$@"
}

bindir=""
case "${1:-}" in
  start) with_lock cmd_start ;;
  stop) with_lock cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  psql) shift; cmd_psql "$@" ;;
  *) die "usage: scripts/pg.sh start | stop | status | env | psql [psql arguments]" ;;
esac
