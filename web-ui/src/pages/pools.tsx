import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import type { LiveUpdate } from '../api/types';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { bytes } from '../format';
import { canOperate } from '../session';

/** A new or changed pool moves the OSD map; its usage moves with the PG summary. */
export const poolsMayHaveChanged = (fsid: string) => (update: LiveUpdate) => update.fsid === fsid && update.type === 'sync';

export function Pools() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const pools = useLoad(async () => {
    const [list, stats] = await Promise.all([get('/cluster/{fsid}/pool', { path: { fsid } }), get('/cluster/{fsid}/pool/stats', { path: { fsid } })]);
    const byPool = new Map(stats.map((entry) => [entry.pool, entry]));
    return list.map((pool) => ({ pool, stats: byPool.get(pool.id) }));
  }, [fsid], poolsMayHaveChanged(fsid), 1000);
  return (
    <div>
      <div class="panel-head">
        <h1>Pools</h1>
        {canOperate.value && <a class="button primary" href={clusterPath(fsid, '/pool/new')}>Create pool</a>}
      </div>
      <Async loaded={pools} empty={(list) => (list.length ? undefined : 'This cluster has no pool yet.')}>
        {(list) => (
          <div class="table-wrap">
            <table aria-label="Pools">
              <thead>
                <tr><th>Pool</th><th>Type</th><th>Replicas / profile</th><th>PGs</th><th>Usage</th><th>Objects</th>
                  <th>Reads</th><th>Writes</th><th>Applications</th></tr>
              </thead>
              <tbody>
                {list.map(({ pool, stats }) => (
                  <tr key={pool.id}>
                    <td><a href={clusterPath(fsid, `/pool/${pool.id}`)}>{pool.name}</a>{pool.full && <span class="badge critical">full</span>}</td>
                    <td>{pool.type}</td>
                    <td>{pool.type === 'erasure' ? pool.erasure_code_profile : `${pool.size} (min ${pool.min_size})`}</td>
                    <td>{pool.pg_num}</td>
                    <td class="usage">
                      {stats ? (
                        <>
                          <meter min={0} max={1} value={stats.percent_used} high={0.75} optimum={0}
                                 aria-label={`${pool.name} usage`} />
                          <div class="sub">{bytes(stats.bytes_used)} used · {bytes(stats.max_avail)} available</div>
                        </>
                      ) : '–'}
                    </td>
                    <td>{stats?.num_objects ?? '–'}</td>
                    <td>{stats ? <>{stats.num_rd} ops<div class="sub">{bytes(stats.num_rd_kb * 1024)}</div></> : '–'}</td>
                    <td>{stats ? <>{stats.num_wr} ops<div class="sub">{bytes(stats.num_wr_kb * 1024)}</div></> : '–'}</td>
                    <td>{pool.application.join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </div>
  );
}
