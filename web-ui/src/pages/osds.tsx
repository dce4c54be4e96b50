import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { RowSelectionState } from '@tanstack/preact-table';
import { get, query } from '../api/client';
import type { LiveUpdate, Osd } from '../api/types';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { ServerTable, selectColumn, type Column } from '../components/table';
import { canOperate } from '../session';
import { OSD_ACTIONS, reweightOsds, runOnOsds } from './osd-actions';

const PAGE_SIZE = 50;
const STATES: Record<string, { up?: string; in?: string }> = {
  '': {}, up: { up: 'true' }, down: { up: 'false' }, in: { in: 'true' }, out: { in: 'false' },
};

/** The OSD map moved, or something happened to the cluster: what the table shows may have changed. */
export const osdsMayHaveChanged = (fsid: string) => (update: LiveUpdate) =>
  update.fsid === fsid && (update.type === 'event' || (update.type === 'sync' && (update.data as { type?: string }).type !== 'mon_status'));

function pgCount(osd: Osd): number {
  return Object.values(osd.pg_states ?? {}).reduce((sum, count) => sum + count, 0);
}

function columns(fsid: string, selectable: boolean): Column<Osd>[] {
  const all: Column<Osd>[] = [
    { id: 'id', header: 'OSD', accessorKey: 'id', cell: ({ row }) => <a href={clusterPath(fsid, `/osd/${row.original.id}`)}>osd.{row.original.id}</a> },
    {
      id: 'up', header: 'Up', accessorKey: 'up',
      cell: ({ row }) => <span class={`badge ${row.original.up ? 'ok' : 'critical'}`}>{row.original.up ? 'up' : 'down'}</span>,
    },
    {
      id: 'in', header: 'In', accessorKey: 'in',
      cell: ({ row }) => <span class={`badge ${row.original.in ? 'ok' : 'warn'}`}>{row.original.in ? 'in' : 'out'}</span>,
    },
    { id: 'reweight', header: 'Reweight', accessorKey: 'reweight', cell: ({ row }) => row.original.reweight.toFixed(2) },
    { id: 'host', header: 'Host', accessorKey: 'host', cell: ({ row }) => row.original.host ?? '–' },
    { id: 'server', header: 'Server', accessorKey: 'server', cell: ({ row }) => row.original.server ?? '–' },
    { id: 'pools', header: 'Pools', enableSorting: false, cell: ({ row }) => row.original.pools.length },
    { id: 'pgs', header: 'PGs', enableSorting: false, cell: ({ row }) => pgCount(row.original) },
  ];
  return selectable ? [selectColumn<Osd>((osd) => `osd.${osd.id}`), ...all] : all;
}

function Filters({ fsid }: { fsid: string }) {
  const { path, query: params, route } = useLocation();
  const pools = useLoad(() => get('/cluster/{fsid}/pool', { path: { fsid } }), [fsid]);
  const servers = useLoad(() => get('/cluster/{fsid}/server', { path: { fsid } }), [fsid]);
  const [search, setSearch] = useState(params.search ?? '');
  const set = (changes: Record<string, string | undefined>) =>
    route(`${path}${query({ ...params, page: undefined, ...changes })}`, true);

  // typing refines the URL once the user pauses, so that the server is asked once per word, not per key
  useEffect(() => {
    if ((params.search ?? '') === search) return undefined;
    const timer = window.setTimeout(() => set({ search }), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const state = Object.entries(STATES).find(([, value]) => value.up === params.up && value.in === params.in)?.[0] ?? '';
  return (
    <div class="filters" role="search">
      <label>Search<input type="search" value={search} placeholder="osd.3, host, address…"
                          onInput={(event) => setSearch(event.currentTarget.value)} /></label>
      <label>State
        <select value={state} onChange={(event) => set({ up: undefined, in: undefined, ...STATES[event.currentTarget.value] })}>
          <option value="">Any</option><option value="up">Up</option><option value="down">Down</option>
          <option value="in">In</option><option value="out">Out</option>
        </select>
      </label>
      <label>Pool
        <select value={params.pool ?? ''} onChange={(event) => set({ pool: event.currentTarget.value })}>
          <option value="">Any</option>
          {pools.data?.map((pool) => <option key={pool.id} value={pool.id}>{pool.name}</option>)}
        </select>
      </label>
      <label>Host
        <select value={params.host ?? ''} onChange={(event) => set({ host: event.currentTarget.value })}>
          <option value="">Any</option>
          {servers.data?.map((server) => <option key={server.fqdn} value={server.hostname}>{server.hostname}</option>)}
        </select>
      </label>
    </div>
  );
}

function Toolbar({ fsid, selected, done }: { fsid: string; selected: Osd[]; done: () => void }) {
  const [weight, setWeight] = useState('1');
  const parsed = Number(weight);
  const weightValid = weight !== '' && parsed >= 0 && parsed <= 1;
  return (
    <div class="toolbar" role="toolbar" aria-label="Actions on the selected OSDs">
      <span class="sub">{selected.length === 0 ? 'Select OSDs to act on them' : `${selected.length} selected`}</span>
      {OSD_ACTIONS.map((action) => (
        <button type="button" key={action.key} disabled={!selected.some(action.applies)}
                onClick={async () => (await runOnOsds(fsid, action, selected)) && done()}>{action.label}</button>
      ))}
      <label class="inline">Reweight
        <input type="number" min={0} max={1} step={0.05} value={weight} aria-invalid={!weightValid}
               onInput={(event) => setWeight(event.currentTarget.value)} />
      </label>
      <button type="button" disabled={selected.length === 0 || !weightValid}
              onClick={async () => {
                await reweightOsds(fsid, selected, parsed);
                done();
              }}>Set weight</button>
      {!weightValid && <span class="field-error">between 0 and 1</span>}
    </div>
  );
}

export function Osds() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const { path, query: q, route } = useLocation();
  const page = Math.max(1, Number(q.page ?? '1') || 1);
  const ordering = q.ordering ?? 'id';
  const listed = { page, page_size: PAGE_SIZE, ordering, search: q.search, up: q.up, in: q.in, host: q.host, pool: q.pool };
  const apiQuery = query(listed);
  const osds = useLoad(() => get('/cluster/{fsid}/osd', { path: { fsid }, query: listed }), [fsid, apiQuery], osdsMayHaveChanged(fsid));
  const [selection, setSelection] = useState<RowSelectionState>({});
  useEffect(() => setSelection({}), [apiQuery]);
  const operate = canOperate.value;
  const tableColumns = useMemo(() => columns(fsid, operate), [fsid, operate]);
  const go = (changes: Record<string, string | number | undefined>) => route(`${path}${query({ ...q, ...changes })}`);

  return (
    <div>
      <h1>OSDs</h1>
      <Filters fsid={fsid} />
      {operate && (
        <Toolbar fsid={fsid} selected={(osds.data?.results ?? []).filter((osd) => selection[String(osd.id)])}
                 done={() => setSelection({})} />
      )}
      <Async loaded={osds} empty={(data) => (data.count === 0 ? 'No OSD matches these filters.' : undefined)}>
        {(data) => (
          <ServerTable<Osd> label="OSDs" columns={tableColumns} rows={data.results} rowCount={data.count}
                            rowId={(osd) => String(osd.id)} ordering={ordering} onOrdering={(next) => go({ ordering: next, page: undefined })}
                            page={page} pageSize={PAGE_SIZE} onPage={(next) => go({ page: next })}
                            selection={operate ? selection : undefined} onSelection={operate ? setSelection : undefined} />
        )}
      </Async>
    </div>
  );
}
