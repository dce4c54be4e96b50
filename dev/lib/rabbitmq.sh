# shellcheck shell=bash
# RabbitMQ with the AMQP 1.0 plugin. The CI image starts RabbitMQ before us; a fresh machine may not.
#
# Two brokers: the system's (port 5672), which dev/up's platform uses, and the tests' own node (TEST_BROKER_NODE, port
# TEST_BROKER_PORT), which dev/test starts. The broker asks one cluster-service about every agent login, and the fault
# tests stop and restart their broker: on a broker of their own, a platform from dev/up beside them never notices.
# Every function below acts on the node BROKER_NODE names, the system's when it is empty.

TEST_BROKER_NODE=loligo-test@localhost
# the tests' broker keeps its data, its configuration and its plugin list apart, owned by the broker's own user
TEST_BROKER_DIR=/var/lib/rabbitmq/loligo-test
BROKER_NODE=${BROKER_NODE:-}

rmq() { rabbitmqctl -q ${BROKER_NODE:+-n "$BROKER_NODE"} "$@"; }
rabbit_running() { rabbitmq-diagnostics -q ${BROKER_NODE:+-n "$BROKER_NODE"} check_running >/dev/null 2>&1; }

rabbitmq_up() {
  local plugin
  for plugin in rabbitmq_amqp1_0 rabbitmq_auth_backend_http; do
    if ! rabbitmq-plugins list -e -m 2>/dev/null | grep -qx $plugin; then
      log "enabling RabbitMQ's plugin $plugin"
      if rabbit_running; then rabbitmq-plugins enable $plugin >/dev/null
      else rabbitmq-plugins enable --offline $plugin >/dev/null; fi
    fi
  done
  if ! rabbit_running; then
    log "starting RabbitMQ"
    rabbitmq-server -detached
    # await_startup fails before the node registers with epmd; poll instead
    wait_until 60 "RabbitMQ" rabbit_running
  fi
  wait_until 30 "RabbitMQ's AMQP 1.0 listener" rabbit_amqp1_ready "$BROKER_PORT"
  broker_prepared loligo
}

