import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import { Async, useLoad } from '../components/load';

export function Monitors() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const mons = useLoad(() => get('/cluster/{fsid}/mon', { path: { fsid } }), [fsid],
    (update) => update.fsid === fsid && (update.type === 'sync' || update.type === 'health'));
  return (
    <div>
      <h1>Monitors</h1>
      <Async loaded={mons} empty={(list) => (list.length ? undefined : 'No monitor is known yet.')}>
        {(list) => (
          <>
            <p>{list.filter((mon) => mon.in_quorum).length} of {list.length} in quorum;
              leader <strong data-testid="mon-leader">{list.find((mon) => mon.leader)?.name ?? 'none'}</strong>.</p>
            <div class="table-wrap">
              <table aria-label="Monitors">
                <thead><tr><th>Name</th><th>Rank</th><th>Quorum</th><th>Role</th><th>Server</th><th>Address</th></tr></thead>
                <tbody>
                  {list.map((mon) => (
                    <tr key={mon.name}>
                      <td>mon.{mon.name}</td>
                      <td>{mon.rank}</td>
                      <td><span class={`badge ${mon.in_quorum ? 'ok' : 'critical'}`}>{mon.in_quorum ? 'in quorum' : 'out of quorum'}</span></td>
                      <td>{mon.leader ? 'leader' : 'peon'}</td>
                      <td>{mon.server ?? '–'}</td>
                      <td class="mono">{mon.addr}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
