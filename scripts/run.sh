#!/usr/bin/env bash
# Runs ApprovalBot on this machine: its private PostgreSQL, one Silo and the Api. Without Slack credentials
# (Slack__SigningSecret, Slack__BotToken, Slack__ApprovalChannelId in the environment) it also starts the Slack
# sandbox, wires everything to it and prints the address to open in a browser. Ctrl-C stops what it started.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
state="$repo/.local/run"
mkdir -p "$state"

api_port="${APPROVALBOT_API_PORT:-5080}"
silo_http_port="${APPROVALBOT_SILO_HTTP_PORT:-8080}"
sandbox_port="${APPROVALBOT_SANDBOX_PORT:-5090}"
pids=()

stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "run.sh: stopped Api, Silo and sandbox (PostgreSQL keeps running; scripts/pg.sh stop ends it)"
}
trap stop_all INT TERM EXIT

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$2"; then return 0; fi
    sleep 1
  done
  echo "run.sh: $1 did not become ready at $2; see $state/$1.log" >&2
  exit 1
}

# Something already answering on a port would pass for our process in wait_ready; refuse to start instead.
require_free_port() { # name port variable
  if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then
    echo "run.sh: port $2 for the $1 is already in use; choose another with $3=<port>" >&2
    exit 1
  fi
}

# shellcheck source=scripts/local-env.sh
source scripts/local-env.sh

require_free_port Api "$api_port" APPROVALBOT_API_PORT
require_free_port "Silo's HTTP endpoint" "$silo_http_port" APPROVALBOT_SILO_HTTP_PORT

bash scripts/pg.sh start
eval "$(bash scripts/pg.sh env)"
echo "run.sh: building"
dotnet build ApprovalBot.sln -c Release -nologo -v quiet

export ConnectionStrings__ApprovalBotAdmin="$APPROVALBOT_PG_ADMIN"
# The Silo's migrations create the least-privileged runtime role; the admin role only migrates.
export_runtime_connection
export Orleans__AdvertisedIPAddress=127.0.0.1

if [[ -z "${Slack__SigningSecret:-}" || -z "${Slack__BotToken:-}" ]]; then
  sandbox=1
  require_free_port sandbox "$sandbox_port" APPROVALBOT_SANDBOX_PORT
  export_sandbox_slack "$state" "$sandbox_port"
  Sandbox__SigningSecret="$Slack__SigningSecret" Sandbox__BotToken="$Slack__BotToken" \
    Sandbox__ApiBaseUrl="http://127.0.0.1:$api_port/" \
    Sandbox__PublicBaseUrl="http://127.0.0.1:$sandbox_port/" \
    ASPNETCORE_URLS="http://127.0.0.1:$sandbox_port" \
    dotnet src/SlackSandbox/bin/Release/net10.0/ApprovalBot.SlackSandbox.dll >"$state/sandbox.log" 2>&1 &
  pids+=($!)
  wait_ready sandbox "http://127.0.0.1:$sandbox_port/health/live"
else
  sandbox=0
fi

ASPNETCORE_URLS="http://127.0.0.1:$silo_http_port" \
  dotnet src/Silo/bin/Release/net10.0/ApprovalBot.Silo.dll >"$state/silo.log" 2>&1 &
pids+=($!)
wait_ready silo "http://127.0.0.1:$silo_http_port/health/ready"

ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  dotnet src/Api/bin/Release/net10.0/ApprovalBot.Api.dll >"$state/api.log" 2>&1 &
pids+=($!)
wait_ready api "http://127.0.0.1:$api_port/health/ready"

echo
echo "ApprovalBot is running."
echo "  Api:        http://127.0.0.1:$api_port  (Slack request URLs: /slack/commands, /slack/interactions)"
echo "  Dashboard:  http://127.0.0.1:$silo_http_port/dashboard"
if ((sandbox)); then
  echo "  Sandbox:    http://127.0.0.1:$sandbox_port   <- open this: you are Slack here"
fi
echo "  Logs:       $state/*.log"
echo "Press Ctrl-C to stop."
# Stop everything when any one of them dies, rather than run on half a product.
wait -n
echo "run.sh: a process exited; see $state/*.log" >&2
exit 1
