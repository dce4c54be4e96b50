# shellcheck shell=bash
# Prometheus Alertmanager (Debian's prometheus-alertmanager), an existing Alertmanager as Loligo's alerts reach one.
# Two instances, like InfluxDB's: the platform's on 127.0.0.1:18093 and the tests' own on 127.0.0.1:18193, each
# acting on the instance AM_INSTANCE names ("platform" or "tests"). It gossips with no peer (an empty
# --cluster.listen-address: its default listens on 0.0.0.0:9094) and notifies nobody: what it holds is read through
# its v2 API, as the tests do.

AM_INSTANCE=${AM_INSTANCE:-platform}

am_port() { if [[ $AM_INSTANCE == tests ]]; then echo "$TEST_AM_PORT"; else echo "$AM_PORT"; fi; }
am_dir() { if [[ $AM_INSTANCE == tests ]]; then echo "$LOLIGO_STATE/alertmanager-tests"; else echo "$LOLIGO_STATE/alertmanager"; fi; }
am_url() { echo "http://127.0.0.1:$(am_port)"; }
am_ready() { curl -fsS -o /dev/null "$(am_url)/-/ready" 2>/dev/null; }

alertmanager_up() {
  if am_ready; then
    pid_alive "$(am_dir)/alertmanager.pid" && return 0
    die "port $(am_port), Alertmanager's ($AM_INSTANCE), is taken by one this checkout did not start: another checkout's? (./dev/clean there)"
  fi
  local dir
  dir=$(am_dir)
  mkdir -p "$dir/data"
  # every alert to one receiver without notifiers, grouped as Ceph's alert set suggests
  cat >"$dir/alertmanager.yml" <<'YAML'
route:
  receiver: held
  group_by: [alertname, fsid]
  group_wait: 1s
  group_interval: 5s
receivers:
  - name: held
YAML
  log "starting Alertmanager ($AM_INSTANCE, $(am_url))"
  nohup prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$(am_port)" --cluster.listen-address= --web.external-url="$(am_url)" \
    >"$dir/alertmanager.log" 2>&1 &
  echo $! >"$dir/alertmanager.pid"
  wait_until 30 "Alertmanager ($AM_INSTANCE)" am_ready
}

alertmanager_down() { stop_pidfile "$(am_dir)/alertmanager.pid" "Alertmanager ($AM_INSTANCE)"; }
