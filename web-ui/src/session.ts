// Who is logged in and which clusters there are: the state every page shares.
import { computed, signal } from '@preact/signals';
import { get, post } from './api/client';
import type { Cluster, Me, Role } from './api/types';

export const me = signal<Me | null>(null);
export const clusters = signal<Cluster[]>([]);

const CLUSTER_KEY = 'loligo.cluster';
const remembered = signal<string | null>(localStorage.getItem(CLUSTER_KEY));

/** The cluster pages outside any one cluster's URL stay with: the one last visited, or the first. */
export const currentCluster = computed(() =>
  clusters.value.find((cluster) => cluster.id === remembered.value)?.id ?? clusters.value[0]?.id);

export function rememberCluster(fsid: string) {
  if (remembered.value === fsid) return;
  remembered.value = fsid;
  localStorage.setItem(CLUSTER_KEY, fsid);
}

const RANK: Record<Role, number> = { 'read-only': 0, operator: 1, administrator: 2 };

/** Whether the user may run operations: read-only users see no action controls. */
export const canOperate = computed(() => me.value !== null && RANK[me.value.role] >= RANK.operator);
export const isAdministrator = computed(() => me.value?.role === 'administrator');

/** Finds out whether a session is open, and for whom. */
export async function resume(): Promise<boolean> {
  try {
    const user = await get('/user/{id}', { path: { id: 'me' } });
    me.value = { username: user.username, role: user.role as Role };
    clusters.value = await get('/cluster');
    return true;
  } catch {
    me.value = null;
    return false;
  }
}

export async function login(username: string, password: string) {
  // the XSRF cookie comes with the login form
  await get('/auth/login');
  const user = await post('/auth/login', { body: { username, password } });
  me.value = user;
  clusters.value = await get('/cluster');
}

export async function logout() {
  await post('/auth/logout').catch(() => undefined);
  me.value = null;
  clusters.value = [];
}

export async function refreshClusters() {
  clusters.value = await get('/cluster');
}
