// The shapes of /api/v3, as the gateway writes them (Calamari's names).

export type Role = 'read-only' | 'operator' | 'administrator';

export interface Me {
  username: string;
  role: Role;
}

export interface Cluster {
  id: string;
  name: string;
  update_time: string;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface HealthCheck {
  severity: string;
  summary: { message: string; count?: number };
  detail?: { message: string }[];
}

export interface Health {
  report: { status: string; checks: Record<string, HealthCheck> };
  cluster_update_time: string;
}

export interface Bucket {
  count: number;
  states: Record<string, number>;
}

export interface Buckets {
  ok: Bucket;
  warn: Bucket;
  critical: Bucket;
}

export interface HealthCounters {
  osd: Buckets;
  pg: Buckets;
  mon: Buckets;
  mds: { total: number; up_in: number; up_not_in: number; not_up_not_in: number };
  pool: { total: number };
}

export interface Space {
  used_bytes: number;
  capacity_bytes: number;
  free_bytes: number;
}

export interface Osd {
  id: number;
  uuid: string;
  up: boolean;
  in: boolean;
  reweight: number;
  server: string | null;
  host: string | null;
  pools: number[];
  valid_commands: string[];
  public_addr: string | null;
  cluster_addr: string | null;
  osd_data: string | null;
  backend_device_node: string | null;
  crush_weight: number;
  primary_affinity: number;
  pg_states: Record<string, number>;
}

export interface Pool {
  id: number;
  name: string;
  size: number;
  min_size: number;
  pg_num: number;
  type: 'replicated' | 'erasure';
  erasure_code_profile: string | null;
  crush_ruleset: number;
  quota_max_bytes: number;
  quota_max_objects: number;
  application: string[];
  full: boolean;
  pg_autoscale_mode: string;
}

/** What a pool form sends: every field optional in a change. */
export interface PoolForm {
  name?: string | null;
  type?: string | null;
  erasure_code_profile?: string | null;
  pg_num?: number | null;
  size?: number | null;
  min_size?: number | null;
  quota_max_bytes?: number | null;
  quota_max_objects?: number | null;
  application?: string | null;
}

export interface PoolStats {
  pool: number;
  name: string;
  num_bytes: number;
  num_objects: number;
  num_rd: number;
  num_rd_kb: number;
  num_wr: number;
  num_wr_kb: number;
  bytes_used: number;
  max_avail: number;
  percent_used: number;
}

export interface Pg {
  id: string;
  pool: string;
  state: string;
  up: number[];
  acting: number[];
  up_primary: number;
  acting_primary: number;
  valid_commands: string[];
  last_scrub_stamp?: string | null;
  last_deep_scrub_stamp?: string | null;
}

export interface Event {
  id: number;
  when: string;
  severity: string;
  message: string;
  fsid: string | null;
  fqdn: string | null;
}

export interface Request {
  id: string;
  state: 'queued' | 'submitted' | 'complete' | 'error' | 'cancelled' | 'unknown';
  error: boolean;
  error_message: string | null;
  headline: string;
  status: string;
  requested_at: string;
  completed_at: string | null;
  fsid: string | null;
  progress: number;
  requested_by: string | null;
  /** in a list, the log's latest lines; log_lines says how many it has in all */
  log: { at: string; message: string }[];
  log_lines: number;
}

export interface Service {
  fsid: string | null;
  type: string;
  id: string;
  running: boolean;
}

export interface Server {
  fqdn: string;
  hostname: string;
  last_contact: string;
  ceph_version: string | null;
  services: Service[];
  late: boolean;
  os: string | null;
}

export interface Series {
  field: string;
  tags: Record<string, string>;
  points: [number, number | null][];
}

export interface Graph {
  from: number;
  until: number;
  resolution: number;
  series: Series[];
}

/** One message of the live stream. */
export interface LiveUpdate {
  type: 'event' | 'request' | 'health' | 'sync' | 'alert' | 'ping';
  fsid: string | null;
  data: unknown;
}

export interface Mon {
  name: string;
  rank: number;
  in_quorum: boolean;
  leader: boolean;
  server: string | null;
  addr: string;
}

export interface ClusterLog {
  entries: { stamp: string; name: string; seq: number; channel: string; priority: string; message: string }[];
}

export interface ConfigOption {
  key: string;
  value: string;
}

export interface CrushStep {
  op: string;
  item?: number | null;
  item_name?: string | null;
  num?: number | null;
  type?: string | null;
}

export interface CrushRule {
  id: number;
  name: string;
  type: number;
  min_size: number;
  max_size: number;
  steps: CrushStep[];
  osd_count: number;
}

export interface CrushNode {
  bucket_type: string;
  name: string;
  id: number;
  weight: number;
  items: { id: number; weight: number; pos: number }[];
}

export interface CrushType {
  id: number;
  name: string;
}

export interface User {
  id: number;
  username: string;
  email: string;
  role: Role;
  created_at: string;
}

export interface Token {
  id: number;
  name: string;
  hint: string;
  token: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface AgentKey {
  id: string;
  status: 'pre' | 'accepted' | 'rejected';
  fingerprint: string;
  fqdn: string | null;
  first_seen: string;
  last_seen: string;
  decided_by: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  source: string;
  method: string;
  path: string;
  body: string | null;
  status: number;
  outcome: string;
  reason: string | null;
  request_id: string | null;
}

/** An RBD image as librbd describes it (`RbdImageView`). */
export interface RbdImage {
  name: string;
  id: string;
  pool: string;
  size: number;
  object_size: number;
  order: number;
  features: string[];
  data_pool: string | null;
  parent: { pool: string; namespace: string; image: string; snapshot: string; in_trash: boolean } | null;
  snapshot_count: number;
  snapshots: RbdSnapshot[];
  watchers: number;
  provisioned_bytes: number;
  used_bytes: number | null;
  created_at: string | null;
}

/** A snapshot of an RBD image (`RbdImageView.Snapshot`). */
export interface RbdSnapshot {
  name: string;
  id: number;
  size: number;
  protected: boolean;
  created_at: string | null;
}

/** An image in a pool's trash (`RbdTrashView`). */
export interface RbdTrashEntry {
  id: string;
  name: string;
  pool: string;
  source: string;
  deleted_at: string;
  deferred_until: string;
}

/** A new RBD image, or the fields of one to change (`RbdForms.Image`). */
export interface RbdImageForm {
  name?: string;
  size?: number | string;
  features?: string[];
  object_size?: number;
  data_pool?: string;
  allow_shrink?: boolean;
}

/** An MDS daemon (`FileSystemView.Daemon`). */
export interface MdsDaemon {
  name: string;
  gid: number;
  state: string;
  addr: string | null;
  server: string | null;
}

/** A CephFS subvolume as the volumes module describes it (`SubvolumeViews.Subvolume`). */
export interface Subvolume {
  name: string;
  group: string | null;
  /** Null while a clone is copied. */
  path: string | null;
  bytes_quota: number | null;
  bytes_used: number;
  mode: string | null;
  data_pool: string | null;
  state: string | null;
  created_at: string | null;
  snapshots: string[];
}

/** A CephFS file system from the FS map (`FileSystemView`). */
export interface FileSystem {
  id: number;
  name: string;
  enabled: boolean;
  max_mds: number;
  standby_count_wanted: number;
  metadata_pool: string;
  data_pools: string[];
  ranks: { rank: number; state: string; mds: MdsDaemon | null }[];
  standbys: MdsDaemon[];
}

/** An RGW user's or bucket's quota (`RgwViews.RgwQuota`); a limit left out is no limit. */
export interface RgwQuota {
  enabled?: boolean;
  max_size?: number | string | null;
  max_objects?: number | string | null;
}

/** An S3 key (`RgwViews.RgwKey`): its secret only in the answer that made it. */
export interface RgwKey {
  user: string;
  access_key: string;
  secret_key?: string;
}

/** An RGW user (`RgwViews.RgwUser`), with its buckets' usage. */
export interface RgwUser {
  user_id: string;
  display_name: string;
  email: string | null;
  suspended: boolean;
  max_buckets: number;
  bucket_count: number;
  objects: number;
  size_bytes: number;
  keys: RgwKey[];
  subusers: { id: string; permissions: string }[];
  user_quota: RgwQuota;
  bucket_quota: RgwQuota;
}

/** A new RGW user, or the fields of one to change (`RgwViews.RgwUserForm`). */
export interface RgwUserForm {
  user_id?: string;
  display_name?: string;
  email?: string;
  max_buckets?: number | string;
  suspended?: boolean;
}

/** An RGW bucket (`RgwViews.RgwBucket`). */
export interface RgwBucket {
  name: string;
  instance_id: string;
  owner: string;
  created_at: string | null;
  shards: number;
  objects: number;
  size_bytes: number;
  size_actual_bytes: number;
  quota: RgwQuota;
}

/** A file system's client session, as the MDS of its rank lists it (`FileSystemClientView`). */
export interface FileSystemClient {
  id: number;
  mds: string;
  rank: number;
  entity: string;
  user: string | null;
  host: string | null;
  mount_root: string | null;
  state: string;
  caps: number;
  version: string | null;
}

/** One block device of a host (`DeviceView`). */
export interface Device {
  path: string;
  name: string;
  type: string | null;
  size_bytes: number;
  rotational: boolean | null;
  read_only: boolean;
  removable: boolean;
  model: string | null;
  serial: string | null;
  vendor: string | null;
  transport: string | null;
  mountpoint: string | null;
  fstype: string | null;
  parent: string | null;
  osds: number[];
  available: boolean | null;
  rejected_reasons: string[];
  availability_from: 'ceph-volume' | 'lsblk' | null;
}

/** What a change would move, by Ceph's osdmaptool on the OSD map now (`MovementPreviewView`). */
export interface MovementPreview {
  osd_map_epoch: number;
  pgs: number;
  pgs_changed: number;
  pgs_moving: number;
  objects: number;
  bytes: number;
  osds: { osd: number; gains: number; loses: number }[];
  moving: string[];
  moving_truncated: boolean;
  computed_ms: number;
}

/** A host's block devices, read from its agent now (`HostDevicesView`). */
export interface HostDevices {
  devices: Device[];
  inventory_read_at: string | null;
  inventory_error: string | null;
}

export interface Alert {
  id: number;
  fingerprint: string;
  fsid: string;
  name: string;
  severity: 'critical' | 'warning' | 'info';
  state: 'pending' | 'firing' | 'resolved';
  labels: Record<string, string>;
  summary: string;
  description: string;
  active_since: string;
  fired_at: string | null;
  resolved_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  silenced_by: string[];
}

export interface Matcher {
  name: string;
  value: string;
  is_regex: boolean;
  is_equal?: boolean | null;
}

export interface Silence {
  id: string;
  matchers: Matcher[];
  starts_at: string;
  ends_at: string;
  created_by: string;
  comment: string;
  state: 'pending' | 'active' | 'expired';
}

export interface Receiver {
  id: number;
  name: string;
  kind: 'alertmanager' | 'webhook' | 'email';
  url: string;
  created_by: string;
  created_at: string;
}

export interface ReceiverTest {
  delivered: boolean;
  detail: string;
}

/** An operator's threshold rule on a metric series. */
export interface AlertRule {
  id: number;
  name: string;
  measurement: string;
  field: string;
  tags: Record<string, string>;
  aggregate: 'mean' | 'max' | 'min';
  window_seconds: number;
  comparison: '>' | '>=' | '<' | '<=';
  threshold: number;
  for_seconds: number;
  severity: 'warning' | 'critical';
  description: string;
  created_by: string;
  created_at: string;
}

/** One measurement of the metrics catalog. */
export interface MetricMeasurement {
  measurement: string;
  kind: 'gauge' | 'counter';
  tags: string[];
  fields: string[];
}
