# RabbitMQ with the AMQP 1.0 plugin. The CI image starts RabbitMQ before us; a fresh machine may not.

rabbit_running() { rabbitmq-diagnostics -q check_running >/dev/null 2>&1; }

rabbitmq_up() {
  if ! rabbitmq-plugins list -e -m 2>/dev/null | grep -qx rabbitmq_amqp1_0; then
    log "enabling RabbitMQ's AMQP 1.0 plugin"
    if rabbit_running; then rabbitmq-plugins enable rabbitmq_amqp1_0 >/dev/null
    else rabbitmq-plugins enable --offline rabbitmq_amqp1_0 >/dev/null; fi
  fi
  if ! rabbit_running; then
    log "starting RabbitMQ"
    rabbitmq-server -detached
    # await_startup fails before the node registers with epmd; poll instead
    wait_until 60 "RabbitMQ" rabbit_running
  fi
  wait_until 30 "RabbitMQ's AMQP 1.0 listener" rabbit_amqp1_ready
  # Private queues behind /topic/ and /exchange/ sources are neither exclusive nor auto-delete on 3.10:
  # without this policy every vanished subscriber would leave a queue that fills with heartbeats forever.
  rabbitmqctl -q set_policy --apply-to queues loligo-private-queue-expiry '^amq\.gen-' '{"expires":60000,"message-ttl":60000}' >/dev/null
  # the platform's prefix, the one of the services' own tests, and the one of the system tests
  local prefix
  for prefix in loligo loligo-test loligo-systest; do metrics_queue_bound "$prefix"; done
}

# metrics_queue_bound PREFIX: metric batches wait in their queue while InfluxDB or metrics-service is away, up to a
# bound (LOLIGO_METRICS_QUEUE_BYTES, 1 GiB). Beyond it the broker drops the oldest batches into PREFIX.metrics.dropped,
# where metrics-service counts and logs them. Refusing new batches instead (overflow reject-publish) would be kinder,
# but RabbitMQ 3.10's AMQP 1.0 plugin closes the publisher's connection on the refusal.
metrics_queue_bound() {
  local queue="$1.metrics"
  rabbitmqctl -q set_policy --apply-to queues "$1-metrics-bound" "^${queue//./\\.}\$" \
    "{\"max-length-bytes\":${LOLIGO_METRICS_QUEUE_BYTES:-1073741824},\"dead-letter-exchange\":\"\",\"dead-letter-routing-key\":\"$queue.dropped\"}" >/dev/null
  rabbitmqctl -q set_policy --apply-to queues "$1-metrics-dropped-bound" "^${queue//./\\.}\\.dropped\$" '{"max-length":100000}' >/dev/null
}

rabbit_amqp1_ready() { rabbitmq-plugins list -E -m 2>/dev/null | grep -qx rabbitmq_amqp1_0 && (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
