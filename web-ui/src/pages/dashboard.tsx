import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import type { Buckets, LiveUpdate } from '../api/types';
import { MetricGraph, RangePicker } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { bytes, percent, severityClass, timeAgo } from '../format';

const about = (fsid: string, ...types: LiveUpdate['type'][]) => (update: LiveUpdate) =>
  update.fsid === fsid && types.includes(update.type);

function HealthPanel({ fsid }: { fsid: string }) {
  const health = useLoad(() => get('/cluster/{fsid}/health', { path: { fsid } }), [fsid], about(fsid, 'health'));
  return (
    <section class="panel" aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      <Async loaded={health}>
        {({ report, cluster_update_time }) => (
          <>
            <p><span class={`badge ${severityClass(report.status)}`} data-testid="health-status">{report.status}</span>
              <span class="sub"> as of {timeAgo(cluster_update_time)}</span></p>
            {Object.keys(report.checks).length === 0 ? <p class="empty">No health check is raised.</p> : (
              <ul class="checks">
                {Object.entries(report.checks).map(([code, check]) => (
                  <li key={code} class={severityClass(check.severity)}>
                    <strong>{code}</strong> {check.summary.message}
                    {check.detail?.map((line, i) => <div class="sub" key={i}>{line.message}</div>)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </section>
  );
}

function Counter({ name, buckets, href }: { name: string; buckets: Buckets; href?: string }) {
  const total = buckets.ok.count + buckets.warn.count + buckets.critical.count;
  const states = { ...buckets.critical.states, ...buckets.warn.states, ...buckets.ok.states };
  const title = href ? <a href={href}>{name}</a> : name;
  return (
    <div class="counter" data-testid={`counter-${name}`}>
      <h3>{title} <span class="total">{total}</span></h3>
      <div class="buckets">
        <span class="ok" title="ok">{buckets.ok.count} ok</span>
        <span class={buckets.warn.count ? 'warn' : 'muted'} title="warn">{buckets.warn.count} warn</span>
        <span class={buckets.critical.count ? 'critical' : 'muted'} title="critical">{buckets.critical.count} critical</span>
      </div>
      <div class="sub">{Object.entries(states).map(([state, count]) => `${count} ${state}`).join(' · ')}</div>
    </div>
  );
}

function CountersPanel({ fsid }: { fsid: string }) {
  const counters = useLoad(() => get('/cluster/{fsid}/health_counters', { path: { fsid } }), [fsid], about(fsid, 'health', 'sync'));
  return (
    <section class="panel wide" aria-labelledby="counters-title">
      <h2 id="counters-title">Services and placement groups</h2>
      <Async loaded={counters}>
        {(data) => (
          <div class="counters">
            <Counter name="OSDs" buckets={data.osd} href={clusterPath(fsid, '/osd')} />
            <Counter name="PGs" buckets={data.pg} />
            <Counter name="MONs" buckets={data.mon} />
            <div class="counter" data-testid="counter-MDSs">
              <h3>MDSs <span class="total">{data.mds.total}</span></h3>
              <div class="sub">{data.mds.up_in} up and in · {data.mds.up_not_in} up, not in · {data.mds.not_up_not_in} down</div>
              <h3>Pools <span class="total">{data.pool.total}</span></h3>
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}

function CapacityPanel({ fsid }: { fsid: string }) {
  const space = useLoad(() => get('/cluster/{fsid}/space', { path: { fsid } }), [fsid], about(fsid, 'sync'), 2000);
  return (
    <section class="panel" aria-labelledby="capacity-title">
      <h2 id="capacity-title">Capacity</h2>
      <Async loaded={space}>
        {({ used_bytes, capacity_bytes, free_bytes }) => (
          <div data-testid="capacity">
            <meter min={0} max={capacity_bytes} value={used_bytes} high={capacity_bytes * 0.75} optimum={0}
                   aria-label="Raw capacity used" />
            <p><strong>{bytes(used_bytes)}</strong> used of <strong>{bytes(capacity_bytes)}</strong> ({percent(used_bytes, capacity_bytes)})</p>
            <p class="sub">{bytes(free_bytes)} free</p>
          </div>
        )}
      </Async>
    </section>
  );
}

const LABELS = { read_ops: 'read', write_ops: 'write', read_bytes: 'read', write_bytes: 'write' };

function GraphsPanel({ fsid }: { fsid: string }) {
  return (
    <section class="panel wide" aria-labelledby="io-title">
      <div class="panel-head">
        <h2 id="io-title">Client I/O</h2>
        <RangePicker />
      </div>
      <div class="charts">
        <MetricGraph path="/cluster/{fsid}/metrics/{graph}" params={{ fsid, graph: 'iops' }} title="IOPS" unit="ops/s" labels={LABELS} />
        <MetricGraph path="/cluster/{fsid}/metrics/{graph}" params={{ fsid, graph: 'throughput' }} title="Throughput" unit="B/s" labels={LABELS} />
      </div>
    </section>
  );
}

function EventsPanel({ fsid }: { fsid: string }) {
  const events = useLoad(() => get('/cluster/{fsid}/event', { path: { fsid }, query: { page_size: 8 } }), [fsid],
    about(fsid, 'event'));
  return (
    <section class="panel" aria-labelledby="events-title">
      <h2 id="events-title">Recent events</h2>
      <Async loaded={events} empty={(page) => (page.results.length ? undefined : 'No event in this cluster yet.')}>
        {(page) => (
          <ul class="events">
            {page.results.map((event) => (
              <li key={event.id}>
                <span class={`dot ${severityClass(event.severity)}`} aria-label={event.severity} /> {event.message}
                <div class="sub">{timeAgo(event.when)}</div>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

function RequestsPanel({ fsid }: { fsid: string }) {
  const requests = useLoad(() => get('/cluster/{fsid}/request', { path: { fsid }, query: { state: 'submitted', page_size: 8 } }),
    [fsid], about(fsid, 'request'));
  return (
    <section class="panel" aria-labelledby="requests-title">
      <h2 id="requests-title">Running requests</h2>
      <Async loaded={requests} empty={(page) => (page.results.length ? undefined : 'Nothing is running.')}>
        {(page) => (
          <ul class="requests">
            {page.results.map((request) => (
              <li key={request.id}>
                {request.headline}
                <progress max={100} value={request.progress} aria-label={`${request.headline} progress`} />
                <div class="sub">{request.status} · {request.requested_by ?? 'someone'} · {timeAgo(request.requested_at)}</div>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

export function Dashboard() {
  const { params } = useRoute();
  const fsid = params.fsid;
  return (
    <div class="dashboard">
      <h1>Cluster <span class="mono" data-testid="fsid">{fsid}</span></h1>
      <div class="grid">
        <HealthPanel fsid={fsid} />
        <CapacityPanel fsid={fsid} />
        <CountersPanel fsid={fsid} />
        <GraphsPanel fsid={fsid} />
        <EventsPanel fsid={fsid} />
        <RequestsPanel fsid={fsid} />
      </div>
    </div>
  );
}
