import { useLocation } from 'preact-iso';
import { get, query } from '../api/client';
import type { Event } from '../api/types';
import { Async, useLoad } from '../components/load';
import { ServerTable, type Column } from '../components/table';
import { usePage } from '../components/tabs';
import { severityClass, timeAgo } from '../format';
import { clusters, currentCluster } from '../session';

const PAGE_SIZE = 50;
const SEVERITIES = ['CRITICAL', 'ERROR', 'WARNING', 'RECOVERY', 'INFO'];
const LOG_LINES = 100;

const COLUMNS: Column<Event>[] = [
  { id: 'when', header: 'When', cell: ({ row }) => <span title={row.original.when}>{timeAgo(row.original.when)}</span> },
  {
    id: 'severity', header: 'Severity',
    cell: ({ row }) => <span class={`badge ${severityClass(row.original.severity)}`}>{row.original.severity}</span>,
  },
  { id: 'message', header: 'Event', cell: ({ row }) => row.original.message },
  {
    id: 'where', header: 'Where',
    cell: ({ row }) => [clusters.value.find((cluster) => cluster.id === row.original.fsid)?.name, row.original.fqdn].filter(Boolean).join(' · ') || '–',
  },
];

/** Events narrow to one server, or to one cluster, as the API lists them. */
/** A host's events, a cluster's, or all. */
function listEvents(fsid: string | undefined, fqdn: string | undefined, params: { severity?: string; page: number; page_size: number }) {
  if (fqdn) return get('/server/{fqdn}/event', { path: { fqdn }, query: params });
  if (fsid) return get('/cluster/{fsid}/event', { path: { fsid }, query: params });
  return get('/event', { query: params });
}

function ClusterLogTail({ fsid }: { fsid: string }) {
  const log = useLoad(() => get('/cluster/{fsid}/log', { path: { fsid }, query: { lines: LOG_LINES } }), [fsid],
    (update) => update.fsid === fsid && (update.type === 'event' || update.type === 'health'), 1000);
  return (
    <section class="panel" aria-labelledby="log-title">
      <h2 id="log-title">Cluster log, latest {LOG_LINES} lines</h2>
      <Async loaded={log} empty={(data) => (data.entries.length ? undefined : 'The cluster log is empty.')}>
        {(data) => (
          <pre class="log-tail" tabIndex={0} aria-label="Cluster log">
            {data.entries.map((entry) => `${entry.stamp} ${entry.name} ${entry.priority} ${entry.message}`).join('\n')}
          </pre>
        )}
      </Async>
    </section>
  );
}

export function Events() {
  const { path, query: q, route } = useLocation();
  const [page, setPage] = usePage();
  const servers = useLoad(() => get('/server'), []);
  const events = useLoad(() => listEvents(q.fsid, q.fqdn, { severity: q.severity, page, page_size: PAGE_SIZE }),
    [q.fsid, q.fqdn, q.severity, page], (update) => update.type === 'event');
  const set = (changes: Record<string, string>) => route(`${path}${query({ ...q, page: undefined, ...changes })}`);
  const logCluster = q.fsid ?? currentCluster.value;
  return (
    <div>
      <h1>Events</h1>
      <div class="filters" role="search">
        <label>Severity, at least
          <select value={q.severity ?? ''} onChange={(event) => set({ severity: event.currentTarget.value })}>
            <option value="">Any</option>
            {SEVERITIES.map((severity) => <option key={severity} value={severity}>{severity.toLowerCase()}</option>)}
          </select>
        </label>
        <label>Cluster
          <select value={q.fsid ?? ''} onChange={(event) => set({ fsid: event.currentTarget.value, fqdn: '' })}>
            <option value="">Any</option>
            {clusters.value.map((cluster) => <option key={cluster.id} value={cluster.id}>{cluster.name}</option>)}
          </select>
        </label>
        <label>Server
          <select value={q.fqdn ?? ''} onChange={(event) => set({ fqdn: event.currentTarget.value, fsid: '' })}>
            <option value="">Any</option>
            {servers.data?.map((server) => <option key={server.fqdn} value={server.fqdn}>{server.hostname}</option>)}
          </select>
        </label>
      </div>
      <Async loaded={events} empty={(data) => (data.count === 0 ? 'No event matches.' : undefined)}>
        {(data) => (
          <ServerTable<Event> label="Events" columns={COLUMNS} rows={data.results} rowCount={data.count}
                              rowId={(event) => String(event.id)} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
        )}
      </Async>
      {logCluster && <ClusterLogTail fsid={logCluster} />}
    </div>
  );
}
