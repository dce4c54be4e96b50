// A file system's subvolume groups and subvolumes: quotas, paths, snapshots, and the forms that change them.
import { useState } from 'preact/hooks';
import { get, query, submit } from '../api/client';
import type { FileSystem, Subvolume } from '../api/types';
import { confirmAction, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { Async, useLoad } from '../components/load';
import { bytes, percent } from '../format';
import { canOperate } from '../session';

const GIB = 2 ** 30;

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
    // GiB as typed; what is not a number goes as typed, for the API to name the field
    if (size) form.size = /^-?\d+(\.\d+)?$/.test(size.trim()) ? Math.round(Number(size) * GIB) : size;
    if (mode) form.mode = mode;
    try {
      const request = await runRequest(`Create subvolume ${fs.name}/${name}`, () => submit('POST', `/cluster/${fsid}/fs/${fs.name}/subvolume`, form));
      if (request?.state === 'error') refusal.refuse(request.error_message ?? 'Ceph refused the subvolume.');
      else setName('');
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  const input = (id: string, label: string, value: string, set: (value: string) => void, field: string, hint?: string) => (
    <Field id={id} label={label} error={refusal.forField(field)} hint={hint}>
      <input id={id} value={value} autocomplete="off" onInput={(event) => set(event.currentTarget.value)} {...invalidWhen(refusal.forField(field), id)} />
    </Field>
  );
  return (
    <form aria-label={`New subvolume of ${fs.name}`} onSubmit={create} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      {input(`subvolume-name-${fs.id}`, 'New subvolume', name, setName, 'name')}
      <Field id={`subvolume-group-${fs.id}`} label="Group" error={refusal.forField('group')}>
        <select id={`subvolume-group-${fs.id}`} value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
          <option value="">none</option>
          {groups.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
      </Field>
      {input(`subvolume-size-${fs.id}`, 'Quota, GiB', size, setSize, 'size', 'empty: none')}
      {input(`subvolume-mode-${fs.id}`, 'Mode', mode, setMode, 'mode', 'octal, as 755')}
      <button type="submit" class="primary">Create subvolume</button>
    </form>
  );
}

function Actions({ fsid, fs, subvolume }: { fsid: string; fs: FileSystem; subvolume: Subvolume }) {
  const path = `/cluster/${fsid}/fs/${fs.name}/subvolume/${encodeURIComponent(subvolume.name)}${query({ group: subvolume.group })}`;
  const label = `${fs.name}/${subvolume.group ? `${subvolume.group}/` : ''}${subvolume.name}`;
  const resize = async () => {
    const typed = window.prompt(`New quota of ${label} in GiB (0 for none)`, subvolume.bytes_quota ? String(subvolume.bytes_quota / GIB) : '0');
    if (typed === null) return;
    const size = /^\d+(\.\d+)?$/.test(typed.trim()) ? Math.round(Number(typed) * GIB) : typed;
    await runRequest(`Set the quota of ${label}`, () => submit('PATCH', path, { size })).catch(() => undefined);
  };
  const snapshot = async () => {
    const name = window.prompt(`Name of the new snapshot of ${label}`);
    if (!name) return;
    const snapshotPath = `/cluster/${fsid}/fs/${fs.name}/subvolume/${encodeURIComponent(subvolume.name)}/snapshot${query({ group: subvolume.group })}`;
    await runRequest(`Snapshot ${label}@${name}`, () => submit('POST', snapshotPath, { name })).catch(() => undefined);
  };
  const remove = async () => {
    if (!await confirmAction({
      title: `Delete subvolume ${label}?`,
      body: `Its files and its ${subvolume.snapshots.length} snapshots are lost, for good.`,
      confirmLabel: 'Delete subvolume', typed: subvolume.name,
    })) return;
    await runRequest(`Delete subvolume ${label}`, () => submit('DELETE', path)).catch(() => undefined);
  };
  return (
    <div class="row-actions">
      <button type="button" aria-label={`Set the quota of ${label}`} onClick={resize}>Quota</button>
      <button type="button" aria-label={`Snapshot ${label}`} onClick={snapshot}>Snapshot</button>
      <button type="button" class="danger" aria-label={`Delete ${label}`} onClick={remove}>Delete</button>
    </div>
  );
}

/** The subvolumes of one file system, read live from the volumes module and again after each request. */
export function Subvolumes({ fsid, fs }: { fsid: string; fs: FileSystem }) {
  const refresh = (update: { fsid?: string | null; type: string }) => update.fsid === fsid && update.type === 'request';
  const subvolumes = useLoad(() => get<Subvolume[]>(`/cluster/${fsid}/fs/${fs.name}/subvolume`), [fsid, fs.name], refresh, 500);
  const groups = useLoad(() => get<{ name: string }[]>(`/cluster/${fsid}/fs/${fs.name}/subvolume_group`), [fsid, fs.name], refresh, 500);
  const operate = canOperate.value;
  return (
    <>
      <h3>Subvolumes</h3>
      <Async loaded={subvolumes} empty={(list) => (list.length ? undefined : 'No subvolume in this file system.')}>
        {(list) => (
          <div class="table-wrap">
            <table aria-label={`Subvolumes of ${fs.name}`}>
              <thead><tr><th>Subvolume</th><th>Group</th><th>Path</th><th>Quota</th><th>Used</th><th>Mode</th><th>Snapshots</th>{operate && <th>Actions</th>}</tr></thead>
              <tbody>
                {list.map((subvolume) => (
                  <tr key={`${subvolume.group}/${subvolume.name}`}>
                    <td>{subvolume.name}</td>
                    <td>{subvolume.group ?? '–'}</td>
                    <td class="mono">{subvolume.path}</td>
                    <td>{subvolume.bytes_quota === null ? 'none' : bytes(subvolume.bytes_quota)}</td>
                    <td>{bytes(subvolume.bytes_used)}{subvolume.bytes_quota ? ` (${percent(subvolume.bytes_used, subvolume.bytes_quota)})` : ''}</td>
                    <td class="mono">{subvolume.mode ?? '–'}</td>
                    <td>{subvolume.snapshots.join(', ') || '–'}</td>
                    {operate && <td><Actions fsid={fsid} fs={fs} subvolume={subvolume} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      {operate && <NewSubvolume fsid={fsid} fs={fs} groups={(groups.data ?? []).map((group) => group.name)} />}
    </>
  );
}
