// A file system's subvolume groups and subvolumes: quotas, paths, snapshots and clones, and the forms that change them.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, query, submit } from '../api/client';
import type { FileSystem, Subvolume } from '../api/types';
import { confirmAction, requestForForm, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal, type Refusal } from '../components/form';
import { PAGE_SIZE, SearchBox, useListingQuery, useReloadEvery } from '../components/listing';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { ServerTable, type Column } from '../components/table';
import { bytes, percent } from '../format';
import { canOperate } from '../session';

const GIB = 2 ** 30;
const requestsOf = (fsid: string) => (update: { fsid?: string | null; type: string }) => update.fsid === fsid && update.type === 'request';

/** A subvolume's path parameters and its group, which every call about it names. */
const subvolumeAt = (fsid: string, fs: string, subvolume: string, group: string | null) =>
  ({ path: { fsid, name: fs, subvolume }, query: { group } });
const subvolumePage = (fsid: string, fs: string, subvolume: Pick<Subvolume, 'name' | 'group'>) =>
  clusterPath(fsid, `/file/${encodeURIComponent(fs)}/subvolume/${encodeURIComponent(subvolume.name)}${query({ group: subvolume.group })}`);
const labelOf = (fs: string, subvolume: { name: string; group: string | null }) => `${fs}/${subvolume.group ? `${subvolume.group}/` : ''}${subvolume.name}`;

/** GiB as typed; what is not a number goes as typed, for the API to name the field. */
function gibibytes(typed: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(typed.trim()) ? Math.round(Number(typed) * GIB) : typed;
}

function TextField({ id, label, value, set, refusal, field, hint }: {
  id: string; label: string; value: string; set: (value: string) => void; refusal: Refusal; field: string; hint?: string;
}) {
  return (
    <Field id={id} label={label} error={refusal.forField(field)} hint={hint}>
      <input id={id} value={value} autocomplete="off" onInput={(event) => set(event.currentTarget.value)} {...invalidWhen(refusal.forField(field), id)} />
    </Field>
  );
}

function GroupSelect({ id, label, value, set, groups, refusal }: {
  id: string; label: string; value: string; set: (value: string) => void; groups: string[]; refusal: Refusal;
}) {
  return (
    <Field id={id} label={label} error={refusal.forField('group')}>
      <select id={id} value={value} onChange={(event) => set(event.currentTarget.value)}>
        <option value="">none</option>
        {groups.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
      </select>
    </Field>
  );
}

function NewSubvolume({ fsid, fs, groups }: { fsid: string; fs: FileSystem; groups: string[] }) {
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [size, setSize] = useState('');
  const [mode, setMode] = useState('');
  const refusal = useRefusal();
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    const form: Record<string, unknown> = { name };
    if (group) form.group = group;
    if (size) form.size = gibibytes(size);
    if (mode) form.mode = mode;
    if (await requestForForm(refusal, `Create subvolume ${labelOf(fs.name, { name, group: group || null })}`,
      () => submit('POST', '/cluster/{fsid}/fs/{name}/subvolume', { path: { fsid, name: fs.name }, body: form }))) setName('');
  };
  return (
    <form aria-label={`New subvolume of ${fs.name}`} onSubmit={create} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <TextField id={`subvolume-name-${fs.id}`} label="New subvolume" value={name} set={setName} refusal={refusal} field="name" />
      <GroupSelect id={`subvolume-group-${fs.id}`} label="Group" value={group} set={setGroup} groups={groups} refusal={refusal} />
      <TextField id={`subvolume-size-${fs.id}`} label="Quota, GiB" value={size} set={setSize} refusal={refusal} field="size" hint="empty: none" />
      <TextField id={`subvolume-mode-${fs.id}`} label="Mode" value={mode} set={setMode} refusal={refusal} field="mode" hint="octal, as 755" />
      <button type="submit" class="primary">Create subvolume</button>
    </form>
  );
}

