import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import type { FileSystem } from '../api/types';
import { DaemonGraphPanel } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { Subvolumes } from './subvolumes';

/** An active rank is healthy; one being replayed or rejoined is on its way; a failed or damaged one is down. */
function rankClass(state: string): 'ok' | 'warn' | 'critical' {
  if (state === 'active') return 'ok';
  return state === 'failed' || state === 'damaged' ? 'critical' : 'warn';
}

function FileSystemPanel({ fsid, fs }: { fsid: string; fs: FileSystem }) {
  return (
    <section class="panel" aria-labelledby={`fs-${fs.id}`}>
      <h2 id={`fs-${fs.id}`}>{fs.name}</h2>
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
      <Subvolumes fsid={fsid} fs={fs} />
    </section>
  );
}

/** The CephFS file systems of the cluster, their ranks and standbys, as the FS map has them. */
export function File() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const fileSystems = useLoad(() => get<FileSystem[]>(`/cluster/${fsid}/fs`), [fsid],
    (update) => update.fsid === fsid && (update.type === 'sync' || update.type === 'health'));
  return (
    <div>
      <h1>File</h1>
      <Async loaded={fileSystems} empty={(list) => (list.length ? undefined : 'No CephFS file system in this cluster.')}>
        {(list) => <>{list.map((fs) => <FileSystemPanel key={fs.id} fsid={fsid} fs={fs} />)}</>}
      </Async>
      <DaemonGraphPanel fsid={fsid} graph="mds_requests" title="MDS client requests" unit="req/s" />
    </div>
  );
}
