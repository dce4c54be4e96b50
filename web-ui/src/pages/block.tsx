import { useMemo } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, query, submit } from '../api/client';
import type { RbdImage, RbdTrashEntry } from '../api/types';
import { confirmAction, runRequest } from '../components/actions';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { PAGE_SIZE, SearchBox, useListingQuery, useReloadEvery } from '../components/listing';
import { ServerTable, type Column } from '../components/table';
import { bytes, percent, timeAgo } from '../format';
import { canOperate } from '../session';
import { NewImageForm } from './rbd-forms';


const columns = (fsid: string, pool: string): Column<RbdImage>[] => [
  {
    id: 'name', header: 'Image', accessorKey: 'name',
    cell: ({ row }) => <a href={clusterPath(fsid, `/block/${pool}/image/${encodeURIComponent(row.original.name)}`)}>{row.original.name}</a>,
  },
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

/** The pool's trash: images removed from the list, their data kept until purged, each restorable. */
function Trash({ fsid, pool }: { fsid: string; pool: string }) {
  const trash = useLoad(() => get('/cluster/{fsid}/pool/{pool}/trash', { path: { fsid, pool } }), [fsid, pool],
    (update) => update.fsid === fsid && update.type === 'request', 500);
  const operate = canOperate.value;
  const restore = (entry: RbdTrashEntry) => runRequest(`Restore ${entry.pool}/${entry.name}`, () =>
    submit('POST', '/cluster/{fsid}/pool/{pool}/trash/{id}/restore', { path: { fsid, pool, id: entry.id }, body: {} })).catch(() => undefined);
  const purge = async (entry: RbdTrashEntry) => {
    if (!await confirmAction({ title: `Purge ${entry.name}?`, body: `The image and every byte of it are removed, for good.`, confirmLabel: 'Purge', typed: entry.name })) return;
    await runRequest(`Purge ${entry.pool}/${entry.name}`, () => submit('DELETE', '/cluster/{fsid}/pool/{pool}/trash/{id}', { path: { fsid, pool, id: entry.id } })).catch(() => undefined);
  };
  return (
    <Async loaded={trash} empty={(data) => (data.length === 0 ? 'The trash is empty.' : undefined)}>
      {(data) => (
        <table aria-label="Trash">
          <thead><tr><th>Image</th><th>Id</th><th>Moved there</th><th>By</th>{operate && <th>Actions</th>}</tr></thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.name}</td><td class="mono">{entry.id}</td><td title={entry.deleted_at}>{timeAgo(entry.deleted_at)}</td><td>{entry.source}</td>
                {operate && (
                  <td><div class="row-actions">
                    <button type="button" aria-label={`Restore ${entry.name}`} onClick={() => restore(entry)}>Restore</button>
                    <button type="button" class="danger" aria-label={`Purge ${entry.name}`} onClick={() => purge(entry)}>Purge</button>
                  </div></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Async>
  );
}

/** The RBD images of the cluster's block pools (those with the rbd application), one pool at a time. */
export function Block() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const listing = useListingQuery('name');
  const { query: q } = useLocation();
  const pools = useLoad(() => get('/cluster/{fsid}/pool', { path: { fsid } }), [fsid]);
  const blockPools = (pools.data ?? []).filter((pool) => pool.application.includes('rbd'));
  const pool = q.pool ?? (blockPools[0] ? String(blockPools[0].id) : undefined);
  const listed = listing.apiQuery();
  const images = useLoad(() => (pool === undefined ? Promise.resolve(null) : get('/cluster/{fsid}/pool/{pool}/image', { path: { fsid, pool }, query: listed })),
    [fsid, pool, query(listed)], (update) => update.fsid === fsid && update.type === 'request', 500);
  const tableColumns = useMemo(() => columns(fsid, pool ?? ''), [fsid, pool]);
  // images move with their clients' writes, which no live update announces
  useReloadEvery(images);

  return (
    <div>
      <div class="panel-head">
        <h1>Block</h1>
        {canOperate.value && pool !== undefined && <a class="button primary" href={clusterPath(fsid, `/block/${pool}/new`)}>Create image</a>}
      </div>
      <div class="filters" role="search">
        <label>Pool
          <select value={pool ?? ''} onChange={(event) => listing.go({ pool: event.currentTarget.value, page: undefined })}>
            {blockPools.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
          </select>
        </label>
        <SearchBox listing={listing} placeholder="image name…" />
      </div>
      <Async loaded={pools} empty={() => (blockPools.length === 0 ? 'No pool has the rbd application: block images live in such pools.' : undefined)}>
        {() => (
          <Async loaded={images} empty={(data) => (data === null || data.count === 0 ? 'No image in this pool matches.' : undefined)}>
            {(data) => (
              <ServerTable<RbdImage> label="RBD images" columns={tableColumns} rows={data!.results} rowCount={data!.count}
                                     rowId={(image) => image.id} ordering={listing.ordering}
                                     onOrdering={(next) => listing.go({ ordering: next, page: undefined })}
                                     page={listing.page} pageSize={PAGE_SIZE} onPage={(next) => listing.go({ page: next })} />
            )}
          </Async>
        )}
      </Async>
      {pool !== undefined && (
        <section class="panel" aria-labelledby="trash-title">
          <h2 id="trash-title">Trash</h2>
          <Trash fsid={fsid} pool={pool} />
        </section>
      )}
    </div>
  );
}

/** A new image in the pool the Block page showed. */
export function NewImage() {
  const { params } = useRoute();
  const { fsid, pool: poolId } = params;
  const { route } = useLocation();
  const pools = useLoad(() => get('/cluster/{fsid}/pool', { path: { fsid } }), [fsid]);
  const back = clusterPath(fsid, `/block?pool=${poolId}`);
  return (
    <div>
      <p><a href={back}>← Block</a></p>
      <Async loaded={pools}>
        {(data) => {
          const pool = data.find((candidate) => String(candidate.id) === poolId);
          if (!pool) return <p class="error">No pool {poolId}.</p>;
          return (
            <>
              <h1>New image in {pool.name}</h1>
              <section class="panel"><NewImageForm fsid={fsid} pool={pool} pools={data} done={() => route(back)} /></section>
            </>
          );
        }}
      </Async>
    </div>
  );
}
