import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { del, get, patch, post, query } from '../api/client';
import type { AgentKey, AuditEntry, Role } from '../api/types';
import { confirmAction } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useAction, useRefusal } from '../components/form';
import { Async, ErrorNote, useLoad } from '../components/load';
import { ServerTable, type Column } from '../components/table';
import { Tabs, usePage, type Tab } from '../components/tabs';
import { timeAgo } from '../format';
import { isAdministrator, me } from '../session';

const ROLES: Role[] = ['read-only', 'operator', 'administrator'];

function NewUser({ done }: { done: () => void }) {
  const [values, setValues] = useState({ username: '', email: '', password: '', role: 'read-only' });
  const refusal = useRefusal();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [key]: event.currentTarget.value });
  const field = (key: keyof typeof values, label: string, type = 'text') => (
    <Field id={`user-${key}`} label={label} error={refusal.forField(key)}>
      <input id={`user-${key}`} type={type} value={values[key]} onInput={set(key)} autocomplete="off"
             {...invalidWhen(refusal.forField(key), `user-${key}`)} />
    </Field>
  );
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    try {
      await post('/user', { body: values });
      done();
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  return (
    <form class="panel" aria-label="New user" onSubmit={create} noValidate>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        {field('username', 'User name')}
        {field('email', 'E-mail', 'email')}
        {field('password', 'Password', 'password')}
        <Field id="user-role" label="Role" error={refusal.forField('role')}>
          <select id="user-role" value={values.role} onChange={set('role')}>{ROLES.map((role) => <option key={role}>{role}</option>)}</select>
        </Field>
      </div>
      <div class="buttons"><button type="button" onClick={done}>Cancel</button><button type="submit" class="primary">Create user</button></div>
    </form>
  );
}