/** The volume's groups, each removable once empty, and a form for a new one. */
function Groups({ fsid, fs, groups }: { fsid: string; fs: FileSystem; groups: string[] }) {
  const [name, setName] = useState('');
  const [mode, setMode] = useState('');
  const refusal = useRefusal();
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    if (await requestForForm(refusal, `Create subvolume group ${fs.name}/${name}`,
      () => submit('POST', '/cluster/{fsid}/fs/{name}/subvolume_group', { path: { fsid, name: fs.name }, body: mode ? { name, mode } : { name } }))) setName('');
  };
  const remove = async (group: string) => {
    if (!await confirmAction({ title: `Delete subvolume group ${group}?`, body: 'The empty group is removed.', confirmLabel: 'Delete group' })) return;
    refusal.clear();
    await requestForForm(refusal, `Delete subvolume group ${fs.name}/${group}`,
      () => submit('DELETE', '/cluster/{fsid}/fs/{name}/subvolume_group/{group}', { path: { fsid, name: fs.name, group } }));
  };
  return (
    <>
      <h4>Groups</h4>
      <p>{groups.length === 0 ? 'No subvolume group.' : groups.map((group) => (
        <span class="chip" key={group}>{group}
          {canOperate.value && <button type="button" class="link danger" aria-label={`Delete group ${group}`} onClick={() => remove(group)}>×</button>}
        </span>
      ))}</p>
      {canOperate.value && (
        <form aria-label={`New subvolume group of ${fs.name}`} onSubmit={create} noValidate class="inline-form">
          <RefusalNote refusal={refusal} />
          <TextField id={`group-name-${fs.id}`} label="New group" value={name} set={setName} refusal={refusal} field="name" />
          <TextField id={`group-mode-${fs.id}`} label="Group mode" value={mode} set={setMode} refusal={refusal} field="mode" hint="octal, as 755" />
          <button type="submit">Create group</button>
        </form>
      )}
    </>
  );
}

const columns = (fsid: string, fs: string): Column<Subvolume>[] => [
  {
    id: 'name', header: 'Subvolume', accessorKey: 'name',
    cell: ({ row }) => <a href={subvolumePage(fsid, fs, row.original)}>{row.original.name}</a>,
  },
  { id: 'group', header: 'Group', accessorKey: 'group', cell: ({ row }) => row.original.group ?? '–' },
  {
    id: 'state', header: 'State', enableSorting: false,
    cell: ({ row }) => <span class={`badge ${row.original.state === 'complete' ? 'ok' : 'warn'}`}>{row.original.state ?? '–'}</span>,
  },
  { id: 'bytes_quota', header: 'Quota', cell: ({ row }) => (row.original.bytes_quota === null ? 'none' : bytes(row.original.bytes_quota)) },
  {
    id: 'bytes_used', header: 'Used',
    cell: ({ row }) => `${bytes(row.original.bytes_used)}${row.original.bytes_quota ? ` (${percent(row.original.bytes_used, row.original.bytes_quota)})` : ''}`,
  },
  { id: 'snapshots', header: 'Snapshots', enableSorting: false, cell: ({ row }) => row.original.snapshots.length },
  { id: 'path', header: 'Path', enableSorting: false, cell: ({ row }) => <span class="mono">{row.original.path ?? '–'}</span> },
];

