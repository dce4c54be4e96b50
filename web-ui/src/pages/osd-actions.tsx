// What may be done to OSDs, one or several at once: Calamari's writable fields and its valid_commands.
import { submit } from '../api/client';
import type { Osd } from '../api/types';
import { confirmAction, runRequest } from '../components/actions';

export interface OsdAction {
  key: string;
  label: string;
  /** Whether it applies to this OSD now. */
  applies: (osd: Osd) => boolean;
  /** Asked before it runs on these OSDs, when it moves data or cannot be taken back. */
  confirm?: (osds: Osd[]) => { title: string; body: string };
  run: (fsid: string, osd: Osd) => ReturnType<typeof submit>;
}

const names = (osds: Osd[]) => osds.map((osd) => `osd.${osd.id}`).join(', ');
const command = (name: string) => (fsid: string, osd: Osd) => submit('POST', `/cluster/${fsid}/osd/${osd.id}/command/${name}`);
const change = (body: object) => (fsid: string, osd: Osd) => submit('PATCH', `/cluster/${fsid}/osd/${osd.id}`, body);

export const OSD_ACTIONS: OsdAction[] = [
  { key: 'in', label: 'Mark in', applies: (osd) => !osd.in, run: change({ in: true }) },
  {
    key: 'out', label: 'Mark out', applies: (osd) => osd.in, run: change({ in: false }),
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
    if (!(await confirmAction({ ...question, confirmLabel: action.label }))) return false;
  }
  await Promise.allSettled(targets.map((osd) => runRequest(`${action.label}: osd.${osd.id}`, () => action.run(fsid, osd))));
  return true;
}

/** Reweights after confirmation: a lower weight moves data off the OSDs. */
export async function reweightOsds(fsid: string, osds: Osd[], weight: number): Promise<void> {
  const confirmed = await confirmAction({
    title: `Reweight ${names(osds)} to ${weight}?`,
    body: 'Ceph moves placement groups to match the new weight.',
    confirmLabel: 'Reweight',
  });
  if (!confirmed) return;
  await Promise.allSettled(osds.map((osd) =>
    runRequest(`Reweight: osd.${osd.id}`, () => submit('PATCH', `/cluster/${fsid}/osd/${osd.id}`, { reweight: weight }))));
}