function Users() {
  const users = useLoad(() => get('/user'), []);
  const [creating, setCreating] = useState(false);
  const { refusal: failure, run: act } = useAction(users.reload);
  return (
    <>
      <div class="panel-head">
        <h2>Users and roles</h2>
        {!creating && <button type="button" onClick={() => setCreating(true)}>New user</button>}
      </div>
      {creating && <NewUser done={() => {
        setCreating(false);
        users.reload();
      }} />}
      <RefusalNote refusal={failure} />
      <Async loaded={users}>
        {(list) => (
          <div class="table-wrap">
            <table aria-label="Users">
              <thead><tr><th>User</th><th>E-mail</th><th>Role</th><th>Since</th><th /></tr></thead>
              <tbody>
                {list.map((user) => (
                  <tr key={user.id}>
                    <td>{user.username}</td>
                    <td>{user.email || '–'}</td>
                    <td>
                      <select aria-label={`Role of ${user.username}`} value={user.role} disabled={user.username === me.value?.username}
                              onChange={(event) => act(() => patch('/user/{id}', { path: { id: user.id }, body: { role: event.currentTarget.value } }))}>
                        {ROLES.map((role) => <option key={role}>{role}</option>)}
                      </select>
                    </td>
                    <td>{timeAgo(user.created_at)}</td>
                    <td>
                      {user.username !== me.value?.username && (
                        <button type="button" onClick={async () => {
                          if (await confirmAction({ title: `Delete user ${user.username}?`, body: 'Their sessions and API tokens stop working.', confirmLabel: 'Delete user' })) {
                            act(() => del('/user/{id}', { path: { id: user.id } }));
                          }
                        }}>Delete</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  );
}

function Agents() {
  const keys = useLoad(() => get('/key'), [], (update) => update.type === 'event');
  const { refusal: failure, run } = useAction(keys.reload);
  const decide = async (key: AgentKey, status: 'accepted' | 'rejected') => {
    const question = status === 'rejected'
      ? { title: `Reject agent ${key.id}?`, body: 'It cannot be accepted again under this key: the agent needs a new one.', confirmLabel: 'Reject' }
      : { title: `Accept agent ${key.id}?`, body: `Its key is ${key.fingerprint}. Accept it only if the agent logged the same at its start.`, confirmLabel: 'Accept' };
    if (!(await confirmAction(question))) return;
    // an acceptance names the key shown here: if another waits by now, nothing is accepted
    const decision = status === 'accepted' ? { status, fingerprint: key.fingerprint } : { status };
    await run(() => patch('/key/{id}', { path: { id: key.id }, body: decision }));
  };
  const forget = async (key: AgentKey) => {
    if (!(await confirmAction({ title: `Forget agent ${key.id}?`, body: 'It shows up as pending again when it next reports.', confirmLabel: 'Forget' }))) return;
    await run(() => del('/key/{id}', { path: { id: key.id } }));
  };
  return (
    <>
      <h2>Agent enrolment</h2>
      <p class="sub">Compare a pending agent's fingerprint with the one it logged at its start before you accept it.</p>
      <RefusalNote refusal={failure} />
      <Async loaded={keys} empty={(list) => (list.length ? undefined : 'No agent has reported yet.')}>
        {(list) => (
          <div class="table-wrap">
            <table aria-label="Agents">
              <thead><tr><th>Agent</th><th>Status</th><th>Fingerprint</th><th>Last seen</th><th>Decided by</th><th /></tr></thead>
              <tbody>
                {list.map((key) => (
                  <tr key={key.id}>
                    <td>{key.id}<div class="sub">{key.fqdn}</div></td>
                    <td><span class={`badge ${key.status === 'accepted' ? 'ok' : key.status === 'pre' ? 'warn' : 'critical'}`}>
                      {key.status === 'pre' ? 'pending' : key.status}</span></td>
                    <td class="mono">{key.fingerprint}</td>
                    <td>{timeAgo(key.last_seen)}</td>
                    <td>{key.decided_by ?? '–'}</td>
                    <td class="row-actions">
                      {key.status === 'pre' && <button type="button" onClick={() => decide(key, 'accepted')}>Accept</button>}
                      {key.status !== 'rejected' && <button type="button" onClick={() => decide(key, 'rejected')}>Reject</button>}
                      <button type="button" onClick={() => forget(key)}>Forget</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  );
}

const AUDIT_PAGE_SIZE = 50;
const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { id: 'at', header: 'When', cell: ({ row }) => <span title={row.original.at}>{timeAgo(row.original.at)}</span> },
  { id: 'user', header: 'Who', cell: ({ row }) => row.original.user ?? '(anonymous)' },
  { id: 'source', header: 'From', cell: ({ row }) => row.original.source },
  {
    id: 'what', header: 'What',
    cell: ({ row }) => <><span class="mono">{row.original.method} {row.original.path}</span>
      {row.original.body && <div class="sub mono">{row.original.body}</div>}</>,
  },
  {
    id: 'outcome', header: 'Outcome',
    cell: ({ row }) => <span class={`badge ${row.original.outcome === 'succeeded' ? 'ok' : 'critical'}`}>
      {row.original.status} {row.original.outcome}{row.original.reason ? `: ${row.original.reason}` : ''}</span>,
  },
];

function Audit() {
  const { path, query: q, route } = useLocation();
  const [page, setPage] = usePage();
  const [user, setUser] = useState(q.user ?? '');
  const entries = useLoad(() => get('/audit', { query: { user: q.user, outcome: q.outcome, page, page_size: AUDIT_PAGE_SIZE } }),
    [q.user, q.outcome, page]);
  const set = (changes: Record<string, string>) => route(`${path}${query({ ...q, page: undefined, ...changes })}`);
  return (
    <>
      <h2>Audit log</h2>
      <form class="filters" role="search" onSubmit={(event) => {
        event.preventDefault();
        set({ user });
      }}>
        <label>User<input value={user} onInput={(event) => setUser(event.currentTarget.value)} onBlur={() => set({ user })} /></label>
        <label>Outcome
          <select value={q.outcome ?? ''} onChange={(event) => set({ outcome: event.currentTarget.value })}>
            <option value="">Any</option><option value="succeeded">succeeded</option><option value="failed">failed</option>
            <option value="refused">refused</option>
          </select>
        </label>
      </form>
      <Async loaded={entries} empty={(data) => (data.count === 0 ? 'No entry matches.' : undefined)}>
        {(data) => (
          <ServerTable<AuditEntry> label="Audit log" columns={AUDIT_COLUMNS} rows={data.results} rowCount={data.count}
                                   rowId={(entry) => String(entry.id)} page={page} pageSize={AUDIT_PAGE_SIZE} onPage={setPage} />
        )}
      </Async>
    </>
  );
}

const TABS: Tab<object>[] = [
  { key: 'users', label: 'Users', render: Users },
  { key: 'agents', label: 'Agents', render: Agents },
  { key: 'audit', label: 'Audit log', render: Audit },
];

export function Admin() {
  if (!isAdministrator.value) return <ErrorNote message="Only administrators manage users, agents and the audit log." />;
  return (
    <div>
      <h1>Administration</h1>
      <Tabs label="Administration" tabs={TABS} props={{}} />
    </div>
  );
}
