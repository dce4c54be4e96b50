import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { del, get, submit } from '../api/client';
import type { FileSystem, FileSystemClient } from '../api/types';
import { confirmAction, requestForForm, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { canOperate } from '../session';
import { DaemonGraphPanel } from '../components/chart';
import { useReloadEvery } from '../components/listing';
import { Async, useLoad } from '../components/load';
import { Subvolumes } from './subvolumes';

/** An active rank is healthy; one being replayed or rejoined is on its way; a failed or damaged one is down. */
function rankClass(state: string): 'ok' | 'warn' | 'critical' {
  if (state === 'active') return 'ok';
  return state === 'failed' || state === 'damaged' ? 'critical' : 'warn';
}

/** Clients come and go without a live update: the table is read again this often. */
const CLIENTS_REFRESH_MS = 10_000;

/** The clients each active MDS holds a session of; an operator may evict one that hangs or holds others up. */
function Clients({ fsid, fs }: { fsid: string; fs: FileSystem }) {
  const clients = useLoad(() => get('/cluster/{fsid}/fs/{name}/client', { path: { fsid, name: fs.name } }), [fsid, fs.name]);
  const refusal = useRefusal();
  useReloadEvery(clients, CLIENTS_REFRESH_MS);
  const evict = async (client: FileSystemClient) => {
    const confirmed = await confirmAction({
      title: `Evict client.${client.id}?`,
      body: `${client.host ?? 'The client'} loses its session and its capabilities at once, and Ceph refuses its address from then on: `
        + 'its mount fails until it is mounted again.',
      confirmLabel: 'Evict',
    });
    if (!confirmed) return;
    refusal.clear();
    try {
      await del('/cluster/{fsid}/fs/{name}/client/{id}', { path: { fsid, name: fs.name, id: client.id } });
      clients.reload();
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  return (
    <>
      <h3>Clients</h3>
      <RefusalNote refusal={refusal} />
      <Async loaded={clients} empty={(list) => (list.length ? undefined : 'No client has this file system mounted.')}>
        {(list) => (
          <div class="table-wrap">
            <table aria-label={`Clients of ${fs.name}`}>
              <thead><tr><th>Client</th><th>Host</th><th>User</th><th>Mounted</th><th>Caps</th><th>State</th><th>MDS</th>{canOperate.value && <th>Actions</th>}</tr></thead>
              <tbody>
                {list.map((client) => (
                  <tr key={client.id}>
                    <td class="mono" title={client.entity}>client.{client.id}</td>
                    <td>{client.host ?? '–'}</td>
                    <td>{client.user ?? '–'}</td>
                    <td class="mono">{client.mount_root ?? '–'}</td>
                    <td>{client.caps}</td>
                    <td>{client.state}</td>
                    <td>mds.{client.mds} (rank {client.rank})</td>
                    {canOperate.value && (
                      <td><button type="button" class="danger" aria-label={`Evict client.${client.id}`} onClick={() => evict(client)}>Evict</button></td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  );
}

/** A new file system through the mgr's volumes module, its pools named after it. */
function NewFileSystemForm({ fsid }: { fsid: string }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    try {
      if (await requestForForm(refusal, `Create file system ${name}`, () => submit('POST', '/cluster/{fsid}/fs', { path: { fsid }, body: { name } }))) setName('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label="New file system" class="inline-form" onSubmit={create} noValidate>
      <RefusalNote refusal={refusal} />
      <Field id="fs-name" label="New file system" error={refusal.forField('name')} hint="its pools: cephfs.<name>.meta and .data">
        <input id="fs-name" value={name} autocomplete="off" onInput={(event) => setName(event.currentTarget.value)}
               {...invalidWhen(refusal.forField('name'), 'fs-name')} />
      </Field>
      <div class="buttons"><button type="submit" disabled={busy}>Create file system</button></div>
    </form>
  );
}

function FileSystemPanel({ fsid, fs }: { fsid: string; fs: FileSystem }) {
  const remove = async () => {
    const confirmed = await confirmAction({
      title: `Delete file system ${fs.name}?`,
      body: `${fs.name}, its pools ${[fs.metadata_pool, ...fs.data_pools].join(', ')} and every file in them are removed, for good; its clients are cut off.`,
      confirmLabel: 'Delete file system',
      typed: fs.name,
    });
    if (confirmed) await runRequest(`Delete file system ${fs.name}`, () => submit('DELETE', '/cluster/{fsid}/fs/{name}', { path: { fsid, name: fs.name } })).catch(() => undefined);
  };
  return (
    <section class="panel" aria-labelledby={`fs-${fs.id}`}>
      <div class="panel-head">
        <h2 id={`fs-${fs.id}`}>{fs.name}</h2>
        {canOperate.value && <button type="button" class="danger" onClick={remove}>Delete file system</button>}
      </div>
      <p>Metadata in <strong>{fs.metadata_pool}</strong>, data in <strong>{fs.data_pools.join(', ')}</strong>;
        {' '}{fs.max_mds} active MDS wanted, {fs.standby_count_wanted} standby wanted.</p>
      <div class="table-wrap">
        <table aria-label={`Ranks of ${fs.name}`}>
          <thead><tr><th>Rank</th><th>State</th><th>MDS</th><th>Server</th><th>Address</th></tr></thead>
          <tbody>
            {fs.ranks.map((rank) => (
              <tr key={rank.rank}>
                <td>{rank.rank}</td>
                <td><span class={`badge ${rankClass(rank.state)}`}>{rank.state}</span></td>
                <td>{rank.mds ? `mds.${rank.mds.name}` : '–'}</td>
                <td>{rank.mds?.server ?? '–'}</td>
                <td class="mono">{rank.mds?.addr ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{fs.standbys.length === 0 ? 'No standby MDS could take over a rank.'
        : `Standbys: ${fs.standbys.map((mds) => `mds.${mds.name} (${mds.state}${mds.server ? `, ${mds.server}` : ''})`).join(', ')}.`}</p>
      <Clients fsid={fsid} fs={fs} />
      <Subvolumes fsid={fsid} fs={fs} />
    </section>
  );
}

/** The CephFS file systems of the cluster, their ranks and standbys, as the FS map has them. */
export function File() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const fileSystems = useLoad(() => get('/cluster/{fsid}/fs', { path: { fsid } }), [fsid],
    (update) => update.fsid === fsid && (update.type === 'sync' || update.type === 'health'));
  return (
    <div>
      <h1>File</h1>
      {canOperate.value && <NewFileSystemForm fsid={fsid} />}
      <Async loaded={fileSystems} empty={(list) => (list.length ? undefined : 'No CephFS file system in this cluster.')}>
        {(list) => <>{list.map((fs) => <FileSystemPanel key={fs.id} fsid={fsid} fs={fs} />)}</>}
      </Async>
      <DaemonGraphPanel fsid={fsid} graph="mds_requests" title="MDS client requests" unit="req/s" />
    </div>
  );
}
