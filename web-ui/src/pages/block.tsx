import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, query } from '../api/client';
import type { Page, Pool, RbdImage } from '../api/types';
import { Async, useLoad } from '../components/load';
import { ServerTable, type Column } from '../components/table';
import { bytes, percent, timeAgo } from '../format';

const PAGE_SIZE = 50;
/** Images move with their clients' writes, which no live update announces: the table is read again this often. */
const REFRESH_MS = 10_000;

const COLUMNS: Column<RbdImage>[] = [
  { id: 'name', header: 'Image', accessorKey: 'name', cell: ({ row }) => row.original.name },
  { id: 'size', header: 'Size', accessorKey: 'size', cell: ({ row }) => bytes(row.original.size) },
  {
    id: 'used_bytes', header: 'Used', accessorKey: 'used_bytes',
    cell: ({ row }) => (row.original.used_bytes === null
      ? <span title="No fast diff on this image: counting would read all of it">–</span>
      : `${bytes(row.original.used_bytes)} (${percent(row.original.used_bytes, row.original.size)})`),
  },
  { id: 'snapshot_count', header: 'Snapshots', accessorKey: 'snapshot_count', cell: ({ row }) => row.original.snapshot_count },
  {
    id: 'watchers', header: 'In use', accessorKey: 'watchers',
    cell: ({ row }) => (row.original.watchers > 0 ? `${row.original.watchers} client${row.original.watchers > 1 ? 's' : ''}` : 'no'),
  },
  {
    id: 'parent', header: 'Parent', enableSorting: false,
    cell: ({ row }) => (row.original.parent ? `${row.original.parent.pool}/${row.original.parent.image}@${row.original.parent.snapshot}` : '–'),
  },
  { id: 'features', header: 'Features', enableSorting: false, cell: ({ row }) => row.original.features.join(', ') },
  {
    id: 'created_at', header: 'Created', accessorKey: 'created_at',
    cell: ({ row }) => <span title={row.original.created_at ?? ''}>{timeAgo(row.original.created_at)}</span>,
  },
];

/** The RBD images of the cluster's block pools (those with the rbd application), one pool at a time. */
export function Block() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const { path, query: q, route } = useLocation();
  const pools = useLoad(() => get<Pool[]>(`/cluster/${fsid}/pool`), [fsid]);
  const blockPools = (pools.data ?? []).filter((pool) => pool.application.includes('rbd'));
  const pool = q.pool ?? (blockPools[0] ? String(blockPools[0].id) : undefined);
  const page = Math.max(1, Number(q.page ?? '1') || 1);
  const ordering = q.ordering ?? 'name';
  const apiQuery = query({ page, page_size: PAGE_SIZE, ordering, search: q.search });
  const images = useLoad(() => (pool === undefined ? Promise.resolve(null) : get<Page<RbdImage>>(`/cluster/${fsid}/pool/${pool}/image${apiQuery}`)),
    [fsid, pool, apiQuery]);
  const go = (changes: Record<string, string | number | undefined>) => route(`${path}${query({ ...q, ...changes })}`, true);
  const [search, setSearch] = useState(q.search ?? '');

  useEffect(() => {
    const timer = window.setInterval(() => images.reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [images.reload]);
  // typing refines the URL once the user pauses, so that the server is asked once per word, not per key
  useEffect(() => {
    if ((q.search ?? '') === search) return undefined;
    const timer = window.setTimeout(() => go({ search: search || undefined, page: undefined }), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  return (
    <div>
      <h1>Block</h1>
      <div class="filters" role="search">
        <label>Pool
          <select value={pool ?? ''} onChange={(event) => go({ pool: event.currentTarget.value, page: undefined })}>
            {blockPools.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
          </select>
        </label>
        <label>Search<input type="search" value={search} placeholder="image name…" onInput={(event) => setSearch(event.currentTarget.value)} /></label>
      </div>
      <Async loaded={pools} empty={() => (blockPools.length === 0 ? 'No pool has the rbd application: block images live in such pools.' : undefined)}>
        {() => (
          <Async loaded={images} empty={(data) => (data === null || data.count === 0 ? 'No image in this pool matches.' : undefined)}>
            {(data) => (
              <ServerTable<RbdImage> label="RBD images" columns={COLUMNS} rows={data!.results} rowCount={data!.count}
                                     rowId={(image) => image.id} ordering={ordering} onOrdering={(next) => go({ ordering: next, page: undefined })}
                                     page={page} pageSize={PAGE_SIZE} onPage={(next) => go({ page: next })} />
            )}
          </Async>
        )}
      </Async>
    </div>
  );
}
