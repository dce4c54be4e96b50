import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import type { Server } from '../api/types';
import { MetricGraph, RangePicker } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { timeAgo } from '../format';

const GRAPHS = [
  { key: 'cpu', title: 'CPU', unit: '%' },
  { key: 'memory', title: 'Memory', unit: 'bytes' },
  { key: 'disk', title: 'Disk I/O', unit: 'per s' },
  { key: 'network', title: 'Network', unit: 'bytes/s' },
];

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
              <div class="charts">{GRAPHS.map(({ key, title, unit }) => (
                <MetricGraph key={key} path={`/server/${encodeURIComponent(data.fqdn)}/metrics/${key}`} title={title} unit={unit} />
              ))}</div>
            </section>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
