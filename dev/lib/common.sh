# shellcheck shell=bash
# Shared helpers for the dev/ scripts. Sourced, never executed.
# Everything the local environment creates lives under $LOLIGO_STATE (git-ignored).

LOLIGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOLIGO_STATE="${LOLIGO_STATE:-$LOLIGO_ROOT/.dev}"
mkdir -p "$LOLIGO_STATE"

log() { printf '\033[1m[loligo]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[loligo] error:\033[0m %s\n' "$*" >&2; exit 1; }

# wait_until SECONDS DESCRIPTION COMMAND... : polls COMMAND every 0.25 s.
wait_until() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "timed out after ${timeout}s waiting for $what"
    sleep 0.25
  done
}

pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pidfile FILE NAME: SIGTERM, wait up to 15 s, then SIGKILL; checks the process really went away.
stop_pidfile() {
  local file=$1 name=$2 pid
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop on SIGTERM; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

as_root() { [[ $EUID -eq 0 ]] || die "the local environment installs packages and starts services: run it as root"; }
