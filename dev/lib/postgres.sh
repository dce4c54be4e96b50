# shellcheck shell=bash
# PostgreSQL: the machine's own cluster on 127.0.0.1:5432 holds one role and a database per service, plus the
# services' test databases; the system tests get a cluster of their own on 127.0.0.1:5433 (TEST_PG_CLUSTER), which
# their fault tests stop and start without a platform from dev/up noticing.

LOLIGO_DATABASES=(loligo_cluster loligo_gateway loligo_cluster_test loligo_gateway_test)
SYSTEST_DATABASES=(loligo_cluster_systest loligo_gateway_systest)
TEST_PG_CLUSTER=loligo-tests

pg_ready() { pg_isready -q -h 127.0.0.1 -p "${1:-$PG_PORT}"; }
pg_version() { find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1; }

postgres_up() {
  if ! pg_ready; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start
    wait_until 30 "PostgreSQL" pg_ready
  fi
  databases_created "$PG_PORT" "${LOLIGO_DATABASES[@]}"
}

# test_postgres_up: the system tests' own cluster, created once, trusted on loopback like the machine's in CI.
test_postgres_up() {
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$TEST_PG_CLUSTER"; then
    log "creating the tests' own PostgreSQL cluster $TEST_PG_CLUSTER on port $TEST_PG_PORT"
    pg_createcluster --port "$TEST_PG_PORT" "$(pg_version)" "$TEST_PG_CLUSTER" -- --auth-host=trust --auth-local=trust >/dev/null
  fi
  test_postgres start
  databases_created "$TEST_PG_PORT" "${SYSTEST_DATABASES[@]}"
}

# test_postgres start|stop: the fault tests' PostgreSQL outage; stop ends every session at once, as a crash would
test_postgres() {
  case $1 in
    start)
      pg_ready "$TEST_PG_PORT" && return 0
      pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" "$TEST_PG_CLUSTER" start
      wait_until 30 "the tests' PostgreSQL" pg_ready "$TEST_PG_PORT" ;;
    stop) pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" "$TEST_PG_CLUSTER" stop -m immediate ;;
  esac
}

test_postgres_removed() {
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$TEST_PG_CLUSTER"; then
    pg_dropcluster --stop "$(pg_version)" "$TEST_PG_CLUSTER"
  fi
}

# databases_created PORT DATABASE...: the role loligo, and each database owned by it
databases_created() {
  local port=$1; shift
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -qtAX)
  "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='loligo'" | grep -q 1 \
    || "${psql[@]}" -c "CREATE ROLE loligo LOGIN PASSWORD 'loligo'" >/dev/null
  local db
  for db in "$@"; do
    "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || "${psql[@]}" -c "CREATE DATABASE $db OWNER loligo" >/dev/null
  done
}
