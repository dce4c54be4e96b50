// The forms that make and change RBD images, with the API's field errors beside the fields.
import { useState } from 'preact/hooks';
import { submit } from '../api/client';
import type { Pool, RbdImage, RbdImageForm } from '../api/types';
import { confirmAction, requestForForm } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { bytes } from '../format';

const UNITS = { MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 } as const;
type Unit = keyof typeof UNITS;
/** What a new image may ask for, as librbd names them; the first five are Ceph's default set. */
const FEATURES = ['layering', 'exclusive-lock', 'object-map', 'fast-diff', 'deep-flatten', 'journaling'];
const DEFAULT_FEATURES = FEATURES.slice(0, 5);
const OBJECT_SIZES = [4096, 65536, 1 << 20, 4 << 20, 8 << 20, 16 << 20, 32 << 20];

/** Bytes from a number and a unit; what is not a number goes as typed, for the API to name the field. */
function sizeOf(amount: string, unit: Unit): number | string {
  return /^-?\d+(\.\d+)?$/.test(amount.trim()) ? Math.round(Number(amount) * UNITS[unit]) : amount;
}

function SizeField({ id, label, amount, unit, onAmount, onUnit, error }: {
  id: string; label: string; amount: string; unit: Unit; onAmount: (value: string) => void; onUnit: (unit: Unit) => void; error?: string;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <div class="inline">
        <input id={id} value={amount} inputMode="decimal" onInput={(event) => onAmount(event.currentTarget.value)} {...invalidWhen(error, id)} />
        <select aria-label={`${label} unit`} value={unit} onChange={(event) => onUnit(event.currentTarget.value as Unit)}>
          {Object.keys(UNITS).map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      </div>
    </Field>
  );
}

/** A new image in a block pool. */
export function NewImageForm({ fsid, pool, pools, done }: { fsid: string; pool: Pool; pools: Pool[]; done: (name: string) => void }) {
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('10');
  const [unit, setUnit] = useState<Unit>('GiB');
  const [features, setFeatures] = useState<string[]>(DEFAULT_FEATURES);
  const [objectSize, setObjectSize] = useState(String(4 << 20));
  const [dataPool, setDataPool] = useState('');
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const erasurePools = pools.filter((candidate) => candidate.type === 'erasure');

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    const form: RbdImageForm = { name, size: sizeOf(amount, unit), features, object_size: Number(objectSize) };
    if (dataPool) form.data_pool = dataPool;
    try {
      if (await requestForForm(refusal, `Create image ${pool.name}/${name}`, () => submit('POST', '/cluster/{fsid}/pool/{pool}/image', { path: { fsid, pool: pool.id }, body: form }))) done(name);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (feature: string) => setFeatures(features.includes(feature) ? features.filter((held) => held !== feature) : [...features, feature]);

  return (
    <form aria-label={`New image in ${pool.name}`} onSubmit={create} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        <Field id="image-name" label="Name" error={refusal.forField('name')}>
          <input id="image-name" value={name} autocomplete="off" onInput={(event) => setName(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('name'), 'image-name')} />
        </Field>
        <SizeField id="image-size" label="Size" amount={amount} unit={unit} onAmount={setAmount} onUnit={setUnit} error={refusal.forField('size')} />
        <Field id="image-object-size" label="Object size" error={refusal.forField('object_size')}>
          <select id="image-object-size" value={objectSize} onChange={(event) => setObjectSize(event.currentTarget.value)}>
            {OBJECT_SIZES.map((size) => <option key={size} value={size}>{bytes(size)}</option>)}
          </select>
        </Field>
        <Field id="image-data-pool" label="Data pool" error={refusal.forField('data_pool')} hint="an erasure-coded pool with overwrites allowed">
          <select id="image-data-pool" value={dataPool} onChange={(event) => setDataPool(event.currentTarget.value)}>
            <option value="">{pool.name} itself</option>
            {erasurePools.map((candidate) => <option key={candidate.id} value={candidate.name}>{candidate.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset class="feature-choice">
        <legend>Features</legend>
        {FEATURES.map((feature) => (
          <label key={feature}><input type="checkbox" checked={features.includes(feature)} onChange={() => toggle(feature)} /> {feature}</label>
        ))}
        {refusal.forField('features') && <span class="field-error">{refusal.forField('features')}</span>}
      </fieldset>
      <div class="buttons"><button type="submit" class="primary" disabled={busy}>Create image</button></div>
    </form>
  );
}

/** Rename and resize; making an image smaller asks for its name to be typed, as it discards data. */
export function ImageSettingsForm({ fsid, pool, image, done }: { fsid: string; pool: Pool; image: RbdImage; done: (name: string) => void }) {
  const [name, setName] = useState(image.name);
  const gib = image.size % UNITS.GiB === 0;
  const [amount, setAmount] = useState(String(image.size / UNITS[gib ? 'GiB' : 'MiB']));
  const [unit, setUnit] = useState<Unit>(gib ? 'GiB' : 'MiB');
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();

  const save = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    const form: RbdImageForm = {};
    if (name !== image.name) form.name = name;
    const size = sizeOf(amount, unit);
    if (size !== image.size) form.size = size;
    if (Object.keys(form).length === 0) {
      refusal.refuse('Nothing changed.');
      return;
    }
    if (typeof size === 'number' && size < image.size) {
      const confirmed = await confirmAction({
        title: `Shrink image ${image.name}?`,
        body: `Everything beyond ${bytes(size)} of ${image.name} is lost, for good, and a file system on it may not survive.`,
        confirmLabel: 'Shrink image',
        typed: image.name,
      });
      if (!confirmed) return;
      form.allow_shrink = true;
    }
    setBusy(true);
    try {
      if (await requestForForm(refusal, `Change image ${pool.name}/${image.name}`, () =>
        submit('PATCH', '/cluster/{fsid}/pool/{pool}/image/{name}', { path: { fsid, pool: pool.id, name: image.name }, body: form }))) done(form.name ?? image.name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form aria-label={`Settings of image ${image.name}`} onSubmit={save} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        <Field id="settings-name" label="Name" error={refusal.forField('name')}>
          <input id="settings-name" value={name} autocomplete="off" onInput={(event) => setName(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('name'), 'settings-name')} />
        </Field>
        <SizeField id="settings-size" label="Size" amount={amount} unit={unit} onAmount={setAmount} onUnit={setUnit} error={refusal.forField('size')} />
      </div>
      <div class="buttons"><button type="submit" class="primary" disabled={busy}>Save changes</button></div>
    </form>
  );
}

/**
 * A new image from this one: a full copy of it as it is now, or a clone of one of its protected snapshots, which
 * shares the snapshot's data until it is flattened.
 */
export function CopyForm({ fsid, pool, pools, image }: { fsid: string; pool: Pool; pools: Pool[]; image: RbdImage }) {
  const protectedSnapshots = image.snapshots.filter((snapshot) => snapshot.protected);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState(pool.name);
  const [name, setName] = useState(`${image.name}-copy`);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const blockPools = pools.filter((candidate) => candidate.application.includes('rbd'));

  const make = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    const at = { fsid, pool: pool.id, name: image.name };
    try {
      await requestForForm(refusal, `${source ? 'Clone' : 'Copy'} ${image.name}${source ? `@${source}` : ''} to ${target}/${name}`, () =>
        source ? submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}/clone', { path: { ...at, snapshot: source }, body: { pool: target, name } })
          : submit('POST', '/cluster/{fsid}/pool/{pool}/image/{name}/copy', { path: at, body: { pool: target, name } }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form aria-label={`Copy or clone ${image.name}`} onSubmit={make} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        <Field id="copy-source" label="From" hint="clones share a protected snapshot's data; copies share nothing">
          <select id="copy-source" value={source} onChange={(event) => setSource(event.currentTarget.value)}>
            <option value="">The image as it is now (copy)</option>
            {protectedSnapshots.map((snapshot) => <option key={snapshot.name} value={snapshot.name}>Snapshot {snapshot.name} (clone)</option>)}
          </select>
        </Field>
        <Field id="copy-pool" label="To pool" error={refusal.forField('pool')}>
          <select id="copy-pool" value={target} onChange={(event) => setTarget(event.currentTarget.value)}>
            {blockPools.map((candidate) => <option key={candidate.id} value={candidate.name}>{candidate.name}</option>)}
          </select>
        </Field>
        <Field id="copy-name" label="New image's name" error={refusal.forField('name')}>
          <input id="copy-name" value={name} autocomplete="off" onInput={(event) => setName(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('name'), 'copy-name')} />
        </Field>
      </div>
      <div class="buttons"><button type="submit" class="primary" disabled={busy}>{source ? 'Clone' : 'Copy'}</button></div>
    </form>
  );
}
