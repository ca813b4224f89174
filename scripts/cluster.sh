#!/usr/bin/env bash
# A local multi-silo ApprovalBot on 127.0.0.1, for failover drills: the private PostgreSQL, one migration run,
# N silos (as the least-privileged runtime role, like production) and one Api, plus the Slack sandbox when no Slack
# credentials are in the environment (as scripts/run.sh does).
#   scripts/cluster.sh start [--silos N] [--no-build]   N defaults to 3
#   scripts/cluster.sh status                           each process with its health answer
#   scripts/cluster.sh kill-silo N                      SIGKILL silo N (a crash, not a shutdown)
#   scripts/cluster.sh start-silo N [--port-offset K]   (re)start silo N, its ports shifted by K
#   scripts/cluster.sh stop                             stops what this script started; PostgreSQL keeps running
# Silo i listens on 11111+i (silo), 30000+i (gateway), 8080+i (HTTP). Ports and identity can be moved with
# APPROVALBOT_SILO_PORT_BASE, APPROVALBOT_GATEWAY_PORT_BASE, APPROVALBOT_SILO_HTTP_PORT_BASE, APPROVALBOT_API_PORT,
# APPROVALBOT_SANDBOX_PORT and APPROVALBOT_CLUSTER_ID (default approvalbot-cluster, so it never joins the
# cluster of scripts/run.sh, which shares the database).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
state="$repo/.local/cluster"
pids="$state/pids"
silo_base="${APPROVALBOT_SILO_PORT_BASE:-11111}"
gateway_base="${APPROVALBOT_GATEWAY_PORT_BASE:-30000}"
http_base="${APPROVALBOT_SILO_HTTP_PORT_BASE:-8080}"
api_port="${APPROVALBOT_API_PORT:-5080}"
sandbox_port="${APPROVALBOT_SANDBOX_PORT:-5090}"
cluster_id="${APPROVALBOT_CLUSTER_ID:-approvalbot-cluster}"
bin="src/%s/bin/Release/net10.0/ApprovalBot.%s.dll"

die() { echo "cluster.sh: $*" >&2; exit 1; }
say() { echo "cluster.sh: $*"; }

# Field 22 of /proc/PID/stat (counted after the command name, which may hold spaces) is the start time: a pid
# reused by another program has a different one, so a recorded pid is only ever signalled if it is still ours.
# A killed process lingers as a zombie (state Z) until reaped: that is gone too.
proc_fields() { [[ -r "/proc/$1/stat" ]] && sed -E 's/^.*\) //' "/proc/$1/stat"; }
start_time() { proc_fields "$1" | cut -d' ' -f20; }
is_ours() {
  local fields
  fields="$(proc_fields "$1" 2>/dev/null)" || return 1
  [[ "${fields%% *}" != [ZX] && "$(cut -d' ' -f20 <<<"$fields")" == "$2" ]]
}

record() { # name pid health-url
  local started
  started="$(start_time "$2")" || die "$1 (pid $2) exited at once; see $state/$1.log"
  sed -i "/^$1 /d" "$pids" 2>/dev/null || true
  echo "$1 $2 $started $3" >>"$pids"
}

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }
need_port() { # port variable
  port_free "$1" || die "port $1 on 127.0.0.1 is taken (by another engineer's run.sh?); choose another with $2"
}

launch() { # name dll-project health-url env...; the process gets its own session and no tie to this shell
  local name="$1" project="$2" url="$3"
  shift 3
  # shellcheck disable=SC2059
  setsid env "$@" dotnet "$(printf "$bin" "$project" "$project")" </dev/null >"$state/$name.log" 2>&1 &
  record "$name" "$!" "$url"
}

wait_ready() { # name url
  local pid started
  read -r _ pid started _ < <(grep "^$1 " "$pids")
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$2"; then return 0; fi
    is_ours "$pid" "$started" || { tail -n 5 "$state/$1.log" >&2; die "$1 exited; see $state/$1.log"; }
    sleep 1
  done
  die "$1 did not become ready at $2; see $state/$1.log"
}

# shellcheck source=scripts/local-env.sh
source scripts/local-env.sh

# The environment every silo and the Api share: runtime role, cluster identity, Slack (real or sandbox).
common_env() {
  eval "$(bash scripts/pg.sh env)"
  export_runtime_connection
  export Orleans__ClusterId="$cluster_id" Orleans__ServiceId="$cluster_id" Orleans__AdvertisedIPAddress=127.0.0.1
  sandbox=0
  if [[ -z "${Slack__SigningSecret:-}" || -z "${Slack__BotToken:-}" ]]; then
    sandbox=1
    export_sandbox_slack "$state" "$sandbox_port"
  fi
}

start_silo() { # index offset
  local i="$1" offset="$2"
  local http=$((http_base + i + offset)) silo=$((silo_base + i + offset)) gateway=$((gateway_base + i + offset))
  need_port "$http" APPROVALBOT_SILO_HTTP_PORT_BASE
  need_port "$silo" APPROVALBOT_SILO_PORT_BASE
  need_port "$gateway" APPROVALBOT_GATEWAY_PORT_BASE
  # Only the runtime role, and no migration at start: the migrate step owns the schema, as in production.
  launch "silo$i" Silo "http://127.0.0.1:$http/health/ready" \
    ASPNETCORE_URLS="http://127.0.0.1:$http" Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" \
    Database__MigrateOnStart=false
}

alive_count() {
  local n=0 name pid started url
  while read -r name pid started url; do is_ours "$pid" "$started" && n=$((n + 1)); done <"$pids"
  echo "$n"
}

