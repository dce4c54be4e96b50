// Object storage: the RGW's users and buckets, through the API's Admin Ops client. Changes are answered at once
// with what RGW then holds, so the forms here wait for their answer instead of following a request.
import { useMemo, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { del, get, patch, post, put, query } from '../api/client';
import type { Page, RgwBucket, RgwKey, RgwQuota, RgwQuotaForm, RgwUser, RgwUserForm } from '../api/types';
import { confirmAction } from '../components/actions';
import { DaemonGraphPanel } from '../components/chart';
import { Field, invalidWhen, RefusalNote, useAction, useRefusal } from '../components/form';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { PAGE_SIZE, SearchBox, useListingQuery, useReloadEvery } from '../components/listing';
import { ServerTable, type Column } from '../components/table';
import type { RowData } from '@tanstack/preact-table';
import { type Tab, Tabs } from '../components/tabs';
import { bytes, timeAgo } from '../format';
import { canOperate } from '../session';

const UNITS = { MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 } as const;
type Unit = keyof typeof UNITS;

/** A number when it is one; otherwise the text as typed, for the API to name its field. */
function numberOr(text: string): number | string {
  return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
}

function limit(value: number | string | null | undefined, unit?: (n: number) => string): string {
  if (value === null || value === undefined) return 'no limit';
  return typeof value === 'number' && unit ? unit(value) : String(value);
}

function quotaText(quota: RgwQuota): string {
  if (!quota.enabled) return 'off';
  return `${limit(quota.max_size, bytes)}, ${limit(quota.max_objects)} objects`;
}

const userPath = (fsid: string, uid: string) => clusterPath(fsid, `/object/user/${encodeURIComponent(uid)}`);
const bucketPath = (fsid: string, name: string) => clusterPath(fsid, `/object/bucket/${encodeURIComponent(name)}`);

const userColumns = (fsid: string): Column<RgwUser>[] => [
  { id: 'user_id', header: 'User', accessorKey: 'user_id', cell: ({ row }) => <a href={userPath(fsid, row.original.user_id)}>{row.original.user_id}</a> },
  { id: 'display_name', header: 'Name', accessorKey: 'display_name', cell: ({ row }) => row.original.display_name },
  { id: 'state', header: 'State', enableSorting: false, cell: ({ row }) => (row.original.suspended ? <span class="badge warn">suspended</span> : 'enabled') },
  { id: 'bucket_count', header: 'Buckets', accessorKey: 'bucket_count', cell: ({ row }) => row.original.bucket_count },
  { id: 'objects', header: 'Objects', accessorKey: 'objects', cell: ({ row }) => row.original.objects },
  { id: 'size_bytes', header: 'Stored', accessorKey: 'size_bytes', cell: ({ row }) => bytes(row.original.size_bytes) },
  { id: 'quota', header: 'Quota', enableSorting: false, cell: ({ row }) => quotaText(row.original.user_quota) },
];

const bucketColumns = (fsid: string): Column<RgwBucket>[] => [
  { id: 'name', header: 'Bucket', accessorKey: 'name', cell: ({ row }) => <a href={bucketPath(fsid, row.original.name)}>{row.original.name}</a> },
  { id: 'owner', header: 'Owner', accessorKey: 'owner', cell: ({ row }) => <a href={userPath(fsid, row.original.owner)}>{row.original.owner}</a> },
  { id: 'objects', header: 'Objects', accessorKey: 'objects', cell: ({ row }) => row.original.objects },
  { id: 'size_bytes', header: 'Stored', accessorKey: 'size_bytes', cell: ({ row }) => bytes(row.original.size_bytes) },
  { id: 'quota', header: 'Quota', enableSorting: false, cell: ({ row }) => quotaText(row.original.quota) },
  { id: 'created_at', header: 'Created', accessorKey: 'created_at', cell: ({ row }) => <span title={row.original.created_at ?? ''}>{timeAgo(row.original.created_at)}</span> },
];

/** One server-side table of the RGW's users or buckets, with its search, order and page in the URL. */
function Listing<T extends RowData>({ fsid, kind, label, columns, rowId, defaultOrdering, filters }: {
  fsid: string; kind: 'user' | 'bucket'; label: string; columns: Column<T>[]; rowId: (row: T) => string; defaultOrdering: string;
  filters?: Record<string, string | undefined>;
}) {
  const listing = useListingQuery(defaultOrdering);
  const params = listing.apiQuery(filters);
  // each kind's listing answers its own rows, which this table shows through its columns
  const rows = useLoad(() => (kind === 'user' ? get('/cluster/{fsid}/rgw/user', { path: { fsid }, query: params })
    : get('/cluster/{fsid}/rgw/bucket', { path: { fsid }, query: params })) as Promise<unknown> as Promise<Page<T>>, [fsid, kind, query(params)]);
  // buckets fill with their clients' writes, which no live update announces
  useReloadEvery(rows);

  return (
    <>
      <div class="filters" role="search"><SearchBox listing={listing} placeholder={`${kind} name…`} /></div>
      <Async loaded={rows} empty={(data) => (data.count === 0 ? `No ${kind} matches.` : undefined)}>
        {(data) => (
          <ServerTable<T> label={label} columns={columns} rows={data.results} rowCount={data.count} rowId={rowId}
                          ordering={listing.ordering} onOrdering={(next) => listing.go({ ordering: next, page: undefined })}
                          page={listing.page} pageSize={PAGE_SIZE} onPage={(next) => listing.go({ page: next })} />
        )}
      </Async>
    </>
  );
}

/** The secret of a key just made: shown once, as the API gives it only in that answer. */
function NewKeyNote({ created }: { created: RgwKey | undefined }) {
  if (!created) return null;
  return (
    <div class="notice" role="status" aria-label="New key">
      <p>Key made for <strong>{created.user}</strong>. Copy its secret now: Loligo will not show it again.</p>
      <dl class="fields"><dt>Access key</dt><dd class="mono">{created.access_key}</dd><dt>Secret key</dt><dd class="mono">{created.secret_key}</dd></dl>
    </div>
  );
}

function NewUserForm({ fsid, done }: { fsid: string; done: (created: RgwKey) => void }) {
  const [form, setForm] = useState({ user_id: '', display_name: '', email: '', max_buckets: '1000' });
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const set = (field: keyof typeof form) => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });
  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    const body: RgwUserForm = { user_id: form.user_id, display_name: form.display_name, max_buckets: numberOr(form.max_buckets) };
    if (form.email) body.email = form.email;
    try {
      const created = await post('/cluster/{fsid}/rgw/user', { path: { fsid }, body });
      done(created.key);
    } catch (failure) {
      refusal.refuse(failure);
    } finally {
      setBusy(false);
    }
  };
  const field = (id: keyof typeof form, label: string, hint?: string) => (
    <Field id={`rgw-${id}`} label={label} error={refusal.forField(id)} hint={hint}>
      <input id={`rgw-${id}`} value={form[id]} autocomplete="off" onInput={set(id)} {...invalidWhen(refusal.forField(id), `rgw-${id}`)} />
    </Field>
  );
  return (
    <form aria-label="New user" onSubmit={create} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        {field('user_id', 'User id')}
        {field('display_name', 'Display name')}
        {field('email', 'E-mail')}
        {field('max_buckets', 'Max buckets', '0 for no limit, -1 for none')}
      </div>
      <div class="buttons"><button type="submit" class="primary" disabled={busy}>Create user</button></div>
    </form>
  );
}

