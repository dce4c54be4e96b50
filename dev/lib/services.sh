# shellcheck shell=bash
# Builds the platform and runs its services as plain JVMs, with pid files and logs under the state directory.

SERVICES_DIR="$LOLIGO_STATE/services"
# start order: the gateway needs cluster-service, the agent needs nothing but the broker
LOLIGO_SERVICES=(cluster-service metrics-service api-gateway node-agent)

service_jar() { echo "$LOLIGO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

build_needed() {
  local s stamp="$SERVICES_DIR/build.stamp"
  [[ -f $stamp ]] || return 0
  for s in "${LOLIGO_SERVICES[@]}"; do [[ -f $(service_jar "$s") ]] || return 0; done
  # anything newer than the last build among sources, poms and the UI's manifest
  [[ -n $(cd "$LOLIGO_ROOT" && find . -path ./.dev -prune -o -path '*/node_modules' -prune -o -path '*/target' -prune -o \
      \( -path '*/src/*' -o -name pom.xml -o -name 'package*.json' -o -name index.html -o -name 'vite.config.ts' \) \
      -newer "$stamp" -print -quit) ]]
}

build_platform() {
  mkdir -p "$SERVICES_DIR"
  if build_needed; then
    log "building the platform (mvn package, tests skipped: ./dev/test runs them)"
    (cd "$LOLIGO_ROOT" && mvn -B -q package -DskipTests) || die "the build failed"
    touch "$SERVICES_DIR/build.stamp"
  else
    log "the build is up to date"
  fi
}

# service_properties NAME: the -D options that point a service at the local environment
service_properties() {
  case $1 in
    cluster-service) echo "-Dquarkus.http.port=$CLUSTER_SERVICE_PORT $(rgw_properties) -Dquarkus.mailer.host=127.0.0.1" \
      "-Dquarkus.mailer.port=$(mail_port) -Dquarkus.mailer.start-tls=DISABLED" \
      "-Dquarkus.rest-client.metrics-service.url=http://127.0.0.1:$METRICS_SERVICE_PORT" ;;
    metrics-service) echo "-Dquarkus.http.port=$METRICS_SERVICE_PORT" ;;
    api-gateway) echo "-Dquarkus.http.port=$LOLIGO_HTTP_PORT -Dquarkus.rest-client.cluster-service.url=http://127.0.0.1:$CLUSTER_SERVICE_PORT" \
      "-Dquarkus.rest-client.metrics-service.url=http://127.0.0.1:$METRICS_SERVICE_PORT" \
      "-Dloligo.gateway.initial-admin-password-file=$LOLIGO_STATE/admin-password" ;;
    node-agent) echo "-Dquarkus.http.port=$NODE_AGENT_PORT -Dloligo.agent.ceph.conf=$LOLIGO_CEPH_CONF -Dloligo.agent.state-dir=$LOLIGO_STATE/agent" \
      "${LOLIGO_CEPH_KEYRING:+-Dloligo.agent.ceph.keyring=$LOLIGO_CEPH_KEYRING}" \
      "$(agent_log_properties)" \
      "${LOLIGO_CEPH_USER:+-Dloligo.agent.ceph.user=$LOLIGO_CEPH_USER}" ;;
  esac
}

# The local cluster writes its logs under its own directory, not /var/log/ceph: the agent shows those; and its daemons
# are started and stopped, and its OSDs made on its file-backed devices, by dev/loligo, as systemd and ceph-volume would
# on a production host
agent_log_properties() {
  if [[ $LOLIGO_CEPH_CONF == "$CEPH_CONF_FILE" ]]; then
    echo "-Dloligo.agent.logs.directory=$CEPH_DIR -Dloligo.agent.logs.include=log" \
      "-Dloligo.agent.services.manager=command -Dloligo.agent.services.command=$LOLIGO_ROOT/dev/loligo,ceph-daemon,platform" \
      "-Dloligo.agent.osds.provisioner=command -Dloligo.agent.osds.command=$LOLIGO_ROOT/dev/loligo,ceph-osd,platform" \
      "-Dloligo.agent.osds.device-files=$CEPH_DIR/devices"
  fi
}

# The lab's RGW, which cluster-service manages through its Admin Ops API; an existing cluster's is configured as the
# README says
rgw_properties() {
  if [[ $LOLIGO_CEPH_CONF == "$CEPH_CONF_FILE" ]]; then
    echo "-Dloligo.rgw.url=$(ceph_rgw_url)"
  fi
}

# rgw_secret access_key|secret_key: the lab RGW's admin key for cluster-service, given in its environment
rgw_secret() {
  if [[ $1 == cluster-service && $LOLIGO_CEPH_CONF == "$CEPH_CONF_FILE" ]]; then ceph_rgw_admin_key "$2"; fi
}

