import { useRoute } from 'preact-iso';
import { ApiError, get, submit } from '../api/client';
import type { Device, Server, Service } from '../api/types';
import { useState } from 'preact/hooks';
import { confirmAction, requestForForm, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { canOperate } from '../session';
import { MetricGraph, RangePicker } from '../components/chart';
import { Async, useLoad } from '../components/load';
import { bytes, timeAgo } from '../format';

const GRAPHS = [
  { key: 'cpu', title: 'CPU', unit: '%' },
  { key: 'memory', title: 'Memory', unit: 'bytes' },
  { key: 'disk', title: 'Disk I/O', unit: 'per s' },
  { key: 'network', title: 'Network', unit: 'bytes/s' },
];

type DaemonAction = 'start' | 'stop' | 'restart';
const VERBS: Record<DaemonAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };

/** As Ceph names a daemon: osd.1, mon.a, client.rgw.a. */
const daemonName = (service: Service) => (service.type === 'rgw' ? `client.rgw.${service.id}` : `${service.type}.${service.id}`);

/**
 * Starts, stops or restarts a daemon through its host's agent. Ceph's ok-to-stop answers first for OSDs and mons; when
 * it refuses, its reason is shown and the operator may go ahead only by typing the daemon's name.
 */
async function controlDaemon(fqdn: string, daemon: string, action: DaemonAction) {
  const verb = VERBS[action];
  if (action !== 'start' && !await confirmAction({
    title: `${verb} ${daemon}?`,
    body: `${daemon} on ${fqdn} ${action === 'stop' ? 'stops until started again' : 'stops and starts again'}; Ceph is asked first whether it may.`,
    confirmLabel: verb,
  })) return;
  try {
    await runRequest(`${verb} ${daemon}`, () => submit('POST', '/server/{fqdn}/daemon/{daemon}', { path: { fqdn, daemon }, body: { action } }));
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.reason === 'NotOkToStop')) return;
    if (await confirmAction({
      title: `Ceph advises against stopping ${daemon}`,
      body: `${failure.message} Going ahead may leave data unavailable until it runs again.`,
      confirmLabel: `${verb} anyway`, typed: daemon,
    })) {
      await runRequest(`${verb} ${daemon} against Ceph's advice`, () => submit('POST', '/server/{fqdn}/daemon/{daemon}', { path: { fqdn, daemon }, body: { action, override: daemon } })).catch(() => undefined);
    }
  }
}

/**
 * Takes the host into maintenance (noout on its CRUSH host, its OSDs, MDSs and RGWs stopped after Ceph's ok-to-stop
 * for its OSDs together) or out of it. A refusal shows Ceph's reason; the operator may go ahead by typing the fqdn.
 */
async function maintenance(fqdn: string, action: 'enter' | 'exit') {
  const label = `${action === 'enter' ? 'Enter' : 'Exit'} maintenance on ${fqdn}`;
  if (!await confirmAction(action === 'enter'
    ? { title: `${label}?`, body: 'Its OSDs stay in (noout) while its OSDs, MDSs and RGWs stop; its mons and mgrs keep running.', confirmLabel: 'Enter maintenance' }
    : { title: `${label}?`, body: 'The daemons maintenance stopped start again, the noout flag is cleared, and the request follows recovery until every PG is active+clean.', confirmLabel: 'Exit maintenance' })) return;
  try {
    await runRequest(label, () => submit('POST', '/server/{fqdn}/maintenance', { path: { fqdn }, body: { action } }));
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.reason === 'NotOkToStop')) return;
    if (await confirmAction({
      title: `Ceph advises against stopping the OSDs of ${fqdn}`,
      body: `${failure.message} Going ahead leaves data unavailable until maintenance ends.`,
      confirmLabel: 'Enter anyway', typed: fqdn,
    })) {
      await runRequest(`${label} against Ceph's advice`, () => submit('POST', '/server/{fqdn}/maintenance', { path: { fqdn }, body: { action, override: fqdn } })).catch(() => undefined);
    }
  }
}

