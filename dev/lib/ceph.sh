# shellcheck shell=bash
# A real throwaway Ceph cluster on loopback: 1 mon, 1 mgr, 3 bluestore OSDs on sparse files, cephx on, and the layers
# above RADOS: a pool `rbd` with the image `lab-disk`, an MDS serving the CephFS file system `cephfs` with the subvolume
# `lab-share`, and an RGW with the user `lab` and its bucket `lab-bucket`.
# Two instances, like the brokers and InfluxDB: the platform's (mon on 40000-40001, RGW on 40010, the other daemons
# on 40100-40199), and the tests' own (40200-40201, RGW on 40210, 40300-40399), whose mon and mgr the tests stop at
# will without a platform from dev/up noticing. Ports stay clear of Ceph's defaults. ceph_instance chooses; every
# function below acts on the chosen one.

CEPH_OSD_COUNT=3

# ceph_instance platform|tests
ceph_instance() {
  CEPH_INSTANCE=$1
  if [[ $CEPH_INSTANCE == tests ]]; then
    CEPH_DIR="$LOLIGO_STATE/ceph-tests" CEPH_MON_PORT=$CEPH_MON_PORT_TESTS
    CEPH_BIND_MIN=${CEPH_BIND_TESTS%-*} CEPH_BIND_MAX=${CEPH_BIND_TESTS#*-}
  else
    CEPH_DIR="$LOLIGO_STATE/ceph" CEPH_MON_PORT=$CEPH_MON_PORT_PLATFORM
    CEPH_BIND_MIN=${CEPH_BIND_PLATFORM%-*} CEPH_BIND_MAX=${CEPH_BIND_PLATFORM#*-}
  fi
  CEPH_RGW_PORT=$((CEPH_MON_PORT + 10))
  CEPH_CONF_FILE="$CEPH_DIR/ceph.conf"
  CEPH_ADMIN_KEYRING="$CEPH_DIR/ceph.client.admin.keyring"
}
ceph_instance "${CEPH_INSTANCE:-platform}"

# the pools an RGW of the default zone uses, made beforehand with few PGs: on its own it makes each with
# osd_pool_default_pg_num (32), 224 PGs on three OSDs
CEPH_RGW_POOLS=(.rgw.root default.rgw.log default.rgw.control default.rgw.meta default.rgw.buckets.index
  default.rgw.buckets.data default.rgw.buckets.non-ec)

ceph_rgw_url() { echo "http://127.0.0.1:$CEPH_RGW_PORT"; }

ceph_mon_addr() { echo "[v2:127.0.0.1:$CEPH_MON_PORT,v1:127.0.0.1:$((CEPH_MON_PORT + 1))]"; }

ceph_cli() { ceph --conf "$CEPH_CONF_FILE" --connect-timeout 10 "$@"; }

ceph_write_conf() {
  local fsid=$1
  mkdir -p "$CEPH_DIR"/{run,log,crash}
  cat >"$CEPH_CONF_FILE" <<EOF
[global]
fsid = $fsid
mon_initial_members = a
mon_host = $(ceph_mon_addr)
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv4 = true
ms_bind_ipv6 = false
ms_bind_port_min = $CEPH_BIND_MIN
ms_bind_port_max = $CEPH_BIND_MAX
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
auth_allow_insecure_global_id_reclaim = false
run_dir = $CEPH_DIR/run
admin_socket = $CEPH_DIR/run/\$cluster-\$name.asok
pid_file = $CEPH_DIR/run/\$cluster-\$name.pid
log_file = $CEPH_DIR/log/\$cluster-\$name.log
crash_dir = $CEPH_DIR/crash
mon_cluster_log_file = $CEPH_DIR/log/\$cluster.log
keyring = $CEPH_DIR/\$cluster.\$name.keyring
# one host: the failure domain is the OSD
osd_crush_chooseleaf_type = 0
osd_pool_default_size = 3
osd_pool_default_min_size = 2
# deterministic pg_num for tests
osd_pool_default_pg_autoscale_mode = off
mon_allow_pool_delete = true
mon_max_pg_per_osd = 500
# map changes land in ~50 ms instead of ~1 s
paxos_propose_interval = 0.05
# shared CI disks often sit below the default 30 % free
mon_data_avail_warn = 5
# 'restful' fails to load on bookworm (PyO3 sub-interpreter limit) and turns health to WARN
mgr_initial_modules = iostat nfs
[client]
# one socket per client process (Ceph's default form): the agent and each CLI call must not fight over one path
admin_socket = $CEPH_DIR/run/\$cluster-\$name.\$pid.\$cctid.asok
[mon]
mon_data = $CEPH_DIR/mon.\$id
keyring = $CEPH_DIR/mon.\$id/keyring
[mgr]
mgr_data = $CEPH_DIR/mgr.\$id
keyring = $CEPH_DIR/mgr.\$id/keyring
[osd]
osd_data = $CEPH_DIR/osd.\$id
keyring = $CEPH_DIR/osd.\$id/keyring
osd_objectstore = bluestore
bluestore_block_create = true
bluestore_block_size = 10737418240
osd_memory_target = 939524096
[mds]
mds_data = $CEPH_DIR/mds.\$id
keyring = $CEPH_DIR/mds.\$id/keyring
[client.rgw.a]
# a daemon: one socket under its own name, as the agent finds daemons, not the per-process form of [client]
admin_socket = $CEPH_DIR/run/\$cluster-\$name.asok
rgw_frontends = beast endpoint=127.0.0.1:$CEPH_RGW_PORT
rgw_data = $CEPH_DIR/rgw.a
keyring = $CEPH_DIR/rgw.a/keyring
rgw_enable_usage_log = true
# 512 by default: 600 threads for a lab that serves a few tests
rgw_thread_pool_size = 32
EOF
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ceph_bootstrap() {
  port_taken "$CEPH_MON_PORT" && die "port $CEPH_MON_PORT, the local cluster's mon port, is taken: another checkout's cluster? (./dev/down there)"
  log "creating a new Ceph cluster ($CEPH_INSTANCE) in $CEPH_DIR"
  rm -rf "$CEPH_DIR"
  local fsid; fsid=$(uuidgen)
  ceph_write_conf "$fsid"
  local init="$CEPH_DIR/bootstrap"
  mkdir -p "$init"
  ceph-authtool --create-keyring "$init/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool --create-keyring "$CEPH_ADMIN_KEYRING" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mds 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$init/mon.keyring" --import-keyring "$CEPH_ADMIN_KEYRING" >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "$(ceph_mon_addr)" "$init/monmap" >/dev/null
  ceph-mon --conf "$CEPH_CONF_FILE" --mkfs -i a --monmap "$init/monmap" --keyring "$init/mon.keyring" >/dev/null 2>&1 \
    || die "ceph-mon --mkfs failed"
  ceph-mon --conf "$CEPH_CONF_FILE" -i a 2>>"$CEPH_DIR/log/startup.log"
  wait_until 30 "the Ceph monitor" ceph_cli mon stat

  mkdir -p "$CEPH_DIR/mgr.x"
  ceph_cli auth get-or-create mgr.x mon 'allow profile mgr' osd 'allow *' mds 'allow *' -o "$CEPH_DIR/mgr.x/keyring" >/dev/null
  ceph-mgr --conf "$CEPH_CONF_FILE" -i x 2>>"$CEPH_DIR/log/startup.log"

  local id uuid key
  for _ in $(seq "$CEPH_OSD_COUNT"); do
    uuid=$(uuidgen); key=$(ceph-authtool --gen-print-key)
    jq -n --arg key "$key" '{cephx_secret: $key}' >"$init/osd-secret.json"
    id=$(ceph_cli osd new "$uuid" -i "$init/osd-secret.json")
    mkdir -p "$CEPH_DIR/osd.$id"
    ceph-authtool --create-keyring "$CEPH_DIR/osd.$id/keyring" --name "osd.$id" --add-key "$key" >/dev/null
    echo "$uuid" >"$CEPH_DIR/osd.$id/bootstrap-uuid"
  done
  rm -f "$init/osd-secret.json"
  # mkfs is CPU-bound for ~5 s per OSD: run them side by side
  local mkfs_jobs=()
  for dir in "$CEPH_DIR"/osd.*; do
    id=${dir##*.}
    ( ceph-osd --conf "$CEPH_CONF_FILE" -i "$id" --mkfs --osd-uuid "$(cat "$dir/bootstrap-uuid")" >/dev/null 2>&1 \
        && ceph-osd --conf "$CEPH_CONF_FILE" -i "$id" 2>>"$CEPH_DIR/log/startup.log" ) &
    mkfs_jobs+=($!)
  done
  # only these: a bare wait would also wait for InfluxDB, started in the background earlier
  wait "${mkfs_jobs[@]}" || die "an OSD failed to initialise (see $CEPH_DIR/log)"
  wait_until 120 "3 OSDs up" ceph_osds_up
  ceph_cli osd pool create lab 32 32 replicated >/dev/null 2>&1
  ceph_cli osd pool application enable lab rados >/dev/null 2>&1
  rm -rf "$init"
}

# The MDS and its file system, the RGW and its pools, the rbd pool and its image, for a cluster that lacks them (also
# one made before they were part of the lab), then every daemon started.
ceph_storage_up() {
  local started=$SECONDS
  if [[ ! -f $CEPH_DIR/mds.a/keyring ]]; then
    mkdir -p "$CEPH_DIR/mds.a"
    ceph_cli auth get-or-create mds.a mon 'allow profile mds' mgr 'allow profile mds' mds 'allow *' osd 'allow rwx' \
      -o "$CEPH_DIR/mds.a/keyring" >/dev/null
  fi
  if [[ ! -f $CEPH_DIR/rgw.a/keyring ]]; then
    local pool
    for pool in "${CEPH_RGW_POOLS[@]}"; do
      ceph_cli osd pool create "$pool" 8 8 replicated >/dev/null 2>&1 || die "could not create the RGW's pool $pool"
      ceph_cli osd pool application enable "$pool" rgw >/dev/null 2>&1
    done
    mkdir -p "$CEPH_DIR/rgw.a"
    ceph_cli auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' mgr 'allow rw' -o "$CEPH_DIR/rgw.a/keyring" >/dev/null
  fi
  ceph_start_daemons
  if [[ $(ceph_cli fs ls -f json | jq length) == 0 ]]; then
    # as the mgr's `fs volume create` names them, but with 8 PGs each (it gives osd_pool_default_pg_num), and made by the
    # mon, which a cluster restarting here answers before its mgr does
    ceph_cli osd pool create cephfs.cephfs.meta 8 8 replicated >/dev/null 2>&1 || die "could not create CephFS's metadata pool"
    ceph_cli osd pool create cephfs.cephfs.data 8 8 replicated >/dev/null 2>&1 || die "could not create CephFS's data pool"
    ceph_cli fs new cephfs cephfs.cephfs.meta cephfs.cephfs.data >/dev/null 2>&1 || die "could not create the CephFS file system"
    # one MDS and no standby: without this, HEALTH_WARN for the standby the lab does not have
    ceph_cli fs set cephfs standby_count_wanted 0 >/dev/null 2>&1
  fi
  if ! ceph_cli osd pool ls | grep -qx rbd; then
    # block storage as most clusters have it: a pool named rbd, and one image in it
    ceph_cli osd pool create rbd 8 8 replicated >/dev/null 2>&1 || die "could not create the rbd pool"
    ceph_cli osd pool application enable rbd rbd >/dev/null 2>&1
    if ! rbd --conf "$CEPH_CONF_FILE" pool init rbd || ! rbd --conf "$CEPH_CONF_FILE" create --size 1G rbd/lab-disk; then
      die "could not create the lab's RBD image"
    fi
  fi
  # ceph.conf lets the mon delete pools; the mgr's volumes module asks the config database instead
  ceph_cli config set mon mon_allow_pool_delete true >/dev/null 2>&1
  wait_until 60 "the subvolume lab-share of cephfs" ceph_lab_share
  wait_until 60 "the RGW to answer on $(ceph_rgw_url)" curl -sf -o /dev/null "$(ceph_rgw_url)/"
  ceph_rgw_admin_user
  ceph_lab_bucket
  log "the MDS with its file system and subvolume, the RGW and the rbd pool are up ($CEPH_INSTANCE) in $((SECONDS - started)) s"
}

# The RGW user Loligo manages users and buckets as, through the Admin Ops API, with the caps that API asks for (not a
# --system user: its S3 answers are JSON where clients expect XML). Only radosgw-admin can make the first one. Its keys
# go to a file only their owner reads, which dev/up and the tests hand to cluster-service as its secret.
ceph_rgw_admin_user() {
  local keys=$CEPH_DIR/rgw.a/loligo-admin.json
  [[ -s $keys ]] && return 0
  (umask 077 && radosgw-admin --conf "$CEPH_CONF_FILE" user create --uid=loligo-admin --display-name="Loligo" \
    --caps="users=*;buckets=*;metadata=*;usage=*;zone=*" 2>/dev/null | jq '.keys[0] | {access_key, secret_key}' >"$keys") \
    || { rm -f "$keys"; die "could not create the RGW user loligo-admin"; }
}

# A user `lab` with a bucket `lab-bucket` holding one object, made through S3 as a user of the RGW would: every read of
# the API then has a bucket to read
ceph_lab_bucket() {
  local user access secret
  radosgw-admin --conf "$CEPH_CONF_FILE" bucket list 2>/dev/null | jq -e 'index("lab-bucket")' >/dev/null && return 0
  user=$(radosgw-admin --conf "$CEPH_CONF_FILE" user info --uid=lab 2>/dev/null \
    || radosgw-admin --conf "$CEPH_CONF_FILE" user create --uid=lab --display-name="Lab" 2>/dev/null) || die "could not create the RGW user lab"
  access=$(jq -r '.keys[0].access_key' <<<"$user")
  secret=$(jq -r '.keys[0].secret_key' <<<"$user")
  local s3=(s3cmd --config=/dev/null --no-ssl --access_key="$access" --secret_key="$secret" --host="127.0.0.1:$CEPH_RGW_PORT"
    --host-bucket="127.0.0.1:$CEPH_RGW_PORT")
  if ! "${s3[@]}" mb s3://lab-bucket >/dev/null || ! "${s3[@]}" put "$CEPH_CONF_FILE" s3://lab-bucket/ceph.conf >/dev/null; then
    die "could not fill the lab's bucket lab-bucket"
  fi
}

# ceph_rgw_admin_key access_key|secret_key
ceph_rgw_admin_key() { jq -r ".$1" "$CEPH_DIR/rgw.a/loligo-admin.json"; }

# A subvolume with a 1 GiB quota, as CSI drivers and Manila make them. The mgr's volumes module mounts the file system
# for it, so it is tried until the MDS is active.
ceph_lab_share() {
  ceph_cli fs subvolume ls cephfs -f json 2>/dev/null | jq -e 'map(.name) | index("lab-share")' >/dev/null \
    || ceph_cli fs subvolume create cephfs lab-share --size 1073741824 >/dev/null 2>&1
}

# every OSD of the map up but those destroyed (waiting for a replacement): the three the lab began with, and those
# made since through Loligo
ceph_osds_up() {
  ceph_cli osd dump -f json | jq -e '[.osds[] | select(.state | index("destroyed") | not)] | all(.up == 1)' >/dev/null
}

# ceph_osd_gone ID: whether the OSD map holds osd.ID no more, or as destroyed: its data directory is a leftover (a
# destroy that did not get to wipe it), not a daemon to start. Says so.
ceph_osd_gone() {
  ceph_cli osd dump -f json | jq -e --argjson id "$1" '[.osds[] | select(.osd == $id and (.state | index("destroyed") | not))] | length == 0' \
    >/dev/null || return 1
  log "osd.$1 is destroyed or purged: its directory is left alone (dev/loligo ceph-osd $CEPH_INSTANCE zap $1 removes it)"
}

# ceph_device_add NAME [GIB]: a spare disk for the lab's host, as an operator plugs one in: a sparse file under
# $CEPH_DIR/devices (10 GiB unless asked), which the agent lists beside lsblk's devices. Prints its path.
ceph_device_add() {
  [[ $1 =~ ^[A-Za-z0-9_.-]+$ ]] || die "not a device name: $1"
  [[ ${2:-10} =~ ^[0-9]+$ ]] || die "not a size in GiB: $2"
  mkdir -p "$CEPH_DIR/devices"
  [[ -e $CEPH_DIR/devices/$1 ]] && die "the lab has a device $1 already"
  truncate -s "${2:-10}G" "$CEPH_DIR/devices/$1"
  echo "$CEPH_DIR/devices/$1"
}

# ceph_device_remove NAME: the disk unplugged; refused while an OSD's block is on it.
ceph_device_remove() {
  local device=$CEPH_DIR/devices/$1 dir
  [[ -f $device ]] || die "the lab has no device $1"
  for dir in "$CEPH_DIR"/osd.*; do
    [[ $(readlink "$dir/block" 2>/dev/null) == "$device" ]] && die "${dir##*/} is on $1"
  done
  rm -f "$device"
}

# ceph_osd_create DEVICE [ID]: what ceph-volume lvm create does, on one of the lab's devices: a new OSD in the maps
# (or the destroyed ID again), its data directory with its block on DEVICE, made and started; the same steps as the
# bootstrap's OSDs. Prints the OSD's id.
ceph_osd_create() {
  local device=$1 id=${2:-} uuid key secret dir
  [[ -f $device && $device == "$CEPH_DIR/devices/"* && $device != *..* ]] || die "$device is none of the lab's devices ($CEPH_DIR/devices)"
  [[ -z $id || $id =~ ^[0-9]+$ ]] || die "not an OSD id: $id"
  uuid=$(uuidgen); key=$(ceph-authtool --gen-print-key)
  secret=$(scratch_file)
  jq -n --arg key "$key" '{cephx_secret: $key}' >"$secret"
  id=$(ceph_cli osd new "$uuid" ${id:+"$id"} -i "$secret") || die "ceph osd new refused"
  dir=$CEPH_DIR/osd.$id
  rm -rf "$dir"
  mkdir -p "$dir"
  ceph-authtool --create-keyring "$dir/keyring" --name "osd.$id" --add-key "$key" >/dev/null
  ln -s "$device" "$dir/block"
  ceph-osd --conf "$CEPH_CONF_FILE" -i "$id" --mkfs --osd-uuid "$uuid" >>"$CEPH_DIR/log/startup.log" 2>&1 \
    || die "osd.$id could not be made on $device (see $CEPH_DIR/log/startup.log)"
  ceph_daemon_start "osd.$id"
  echo "$id"
}

# ceph_osd_zap ID: what ceph-volume lvm zap does: a stopped OSD's data directory removed and its device's label wiped,
# so that the device is available again.
ceph_osd_zap() {
  local dir=$CEPH_DIR/osd.$1 device size
  [[ $1 =~ ^[0-9]+$ && -d $dir ]] || die "the lab has no osd.$1"
  ceph_daemon_running "osd.$1" && die "osd.$1 still runs: stop it first"
  device=$(readlink "$dir/block" || true)
  # its admin socket too, or the agent would go on listing a stopped osd.$1
  rm -rf "$dir" "$CEPH_DIR/run/ceph-osd.$1.asok"
  if [[ $device == "$CEPH_DIR/devices/"* && -f $device ]]; then
    size=$(stat -c %s "$device")
    truncate -s 0 "$device"
    truncate -s "$size" "$device"
  fi
}

ceph_daemon_running() { pid_alive "$CEPH_DIR/run/ceph-$1.pid"; }

# Both Ceph instances' ports and the system tests' services' sit inside Linux's ephemeral range (32768-60999): an
# outgoing connection can take one as its source port just before a daemon or a service binds it (seen: the mon's
# 40000, a test agent's port). Reserved, they are never handed out so. Only root may reserve them; others live with
# the rare race.
ceph_reserve_ports() {
  local reserved=/proc/sys/net/ipv4/ip_local_reserved_ports current
  current=$(<"$reserved")
  [[ ,$current, == *",$LAB_PORTS,"* ]] && return 0
  echo "${current:+$current,}$LAB_PORTS" 2>/dev/null >"$reserved" || true
}

ceph_start_daemons() {
  local startup_log="$CEPH_DIR/log/startup.log" id
  ceph_reserve_ports
  if ! ceph_daemon_running mon.a; then
    port_taken "$CEPH_MON_PORT" && die "port $CEPH_MON_PORT, the local cluster's mon port, is taken: another checkout's cluster? (./dev/down there)"
    ceph-mon --conf "$CEPH_CONF_FILE" -i a 2>>"$startup_log" || die "ceph-mon did not start (see $CEPH_DIR/log)"
  fi
  ceph_daemon_running mgr.x || ceph-mgr --conf "$CEPH_CONF_FILE" -i x 2>>"$startup_log" || die "ceph-mgr did not start (see $CEPH_DIR/log)"
  for dir in "$CEPH_DIR"/osd.*; do
    id=${dir##*.}
    ceph_daemon_running "osd.$id" || ceph-osd --conf "$CEPH_CONF_FILE" -i "$id" 2>>"$startup_log" || ceph_osd_gone "$id" \
      || die "ceph-osd $id did not start (see $CEPH_DIR/log)"
  done
  if [[ -f $CEPH_DIR/mds.a/keyring ]] && ! ceph_daemon_running mds.a; then
    ceph-mds --conf "$CEPH_CONF_FILE" -i a 2>>"$startup_log" || die "ceph-mds did not start (see $CEPH_DIR/log)"
  fi
  if [[ -f $CEPH_DIR/rgw.a/keyring ]] && ! ceph_daemon_running client.rgw.a; then
    radosgw --conf "$CEPH_CONF_FILE" -n client.rgw.a 2>>"$startup_log" || die "radosgw did not start (see $CEPH_DIR/log)"
  fi
}

ceph_health_ok() {
  local status; status=$(ceph_cli status -f json) || return 1
  [[ $(jq -r .health.status <<<"$status") == HEALTH_OK ]] || return 1
  # every PG active+clean
  jq -e '.pgmap.num_pgs > 0 and ([.pgmap.pgs_by_state[] | select(.state_name == "active+clean") | .count] | add) == .pgmap.num_pgs' <<<"$status" >/dev/null
}

ceph_up() {
  local started=$SECONDS
  if [[ -f $CEPH_DIR/mon.a/kv_backend ]]; then
    # rewritten from the template, so that changes to it reach clusters created before them
    ceph_write_conf "$(awk '$1 == "fsid" { print $3 }' "$CEPH_CONF_FILE")"
    ceph_start_daemons
  else
    ceph_bootstrap
  fi
  ceph_storage_up
  log "waiting for HEALTH_OK with all PGs active+clean"
  wait_until 180 "Ceph HEALTH_OK" ceph_health_ok
  log "Ceph cluster $(ceph_cli fsid) ($CEPH_INSTANCE) is HEALTH_OK after $((SECONDS - started)) s ($CEPH_CONF_FILE)"
}

ceph_down() {
  local f name
  for f in "$CEPH_DIR"/run/ceph-client.rgw.*.pid "$CEPH_DIR"/run/ceph-mds.*.pid "$CEPH_DIR"/run/ceph-osd.*.pid \
    "$CEPH_DIR"/run/ceph-mgr.*.pid "$CEPH_DIR"/run/ceph-mon.*.pid; do
    [[ -e $f ]] || continue
    name=$(basename "$f" .pid)
    stop_pidfile "$f" "$name"
  done
}

# ceph_daemon_start mon.a|mgr.x|osd.N|mds.a|client.rgw.a: starts one daemon of the lab if it is not running. Its output
# goes to the startup log, never to whoever asked: a daemon holding its caller's pipe would hold its caller up.
ceph_daemon_start() {
  local startup_log="$CEPH_DIR/log/startup.log"
  ceph_daemon_running "$1" && return 0
  case $1 in
    mon.*) ceph-mon --conf "$CEPH_CONF_FILE" -i "${1#mon.}" ;;
    mgr.*) ceph-mgr --conf "$CEPH_CONF_FILE" -i "${1#mgr.}" ;;
    osd.*) ceph-osd --conf "$CEPH_CONF_FILE" -i "${1#osd.}" ;;
    mds.*) ceph-mds --conf "$CEPH_CONF_FILE" -i "${1#mds.}" ;;
    client.rgw.*) radosgw --conf "$CEPH_CONF_FILE" -n "$1" ;;
    *) die "the lab has no daemon $1" ;;
  esac >>"$startup_log" 2>&1 </dev/null || die "$1 did not start (see $CEPH_DIR/log)"
}

# ceph_daemon_stop mon.a|mgr.x|osd.N|mds.a|client.rgw.a: stops one daemon as an operator's restart would (SIGTERM);
# ceph_start_daemons brings back whatever is not running.
ceph_daemon_stop() {
  [[ -f $CEPH_DIR/run/ceph-$1.pid ]] || die "no running $1 in $CEPH_DIR"
  stop_pidfile "$CEPH_DIR/run/ceph-$1.pid" "ceph-$1"
}