cmd_start() {
  local silos=3 build=1
  while (($#)); do
    case "$1" in
      --silos) silos="${2:?--silos needs a number}"; shift 2 ;;
      --no-build) build=0; shift ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]?$ ]] || die "--silos takes 1 to 99"
  mkdir -p "$state"
  touch "$pids"
  (($(alive_count) == 0)) || die "already running (scripts/cluster.sh status); stop it first"
  : >"$pids"
  need_port "$api_port" APPROVALBOT_API_PORT

  bash scripts/pg.sh start
  common_env
  ((sandbox == 0)) || need_port "$sandbox_port" APPROVALBOT_SANDBOX_PORT
  if ((build)); then
    say "building Silo, Api and SlackSandbox (Release)"
    for project in Silo Api SlackSandbox; do
      dotnet build "src/$project/$project.csproj" -c Release -nologo -v quiet
    done
  fi

  say "migrating"
  ConnectionStrings__ApprovalBotAdmin="$APPROVALBOT_PG_ADMIN" \
    dotnet "$(printf "$bin" Silo Silo)" migrate </dev/null >"$state/migrate.log" 2>&1 \
    || { cat "$state/migrate.log" >&2; die "migration failed"; }

  if ((sandbox)); then
    launch sandbox SlackSandbox "http://127.0.0.1:$sandbox_port/health/live" \
      Sandbox__SigningSecret="$Slack__SigningSecret" Sandbox__BotToken="$Slack__BotToken" \
      Sandbox__ApiBaseUrl="http://127.0.0.1:$api_port/" Sandbox__PublicBaseUrl="http://127.0.0.1:$sandbox_port/" \
      ASPNETCORE_URLS="http://127.0.0.1:$sandbox_port"
    wait_ready sandbox "http://127.0.0.1:$sandbox_port/health/live"
  fi
  for i in $(seq 1 "$silos"); do start_silo "$i" 0; done
  for i in $(seq 1 "$silos"); do wait_ready "silo$i" "$(awk -v n="silo$i" '$1 == n {print $4}' "$pids")"; done
  launch api Api "http://127.0.0.1:$api_port/health/ready" ASPNETCORE_URLS="http://127.0.0.1:$api_port"
  wait_ready api "http://127.0.0.1:$api_port/health/ready"

  say "running: $silos silo(s) in cluster '$cluster_id', Api http://127.0.0.1:$api_port"
  ((sandbox == 0)) || say "sandbox: http://127.0.0.1:$sandbox_port (open it in a browser)"
  say "dashboards: http://127.0.0.1:$((http_base + 1))/dashboard ...; logs: $state/*.log"
  cmd_status
}

cmd_status() {
  [[ -s "$pids" ]] || { say "not running"; return 3; }
  local name pid started url code body
  printf '%-8s %-8s %-8s %s\n' NAME PID PROCESS HEALTH
  while read -r name pid started url; do
    if is_ours "$pid" "$started"; then
      body="$(curl -s -m 5 -w ' HTTP %{http_code}' "$url" 2>/dev/null || true)"
      printf '%-8s %-8s %-8s %s %s\n' "$name" "$pid" running "$url" "${body:-no answer}"
    else
      printf '%-8s %-8s %-8s %s\n' "$name" "$pid" gone "$url"
    fi
  done <"$pids"
}

cmd_stop() {
  [[ -s "$pids" ]] || { say "nothing to stop"; return 0; }
  local name pid started url
  while read -r name pid started url; do
    if is_ours "$pid" "$started"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done <"$pids"
  # A silo shuts down gracefully (hands its grains over, leaves the membership table) within a few seconds.
  for _ in $(seq 1 30); do (($(alive_count) == 0)) && break; sleep 1; done
  while read -r name pid started url; do
    if is_ours "$pid" "$started"; then say "$name (pid $pid) ignored SIGTERM; killing it"; kill -KILL "$pid"; fi
  done <"$pids"
  : >"$pids"
  say "stopped (PostgreSQL keeps running; scripts/pg.sh stop ends it)"
}

silo_line() { grep "^silo$1 " "$pids" 2>/dev/null || true; }

cmd_kill_silo() {
  local n="${1:?usage: kill-silo N}" name pid started url
  read -r name pid started url < <(silo_line "$n") || die "no silo$n was started by this script"
  is_ours "$pid" "$started" || die "silo$n (pid $pid) is not running"
  kill -KILL "$pid"
  for _ in $(seq 1 50); do is_ours "$pid" "$started" || break; sleep 0.1; done
  say "silo$n (pid $pid) killed with SIGKILL"
}

cmd_start_silo() {
  local n="${1:?usage: start-silo N [--port-offset K]}" offset=0 name pid started url
  shift
  if [[ "${1:-}" == --port-offset ]]; then offset="${2:?--port-offset needs a number}"; fi
  [[ "$n" =~ ^[1-9][0-9]?$ && "$offset" =~ ^[0-9]+$ ]] || die "usage: start-silo N [--port-offset K]"
  if read -r name pid started url < <(silo_line "$n") && is_ours "$pid" "$started"; then
    die "silo$n is still running (pid $pid)"
  fi
  mkdir -p "$state"
  touch "$pids"
  common_env
  start_silo "$n" "$offset"
  wait_ready "silo$n" "$(awk -v n="silo$n" '$1 == n {print $4}' "$pids")"
  say "silo$n is ready"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  kill-silo) shift; cmd_kill_silo "$@" ;;
  start-silo) shift; cmd_start_silo "$@" ;;
  *) die "usage: scripts/cluster.sh start [--silos N] [--no-build] | status | stop | kill-silo N | start-silo N [--port-offset K]" ;;
esac
