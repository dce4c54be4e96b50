// Creating a pool and changing one: one form, with the API's field errors beside the fields.
import { useState } from 'preact/hooks';
import { get, message, post, submit } from '../api/client';
import type { Pool, PoolForm as PoolFields } from '../api/types';
import { moves } from '../format';
import { confirmAction, requestForForm } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { useLoad } from '../components/load';

const APPLICATIONS = ['rbd', 'rgw', 'cephfs'];
/** The fields this form edits, each one of the API's (PG placement and the rule are changed elsewhere). */
type Edited = Extract<keyof PoolFields, 'name' | 'type' | 'erasure_code_profile' | 'pg_num' | 'size' | 'min_size'
  | 'quota_max_bytes' | 'quota_max_objects' | 'application'>;
type Values = Record<Edited, string>;

function valuesOf(pool: PoolFields | Pool): Values {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const application = Array.isArray(pool.application) ? pool.application[0] : pool.application;
  return {
    name: text(pool.name), type: text(pool.type), erasure_code_profile: text(pool.erasure_code_profile),
    pg_num: text(pool.pg_num), size: text(pool.size), min_size: text(pool.min_size),
    quota_max_bytes: text(pool.quota_max_bytes), quota_max_objects: text(pool.quota_max_objects), application: text(application),
  };
}

const NUMBERS: Edited[] = ['pg_num', 'size', 'min_size', 'quota_max_bytes', 'quota_max_objects'];

/** The fields to send: all that are filled in for a new pool, only the changed ones for an existing one. */
function body(values: Values, initial: Values, creating: boolean): PoolFields {
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values) as [Edited, string][]) {
    if (value === '' || (!creating && value === initial[key])) continue;
    // a number the API cannot read is sent as typed, so that its error names the field
    fields[key] = NUMBERS.includes(key) && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  }
  if (creating && values.type === 'erasure') {
    delete fields.size;
    delete fields.min_size;
  }
  return fields as PoolFields;
}

/** What the change will move, as the API previews it, or why it cannot say: the question is asked all the same. */
async function movementText(fsid: string, poolId: number, fields: PoolFields): Promise<string> {
  if (!['size', 'pg_num', 'pgp_num', 'crush_ruleset'].some((field) => field in fields)) return ' Nothing of this moves data.';
  try {
    return ` ${moves(await post('/cluster/{fsid}/pool/{id}/preview', { path: { fsid, id: poolId }, body: fields }), "the pool's ")}`;
  } catch (failure) {
    return ` Replicas and placement groups move data while Ceph rebalances (no preview: ${message(failure)}).`;
  }
}

export function PoolForm({ fsid, pool, done }: { fsid: string; pool?: Pool; done: (name: string) => void }) {
  const creating = pool === undefined;
  const defaults = useLoad<PoolFields | Pool>(() => (creating ? get('/cluster/{fsid}/pool/defaults', { path: { fsid } }) : Promise.resolve(pool)),
    [fsid, pool?.id]);
  const profiles = useLoad(() => get('/cluster/{fsid}/erasure_code_profile', { path: { fsid } }), [fsid]);
  const initial = defaults.data ? valuesOf(defaults.data) : undefined;
  const [edited, setEdited] = useState<Partial<Values>>({});
  const refusal = useRefusal();
  const [busy, setBusy] = useState(false);
  if (!initial) return <p class="loading" aria-busy="true">Loading…</p>;

  const values = { ...initial, ...edited } as Values;
  const set = (key: Edited) => (event: { currentTarget: { value: string } }) =>
    setEdited({ ...edited, [key]: event.currentTarget.value });
  const field = (key: Edited, label: string, control: preact.JSX.Element, hint?: string) => (
    <Field id={`pool-${key}`} label={label} error={refusal.forField(key)} hint={hint}>{control}</Field>
  );
  const input = (key: Edited, attributes: preact.JSX.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input id={`pool-${key}`} name={key} value={values[key]} onInput={set(key)}
           {...invalidWhen(refusal.forField(key), `pool-${key}`)} {...attributes} />
  );
  const erasure = values.type === 'erasure';

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    const name = values.name;
    const fields = body(values, initial, creating);
    if (!creating) {
      const changed = Object.entries(fields).map(([key, value]) => `${key.replaceAll('_', ' ')} to ${value}`);
      if (changed.length === 0) {
        refusal.refuse('Nothing changed.');
        setBusy(false);
        return;
      }
      const confirmed = await confirmAction({
        title: `Change pool ${pool.name}?`,
        body: `Set ${changed.join(', ')}.${await movementText(fsid, pool.id, fields)}`,
        confirmLabel: 'Change pool',
      });
      if (!confirmed) {
        setBusy(false);
        return;
      }
    }
    try {
      if (await requestForForm(refusal, creating ? `Create pool ${name}` : `Change pool ${pool.name}`, () =>
        creating ? submit('POST', '/cluster/{fsid}/pool', { path: { fsid }, body: fields })
          : submit('PATCH', '/cluster/{fsid}/pool/{id}', { path: { fsid, id: pool.id }, body: fields }))) done(name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="pool-form" aria-label={creating ? 'New pool' : `Settings of pool ${pool.name}`} onSubmit={save} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        {field('name', 'Name', input('name', { autocomplete: 'off', required: true }))}
        {field('type', 'Type', (
          <select id="pool-type" value={values.type} onChange={set('type')} disabled={!creating}>
            <option value="replicated">Replicated</option>
            <option value="erasure">Erasure-coded</option>
          </select>
        ), creating ? undefined : 'set at creation')}
        {erasure && field('erasure_code_profile', 'Erasure-code profile', (
          <select id="pool-erasure_code_profile" value={values.erasure_code_profile} onChange={set('erasure_code_profile')}
                  disabled={!creating} {...invalidWhen(refusal.forField('erasure_code_profile'), 'pool-erasure_code_profile')}>
            <option value="">Default</option>
            {profiles.data?.map((profile) => <option key={profile.name} value={profile.name}>{profile.name}</option>)}
          </select>
        ))}
        {field('pg_num', 'Placement groups', input('pg_num', { type: 'number', min: 1, inputMode: 'numeric' }))}
        {!erasure && field('size', 'Replicas', input('size', { type: 'number', min: 1, max: 10 }))}
        {!erasure && field('min_size', 'Minimum replicas for I/O', input('min_size', { type: 'number', min: 1, max: 10 }))}
        {field('quota_max_bytes', 'Quota, bytes', input('quota_max_bytes', { type: 'number', min: 0 }), '0: no quota')}
        {field('quota_max_objects', 'Quota, objects', input('quota_max_objects', { type: 'number', min: 0 }), '0: no quota')}
        {field('application', 'Application', input('application', { list: 'pool-applications', autocomplete: 'off' }),
          'rbd, rgw, cephfs or your own')}
      </div>
      <datalist id="pool-applications">{APPLICATIONS.map((name) => <option key={name} value={name} />)}</datalist>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>{creating ? 'Create pool' : 'Save changes'}</button>
      </div>
    </form>
  );
}
