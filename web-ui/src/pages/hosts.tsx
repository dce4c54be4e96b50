import { get } from '../api/client';
import { Async, useLoad } from '../components/load';
import { timeAgo } from '../format';

export function Hosts() {
  const servers = useLoad(() => get('/server'), [], (update) => update.type === 'event');
  return (
    <div>
      <h1>Hosts</h1>
      <Async loaded={servers} empty={(list) => (list.length ? undefined : 'No server has reported yet. Start a node-agent on a Ceph host.')}>
        {(list) => (
          <table aria-label="Hosts">
            <thead><tr><th>Server</th><th>Status</th><th>Services</th><th>Ceph</th><th>Last contact</th></tr></thead>
            <tbody>
              {list.map((server) => (
                <tr key={server.fqdn} class={server.late ? 'late' : undefined}>
                  <td><a href={`/ui/hosts/${encodeURIComponent(server.fqdn)}`}><strong>{server.hostname}</strong></a><div class="sub">{server.fqdn}</div></td>
                  <td><span class={`badge ${server.late ? 'warn' : 'ok'}`}>{server.late ? 'Late' : 'Reporting'}</span></td>
                  <td>{server.services.map((service) => (
                    <span key={`${service.type}.${service.id}`} class={`chip ${service.running ? '' : 'stopped'}`}
                          title={service.running ? 'running' : 'not running'}>{service.type}.{service.id}</span>
                  ))}</td>
                  <td>{server.ceph_version ?? '–'}</td>
                  <td>{timeAgo(server.last_contact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </div>
  );
}