# test_broker_up: the tests' own RabbitMQ node, started unless it runs, prepared for the services' tests and the
# system tests.
test_broker_up() {
  local BROKER_NODE=$TEST_BROKER_NODE
  if ! rabbit_running && rabbitmq-diagnostics -q -n "$TEST_BROKER_NODE" ping >/dev/null 2>&1; then
    # a fault test that ended before it could restart the broker's application
    rmq start_app
  fi
  if ! rabbit_running; then
    log "starting the tests' own RabbitMQ node $TEST_BROKER_NODE on port $TEST_BROKER_PORT"
    install -d -o rabbitmq -g rabbitmq "$TEST_BROKER_DIR"
    echo '[rabbitmq_amqp1_0,rabbitmq_auth_backend_http].' >"$TEST_BROKER_DIR/enabled_plugins"
    echo "listeners.tcp.local = 127.0.0.1:$TEST_BROKER_PORT" >"$TEST_BROKER_DIR/rabbitmq.conf"
    chown rabbitmq:rabbitmq "$TEST_BROKER_DIR"/*
    # as the broker's user, keeping these; the inter-node port follows from the AMQP one. Not through Debian's
    # wrapper: its su leaves the node 1024 file descriptors, which a whole test run's connections exhaust. The
    # single-quoted ulimit is the broker's shell's to expand.
    # shellcheck disable=SC2016
    RABBITMQ_NODENAME=$TEST_BROKER_NODE RABBITMQ_NODE_PORT=$TEST_BROKER_PORT \
      RABBITMQ_MNESIA_BASE=$TEST_BROKER_DIR/mnesia RABBITMQ_LOG_BASE=$TEST_BROKER_DIR/log \
      RABBITMQ_ENABLED_PLUGINS_FILE=$TEST_BROKER_DIR/enabled_plugins RABBITMQ_CONFIG_FILE=$TEST_BROKER_DIR/rabbitmq.conf \
      RABBITMQ_PID_FILE=$TEST_BROKER_DIR/pid \
      su rabbitmq -s /bin/sh -c 'cd /var/lib/rabbitmq && ulimit -n "$(ulimit -Hn)" && exec /usr/lib/rabbitmq/bin/rabbitmq-server -detached'
    wait_until 60 "the tests' RabbitMQ node" rabbit_running
  fi
  wait_until 30 "the tests' AMQP 1.0 listener" rabbit_amqp1_ready "$TEST_BROKER_PORT"
  # the services' own tests, and the system tests
  broker_prepared loligo-test loligo-systest
}

test_broker_down() {
  local BROKER_NODE=$TEST_BROKER_NODE
  if rabbit_running; then rmq stop; fi
}

# broker_prepared PREFIX...: policies, bounds and bindings a platform under each topic prefix needs.
broker_prepared() {
  # Private queues behind /topic/ and /exchange/ sources are neither exclusive nor auto-delete on 3.10:
  # without this policy every vanished subscriber would leave a queue that fills with heartbeats forever.
  rmq set_policy --apply-to queues loligo-private-queue-expiry '^amq\.gen-' '{"expires":60000,"message-ttl":60000}' >/dev/null
  broker_bounds_messages
  local prefix
  for prefix in "$@"; do
    agent_routes_bound "$prefix"
    metrics_queue_bound "$prefix"
  done
}

# agent_routes_bound PREFIX: agents publish their replies and metric batches to amq.topic under their own routing
# keys (the broker holds each agent to its own); these bindings lead them into the services' durable queues, which
# AMQP 1.0 cannot bind by itself on RabbitMQ 3.10.
agent_routes_bound() {
  local definitions
  definitions=$(scratch_file)
  chmod a+r "$definitions"  # rabbitmqctl has the broker read it, as user rabbitmq
  jq -n --arg prefix "$1" '{
    queues: [$prefix + ".replies", $prefix + ".metrics"]
      | map({name: ., vhost: "/", durable: true, auto_delete: false, arguments: {}}),
    bindings: [["replies", "reply"], ["metrics", "metrics"]]
      | map({source: "amq.topic", vhost: "/", destination: "\($prefix).\(.[0])", destination_type: "queue",
             routing_key: "\($prefix).\(.[1]).#", arguments: {}})}' >"$definitions"
  rmq import_definitions "$definitions" >/dev/null
}

# broker_asks_cluster_service URL SECRET [CA]: agents log in with their key and the broker asks cluster-service at URL
# (its /internal/broker endpoints, under the services' SECRET, which cluster-service requires) what each may do; the
# services' own user stays the broker's internal one, checked first. An https URL is checked against CA, a PEM file
# (the tests' internal TLS). Set at runtime: the URL and the secret are the running platform's, and the tests point
# their broker at each cluster-service they start.
broker_asks_cluster_service() {
  local url=$1/internal/broker/$2 ssl="[]"
  [[ -n ${3:-} ]] && ssl="[{cacertfile, \"$3\"}, {verify, verify_peer}, {depth, 2}]"
  rmq eval "
    [application:set_env(rabbitmq_auth_backend_http, Key, Value) || {Key, Value} <- [{http_method, post},
      {user_path, \"$url/user\"}, {vhost_path, \"$url/vhost\"}, {resource_path, \"$url/resource\"}, {topic_path, \"$url/topic\"},
      {ssl_options, $ssl}]],
    application:set_env(rabbit, auth_backends, [rabbit_auth_backend_internal, rabbit_auth_backend_http])." >/dev/null
}

# metrics_queue_bound PREFIX: metric batches wait in their queue while InfluxDB or metrics-service is away, up to a
# bound (LOLIGO_METRICS_QUEUE_BYTES, 1 GiB). Beyond it the broker drops the oldest batches into PREFIX.metrics.dropped,
# where metrics-service counts and logs them. Refusing new batches instead (overflow reject-publish) would be kinder,
# but RabbitMQ 3.10's AMQP 1.0 plugin closes the publisher's connection on the refusal.
metrics_queue_bound() {
  local queue="$1.metrics"
  rmq set_policy --apply-to queues "$1-metrics-bound" "^${queue//./\\.}\$" \
    "$(jq -cn --argjson bytes "${LOLIGO_METRICS_QUEUE_BYTES:-1073741824}" --arg dropped "$queue.dropped" \
      '{"max-length-bytes": $bytes, "dead-letter-exchange": "", "dead-letter-routing-key": $dropped}')" >/dev/null
  rmq set_policy --apply-to queues "$1-metrics-dropped-bound" "^${queue//./\\.}\\.dropped\$" '{"max-length":100000}' >/dev/null
}

# broker_bounds_messages: the broker refuses a message past LOLIGO_MAX_MESSAGE_BYTES (32 MiB) before any service
# holds it in memory. The largest a platform sends is a compressed map of a few megabytes; the receivers bound
# each message type further (loligo.broker.*-max-bytes). Connections opened from now on take the bound.
broker_bounds_messages() {
  rmq eval "application:set_env(rabbit, max_message_size, ${LOLIGO_MAX_MESSAGE_BYTES:-33554432})." >/dev/null
}

# rabbit_amqp1_ready PORT: the node runs its AMQP 1.0 plugin and takes connections on PORT.
rabbit_amqp1_ready() {
  rmq eval 'lists:keymember(rabbitmq_amqp1_0, 1, application:which_applications()).' 2>/dev/null | grep -qx true \
    && (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
