import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import { MetricGraph, RangePicker } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { canOperate } from '../session';
import { OSD_ACTIONS, removeOsd, runOnOsds } from './osd-actions';
import { osdsMayHaveChanged } from './osds';

function Field({ name, value }: { name: string; value: string | number | null | undefined }) {
  return <><dt>{name}</dt><dd class="mono">{value ?? '–'}</dd></>;
}

function LatencyGraph({ fsid, id }: { fsid: string; id: string }) {
  return (
    <section class="panel wide" aria-labelledby="latency-title">
      <div class="panel-head">
        <h2 id="latency-title">Latency</h2>
        <RangePicker />
      </div>
      <MetricGraph path="/cluster/{fsid}/osd/{osd}/metrics/{graph}" params={{ fsid, osd: id, graph: 'latency' }} title="Commit and apply latency" unit="ms"
                   labels={{ commit_latency_ms: 'commit', apply_latency_ms: 'apply' }} />
    </section>
  );
}

export function OsdDetail() {
  const { params } = useRoute();
  const { fsid, id } = params;
  const osd = useLoad(() => get('/cluster/{fsid}/osd/{id}', { path: { fsid, id } }), [fsid, id], osdsMayHaveChanged(fsid));
  return (
    <div>
      <p><a href={clusterPath(fsid, '/osd')}>← OSDs</a></p>
      <h1>osd.{id}</h1>
      <Async loaded={osd}>
        {(data) => (
          <div class="grid">
            <section class="panel" aria-labelledby="state-title">
              <h2 id="state-title">State</h2>
              <p>
                <span class={`badge ${data.up ? 'ok' : 'critical'}`} data-testid="osd-up">{data.up ? 'up' : 'down'}</span>{' '}
                <span class={`badge ${data.in ? 'ok' : 'warn'}`} data-testid="osd-in">{data.in ? 'in' : 'out'}</span>
              </p>
              {canOperate.value && (
                <div class="toolbar" role="toolbar" aria-label={`Actions on osd.${id}`}>
                  {OSD_ACTIONS.filter((action) => action.applies(data)).map((action) => (
                    <button type="button" key={action.key} onClick={() => runOnOsds(fsid, action, [data])}>{action.label}</button>
                  ))}
                  <button type="button" class="danger" onClick={() => removeOsd(fsid, data.id, false)}>Destroy</button>
                  <button type="button" class="danger" onClick={() => removeOsd(fsid, data.id, true)}>Purge</button>
                </div>
              )}
            </section>
            <section class="panel" aria-labelledby="metadata-title">
              <h2 id="metadata-title">Metadata</h2>
              <dl class="fields">
                <Field name="UUID" value={data.uuid} />
                <Field name="Host" value={data.host} />
                <Field name="Server" value={data.server} />
                <Field name="Public address" value={data.public_addr} />
                <Field name="Cluster address" value={data.cluster_addr} />
                <Field name="Data" value={data.osd_data} />
                <Field name="Device" value={data.backend_device_node} />
                <Field name="Reweight" value={data.reweight.toFixed(2)} />
                <Field name="CRUSH weight" value={data.crush_weight.toFixed(4)} />
                <Field name="Primary affinity" value={data.primary_affinity.toFixed(2)} />
                <Field name="Pools" value={data.pools.join(', ')} />
              </dl>
            </section>
            <section class="panel" aria-labelledby="pgs-title">
              <h2 id="pgs-title">Placement groups</h2>
              {Object.keys(data.pg_states ?? {}).length === 0 ? <p class="empty">This OSD holds no placement group.</p> : (
                <table aria-label="PG states">
                  <thead><tr><th>State</th><th>PGs</th></tr></thead>
                  <tbody>
                    {Object.entries(data.pg_states).map(([state, count]) => <tr key={state}><td>{state}</td><td>{count}</td></tr>)}
                  </tbody>
                </table>
              )}
            </section>
            <LatencyGraph fsid={fsid} id={id} />
          </div>
        )}
      </Async>
    </div>
  );
}
