# PostgreSQL on 127.0.0.1:5432: one role and a database per service, plus test databases.

LOLIGO_DATABASES=(loligo_cluster loligo_gateway loligo_cluster_test loligo_gateway_test loligo_cluster_systest loligo_gateway_systest)

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432; }

postgres_up() {
  if ! pg_ready; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    wait_until 30 "PostgreSQL" pg_ready
  fi
  local psql=(psql -h 127.0.0.1 -U postgres -qtAX)
  "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='loligo'" | grep -q 1 \
    || "${psql[@]}" -c "CREATE ROLE loligo LOGIN PASSWORD 'loligo'" >/dev/null
  local db
  for db in "${LOLIGO_DATABASES[@]}"; do
    "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || "${psql[@]}" -c "CREATE DATABASE $db OWNER loligo" >/dev/null
  done
}
