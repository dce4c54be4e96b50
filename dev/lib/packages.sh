# shellcheck shell=bash
# Installs what is missing from Debian's packages. Idempotent: a machine that has them all runs no apt.

LOLIGO_PACKAGES=(
  # the platform's own runtime
  openjdk-17-jdk-headless maven nodejs npm postgresql rabbitmq-server influxdb influxdb-client
  # a real local Ceph cluster with its MDS and RGW, the librados the node-agent binds to and the crushtool it compiles
  # CRUSH maps with
  ceph-mon ceph-mgr ceph-osd ceph-mds radosgw ceph-base ceph-common librados2 python3-rados uuid-runtime
  # udevadm, without which ceph-volume cannot take the host's device inventory
  udev
  # librbd's Python binding, with which bench storage makes its 10,000 images, and libcephfs's, with which the tests
  # hold a CephFS client mounted
  python3-rbd python3-cephfs
  # S3 clients, with which the tests fill buckets as a user of the RGW would, and bench storage makes its 1,000
  s3cmd python3-boto3
  # an Alertmanager and an SMTP server, which Loligo's alerts reach as a site's would
  prometheus-alertmanager python3-aiosmtpd
  # the peer dashboard for side-by-side benchmarks, the browser for UI tests, the load generator, and the linter
  # ./dev/test runs over dev/
  ceph-mgr-dashboard chromium wrk shellcheck
  curl jq
  # kubectl, to render the Kubernetes manifests with its built-in kustomize
  kubernetes-client
)

ensure_packages() {
  local missing=()
  for p in "${LOLIGO_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # node and npm may come from elsewhere than Debian (as on the CI image): accept them when they run.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  # so may kubectl (Debian's is older than the CI image's, and would collide with it)
  if command -v kubectl >/dev/null; then
    missing=("${missing[@]/kubernetes-client}")
  fi
  local wanted=()
  for p in "${missing[@]}"; do [[ -n $p ]] && wanted+=("$p"); done
  ((${#wanted[@]} == 0)) && return 0
  as_root
  log "installing from Debian: ${wanted[*]}"
  apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${wanted[@]}" >"$LOLIGO_STATE/apt.log" 2>&1 \
    || { tail -20 "$LOLIGO_STATE/apt.log"; die "apt-get install failed (full log: $LOLIGO_STATE/apt.log)"; }
}
