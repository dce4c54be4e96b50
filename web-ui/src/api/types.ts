// The shapes of /api/v3: those the OpenAPI document describes are its own schemas, generated into schema.d.ts
// at each build (npm run types); the rest are the free-form or metrics-service answers the document leaves open.

import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * A form as the console sends it: the API's own field names, each left out, null, or a value as the operator typed it
 * (a number the API cannot read goes as typed, so that the API's error names the field).
 */
type Loose<T> = { [K in keyof T]?: T[K] | string | null };

export type Role = 'read-only' | 'operator' | 'administrator';

export interface Me {
  username: string;
  role: Role;
}

export type Cluster = Schemas['ClusterView'];

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

export type Bucket = Schemas['Bucket1'];

export type Buckets = Schemas['Buckets1'];

export type HealthCounters = Schemas['HealthCountersView'];

export type Space = Schemas['Space1'];

export type Osd = Schemas['OsdView'];

export type Pool = Schemas['PoolView'];

/** What a pool form sends: every field optional in a change. */
export type PoolForm = Loose<Schemas['PoolForm']>;

export type PoolStats = Schemas['PoolStats1'];

export type Pg = Schemas['PgView'];

export type Event = Schemas['EventView'];

export type Request = Schemas['RequestView'];

export type Service = Schemas['ServiceView'];

export type Server = Schemas['ServerView'];

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
export type LiveUpdate = Schemas['LiveUpdate'];

export type Mon = Schemas['MonView'];

export type ClusterLog = Schemas['ClusterLog'];

export type ConfigOption = Schemas['ConfigView'];

export type CrushStep = Schemas['Step'];

export type CrushRule = Schemas['Rule1'];

export type CrushNode = Schemas['Node'];

export type CrushType = Schemas['Type'];

export type User = Schemas['UserView'];

export type Token = Schemas['TokenView'];

export type AgentKey = Schemas['KeyView'];

export type AuditEntry = Schemas['AuditView'];

/** An RBD image as librbd describes it (`RbdImageView`). */
export type RbdImage = Schemas['RbdImageView'];

/** A snapshot of an RBD image (`RbdImageView.Snapshot`). */
export type RbdSnapshot = Schemas['Snapshot1'];

/** An image in a pool's trash (`RbdTrashView`). */
export type RbdTrashEntry = Schemas['RbdTrashView'];

/** A new RBD image, or the fields of one to change (`RbdForms.Image`). */
export type RbdImageForm = Loose<Schemas['Image']>;

/** An MDS daemon (`FileSystemView.Daemon`). */
export type MdsDaemon = Schemas['Daemon'];

/** A CephFS subvolume as the volumes module describes it (`SubvolumeViews.Subvolume`). */
export type Subvolume = Schemas['Subvolume'];

/** A CephFS file system from the FS map (`FileSystemView`). */
export type FileSystem = Schemas['FileSystemView'];

/** An RGW user's or bucket's quota (`RgwViews.RgwQuota`); a limit left out is no limit. */
export type RgwQuota = Schemas['RgwQuota'];
export type RgwQuotaForm = Loose<RgwQuota>;

/** An S3 key (`RgwViews.RgwKey`): its secret only in the answer that made it. */
export type RgwKey = Schemas['RgwKey'];

/** An RGW user (`RgwViews.RgwUser`), with its buckets' usage. */
export type RgwUser = Schemas['RgwUser'];

/** A new RGW user, or the fields of one to change (`RgwViews.RgwUserForm`). */
export type RgwUserForm = Loose<Schemas['RgwUserForm']>;

/** An RGW bucket (`RgwViews.RgwBucket`). */
export type RgwBucket = Schemas['RgwBucket'];

/** A file system's client session, as the MDS of its rank lists it (`FileSystemClientView`). */
export type FileSystemClient = Schemas['FileSystemClientView'];

/** One block device of a host (`DeviceView`). */
export type Device = Schemas['DeviceView'];

/** What a change would move, by Ceph's CRUSH on the OSD map now (`MovementPreviewView`). */
export type MovementPreview = Schemas['MovementPreviewView'];

/** A host's block devices, read from its agent now (`HostDevicesView`). */
export type HostDevices = Schemas['HostDevicesView'];

export type Alert = Schemas['Alert'];

export type Matcher = Schemas['Matcher'];

export type Silence = Schemas['Silence'];

export type Receiver = Schemas['Receiver'];

export type ReceiverTest = Schemas['ReceiverTest'];

/** An operator's threshold rule on a metric series. */
export type AlertRule = Schemas['MetricRule'];

/** One measurement of the metrics catalog. */
export interface MetricMeasurement {
  measurement: string;
  kind: 'gauge' | 'counter';
  tags: string[];
  fields: string[];
}

/**
 * The answers the document leaves open (Ceph's free-form JSON, what api-gateway passes on from metrics-service as it
 * comes, an answer built as a response), typed here once by path and method; every other answer has the document's
 * own type.
 */
export interface OpenAnswers {
  '/cluster/{fsid}/health': { get: Health };
  '/cluster/{fsid}/osd': { get: Page<Osd> };
  '/cluster/{fsid}/metrics/{graph}': { get: Graph };
  '/cluster/{fsid}/osd/{osd}/metrics/{graph}': { get: Graph };
  '/cluster/{fsid}/pool/{pool}/metrics/{graph}': { get: Graph };
  '/server/{fqdn}/metrics/{graph}': { get: Graph };
  '/metrics/catalog': { get: MetricMeasurement[] };
  '/auth/login': { post: Me };
  '/user/{id}/token': { post: Token };
}
