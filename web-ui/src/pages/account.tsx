import { useState } from 'preact/hooks';
import { ApiError, del, get, message, patch, post } from '../api/client';
import type { Token } from '../api/types';
import { confirmAction } from '../components/actions';
import { Async, ErrorNote, useLoad } from '../components/load';
import { timeAgo } from '../format';
import { me } from '../session';

function Tokens() {
  const tokens = useLoad(() => get<Token[]>('/user/me/token'), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<Token>();
  const [error, setError] = useState<ApiError | string>();
  const fieldError = (key: string) => (error instanceof ApiError ? error.forField(key) : undefined);
  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      setCreated(await post<Token>('/user/me/token', { name, expires_in_days: days === '' ? undefined : Number(days) }));
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : message(failure));
    }
  };
  const revoke = async (token: Token) => {
    if (!(await confirmAction({ title: `Revoke token ${token.name}?`, body: 'Scripts that use it are refused from now on.', confirmLabel: 'Revoke' }))) return;
    await del(`/user/me/token/${token.id}`).catch((failure) => setError(message(failure)));
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
      <form class="filters" aria-label="New API token" onSubmit={create} noValidate>
        <label>Name<input value={name} onInput={(event) => setName(event.currentTarget.value)} aria-invalid={!!fieldError('name')} /></label>
        <label>Expires in days<input type="number" min={1} value={days} placeholder="default"
                                      onInput={(event) => setDays(event.currentTarget.value)} aria-invalid={!!fieldError('expires_in_days')} /></label>
        <button type="submit">Create token</button>
      </form>
      {error && <p class="field-error" role="alert">{error instanceof ApiError ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ') || error.message : error}</p>}
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
  const [error, setError] = useState<ApiError | string>();
  const [done, setDone] = useState(false);
  const fieldError = (key: string) => (error instanceof ApiError ? error.forField(key) : undefined);
  const change = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await patch('/user/me', { old_password: oldPassword, password });
      setOldPassword('');
      setPassword('');
      setDone(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : message(failure));
    }
  };
  return (
    <form class="panel" aria-label="Change password" onSubmit={change} noValidate>
      <h2>Password</h2>
      {error && !(error instanceof ApiError && error.fieldErrors.length) && <ErrorNote message={error instanceof ApiError ? error.message : error} />}
      {done && <p role="status">Your password is changed.</p>}
      <div class="fields-grid">
        <div class="field"><label for="old-password">Current password</label>
          <input id="old-password" type="password" autocomplete="current-password" value={oldPassword}
                 onInput={(event) => setOldPassword(event.currentTarget.value)} aria-invalid={!!fieldError('old_password')} />
          {fieldError('old_password') && <span class="field-error">{fieldError('old_password')}</span>}</div>
        <div class="field"><label for="new-password">New password</label>
          <input id="new-password" type="password" autocomplete="new-password" value={password}
                 onInput={(event) => setPassword(event.currentTarget.value)} aria-invalid={!!fieldError('password')} />
          {fieldError('password') && <span class="field-error">{fieldError('password')}</span>}</div>
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
