import { useState } from 'preact/hooks';
import { del, get, patch, post } from '../api/client';
import type { Token } from '../api/types';
import { confirmAction } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { Async, useLoad } from '../components/load';
import { timeAgo } from '../format';
import { me } from '../session';

function Tokens() {
  const tokens = useLoad(() => get('/user/{id}/token', { path: { id: 'me' } }), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<Token>();
  const refusal = useRefusal();
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    try {
      setCreated(await post('/user/{id}/token', { path: { id: 'me' }, body: { name, expires_in_days: days === '' ? undefined : Number(days) } }));
      setName('');
      tokens.reload();
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  const revoke = async (token: Token) => {
    if (!(await confirmAction({ title: `Revoke token ${token.name}?`, body: 'Scripts that use it are refused from now on.', confirmLabel: 'Revoke' }))) return;
    await del('/user/{id}/token/{token_id}', { path: { id: 'me', token_id: token.id } }).catch(refusal.refuse);
    tokens.reload();
  };
  return (
    <section class="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="sub">Scripts send a token as <span class="mono">Authorization: Bearer …</span>; it acts with your role.</p>
      {created?.token && (
        <div class="notice" role="status">
          Token <strong>{created.name}</strong>, shown this once: <code class="mono" data-testid="new-token">{created.token}</code>
        </div>
      )}
      <RefusalNote refusal={refusal} />
      <form class="filters" aria-label="New API token" onSubmit={create} noValidate>
        <Field id="token-name" label="Name" error={refusal.forField('name')}>
          <input id="token-name" value={name} onInput={(event) => setName(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('name'), 'token-name')} />
        </Field>
        <Field id="token-days" label="Expires in days" error={refusal.forField('expires_in_days')}>
          <input id="token-days" type="number" min={1} value={days} placeholder="default" onInput={(event) => setDays(event.currentTarget.value)}
                 {...invalidWhen(refusal.forField('expires_in_days'), 'token-days')} />
        </Field>
        <button type="submit">Create token</button>
      </form>
      <Async loaded={tokens} empty={(list) => (list.length ? undefined : 'You have no API token.')}>
        {(list) => (
          <table aria-label="API tokens">
            <thead><tr><th>Name</th><th>Begins</th><th>Created</th><th>Expires</th><th>Last used</th><th /></tr></thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td><td class="mono">{token.hint}</td><td>{timeAgo(token.created_at)}</td>
                  <td>{token.expires_at ? new Date(token.expires_at).toLocaleDateString() : 'never'}</td>
                  <td>{token.last_used_at ? timeAgo(token.last_used_at) : 'never'}</td>
                  <td><button type="button" onClick={() => revoke(token)}>Revoke</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}

function Password() {
  const [oldPassword, setOldPassword] = useState('');
  const [password, setPassword] = useState('');
  const refusal = useRefusal();
  const [done, setDone] = useState(false);
  const change = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    setDone(false);
    try {
      await patch('/user/{id}', { path: { id: 'me' }, body: { old_password: oldPassword, password } });
      setOldPassword('');
      setPassword('');
      setDone(true);
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  return (
    <form class="panel" aria-label="Change password" onSubmit={change} noValidate>
      <h2>Password</h2>
      <RefusalNote refusal={refusal} />
      {done && <p role="status">Your password is changed.</p>}
      <div class="fields-grid">
        <Field id="old-password" label="Current password" error={refusal.forField('old_password')}>
          <input id="old-password" type="password" autocomplete="current-password" value={oldPassword}
                 onInput={(event) => setOldPassword(event.currentTarget.value)} {...invalidWhen(refusal.forField('old_password'), 'old-password')} />
        </Field>
        <Field id="new-password" label="New password" error={refusal.forField('password')}>
          <input id="new-password" type="password" autocomplete="new-password" value={password}
                 onInput={(event) => setPassword(event.currentTarget.value)} {...invalidWhen(refusal.forField('password'), 'new-password')} />
        </Field>
      </div>
      <div class="buttons"><button type="submit" class="primary">Change password</button></div>
    </form>
  );
}

export function Account() {
  return (
    <div>
      <h1>Your account</h1>
      <p class="sub">{me.value?.username}, {me.value?.role}</p>
      <div class="stack"><Password /><Tokens /></div>
    </div>
  );
}
