import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, submit, type Submitted } from '../api/client';
import type { Pool, RbdImage, RbdSnapshot } from '../api/types';
import { confirmAction, requestForForm, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { Async, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { bytes, percent, timeAgo } from '../format';
import { canOperate } from '../session';
import { CopyForm, ImageSettingsForm } from './rbd-forms';

/** Images move with their clients' writes, which no live update announces: the page is read again this often. */
const REFRESH_MS = 10_000;
const requestsOf = (fsid: string) => (update: { fsid?: string | null; type: string }) => update.fsid === fsid && update.type === 'request';

interface Context {
  fsid: string;
  pool: Pool;
  image: RbdImage;
  /** The image's path parameters. */
  at: { fsid: string; pool: string; name: string };
}

async function change(label: string, call: () => Promise<Submitted>) {
  return runRequest(label, call).catch(() => undefined);
}

function SnapshotActions({ image, at: imageAt, snapshot }: Context & { snapshot: RbdSnapshot }) {
  const at = { ...imageAt, snapshot: snapshot.name };
  const name = `${image.name}@${snapshot.name}`;
  const verb = snapshot.protected ? 'Unprotect' : 'Protect';
  return (
    <div class="row-actions">
      <button type="button" aria-label={`${verb} ${name}`}
              onClick={() => change(`${verb} ${name}`, () => submit('PATCH', '/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}', { path: at, body: { protected: !snapshot.protected } }))}>{verb}</button>
      <button type="button" aria-label={`Roll back to ${name}`} onClick={async () => {
        if (await confirmAction({
          title: `Roll ${image.name} back to ${snapshot.name}?`,
          body: `Everything written to ${image.name} since ${snapshot.name} was taken is lost. Stop its clients first.`,
          confirmLabel: 'Roll back', typed: image.name,
        })) await change(`Roll back ${name}`, () => submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}/rollback', { path: at }));
      }}>Roll back</button>
      <button type="button" class="danger" aria-label={`Delete ${name}`} disabled={snapshot.protected}
              title={snapshot.protected ? 'Unprotect it first' : undefined} onClick={async () => {
        if (await confirmAction({ title: `Delete snapshot ${name}?`, body: 'It can no longer be rolled back to or cloned.', confirmLabel: 'Delete snapshot' })) {
          await change(`Delete snapshot ${name}`, () => submit('DELETE', '/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}', { path: at }));
        }
      }}>Delete</button>
    </div>
  );
}

function Snapshots({ context, operate }: { context: Context; operate: boolean }) {
  const { image } = context;
  if (image.snapshots.length === 0) return <p class="sub">No snapshot.</p>;
  return (
    <table aria-label={`Snapshots of ${image.name}`}>
      <thead><tr><th>Snapshot</th><th>Image size then</th><th>Protected</th><th>Taken</th>{operate && <th>Actions</th>}</tr></thead>
      <tbody>
        {image.snapshots.map((snapshot) => (
          <tr key={snapshot.name}>
            <td>{snapshot.name}</td>
            <td>{bytes(snapshot.size)}</td>
            <td>{snapshot.protected ? 'yes' : 'no'}</td>
            <td title={snapshot.created_at ?? ''}>{timeAgo(snapshot.created_at)}</td>
            {operate && <td><SnapshotActions {...context} snapshot={snapshot} /></td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewSnapshot({ image, at }: Context) {
  const [name, setName] = useState('');
  const [protect, setProtect] = useState(false);
  const refusal = useRefusal();
  const take = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    if (await requestForForm(refusal, `Snapshot ${image.name}@${name}`, () => submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/snapshot', { path: at, body: { name, protected: protect } }))) setName('');
  };
  return (
    <form aria-label={`New snapshot of ${image.name}`} onSubmit={take} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <Field id="snapshot-name" label="New snapshot" error={refusal.forField('name')}>
        <input id="snapshot-name" value={name} autocomplete="off" onInput={(event) => setName(event.currentTarget.value)}
               {...invalidWhen(refusal.forField('name'), 'snapshot-name')} />
      </Field>
      <label><input type="checkbox" checked={protect} onChange={() => setProtect(!protect)} /> protected, for clones</label>
      <button type="submit" class="primary">Take snapshot</button>
    </form>
  );
}

function Actions({ fsid, pool, image, at }: Context) {
  const { route } = useLocation();
  const back = () => route(clusterPath(fsid, `/block?pool=${pool.id}`));
  const trash = async () => {
    if (!await confirmAction({ title: `Move ${image.name} to the trash?`, body: 'It stops being an image until restored from the pool\'s trash, where its data is kept until purged.', confirmLabel: 'Move to trash' })) return;
    if ((await change(`Move ${pool.name}/${image.name} to the trash`, () => submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/trash', { path: at })))?.state === 'complete') back();
  };
  const remove = async () => {
    if (!await confirmAction({ title: `Delete image ${image.name}?`, body: `Every byte of ${image.name} is lost, for good.`, confirmLabel: 'Delete image', typed: image.name })) return;
    if ((await change(`Delete image ${pool.name}/${image.name}`, () => submit('DELETE', '/cluster/{fsid}/pool/{pool}/image/{name}', { path: at })))?.state === 'complete') back();
  };
  return (
    <div class="buttons">
      {image.parent && (
        <button type="button" onClick={() => change(`Flatten ${pool.name}/${image.name}`, () => submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/flatten', { path: at }))}>
          Flatten (copy the parent's data)
        </button>
      )}
      <button type="button" onClick={trash}>Move to trash</button>
      <button type="button" class="danger" onClick={remove}>Delete image</button>
    </div>
  );
}

/** One RBD image: what librbd says of it, its snapshots, and, for operators, every change it can take. */
export function RbdImageDetail() {
  const { params } = useRoute();
  const { fsid, pool: poolId } = params;
  const name = decodeURIComponent(params.name);
  const { route } = useLocation();
  const pools = useLoad(() => get('/cluster/{fsid}/pool', { path: { fsid } }), [fsid]);
  const at = { fsid, pool: poolId, name };
  const image = useLoad(() => get('/cluster/{fsid}/pool/{pool}/image/{name}', { path: at }), [fsid, poolId, name], requestsOf(fsid), 500);
  const operate = canOperate.value;
  useEffect(() => {
    const timer = window.setInterval(() => image.reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [image.reload]);
  const pool = pools.data?.find((candidate) => String(candidate.id) === poolId);

  return (
    <div>
      <p><a href={clusterPath(fsid, `/block?pool=${poolId}`)}>← Block</a></p>
      <Async loaded={image}>
        {(data) => {
          const context = { fsid, pool: pool!, image: data, at };
          return (
            <>
              <h1>Image {data.pool}/{data.name}</h1>
              <dl class="fields panel">
                <dt>Size</dt><dd>{bytes(data.size)} ({data.size.toLocaleString()} bytes)</dd>
                <dt>Used</dt><dd>{data.used_bytes === null ? '– (no fast diff)' : `${bytes(data.used_bytes)} (${percent(data.used_bytes, data.size)})`}</dd>
                <dt>Objects</dt><dd>{bytes(data.object_size)} each</dd>
                <dt>Features</dt><dd>{data.features.join(', ') || '–'}</dd>
                <dt>Data pool</dt><dd>{data.data_pool ?? data.pool}</dd>
                <dt>Parent</dt><dd>{data.parent ? `${data.parent.pool}/${data.parent.image}@${data.parent.snapshot}` : '–'}</dd>
                <dt>In use</dt><dd>{data.watchers > 0 ? `by ${data.watchers} client${data.watchers > 1 ? 's' : ''}` : 'no'}</dd>
                <dt>Created</dt><dd title={data.created_at ?? ''}>{timeAgo(data.created_at)}</dd>
              </dl>
              <section class="panel" aria-labelledby="snapshots-title">
                <h2 id="snapshots-title">Snapshots</h2>
                <Snapshots context={context} operate={operate && !!pool} />
                {operate && pool && <NewSnapshot {...context} />}
              </section>
              {operate && pool && pools.data && (
                <>
                  <section class="panel" aria-labelledby="settings-title">
                    <h2 id="settings-title">Settings</h2>
                    <ImageSettingsForm fsid={fsid} pool={pool} image={data} key={`${data.name}:${data.size}`}
                                       done={(renamed) => renamed !== data.name && route(clusterPath(fsid, `/block/${poolId}/image/${encodeURIComponent(renamed)}`))} />
                  </section>
                  <section class="panel" aria-labelledby="copy-title">
                    <h2 id="copy-title">Copy or clone</h2>
                    <CopyForm fsid={fsid} pool={pool} pools={pools.data} image={data} />
                  </section>
                  <section class="panel danger-zone" aria-labelledby="actions-title">
                    <h2 id="actions-title">Flatten, trash, delete</h2>
                    <Actions {...context} />
                  </section>
                </>
              )}
            </>
          );
        }}
      </Async>
    </div>
  );
}
