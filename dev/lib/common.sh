# shellcheck shell=bash
# Shared helpers for the dev/ scripts. Sourced, never executed.
# Everything the local environment creates lives under $LOLIGO_STATE (git-ignored).

LOLIGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOLIGO_STATE="${LOLIGO_STATE:-$LOLIGO_ROOT/.dev}"
mkdir -p "$LOLIGO_STATE"

# Every port the local environment takes: the platform's, which dev/up starts, and beside each the tests' own, which
# dev/test starts and stops at will without the platform noticing. (The system tests' harness, LocalPlatform, names
# the tests' column again.)
# shellcheck disable=SC2034 # read by the other libs, which shellcheck checks one by one
{
  LOLIGO_HTTP_PORT="${LOLIGO_HTTP_PORT:-8480}"            # api-gateway, the one public door
  CLUSTER_SERVICE_PORT=8481 NODE_AGENT_PORT=8482 METRICS_SERVICE_PORT=8483
  BROKER_PORT=5672 TEST_BROKER_PORT=5673                  # RabbitMQ (AMQP 1.0)
  PG_PORT=5432 TEST_PG_PORT=5433                          # PostgreSQL
  INFLUX_PORT=18086 TEST_INFLUX_PORT=18096                # InfluxDB
  AM_PORT=18093 TEST_AM_PORT=18193                        # Alertmanager
  MAIL_PORT=18025 TEST_MAIL_PORT=18125                    # the SMTP sink
  CEPH_MON_PORT_PLATFORM=40000 CEPH_MON_PORT_TESTS=40200  # a mon and its msgr2 port after it; the RGW on mon + 10
  CEPH_BIND_PLATFORM=40100-40199 CEPH_BIND_TESTS=40300-40399  # the other Ceph daemons
  TEST_SERVICE_PORTS=40400-40999                          # the system tests' services, each instance a pair of its own
  LAB_PORTS=40000-40999                                   # Ceph's and the tests' services', kept out of Linux's ephemeral range
}

# Temporary files live in one directory per run of a script, removed when it ends however it ends (a die included);
# readable by others, as RabbitMQ reads definitions from it as its own user.
LOLIGO_SCRATCH=$(mktemp -d)
chmod 755 "$LOLIGO_SCRATCH"
trap 'rm -rf "$LOLIGO_SCRATCH"' EXIT
scratch_file() { mktemp -p "$LOLIGO_SCRATCH"; }

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
