// The frame around every page: where you are, which cluster, its health, the live events, and who you are.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get } from '../api/client';
import { recentEvents, streamConnected, unseenEvents } from '../live';
import { clusters, currentCluster, isAdministrator, logout, me, rememberCluster } from '../session';
import { severityClass, timeAgo } from '../format';
import { useLoad } from './load';

/** The cluster the URL is about, if any. */
export function fsidOf(path: string): string | undefined {
  return path.match(/^\/ui\/cluster\/([^/]+)/)?.[1];
}

export function clusterPath(fsid: string, rest = ''): string {
  return `/ui/cluster/${fsid}${rest}`;
}

function HealthBadge({ fsid }: { fsid: string }) {
  const health = useLoad(() => get('/cluster/{fsid}/health', { path: { fsid } }), [fsid],
    (update) => update.type === 'health' && update.fsid === fsid);
  const status = health.data?.report.status ?? (health.error ? 'UNKNOWN' : '…');
  return (
    <a class={`badge ${severityClass(status)}`} href={clusterPath(fsid)} title="Cluster health" data-testid="health-badge">
      {status.replace('HEALTH_', '')}
    </a>
  );
}

function ClusterSwitcher({ fsid, inPath }: { fsid: string | undefined; inPath: boolean }) {
  const { path, route } = useLocation();
  if (clusters.value.length === 0) return <span class="sub">No cluster yet</span>;
  return (
    <label class="switcher">
      <span class="visually-hidden">Cluster</span>
      <select value={fsid ?? ''} aria-label="Cluster" onChange={(event) => {
        const chosen = event.currentTarget.value;
        rememberCluster(chosen);
        route(fsid && inPath ? path.replace(`/cluster/${fsid}`, `/cluster/${chosen}`) : clusterPath(chosen));
      }}>
        {clusters.value.map((cluster) => (
          <option value={cluster.id} key={cluster.id}>{cluster.name} ({cluster.id.slice(0, 8)})</option>
        ))}
      </select>
    </label>
  );
}

/** The alerts firing now, in every cluster: a link to them, red while any is critical. */
function FiringAlerts() {
  const firing = useLoad(() => get('/alert', { query: { state: 'firing', page_size: 100 } }), [], (update) => update.type === 'alert');
  const count = firing.data?.count ?? 0;
  if (count === 0) return null;
  const critical = firing.data?.results.some((alert) => alert.severity === 'critical');
  return (
    <a class={`badge ${critical ? 'critical' : 'warn'}`} href="/ui/alerts?state=firing" data-testid="firing-alerts"
       title={firing.data?.results.map((alert) => `${alert.name}: ${alert.summary}`).join('\n')}>
      {count} firing
    </a>
  );
}

function EventsBell() {
  const [open, setOpen] = useState(false);
  const unseen = unseenEvents.value;
  return (
    <div class="popover-anchor">
      <button type="button" class="bell" aria-expanded={open} aria-label={`Events, ${unseen} new`} onClick={() => {
        setOpen(!open);
        unseenEvents.value = 0;
      }}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unseen > 0 && <span class="count" data-testid="unseen-events">{unseen}</span>}
      </button>
      {open && (
        <div class="popover" role="region" aria-label="Live events">
          {!streamConnected.value && <p class="sub">Reconnecting to the live stream…</p>}
          <p><a href="/ui/events" onClick={() => setOpen(false)}>All events and the cluster log</a></p>
          {recentEvents.value.length === 0 ? <p class="empty">No event since you opened the console.</p> : (
            <ul class="events">
              {recentEvents.value.map((event) => (
                <li key={event.id} class={severityClass(event.severity)}>
                  <span class={`dot ${severityClass(event.severity)}`} aria-label={event.severity} />
                  {event.message}
                  <div class="sub">{timeAgo(event.when)}{event.fqdn ? ` · ${event.fqdn}` : ''}</div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function UserMenu() {
  const { path, route } = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  const user = me.value!;
  // a menu left open over the next page would hide it
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [path]);
  return (
    <details class="user-menu" ref={menu}>
      <summary aria-label="User menu">{user.username}</summary>
      <div class="popover">
        <p class="sub">Signed in as <strong>{user.username}</strong> ({user.role})</p>
        <p><a href="/ui/account">Password and API tokens</a></p>
        <button type="button" onClick={async () => {
          await logout();
          route('/ui/login');
        }}>Log out</button>
      </div>
    </details>
  );
}

export function Shell({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const inPath = fsidOf(path);
  useEffect(() => {
    if (inPath) rememberCluster(inPath);
  }, [inPath]);
  const fsid = inPath ?? currentCluster.value;
  const link = (href: string, label: string, exact = false) => (
    <a href={href} aria-current={(exact ? path === href : path.startsWith(href)) ? 'page' : undefined}>{label}</a>
  );
  return (
    <>
      <header class="shell">
        <a class="brand" href="/ui/">Loligo</a>
        <ClusterSwitcher fsid={fsid} inPath={inPath !== undefined} />
        {fsid && <HealthBadge fsid={fsid} />}
        <nav aria-label="Main">
          {fsid && link(clusterPath(fsid), 'Dashboard', true)}
          {fsid && link(clusterPath(fsid, '/osd'), 'OSDs')}
          {fsid && link(clusterPath(fsid, '/pool'), 'Pools')}
          {fsid && link(clusterPath(fsid, '/block'), 'Block')}
          {fsid && link(clusterPath(fsid, '/file'), 'File')}
          {fsid && link(clusterPath(fsid, '/object'), 'Object')}
          {fsid && link(clusterPath(fsid, '/crush'), 'CRUSH')}
          {fsid && link(clusterPath(fsid, '/mon'), 'Monitors')}
          {fsid && link(clusterPath(fsid, '/config'), 'Config')}
          {link('/ui/hosts', 'Hosts')}
          {link('/ui/requests', 'Requests')}
          {link('/ui/alerts', 'Alerts')}
          {link('/ui/events', 'Events')}
          {isAdministrator.value && link('/ui/admin', 'Admin')}
        </nav>
        <span class="spacer" />
        <FiringAlerts />
        <EventsBell />
        <UserMenu />
      </header>
      <main>{children}</main>
    </>
  );
}