/** The subvolumes of one file system, paged by the server, read again after each request and on a timer. */
export function Subvolumes({ fsid, fs }: { fsid: string; fs: FileSystem }) {
  // several file systems share the page: each listing's parameters carry its name
  const listing = useListingQuery('name', `${fs.name}.`);
  const { query: q } = useLocation();
  const group = q[`${fs.name}.group`];
  const listed = listing.apiQuery({ group });
  const subvolumes = useLoad(() => get('/cluster/{fsid}/fs/{name}/subvolume', { path: { fsid, name: fs.name }, query: listed }), [fsid, fs.name, query(listed)], requestsOf(fsid), 500);
  const groups = useLoad(() => get('/cluster/{fsid}/fs/{name}/subvolume_group', { path: { fsid, name: fs.name } }), [fsid, fs.name], requestsOf(fsid), 500);
  useReloadEvery(subvolumes);
  const groupNames = (groups.data ?? []).map((candidate) => candidate.name);
  return (
    <>
      <h3>Subvolumes</h3>
      <div class="filters" role="search">
        <label>Group
          <select value={group ?? ''} onChange={(event) => listing.go({ group: event.currentTarget.value || undefined, page: undefined })}>
            <option value="">all</option>
            {groupNames.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
          </select>
        </label>
        <SearchBox listing={listing} placeholder="subvolume name…" />
      </div>
      <Async loaded={subvolumes} empty={(data) => (data.count === 0 ? 'No subvolume matches.' : undefined)}>
        {(data) => (
          <ServerTable<Subvolume> label={`Subvolumes of ${fs.name}`} columns={columns(fsid, fs.name)} rows={data.results} rowCount={data.count}
                                  rowId={(subvolume) => `${subvolume.group ?? ''}/${subvolume.name}`} ordering={listing.ordering}
                                  onOrdering={(next) => listing.go({ ordering: next, page: undefined })}
                                  page={listing.page} pageSize={PAGE_SIZE} onPage={(next) => listing.go({ page: next })} />
        )}
      </Async>
      {canOperate.value && <NewSubvolume fsid={fsid} fs={fs} groups={groupNames} />}
      <Groups fsid={fsid} fs={fs} groups={groupNames} />
    </>
  );
}

function QuotaForm({ fsid, fs, subvolume }: { fsid: string; fs: string; subvolume: Subvolume }) {
  const [size, setSize] = useState(subvolume.bytes_quota === null ? '0' : String(subvolume.bytes_quota / GIB));
  const refusal = useRefusal();
  const save = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    await requestForForm(refusal, `Set the quota of ${labelOf(fs, subvolume)}`,
      () => submit('PATCH', '/cluster/{fsid}/fs/{name}/subvolume/{subvolume}', { ...subvolumeAt(fsid, fs, subvolume.name, subvolume.group), body: { size: gibibytes(size) } }));
  };
  return (
    <form aria-label={`Quota of ${labelOf(fs, subvolume)}`} onSubmit={save} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <TextField id="subvolume-quota" label="Quota, GiB" value={size} set={setSize} refusal={refusal} field="size" hint="0: none" />
      <button type="submit">Set quota</button>
    </form>
  );
}

function SnapshotForm({ fsid, fs, subvolume }: { fsid: string; fs: string; subvolume: Subvolume }) {
  const [name, setName] = useState('');
  const refusal = useRefusal();
  const take = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    if (await requestForForm(refusal, `Snapshot ${labelOf(fs, subvolume)}@${name}`,
      () => submit('POST', '/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot', { ...subvolumeAt(fsid, fs, subvolume.name, subvolume.group), body: { name } }))) setName('');
  };
  return (
    <form aria-label={`New snapshot of ${labelOf(fs, subvolume)}`} onSubmit={take} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <TextField id="snapshot-name" label="New snapshot" value={name} set={setName} refusal={refusal} field="name" />
      <button type="submit">Take snapshot</button>
    </form>
  );
}

/** A new subvolume of a snapshot's files: a request that follows the volumes module's copy to its end. */
function CloneForm({ fsid, fs, subvolume, snapshot, groups }: { fsid: string; fs: string; subvolume: Subvolume; snapshot: string; groups: string[] }) {
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const refusal = useRefusal();
  const clone = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    const form: Record<string, unknown> = { name };
    if (group) form.group = group;
    if (await requestForForm(refusal, `Clone ${labelOf(fs, subvolume)}@${snapshot} to ${name}`,
      () => submit('POST', '/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot/{snapshot}/clone', {
        path: { fsid, name: fs, subvolume: subvolume.name, snapshot }, query: { group: subvolume.group }, body: form,
      }))) setName('');
  };
  return (
    <form aria-label={`Clone of ${snapshot}`} onSubmit={clone} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <TextField id={`clone-name-${snapshot}`} label="Clone name" value={name} set={setName} refusal={refusal} field="name" />
      <GroupSelect id={`clone-group-${snapshot}`} label="Clone group" value={group} set={setGroup} groups={groups} refusal={refusal} />
      <button type="submit">Clone</button>
    </form>
  );
}

