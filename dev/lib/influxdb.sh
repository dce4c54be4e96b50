# InfluxDB 1.6.7 (Debian's) on 127.0.0.1:18086, its data under the state directory.

INFLUX_DIR="$LOLIGO_STATE/influxdb"
INFLUX_URL="http://127.0.0.1:18086"

influx_ready() { curl -fsS -o /dev/null "$INFLUX_URL/ping" 2>/dev/null; }

influxdb_up() {
  influx_ready && return 0
  mkdir -p "$INFLUX_DIR"
  if [[ ! -f $INFLUX_DIR/influxdb.conf ]]; then
    influxd config 2>/dev/null | awk -v dir="$INFLUX_DIR" '
      /^\[/ { section = $0 }
      /^bind-address/ && section == ""       { print "bind-address = \"127.0.0.1:18088\""; next }
      /^  bind-address/ && section == "[http]" { print "  bind-address = \"127.0.0.1:18086\""; next }
      /^  dir = / && section == "[meta]"   { print "  dir = \"" dir "/meta\""; next }
      /^  dir = / && section == "[data]"   { print "  dir = \"" dir "/data\""; next }
      /^  wal-dir = / && section == "[data]" { print "  wal-dir = \"" dir "/wal\""; next }
      /^  reporting-disabled/ { print "  reporting-disabled = true"; next }
      { print }' >"$INFLUX_DIR/influxdb.conf"
  fi
  log "starting InfluxDB"
  nohup influxd -config "$INFLUX_DIR/influxdb.conf" >"$INFLUX_DIR/influxd.log" 2>&1 &
  echo $! >"$INFLUX_DIR/influxd.pid"
  wait_until 30 "InfluxDB" influx_ready
}

influxdb_down() { stop_pidfile "$INFLUX_DIR/influxd.pid" influxd; }
