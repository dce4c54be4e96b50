import { useRoute } from 'preact-iso';
import { get, query } from '../api/client';
import type { Graph, Server } from '../api/types';
import { Chart, RangePicker, useRangeFrom } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { timeAgo } from '../format';

const GRAPHS = [
  { key: 'cpu', title: 'CPU', unit: '%' },
  { key: 'memory', title: 'Memory', unit: 'bytes' },
  { key: 'disk', title: 'Disk I/O', unit: 'per s' },
  { key: 'network', title: 'Network', unit: 'bytes/s' },
];

function HostGraph({ fqdn, graph: { key, title, unit } }: { fqdn: string; graph: (typeof GRAPHS)[number] }) {
  const from = useRangeFrom();
  const graph = useLoad(() => get<Graph>(`/server/${encodeURIComponent(fqdn)}/metrics/${key}${query({ from })}`), [fqdn, key, from]);
  return (
    <Async loaded={graph} empty={(data) => (data.series.length ? undefined : `No ${title.toLowerCase()} series in this range yet.`)}>
      {(data) => <Chart graph={data} title={title} unit={unit} />}
    </Async>
  );
}

export function HostDetail() {
  const { params } = useRoute();
  const fqdn = decodeURIComponent(params.fqdn);
  const server = useLoad(() => get<Server>(`/server/${encodeURIComponent(fqdn)}`), [fqdn], (update) => update.type === 'event');
  return (
    <div>
      <p><a href="/ui/hosts">← Hosts</a></p>
      <Async loaded={server}>
        {(data) => (
          <>
            <h1>{data.hostname} <span class={`badge ${data.late ? 'warn' : 'ok'}`}>{data.late ? 'Late' : 'Reporting'}</span></h1>
            <p class="sub">{data.fqdn} · {data.os ?? 'unknown OS'} · Ceph {data.ceph_version ?? 'unknown'} · last contact {timeAgo(data.last_contact)}</p>
            <div class="stack">
            <section class="panel" aria-labelledby="services-title">
              <h2 id="services-title">Services</h2>
              {data.services.length === 0 ? <p class="empty">No Ceph service runs here.</p> : data.services.map((service) => (
                <span key={`${service.type}.${service.id}`} class={`chip ${service.running ? '' : 'stopped'}`}
                      title={service.running ? 'running' : 'not running'}>{service.type}.{service.id}</span>
              ))}
            </section>
            <section class="panel" aria-labelledby="host-graphs-title">
              <div class="panel-head"><h2 id="host-graphs-title">Resources</h2><RangePicker /></div>
              <div class="charts">{GRAPHS.map((graph) => <HostGraph key={graph.key} fqdn={data.fqdn} graph={graph} />)}</div>
            </section>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