# internal_secret: the secret the gateway signs its calls to cluster-service and metrics-service with, and the
# broker's questions to cluster-service carry; made once, readable by its owner only
internal_secret() {
  local file="$LOLIGO_STATE/internal-secret"
  if [[ ! -s $file ]]; then
    mkdir -p "$LOLIGO_STATE"
    (umask 077 && openssl rand -hex 32 >"$file")
  fi
  cat "$file"
}

service_port() {
  case $1 in
    cluster-service) echo "$CLUSTER_SERVICE_PORT" ;; metrics-service) echo "$METRICS_SERVICE_PORT" ;;
    api-gateway) echo "$LOLIGO_HTTP_PORT" ;; node-agent) echo "$NODE_AGENT_PORT" ;;
  esac
}

service_ready() { curl -fsS -o /dev/null "http://127.0.0.1:$(service_port "$1")/q/health/ready" 2>/dev/null; }

# start_service NAME: starts it, or keeps it running when neither its build nor its settings changed since it started
start_service() {
  local name=$1 pidfile="$SERVICES_DIR/$1.pid" launched="$SERVICES_DIR/$1.launched"
  local settings; settings="$(service_properties "$name") $(stat -c %Y "$(service_jar "$name")") $(grep -v '^#' "$LOLIGO_ROOT/dev/jvm.options")"
  if pid_alive "$pidfile"; then
    if [[ -f $launched && $(cat "$launched") == "$settings" ]]; then
      log "$name is already running (pid $(cat "$pidfile"))"
      return 0
    fi
    log "restarting $name on its new build or settings"
    stop_pidfile "$pidfile" "$name"
  fi
  # shellcheck disable=SC2046 # the properties are meant to split into words
  # the services' shared secret goes in the environment, which other local users cannot read, unlike a -D option
  LOLIGO_INTERNAL_SECRET=$(internal_secret) LOLIGO_RGW_ACCESS_KEY=$(rgw_secret "$name" access_key) \
    LOLIGO_RGW_SECRET_KEY=$(rgw_secret "$name" secret_key) \
    supervise "$name" java @"$LOLIGO_ROOT/dev/jvm.options" -Xmx256m $(service_properties "$name") -jar "$(service_jar "$name")" </dev/null &
  echo $! >"$pidfile"
  echo "$settings" >"$launched"
}

# supervise NAME COMMAND...: runs a service and starts it again 2 s after it dies, as Kubernetes restarts a crashed
# container, counting the restarts in NAME.restarts and saying so in its log. Its own pid is the one in NAME.pid:
# SIGTERM stops the service (which gets its own SIGTERM and time to finish) and then the supervision.
supervise() {
  local name=$1 child="" stopping=false restarts=0 status
  shift
  set +e
  trap 'stopping=true; [[ -n $child ]] && kill "$child" 2>/dev/null' TERM
  echo 0 >"$SERVICES_DIR/$name.restarts"
  while true; do
    "$@" >>"$SERVICES_DIR/$name.log" 2>&1 &
    child=$!
    echo "$child" >"$SERVICES_DIR/$name.child"
    # wait returns early when the trap runs; the service's own end is the one that counts
    while wait "$child"; status=$?; kill -0 "$child" 2>/dev/null; do :; done
    $stopping && break
    restarts=$((restarts + 1))
    echo "$restarts" >"$SERVICES_DIR/$name.restarts"
    printf '[loligo supervision] %s %s exited with status %s: starting it again in 2 s (restart %d)\n' \
      "$(date -u +%FT%TZ)" "$name" "$status" "$restarts" >>"$SERVICES_DIR/$name.log"
    sleep 2
  done
  rm -f "$SERVICES_DIR/$name.child"
}

service_restarts() { cat "$SERVICES_DIR/$1.restarts" 2>/dev/null || echo 0; }

services_up() {
  local s
  # the agent last, once metrics-service has declared the queue its batches go to: the broker drops what is sent
  # to a queue that does not exist yet
  for s in "${LOLIGO_SERVICES[@]}"; do [[ $s == node-agent ]] || start_service "$s"; done
  for s in "${LOLIGO_SERVICES[@]}"; do
    [[ $s == node-agent ]] && start_service "$s"
    wait_until 120 "$s to be ready (log: $SERVICES_DIR/$s.log)" service_ready "$s"
  done
}

services_down() {
  local i name
  for ((i = ${#LOLIGO_SERVICES[@]} - 1; i >= 0; i--)); do
    name=${LOLIGO_SERVICES[i]}
    stop_pidfile "$SERVICES_DIR/$name.pid" "$name"
    # a service its supervision could not stop in time
    stop_pidfile "$SERVICES_DIR/$name.child" "$name"
  done
}
