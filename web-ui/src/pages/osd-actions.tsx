// What may be done to OSDs, one or several at once: Calamari's writable fields and its valid_commands.
import { ApiError, message, post, submit } from '../api/client';
import { moves } from '../format';
import type { MovementPreview, Osd } from '../api/types';
import { confirmAction, runRequest } from '../components/actions';

export interface OsdAction {
  key: string;
  label: string;
  /** Whether it applies to this OSD now. */
  applies: (osd: Osd) => boolean;
  /** Asked before it runs on these OSDs, when it moves data or cannot be taken back. */
  confirm?: (osds: Osd[]) => { title: string; body: string };
  /** What it would move, computed with Ceph's CRUSH, added to the question. */
  preview?: (fsid: string, osd: Osd) => Promise<MovementPreview>;
  run: (fsid: string, osd: Osd) => ReturnType<typeof submit>;
}

const names = (osds: Osd[]) => osds.map((osd) => `osd.${osd.id}`).join(', ');
const command = (name: string) => (fsid: string, osd: Osd) => submit('POST', '/cluster/{fsid}/osd/{id}/command/{command}', { path: { fsid, id: osd.id, command: name } });
/** What marking the OSD out would move: a drain begins with it. */
const markingOut = (fsid: string, osd: Osd) => post('/cluster/{fsid}/osd/{id}/preview', { path: { fsid, id: osd.id }, body: { in: false } });
const change = (body: object) => (fsid: string, osd: Osd) => submit('PATCH', '/cluster/{fsid}/osd/{id}', { path: { fsid, id: osd.id }, body: body });

export const OSD_ACTIONS: OsdAction[] = [
  { key: 'in', label: 'Mark in', applies: (osd) => !osd.in, run: change({ in: true }) },
  {
    key: 'out', label: 'Mark out', applies: (osd) => osd.in, run: change({ in: false }),
    preview: markingOut,
    confirm: (osds) => ({
      title: `Mark ${names(osds)} out?`,
      body: 'Ceph moves their placement groups to other OSDs: data is copied until the cluster is clean again.',
    }),
  },
  {
    key: 'down', label: 'Mark down', applies: (osd) => osd.up, run: change({ up: false }),
    confirm: (osds) => ({
      title: `Mark ${names(osds)} down?`,
      body: 'Their clients wait until each OSD reports itself up again, which a running daemon does within seconds.',
    }),
  },
  {
    key: 'drain', label: 'Drain', applies: (osd) => osd.in || osd.up, run: (fsid, osd) => submit('POST', '/cluster/{fsid}/osd/{id}/drain', { path: { fsid, id: osd.id } }),
    preview: markingOut,
    confirm: (osds) => ({
      title: `Drain ${names(osds)}?`,
      body: 'Each is marked out and its placement groups move to other OSDs; its request ends once Ceph says it is safe to destroy.',
    }),
  },
  { key: 'scrub', label: 'Scrub', applies: (osd) => osd.valid_commands.includes('scrub'), run: command('scrub') },
  { key: 'deep_scrub', label: 'Deep-scrub', applies: (osd) => osd.valid_commands.includes('deep_scrub'), run: command('deep_scrub') },
  {
    key: 'repair', label: 'Repair', applies: (osd) => osd.valid_commands.includes('repair'), run: command('repair'),
    confirm: (osds) => ({
      title: `Repair ${names(osds)}?`,
      body: 'Ceph overwrites the copies it finds inconsistent with the authoritative one.',
    }),
  },
];

/** Runs an action on every OSD it applies to, each as its own tracked request, after confirmation when asked. */
export async function runOnOsds(fsid: string, action: OsdAction, osds: Osd[]): Promise<boolean> {
  const targets = osds.filter(action.applies);
  if (targets.length === 0) return false;
  if (action.confirm) {
    const question = action.confirm(targets);
    const moves = action.preview ? await previewText(fsid, action.preview, targets) : '';
    if (!(await confirmAction({ ...question, body: `${question.body}${moves}`, confirmLabel: action.label }))) return false;
  }
  await Promise.allSettled(targets.map((osd) => runRequest(`${action.label}: osd.${osd.id}`, () => action.run(fsid, osd))));
  return true;
}

/** Each OSD's preview in words, or why there is none: the question is asked all the same. */
async function previewText(fsid: string, preview: NonNullable<OsdAction['preview']>, osds: Osd[]): Promise<string> {
  const lines = await Promise.all(osds.map(async (osd) => {
    try {
      return ` osd.${osd.id}: ${moves(await preview(fsid, osd))}`;
    } catch (failure) {
      return ` osd.${osd.id}: no preview (${message(failure)}).`;
    }
  }));
  return lines.join('');
}

/** Reweights after confirmation: a lower weight moves data off the OSDs. */
export async function reweightOsds(fsid: string, osds: Osd[], weight: number): Promise<void> {
  const reweighting = (cluster: string, osd: Osd) => post('/cluster/{fsid}/osd/{id}/preview', { path: { fsid: cluster, id: osd.id }, body: { reweight: weight } });
  const confirmed = await confirmAction({
    title: `Reweight ${names(osds)} to ${weight}?`,
    body: `Ceph moves placement groups to match the new weight.${await previewText(fsid, reweighting, osds)}`,
    confirmLabel: 'Reweight',
  });
  if (!confirmed) return;
  await Promise.allSettled(osds.map((osd) =>
    runRequest(`Reweight: osd.${osd.id}`, () => submit('PATCH', '/cluster/{fsid}/osd/{id}', { path: { fsid, id: osd.id }, body: { reweight: weight } }))));
}

/**
 * Destroys an OSD (its id kept for a replacement) or purges it (gone from the maps), once its name is typed. When Ceph
 * says it is not safe to destroy, its reason is shown and the operator may go ahead only by typing the name again.
 */
export async function removeOsd(fsid: string, id: number, purge: boolean): Promise<void> {
  const name = `osd.${id}`;
  const verb = purge ? 'Purge' : 'Destroy';
  if (!await confirmAction({
    title: `${verb} ${name}?`,
    body: purge
      ? `${name} stops and is removed from the OSD map, CRUSH and auth; its device is wiped. Drain it first.`
      : `${name} stops and is destroyed: its id and CRUSH place wait for a replacement on a new device; its device is wiped. Drain it first.`,
    confirmLabel: verb, typed: name,
  })) return;
  const removal = (body: { confirm: string; override?: string }) => (purge
    ? submit('POST', '/cluster/{fsid}/osd/{id}/purge', { path: { fsid, id }, body })
    : submit('POST', '/cluster/{fsid}/osd/{id}/destroy', { path: { fsid, id }, body }));
  try {
    await runRequest(`${verb} ${name}`, () => removal({ confirm: name }));
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.reason === 'NotSafeToDestroy')) return;
    if (await confirmAction({
      title: `Ceph says ${name} is not safe to destroy`,
      body: `${failure.message} Going ahead loses the data only it holds.`,
      confirmLabel: `${verb} anyway`, typed: name,
    })) {
      await runRequest(`${verb} ${name} against Ceph's advice`, () => removal({ confirm: name, override: name })).catch(() => undefined);
    }
  }
}
