# shellcheck shell=bash
# InfluxDB 1.6.7 (Debian's), its data under the state directory. Two instances, like the brokers: the platform's on
# 127.0.0.1:18086, and the tests' own on 127.0.0.1:18096, which the tests stop and start at will without a platform
# from dev/up noticing. Every function below acts on the instance INFLUX_INSTANCE names: "platform" or "tests".

INFLUX_INSTANCE=${INFLUX_INSTANCE:-platform}

influx_port() { if [[ $INFLUX_INSTANCE == tests ]]; then echo "$TEST_INFLUX_PORT"; else echo "$INFLUX_PORT"; fi; }
influx_dir() { if [[ $INFLUX_INSTANCE == tests ]]; then echo "$LOLIGO_STATE/influxdb-tests"; else echo "$LOLIGO_STATE/influxdb"; fi; }
influx_ready() { curl -fsS -o /dev/null "http://127.0.0.1:$(influx_port)/ping" 2>/dev/null; }

influxdb_up() {
  if influx_ready; then
    # ours to stop and start again, or another checkout's, which a fault test here could not stop
    pid_alive "$(influx_dir)/influxd.pid" && return 0
    die "port $(influx_port), InfluxDB's ($INFLUX_INSTANCE), is taken by one this checkout did not start: another checkout's? (./dev/clean there)"
  fi
  local dir port
  dir=$(influx_dir) port=$(influx_port)
  mkdir -p "$dir"
  if [[ ! -f $dir/influxdb.conf ]]; then
    # the RPC port (backup and restore) beside the HTTP one
    influxd config 2>/dev/null | awk -v dir="$dir" -v http="$port" -v rpc="$((port + 2))" '
      /^\[/ { section = $0 }
      /^bind-address/ && section == ""       { print "bind-address = \"127.0.0.1:" rpc "\""; next }
      /^  bind-address/ && section == "[http]" { print "  bind-address = \"127.0.0.1:" http "\""; next }
      /^  dir = / && section == "[meta]"   { print "  dir = \"" dir "/meta\""; next }
      /^  dir = / && section == "[data]"   { print "  dir = \"" dir "/data\""; next }
      /^  wal-dir = / && section == "[data]" { print "  wal-dir = \"" dir "/wal\""; next }
      /^  reporting-disabled/ { print "  reporting-disabled = true"; next }
      { print }' >"$dir/influxdb.conf"
  fi
  log "starting InfluxDB ($INFLUX_INSTANCE, port $port)"
  nohup influxd -config "$dir/influxdb.conf" >"$dir/influxd.log" 2>&1 &
  echo $! >"$dir/influxd.pid"
  wait_until 30 "InfluxDB ($INFLUX_INSTANCE)" influx_ready
}

influxdb_down() { stop_pidfile "$(influx_dir)/influxd.pid" "influxd ($INFLUX_INSTANCE)"; }