/** One subvolume: where it is mounted from, its quota, its snapshots and their clones, and its removal. */
export function SubvolumeDetail() {
  const { params } = useRoute();
  const { fsid } = params;
  const fs = decodeURIComponent(params.fs);
  const name = decodeURIComponent(params.name);
  const { query: q, route } = useLocation();
  const group = q.group ?? null;
  const subvolume = useLoad(() => get('/cluster/{fsid}/fs/{name}/subvolume/{subvolume}', subvolumeAt(fsid, fs, name, group)), [fsid, fs, name, group], requestsOf(fsid), 500);
  const groups = useLoad(() => get('/cluster/{fsid}/fs/{name}/subvolume_group', { path: { fsid, name: fs } }), [fsid, fs]);
  const [cloning, setCloning] = useState<string>();
  const operate = canOperate.value;
  const back = clusterPath(fsid, '/file');
  const label = labelOf(fs, { name, group });

  const removeSnapshot = async (snapshot: string) => {
    if (!await confirmAction({ title: `Delete snapshot ${label}@${snapshot}?`, body: 'The files as they were then are lost.', confirmLabel: 'Delete snapshot' })) return;
    await runRequest(`Delete snapshot ${label}@${snapshot}`,
      () => submit('DELETE', '/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot/{snapshot}', { path: { fsid, name: fs, subvolume: name, snapshot }, query: { group } })).catch(() => undefined);
  };
  const remove = async (data: Subvolume) => {
    if (!await confirmAction({
      title: `Delete subvolume ${label}?`,
      body: `Its files and its ${data.snapshots.length} snapshots are lost, for good.`,
      confirmLabel: 'Delete subvolume', typed: data.name,
    })) return;
    const request = await runRequest(`Delete subvolume ${label}`, () => submit('DELETE', '/cluster/{fsid}/fs/{name}/subvolume/{subvolume}', subvolumeAt(fsid, fs, name, group))).catch(() => undefined);
    if (request?.state === 'complete') route(back);
  };

  return (
    <div>
      <p><a href={back}>← File</a></p>
      <Async loaded={subvolume}>
        {(data) => (
          <>
            <div class="panel-head">
              <h1>Subvolume {label}</h1>
              {operate && <button type="button" class="danger" onClick={() => remove(data)}>Delete subvolume</button>}
            </div>
            <section class="panel">
              <dl class="fields">
                <dt>State</dt><dd>{data.state ?? '–'}</dd>
                <dt>Path</dt><dd class="mono">{data.path ?? '–'}</dd>
                <dt>Quota</dt><dd>{data.bytes_quota === null ? 'none' : bytes(data.bytes_quota)}</dd>
                <dt>Used</dt><dd>{bytes(data.bytes_used)}{data.bytes_quota ? ` (${percent(data.bytes_used, data.bytes_quota)})` : ''}</dd>
                <dt>Mode</dt><dd class="mono">{data.mode ?? '–'}</dd>
                <dt>Data pool</dt><dd>{data.data_pool ?? '–'}</dd>
                <dt>Created</dt><dd>{data.created_at ?? '–'}</dd>
              </dl>
              {operate && <QuotaForm fsid={fsid} fs={fs} subvolume={data} />}
            </section>
            <section class="panel">
              <h2>Snapshots</h2>
              {data.snapshots.length === 0 ? <p class="empty">No snapshot.</p> : (
                <div class="table-wrap">
                  <table aria-label={`Snapshots of ${label}`}>
                    <thead><tr><th>Snapshot</th>{operate && <th>Actions</th>}</tr></thead>
                    <tbody>
                      {data.snapshots.map((snapshot) => (
                        <tr key={snapshot}>
                          <td>{snapshot}{cloning === snapshot && operate && (
                            <CloneForm fsid={fsid} fs={fs} subvolume={data} snapshot={snapshot} groups={(groups.data ?? []).map((g) => g.name)} />
                          )}</td>
                          {operate && (
                            <td class="row-actions">
                              <button type="button" aria-label={`Clone ${label}@${snapshot}`} onClick={() => setCloning(cloning === snapshot ? undefined : snapshot)}>Clone</button>
                              <button type="button" class="danger" aria-label={`Delete snapshot ${label}@${snapshot}`} onClick={() => removeSnapshot(snapshot)}>Delete</button>
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {operate && <SnapshotForm fsid={fsid} fs={fs} subvolume={data} />}
            </section>
          </>
        )}
      </Async>
    </div>
  );
}
