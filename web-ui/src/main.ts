import './style.css';
import { api, ApiError, type Cluster, type Server } from './api';

const app = document.querySelector<HTMLDivElement>('#app')!;
const REFRESH_MS = 5000;
let refreshTimer: number | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function route() {
  window.clearTimeout(refreshTimer);
  if (location.hash === '#/login') {
    showLogin();
  } else {
    void showOverview();
  }
}

function showLogin(message?: string) {
  const error = el('p', { class: 'error', role: 'alert' }, message ?? '');
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: '' });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: '' });
  const submit = el('button', { type: 'submit' }, 'Log in');
  const form = el('form', { class: 'login', 'aria-label': 'Log in to Loligo' },
    el('h1', {}, 'Loligo'),
    el('label', { for: 'username' }, 'User name'), username,
    el('label', { for: 'password' }, 'Password'), password,
    submit, error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await api.login(username.value, password.value);
      location.hash = '#/';
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  });
  app.replaceChildren(form);
  username.focus();
}

function timeAgo(iso: string | null): string {
  if (!iso) return 'unknown';
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

function header(): HTMLElement {
  const logout = el('button', { type: 'button', class: 'link' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api.logout().catch(() => undefined);
    location.hash = '#/login';
  });
  return el('header', {}, el('span', { class: 'brand' }, 'Loligo'), logout);
}

function clusterTable(clusters: Cluster[]): HTMLElement {
  if (clusters.length === 0) {
    return el('p', { class: 'empty' }, 'No cluster yet. A node-agent that reaches a cluster reports it within seconds.');
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'FSID'), el('th', {}, 'Updated'))),
    el('tbody', {}, ...clusters.map((c) =>
      el('tr', {}, el('td', {}, c.name), el('td', { class: 'mono' }, c.id), el('td', {}, timeAgo(c.update_time))))));
}

function serverTable(servers: Server[]): HTMLElement {
  if (servers.length === 0) {
    return el('p', { class: 'empty' }, 'No server has reported yet. Start a node-agent on a Ceph host.');
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Server'), el('th', {}, 'Status'), el('th', {}, 'Services'),
      el('th', {}, 'Ceph'), el('th', {}, 'Last contact'))),
    el('tbody', {}, ...servers.map((s) =>
      el('tr', { class: s.late ? 'late' : '' },
        el('td', {}, el('strong', {}, s.hostname), el('div', { class: 'sub' }, s.fqdn)),
        el('td', {}, el('span', { class: `badge ${s.late ? 'warn' : 'ok'}` }, s.late ? 'Late' : 'Reporting')),
        el('td', {}, ...s.services.map((svc) =>
          el('span', { class: `chip ${svc.running ? '' : 'stopped'}`, title: svc.running ? 'running' : 'not running' },
            `${svc.type}.${svc.id}`))),
        el('td', {}, s.ceph_version ?? '–'),
        el('td', {}, timeAgo(s.last_contact))))));
}

async function showOverview() {
  if (!app.querySelector('main')) {
    app.replaceChildren(header(), el('main', {}, el('p', { class: 'loading' }, 'Loading…')));
  }
  const main = app.querySelector('main')!;
  try {
    const [clusters, servers] = await Promise.all([api.clusters(), api.servers()]);
    main.replaceChildren(
      el('section', { 'aria-labelledby': 'clusters-title' }, el('h2', { id: 'clusters-title' }, 'Clusters'), clusterTable(clusters)),
      el('section', { 'aria-labelledby': 'servers-title' }, el('h2', { id: 'servers-title' }, 'Servers'), serverTable(servers)));
    refreshTimer = window.setTimeout(() => void showOverview(), REFRESH_MS);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      location.hash = '#/login';
      return;
    }
    main.replaceChildren(el('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
    refreshTimer = window.setTimeout(() => void showOverview(), REFRESH_MS);
  }
}

window.addEventListener('hashchange', route);
route();
