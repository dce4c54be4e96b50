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
  # Metric batches wait in their queue while InfluxDB is away, up to a bound; beyond it the broker refuses new
  # batches, and the agents keep them and log it, rather than the broker filling its disk.
  rabbitmqctl -q set_policy --apply-to queues loligo-metrics-bound '\.metrics$' \
    "{\"max-length-bytes\":${LOLIGO_METRICS_QUEUE_BYTES:-1073741824},\"overflow\":\"reject-publish\"}" >/dev/null
}

rabbit_amqp1_ready() { rabbitmq-plugins list -E -m 2>/dev/null | grep -qx rabbitmq_amqp1_0 && (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