function Services({ server }: { server: Server }) {
  const operate = canOperate.value;
  if (server.services.length === 0) return <p class="empty">No Ceph service runs here.</p>;
  const restartAll = async () => {
    if (!await confirmAction({
      title: `Restart every daemon of ${server.hostname}?`,
      body: 'One at a time, mons first, each once Ceph says it may stop and the one before it runs again; the request stops at the first Ceph refuses.',
      confirmLabel: 'Restart all',
    })) return;
    await runRequest(`Restart the daemons of ${server.fqdn}`, () => submit('POST', '/server/{fqdn}/restart', { path: { fqdn: server.fqdn } })).catch(() => undefined);
  };
  return (
    <>
      <div class="table-wrap">
        <table aria-label={`Daemons of ${server.hostname}`}>
          <thead><tr><th>Daemon</th><th>State</th>{operate && <th>Actions</th>}</tr></thead>
          <tbody>
            {server.services.map((service) => {
              const daemon = daemonName(service);
              return (
                <tr key={daemon}>
                  <td class="mono">{daemon}</td>
                  <td><span class={`badge ${service.running ? 'ok' : 'critical'}`}>{service.running ? 'running' : 'not running'}</span></td>
                  {operate && (
                    <td class="row-actions">
                      {(['start', 'stop', 'restart'] as DaemonAction[]).map((action) => (
                        <button key={action} type="button" class={action === 'stop' ? 'danger' : undefined} aria-label={`${VERBS[action]} ${daemon}`}
                                onClick={() => controlDaemon(server.fqdn, daemon, action)}>{VERBS[action]}</button>
                      ))}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {operate && (
        <div class="buttons">
          <button type="button" onClick={restartAll}>Restart all daemons one by one</button>
          <button type="button" onClick={() => maintenance(server.fqdn, 'enter')}>Enter maintenance</button>
          <button type="button" onClick={() => maintenance(server.fqdn, 'exit')}>Exit maintenance</button>
        </div>
      )}
    </>
  );
}

/** A new OSD on one of the host's available devices, or a destroyed OSD's replacement there. */
function NewOsd({ fqdn, devices, created }: { fqdn: string; devices: Device[]; created: () => void }) {
  const available = devices.filter((device) => device.available);
  const [device, setDevice] = useState('');
  const [deviceClass, setDeviceClass] = useState('');
  const [replaces, setReplaces] = useState('');
  const refusal = useRefusal();
  if (available.length === 0) return <p class="sub">No device here is available for a new OSD.</p>;
  const chosen = device || available[0].path;
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    const form: Record<string, unknown> = { device: chosen };
    if (deviceClass) form.device_class = deviceClass;
    if (replaces) form.osd_id = Number(replaces);
    if (await requestForForm(refusal, replaces ? `Replace osd.${replaces} on ${chosen}` : `Create an OSD on ${chosen}`,
      () => submit('POST', '/server/{fqdn}/osd', { path: { fqdn }, body: form }))) created();
  };
  return (
    <form aria-label={`New OSD on ${fqdn}`} onSubmit={create} noValidate class="inline-form">
      <RefusalNote refusal={refusal} />
      <Field id="osd-device" label="Device" error={refusal.forField('device')}>
        <select id="osd-device" value={chosen} onChange={(event) => setDevice((event.target as HTMLSelectElement).value)}
                {...invalidWhen(refusal.forField('device'), 'osd-device')}>
          {available.map((listed) => <option key={listed.path} value={listed.path}>{listed.path} ({bytes(listed.size_bytes)})</option>)}
        </select>
      </Field>
      <Field id="osd-class" label="Device class" error={refusal.forField('device_class')} hint="empty: as Ceph detects it">
        <input id="osd-class" value={deviceClass} onInput={(event) => setDeviceClass((event.target as HTMLInputElement).value)}
               {...invalidWhen(refusal.forField('device_class'), 'osd-class')} />
      </Field>
      <Field id="osd-replaces" label="Replaces OSD id" error={refusal.forField('osd_id')} hint="a destroyed OSD's; empty: a new id">
        <input id="osd-replaces" inputMode="numeric" value={replaces} onInput={(event) => setReplaces((event.target as HTMLInputElement).value)}
               {...invalidWhen(refusal.forField('osd_id'), 'osd-replaces')} />
      </Field>
      <button type="submit" class="primary">Create OSD</button>
    </form>
  );
}

/** The host's block devices as its agent reads them, with the OSDs on each and whether Ceph would take a new one. */
function Devices({ fqdn }: { fqdn: string }) {
  const devices = useLoad(() => get('/server/{fqdn}/device', { path: { fqdn } }), [fqdn]);
  return (
    <Async loaded={devices} empty={(data) => (data.devices.length ? undefined : 'No block device on this host.')}>
      {(data) => (
        <>
          <p class="sub">{data.inventory_read_at
            ? `Availability from ceph-volume's inventory of ${timeAgo(data.inventory_read_at)}.`
            : `Availability by Loligo's reading of lsblk: ${data.inventory_error ?? 'no ceph-volume inventory'}.`}</p>
          <div class="table-wrap">
            <table aria-label={`Devices of ${fqdn}`}>
              <thead><tr><th>Device</th><th>Type</th><th>Size</th><th>Kind</th><th>Model</th><th>Serial</th><th>Mounted</th><th>OSDs</th><th>For a new OSD</th></tr></thead>
              <tbody>
                {data.devices.map((device) => (
                  <tr key={device.path}>
                    <td class="mono">{device.parent ? '└ ' : ''}{device.path}</td>
                    <td>{device.type ?? '–'}</td>
                    <td>{bytes(device.size_bytes)}</td>
                    <td>{device.rotational === null ? '–' : device.rotational ? 'HDD' : 'SSD'}</td>
                    <td>{device.model ?? device.vendor ?? '–'}</td>
                    <td class="mono">{device.serial ?? '–'}</td>
                    <td class="mono">{device.mountpoint ?? '–'}</td>
                    <td>{device.osds.length ? device.osds.map((id) => `osd.${id}`).join(', ') : '–'}</td>
                    <td>{device.available === null ? '–' : device.available
                      ? <span class="badge ok">available</span>
                      : <span title={device.rejected_reasons.join('; ')}>{device.rejected_reasons.join('; ') || 'not available'}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canOperate.value && <NewOsd fqdn={fqdn} devices={data.devices} created={devices.reload} />}
        </>
      )}
    </Async>
  );
}

export function HostDetail() {
  const { params } = useRoute();
  const fqdn = decodeURIComponent(params.fqdn);
  const server = useLoad(() => get('/server/{fqdn}', { path: { fqdn } }), [fqdn],
    (update) => update.type === 'event' || update.type === 'request');
  return (
    <div>
      <p><a href="/ui/hosts">← Hosts</a></p>
      <Async loaded={server}>
        {(data) => (
          <>
            <h1>{data.hostname} <span class={`badge ${data.late ? 'warn' : 'ok'}`}>{data.late ? 'Late' : 'Reporting'}</span></h1>
            <p class="sub">{data.fqdn} · {data.os ?? 'unknown OS'} · Ceph {data.ceph_version ?? 'unknown'} · last contact {timeAgo(data.last_contact)}</p>
            <div class="stack">
            <section class="panel" aria-labelledby="services-title">
              <h2 id="services-title">Services</h2>
              <Services server={data} />
            </section>
            <section class="panel" aria-labelledby="devices-title">
              <h2 id="devices-title">Devices</h2>
              <Devices fqdn={data.fqdn} />
            </section>
            <section class="panel" aria-labelledby="host-graphs-title">
              <div class="panel-head"><h2 id="host-graphs-title">Resources</h2><RangePicker /></div>
              <div class="charts">{GRAPHS.map(({ key, title, unit }) => (
                <MetricGraph key={key} path="/server/{fqdn}/metrics/{graph}" params={{ fqdn: data.fqdn, graph: key }} title={title} unit={unit} />
              ))}</div>
            </section>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
