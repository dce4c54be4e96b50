import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, message, post, query } from '../api/client';
import type { Request } from '../api/types';
import { confirmAction } from '../components/actions';
import { Async, ErrorNote, useLoad } from '../components/load';
import { ServerTable, type Column } from '../components/table';
import { usePage } from '../components/tabs';
import { timeAgo } from '../format';
import { canOperate, clusters } from '../session';

const PAGE_SIZE = 25;
const STATES = ['queued', 'submitted', 'complete', 'error', 'cancelled', 'unknown'];

/** A list carries the latest lines of each log; the whole log is read when asked for. */
function RequestLog({ request }: { request: Request }) {
  const [whole, setWhole] = useState<Request>();
  const [failure, setFailure] = useState<string>();
  // the list moves on as the request does: a whole log read earlier is shown only while it is the longer
  const shown = whole && whole.log_lines >= request.log_lines ? whole : request;
  const earlier = shown.log_lines - shown.log.length;
  return (
    <div>
      {earlier > 0 && (
        <button type="button" class="link" onClick={() => get('/request/{id}', { path: { id: request.id } }).then(setWhole, (error) => setFailure(message(error)))}>
          {earlier} earlier {earlier === 1 ? 'line' : 'lines'}
        </button>
      )}
      {failure && <ErrorNote message={failure} />}
      <ol class="request-log">
        {shown.log.map((line, i) => <li key={i}><span class="sub">{new Date(line.at).toLocaleTimeString()}</span> {line.message}</li>)}
      </ol>
    </div>
  );
}

function columns(operate: boolean, cancel: (request: Request) => void): Column<Request>[] {
  const clusterName = (fsid: string | null) => clusters.value.find((cluster) => cluster.id === fsid)?.name ?? fsid ?? '–';
  const all: Column<Request>[] = [
    {
      id: 'headline', header: 'Request',
      cell: ({ row }) => (
        <details>
          <summary>{row.original.headline}</summary>
          <RequestLog request={row.original} />
        </details>
      ),
    },
    { id: 'cluster', header: 'Cluster', cell: ({ row }) => clusterName(row.original.fsid) },
    { id: 'by', header: 'By', cell: ({ row }) => row.original.requested_by ?? '–' },
    { id: 'when', header: 'Asked', cell: ({ row }) => timeAgo(row.original.requested_at) },
    {
      id: 'progress', header: 'Progress',
      cell: ({ row }) => (
        <div class="progress-cell">
          <progress max={100} value={row.original.progress} aria-label={`${row.original.headline} progress`} />
          <div class={`sub ${row.original.error ? 'field-error' : ''}`}>
            {row.original.state}: {row.original.error || row.original.state === 'unknown' ? row.original.error_message : row.original.status}
          </div>
        </div>
      ),
    },
  ];
  if (operate) {
    all.push({
      id: 'cancel', header: '',
      cell: ({ row }) => (['queued', 'submitted'].includes(row.original.state)
        ? <button type="button" onClick={() => cancel(row.original)}>Cancel</button> : null),
    });
  }
  return all;
}

export function Requests() {
  const { path, query: q, route } = useLocation();
  const [page, setPage] = usePage();
  const [failure, setFailure] = useState<string>();
  const requests = useLoad(() => get('/request', { query: { state: q.state, page, page_size: PAGE_SIZE } }),
    [q.state, page], (update) => update.type === 'request');
  const cancel = async (request: Request) => {
    const confirmed = await confirmAction({
      title: `Cancel "${request.headline}"?`,
      body: 'What was already sent to the cluster stays done; the rest is not sent.',
      confirmLabel: 'Cancel request',
    });
    if (!confirmed) return;
    setFailure(undefined);
    await post('/request/{id}/cancel', { path: { id: request.id } }).catch((error) => setFailure(message(error)));
    requests.reload();
  };
  const operate = canOperate.value;
  const tableColumns = useMemo(() => columns(operate, cancel), [operate]);
  return (
    <div>
      <h1>Requests</h1>
      <div class="filters">
        <label>State
          <select value={q.state ?? ''} onChange={(event) => route(`${path}${query({ state: event.currentTarget.value })}`)}>
            <option value="">Any</option>
            {STATES.map((state) => <option key={state} value={state}>{state}</option>)}
          </select>
        </label>
      </div>
      {failure && <ErrorNote message={failure} />}
      <Async loaded={requests} empty={(data) => (data.count === 0 ? 'No request matches.' : undefined)}>
        {(data) => (
          <ServerTable<Request> label="Requests" columns={tableColumns} rows={data.results} rowCount={data.count}
                                rowId={(request) => request.id} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
        )}
      </Async>
    </div>
  );
}