/** The RGW's users and buckets, a tab each. */
export function ObjectStore() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const { query: q } = useLocation();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<RgwKey>();
  const users = useMemo(() => userColumns(fsid), [fsid]);
  const buckets = useMemo(() => bucketColumns(fsid), [fsid]);
  const tabs: Tab<object>[] = [
    {
      key: 'users', label: 'Users',
      render: () => <Listing<RgwUser> fsid={fsid} kind="user" label="RGW users" columns={users} rowId={(user) => user.user_id}
                                      defaultOrdering="user_id" key={created?.access_key} />,
    },
    {
      key: 'buckets', label: 'Buckets',
      render: () => <Listing<RgwBucket> fsid={fsid} kind="bucket" label="RGW buckets" columns={buckets} rowId={(bucket) => bucket.name}
                                        defaultOrdering="name" filters={{ owner: q.owner }} />,
    },
  ];
  return (
    <div>
      <div class="panel-head">
        <h1>Object</h1>
        {canOperate.value && <button type="button" class="primary" onClick={() => setCreating(!creating)}>Create user</button>}
      </div>
      {creating && (
        <section class="panel">
          <NewUserForm fsid={fsid} done={(key) => { setCreated(key); setCreating(false); }} />
        </section>
      )}
      <NewKeyNote created={created} />
      <Tabs label="Object storage" tabs={tabs} props={{}} />
      <DaemonGraphPanel fsid={fsid} graph="rgw_requests" title="RGW requests" unit="req/s" />
    </div>
  );
}

