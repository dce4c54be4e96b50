import { useMemo } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, submit } from '../api/client';
import type { Pg, Pool } from '../api/types';
import { confirmAction, runRequest } from '../components/actions';
import { MetricGraph, RangePicker } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { ServerTable, type Column } from '../components/table';
import { Tabs, usePage, type Tab } from '../components/tabs';
import { timeAgo } from '../format';
import { canOperate } from '../session';
import { PoolForm } from './pool-form';
import { poolsMayHaveChanged } from './pools';

const PG_PAGE_SIZE = 50;
const PG_COMMANDS = [
  { key: 'scrub', label: 'Scrub' },
  { key: 'deep_scrub', label: 'Deep-scrub' },
  { key: 'repair', label: 'Repair', confirm: 'Ceph overwrites the copies it finds inconsistent with the authoritative one.' },
];

async function runPgCommand(fsid: string, pool: Pool, pg: Pg, command: (typeof PG_COMMANDS)[number]) {
  if (command.confirm && !(await confirmAction({ title: `${command.label} PG ${pg.id}?`, body: command.confirm, confirmLabel: command.label }))) {
    return;
  }
  await runRequest(`${command.label}: PG ${pg.id}`, () =>
    submit('POST', '/cluster/{fsid}/pool/{pool}/pg/{pgid}/command/{command}', { path: { fsid, pool: pool.id, pgid: pg.id, command: command.key } })).catch(() => undefined);
}

function pgColumns(fsid: string, pool: Pool, operate: boolean): Column<Pg>[] {
  const osds = (ids: number[], primary: number) => ids.map((id, i) => (
    <span key={i}>{i > 0 && ', '}<a href={clusterPath(fsid, `/osd/${id}`)}>{id === primary ? <strong>{id}</strong> : id}</a></span>
  ));
  const columns: Column<Pg>[] = [
    { id: 'id', header: 'PG', cell: ({ row }) => <span class="mono">{row.original.id}</span> },
    { id: 'state', header: 'State', cell: ({ row }) => row.original.state },
    { id: 'up', header: 'Up', cell: ({ row }) => osds(row.original.up, row.original.up_primary) },
    { id: 'acting', header: 'Acting', cell: ({ row }) => osds(row.original.acting, row.original.acting_primary) },
    { id: 'scrub', header: 'Last scrub', cell: ({ row }) => timeAgo(row.original.last_scrub_stamp) },
    { id: 'deep', header: 'Last deep scrub', cell: ({ row }) => timeAgo(row.original.last_deep_scrub_stamp) },
  ];
  if (operate) {
    columns.push({
      id: 'actions', header: 'Actions',
      cell: ({ row }) => (
        <div class="row-actions">
          {PG_COMMANDS.map((command) => (
            <button type="button" key={command.key} disabled={!row.original.valid_commands.includes(command.key)}
                    aria-label={`${command.label} PG ${row.original.id}`}
                    onClick={() => runPgCommand(fsid, pool, row.original, command)}>{command.label}</button>
          ))}
        </div>
      ),
    });
  }
  return columns;
}

function PgTab({ fsid, pool }: { fsid: string; pool: Pool }) {
  const [page, setPage] = usePage();
  const pgs = useLoad(() => get('/cluster/{fsid}/pool/{pool}/pg', { path: { fsid, pool: pool.id }, query: { page, page_size: PG_PAGE_SIZE } }),
    [fsid, pool.id, page], (update) => update.fsid === fsid && (update.type === 'request' || update.type === 'sync'), 1000);
  const operate = canOperate.value;
  const columns = useMemo(() => pgColumns(fsid, pool, operate), [fsid, pool, operate]);
  return (
    <Async loaded={pgs} empty={(data) => (data.count === 0 ? 'This pool has no placement group.' : undefined)}>
      {(data) => (
        <ServerTable<Pg> label={`Placement groups of ${pool.name}`} columns={columns} rows={data.results} rowCount={data.count}
                         rowId={(pg) => pg.id} page={page} pageSize={PG_PAGE_SIZE} onPage={setPage} />
      )}
    </Async>
  );
}

function IoTab({ fsid, pool }: { fsid: string; pool: Pool }) {
  return (
    <section class="panel">
      <RangePicker />
      <MetricGraph path="/cluster/{fsid}/pool/{pool}/metrics/{graph}" params={{ fsid, pool: pool.id, graph: 'iops' }} title={`IOPS of ${pool.name}`} unit="ops/s" />
    </section>
  );
}

function SettingsTab({ fsid, pool }: { fsid: string; pool: Pool }) {
  const { route } = useLocation();
  if (!canOperate.value) {
    return (
      <dl class="fields panel">
        <dt>Type</dt><dd>{pool.type}</dd>
        <dt>Replicas</dt><dd>{pool.type === 'erasure' ? pool.erasure_code_profile : `${pool.size} (min ${pool.min_size})`}</dd>
        <dt>Placement groups</dt><dd>{pool.pg_num} (autoscale {pool.pg_autoscale_mode})</dd>
        <dt>Quotas</dt><dd>{pool.quota_max_bytes || 'no'} bytes, {pool.quota_max_objects || 'no'} objects</dd>
        <dt>Applications</dt><dd>{pool.application.join(', ') || '–'}</dd>
      </dl>
    );
  }
  const remove = async () => {
    const confirmed = await confirmAction({
      title: `Delete pool ${pool.name}?`,
      body: `Every object in ${pool.name} is lost, for good.`,
      confirmLabel: 'Delete pool',
      typed: pool.name,
    });
    if (!confirmed) return;
    const request = await runRequest(`Delete pool ${pool.name}`, () => submit('DELETE', '/cluster/{fsid}/pool/{id}', { path: { fsid, id: pool.id } }))
      .catch(() => undefined);
    if (request?.state === 'complete') route(clusterPath(fsid, '/pool'));
  };
  return (
    <>
      <section class="panel"><PoolForm fsid={fsid} pool={pool} done={() => undefined} /></section>
      <section class="panel danger-zone" aria-labelledby="danger-title">
        <h2 id="danger-title">Delete</h2>
        <p class="sub">Deleting a pool destroys its data. You type its name to confirm.</p>
        <button type="button" class="danger" onClick={remove}>Delete pool</button>
      </section>
    </>
  );
}

const TABS: Tab<{ fsid: string; pool: Pool }>[] = [
  { key: 'settings', label: 'Settings', render: SettingsTab },
  { key: 'pgs', label: 'Placement groups', render: PgTab },
  { key: 'io', label: 'I/O', render: IoTab },
];

export function PoolDetail() {
  const { params } = useRoute();
  const { fsid, id } = params;
  const pool = useLoad(() => get('/cluster/{fsid}/pool/{id}', { path: { fsid, id } }), [fsid, id], poolsMayHaveChanged(fsid), 1000);
  return (
    <div>
      <p><a href={clusterPath(fsid, '/pool')}>← Pools</a></p>
      <Async loaded={pool}>
        {(data) => (
          <>
            <h1>Pool {data.name}</h1>
            <Tabs label="Pool" tabs={TABS} props={{ fsid, pool: data }} />
          </>
        )}
      </Async>
    </div>
  );
}

export function NewPool() {
  const { params } = useRoute();
  const { route } = useLocation();
  const fsid = params.fsid;
  return (
    <div>
      <p><a href={clusterPath(fsid, '/pool')}>← Pools</a></p>
      <h1>New pool</h1>
      <section class="panel"><PoolForm fsid={fsid} done={() => route(clusterPath(fsid, '/pool'))} /></section>
    </div>
  );
}
