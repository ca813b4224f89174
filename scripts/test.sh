#!/usr/bin/env bash
# Runs every ApprovalBot test on this machine: starts (or reuses) the private PostgreSQL of this checkout,
# installs Chromium for the browser tests when it is missing, builds once, then runs the test projects one at a
# time (test clusters starve each other's membership probes on two cores) and ends with one summary line.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
results="$repo/artifacts/test-results"
mkdir -p "$results"

log() { printf '== %s\n' "$*"; }

ensure_debian_package() { # command package
  if ! command -v "$1" >/dev/null 2>&1; then
    if ((EUID == 0)); then
      log "installing Debian package $2"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "test.sh: $1 is missing; install Debian's $2 package (as root: apt-get install $2)" >&2
      exit 1
    fi
  fi
}

ensure_debian_package chromium chromium
ensure_debian_package docker-compose docker-compose
ensure_debian_package openssl openssl

log "PostgreSQL"
bash scripts/pg.sh start
eval "$(bash scripts/pg.sh env)"
export APPROVALBOT_PG_ADMIN APPROVALBOT_CHROMIUM="${APPROVALBOT_CHROMIUM:-$(command -v chromium)}"

log "docker-compose.yml"
if [[ -f docker-compose.yml ]]; then
  # Every secret is a required ${VAR:?} substitution: validate with throwaway values for the example's keys.
  compose_env="$(mktemp)"
  sed -E 's/^([A-Z0-9_]+)=$/\1=validate-only/' deploy/.env.example >"$compose_env"
  docker-compose -f docker-compose.yml --env-file "$compose_env" config -q
  docker-compose -f docker-compose.yml --env-file "$compose_env" --profile sandbox config -q
  rm -f "$compose_env"
  echo "docker-compose config: ok"
fi

log "build"
dotnet build ApprovalBot.sln -c Release -nologo -v quiet -warnaserror

passed=0
failed=0
broken=()
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  log "test $name"
  set +e
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=normal" 2>&1 | tee "$results/$name.log"
  status=${PIPESTATUS[0]}
  set -e
  # vstest's closing block: "Total tests: N", then "Passed: N" and "Failed: N" lines when non-zero.
  summary="$(sed -n '/^Total tests:/,$p' "$results/$name.log")"
  p="$(sed -nE 's/^ *Passed: *([0-9]+).*/\1/p' <<<"$summary" | tail -n1)"
  f="$(sed -nE 's/^ *Failed: *([0-9]+).*/\1/p' <<<"$summary" | tail -n1)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if ((status != 0)); then
    broken+=("$name")
    [[ -n "$f" && "$f" != 0 ]] || failed=$((failed + 1))
  fi
done

if [[ -d bench/ApprovalBot.Bench ]]; then
  log "benchmark smoke run (figures printed, not asserted)"
  dotnet run --project bench/ApprovalBot.Bench -c Release --no-build -- --smoke \
    || { broken+=("bench-smoke"); failed=$((failed + 1)); }
fi

# CI keeps only the tail of the output: repeat each failure's name, message and first stack lines here.
for name in "${broken[@]}"; do
  log "failures in $name (whole log: artifacts/test-results/$name.log)"
  awk '/^ *Failed [A-Za-z]/ { shown = 0; printing = 1 }
       printing && shown < 30 { print; shown++ }
       /^ *(Standard Output Messages|Passed [A-Za-z])/ { printing = 0 }' \
    "$results/$name.log" 2>/dev/null | head -n 120 || true
done

((${#broken[@]} == 0)) || echo "failing: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
((${#broken[@]} == 0))