/** A user's or a bucket's quota: a limit left blank is none. */
function QuotaForm({ label, quota, save }: { label: string; quota: RgwQuota; save: (quota: RgwQuotaForm) => Promise<unknown> }) {
  const gib = typeof quota.max_size === 'number' && quota.max_size % UNITS.GiB === 0;
  const [enabled, setEnabled] = useState(!!quota.enabled);
  const [size, setSize] = useState(typeof quota.max_size === 'number' ? String(quota.max_size / UNITS[gib ? 'GiB' : 'MiB']) : '');
  const [unit, setUnit] = useState<Unit>(gib ? 'GiB' : 'MiB');
  const [objects, setObjects] = useState(quota.max_objects === null || quota.max_objects === undefined ? '' : String(quota.max_objects));
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const id = label.toLowerCase().replace(/\W+/g, '-');
  const submitQuota = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    const maxSize = size.trim() === '' ? null : /^\d+(\.\d+)?$/.test(size.trim()) ? Math.round(Number(size) * UNITS[unit]) : size;
    try {
      await save({ enabled, max_size: maxSize, max_objects: objects.trim() === '' ? null : numberOr(objects) });
    } catch (failure) {
      refusal.refuse(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label={label} onSubmit={submitQuota} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        <label><input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} /> Enforced</label>
        <Field id={`${id}-size`} label="Max size" error={refusal.forField('max_size')} hint="blank for no limit">
          <div class="inline">
            <input id={`${id}-size`} value={size} inputMode="decimal" onInput={(event) => setSize(event.currentTarget.value)}
                   {...invalidWhen(refusal.forField('max_size'), `${id}-size`)} />
            <select aria-label="Max size unit" value={unit} onChange={(event) => setUnit(event.currentTarget.value as Unit)}>
              {Object.keys(UNITS).map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </div>
        </Field>
        <Field id={`${id}-objects`} label="Max objects" error={refusal.forField('max_objects')} hint="blank for no limit">
          <input id={`${id}-objects`} value={objects} inputMode="numeric" onInput={(event) => setObjects(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('max_objects'), `${id}-objects`)} />
        </Field>
      </div>
      <div class="buttons"><button type="submit" disabled={busy}>Save {label.toLowerCase()}</button></div>
    </form>
  );
}

function UserSettingsForm({ fsid, user, saved }: { fsid: string; user: RgwUser; saved: () => void }) {
  const [displayName, setDisplayName] = useState(user.display_name);
  const [email, setEmail] = useState(user.email ?? '');
  const [maxBuckets, setMaxBuckets] = useState(String(user.max_buckets));
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    try {
      await patch('/cluster/{fsid}/rgw/user/{uid}', { path: { fsid, uid: user.user_id }, body: { display_name: displayName, email, max_buckets: numberOr(maxBuckets) } });
      saved();
    } catch (failure) {
      refusal.refuse(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label={`Settings of user ${user.user_id}`} onSubmit={save} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        <Field id="user-display-name" label="Display name" error={refusal.forField('display_name')}>
          <input id="user-display-name" value={displayName} onInput={(event) => setDisplayName(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('display_name'), 'user-display-name')} />
        </Field>
        <Field id="user-email" label="E-mail" error={refusal.forField('email')}>
          <input id="user-email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} {...invalidWhen(refusal.forField('email'), 'user-email')} />
        </Field>
        <Field id="user-max-buckets" label="Max buckets" error={refusal.forField('max_buckets')} hint="0 for no limit, -1 for none">
          <input id="user-max-buckets" value={maxBuckets} onInput={(event) => setMaxBuckets(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('max_buckets'), 'user-max-buckets')} />
        </Field>
      </div>
      <div class="buttons"><button type="submit" class="primary" disabled={busy}>Save changes</button></div>
    </form>
  );
}

function SubuserForm({ fsid, user, saved }: { fsid: string; user: RgwUser; saved: () => void }) {
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState('read');
  const refusal = useRefusal();
  const add = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    try {
      await post('/cluster/{fsid}/rgw/user/{uid}/subuser', { path: { fsid, uid: user.user_id }, body: { name, permissions } });
      setName('');
      saved();
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  return (
    <form aria-label="New subuser" onSubmit={add} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <Field id="subuser-name" label="Subuser" error={refusal.forField('name')}>
        <input id="subuser-name" value={name} onInput={(event) => setName(event.currentTarget.value)} {...invalidWhen(refusal.forField('name'), 'subuser-name')} />
      </Field>
      <Field id="subuser-permissions" label="Permissions" error={refusal.forField('permissions')}>
        <select id="subuser-permissions" value={permissions} onChange={(event) => setPermissions(event.currentTarget.value)}>
          {['read', 'write', 'readwrite', 'full'].map((choice) => <option key={choice} value={choice}>{choice}</option>)}
        </select>
      </Field>
      <div class="buttons"><button type="submit">Add subuser</button></div>
    </form>
  );
}

/** Runs a change, showing RGW's refusal in place; a refused change leaves the page as it was. */
export function RgwUserDetail() {
  const { params } = useRoute();
  const { fsid } = params;
  const uid = decodeURIComponent(params.uid);
  const { route } = useLocation();
  const user = useLoad(() => get('/cluster/{fsid}/rgw/user/{uid}', { path: { fsid, uid } }), [fsid, uid]);
  const [created, setCreated] = useState<RgwKey>();
  const { refusal, run } = useAction(user.reload);
  const operate = canOperate.value;
  const back = clusterPath(fsid, '/object');

  const remove = async (data: RgwUser) => {
    const purge = data.bucket_count > 0;
    const confirmed = await confirmAction({
      title: `Delete user ${data.user_id}?`,
      body: purge ? `${data.user_id} owns ${data.bucket_count} bucket(s) holding ${data.objects} object(s) (${bytes(data.size_bytes)}): they are removed with the user, for good.`
        : `The user and its keys are removed; clients using them are refused from then on.`,
      confirmLabel: 'Delete user',
      typed: data.user_id,
    });
    if (confirmed) await run(() => del('/cluster/{fsid}/rgw/user/{uid}', { path: { fsid, uid: data.user_id }, query: { purge_data: purge || undefined } }).then(() => route(back)));
  };
  const revoke = async (key: RgwKey) => {
    if (await confirmAction({ title: `Revoke key ${key.access_key}?`, body: 'Requests signed with it are refused from then on.', confirmLabel: 'Revoke' })) {
      await run(() => del('/cluster/{fsid}/rgw/user/{uid}/key/{access_key}', { path: { fsid, uid, access_key: key.access_key } }));
    }
  };
  const removeSubuser = async (id: string) => {
    const name = id.slice(uid.length + 1);
    if (await confirmAction({ title: `Remove subuser ${id}?`, body: 'The subuser and its keys are removed.', confirmLabel: 'Remove' })) {
      await run(() => del('/cluster/{fsid}/rgw/user/{uid}/subuser/{name}', { path: { fsid, uid, name } }));
    }
  };

  return (
    <div>
      <p><a href={back}>← Object</a></p>
      <Async loaded={user}>
        {(data) => (
          <>
            <div class="panel-head">
              <h1>User {data.user_id} {data.suspended && <span class="badge warn">suspended</span>}</h1>
              {operate && (
                <div class="row-actions">
                  <button type="button" onClick={() => run(() => patch('/cluster/{fsid}/rgw/user/{uid}', { path: { fsid, uid }, body: { suspended: !data.suspended } }))}>
                    {data.suspended ? 'Enable' : 'Suspend'}
                  </button>
                  <button type="button" class="danger" onClick={() => remove(data)}>Delete user</button>
                </div>
              )}
            </div>
            <RefusalNote refusal={refusal} />
            <NewKeyNote created={created} />
            <section class="panel">
              <dl class="fields">
                <dt>Display name</dt><dd>{data.display_name}</dd>
                <dt>E-mail</dt><dd>{data.email ?? '–'}</dd>
                <dt>Max buckets</dt><dd>{data.max_buckets === 0 ? 'no limit' : data.max_buckets}</dd>
                <dt>Buckets</dt><dd><a href={clusterPath(fsid, `/object${query({ tab: 'buckets', owner: data.user_id })}`)}>{data.bucket_count}</a></dd>
                <dt>Stored</dt><dd>{bytes(data.size_bytes)} in {data.objects} objects</dd>
                <dt>User quota</dt><dd>{quotaText(data.user_quota)}</dd>
                <dt>Bucket quota</dt><dd>{quotaText(data.bucket_quota)}</dd>
              </dl>
            </section>
            <section class="panel" aria-labelledby="keys-title">
              <div class="panel-head">
                <h2 id="keys-title">Access keys</h2>
                {operate && <button type="button" onClick={() => run(() => post('/cluster/{fsid}/rgw/user/{uid}/key', { path: { fsid, uid } }).then(setCreated))}>Create key</button>}
              </div>
              <table aria-label="Access keys">
                <thead><tr><th>Access key</th><th>Of</th>{operate && <th>Actions</th>}</tr></thead>
                <tbody>
                  {data.keys.map((key) => (
                    <tr key={key.access_key}>
                      <td class="mono">{key.access_key}</td><td>{key.user}</td>
                      {operate && <td><button type="button" class="danger" aria-label={`Revoke ${key.access_key}`} onClick={() => revoke(key)}>Revoke</button></td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="subusers-title">
              <h2 id="subusers-title">Subusers</h2>
              {data.subusers.length === 0 ? <p class="sub">No subuser.</p> : (
                <table aria-label="Subusers">
                  <thead><tr><th>Subuser</th><th>Permissions</th>{operate && <th>Actions</th>}</tr></thead>
                  <tbody>
                    {data.subusers.map((subuser) => (
                      <tr key={subuser.id}>
                        <td>{subuser.id}</td><td>{subuser.permissions}</td>
                        {operate && <td><button type="button" class="danger" aria-label={`Remove ${subuser.id}`} onClick={() => removeSubuser(subuser.id)}>Remove</button></td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {operate && <SubuserForm fsid={fsid} user={data} saved={user.reload} />}
            </section>
            {operate && (
              <>
                <section class="panel"><h2>Settings</h2><UserSettingsForm fsid={fsid} user={data} saved={user.reload} /></section>
                <section class="panel">
                  <h2>Quotas</h2>
                  <QuotaForm label="User quota" quota={data.user_quota}
                             save={(quota) => put('/cluster/{fsid}/rgw/user/{uid}/quota/{scope}', { path: { fsid, uid, scope: 'user' }, body: quota }).then(user.reload)} />
                  <QuotaForm label="Bucket quota" quota={data.bucket_quota}
                             save={(quota) => put('/cluster/{fsid}/rgw/user/{uid}/quota/{scope}', { path: { fsid, uid, scope: 'bucket' }, body: quota }).then(user.reload)} />
                </section>
              </>
            )}
          </>
        )}
      </Async>
    </div>
  );
}

export function RgwBucketDetail() {
  const { params } = useRoute();
  const { fsid } = params;
  const name = decodeURIComponent(params.name);
  const { route } = useLocation();
  const bucket = useLoad(() => get('/cluster/{fsid}/rgw/bucket/{bucket}', { path: { fsid, bucket: name } }), [fsid, name]);
  const [owner, setOwner] = useState('');
  const { refusal, run } = useAction(bucket.reload);
  const operate = canOperate.value;
  const back = clusterPath(fsid, `/object${query({ tab: 'buckets' })}`);

  const remove = async (data: RgwBucket) => {
    const purge = data.objects > 0;
    const confirmed = await confirmAction({
      title: `Delete bucket ${data.name}?`,
      body: purge ? `Its ${data.objects} object(s) (${bytes(data.size_bytes)}) are removed with it, for good.` : 'The empty bucket is removed.',
      confirmLabel: 'Delete bucket',
      typed: purge ? data.name : undefined,
    });
    if (confirmed) await run(() => del('/cluster/{fsid}/rgw/bucket/{bucket}', { path: { fsid, bucket: data.name }, query: { purge_objects: purge || undefined } }).then(() => route(back)));
  };

  return (
    <div>
      <p><a href={back}>← Buckets</a></p>
      <Async loaded={bucket}>
        {(data) => (
          <>
            <div class="panel-head">
              <h1>Bucket {data.name}</h1>
              {operate && <button type="button" class="danger" onClick={() => remove(data)}>Delete bucket</button>}
            </div>
            <RefusalNote refusal={refusal} />
            <section class="panel">
              <dl class="fields">
                <dt>Owner</dt><dd><a href={userPath(fsid, data.owner)}>{data.owner}</a></dd>
                <dt>Objects</dt><dd>{data.objects}</dd>
                <dt>Stored</dt><dd>{bytes(data.size_bytes)} ({bytes(data.size_actual_bytes)} in whole blocks)</dd>
                <dt>Quota</dt><dd>{quotaText(data.quota)}</dd>
                <dt>Index shards</dt><dd>{data.shards}</dd>
                <dt>Instance id</dt><dd class="mono">{data.instance_id}</dd>
                <dt>Created</dt><dd title={data.created_at ?? ''}>{timeAgo(data.created_at)}</dd>
              </dl>
            </section>
            {operate && (
              <>
                <section class="panel">
                  <h2>Owner</h2>
                  <form aria-label="Change owner" class="inline-form" noValidate onSubmit={(event) => {
                    event.preventDefault();
                    void run(() => patch('/cluster/{fsid}/rgw/bucket/{bucket}', { path: { fsid, bucket: name }, body: { owner } }));
                  }}>
                    <Field id="bucket-owner" label="New owner" error={refusal.forField('owner')}>
                      <input id="bucket-owner" value={owner} placeholder={data.owner} onInput={(event) => setOwner(event.currentTarget.value)}
                             {...invalidWhen(refusal.forField('owner'), 'bucket-owner')} />
                    </Field>
                    <div class="buttons"><button type="submit">Change owner</button></div>
                  </form>
                </section>
                <section class="panel">
                  <h2>Quota</h2>
                  <QuotaForm label="Bucket quota" quota={data.quota} save={(quota) => put('/cluster/{fsid}/rgw/bucket/{bucket}/quota', { path: { fsid, bucket: name }, body: quota }).then(bucket.reload)} />
                </section>
              </>
            )}
          </>
        )}
      </Async>
    </div>
  );
}
