import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, message } from '../api/client';
import { login } from '../session';

export function Login() {
  const { route, query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
      const next = query.next;
      route(next && next.startsWith('/ui/') ? next : '/ui/');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : message(failure));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.forField(field) : undefined);
  return (
    <form class="login" aria-label="Log in to Loligo" onSubmit={submit}>
      <h1>Loligo</h1>
      <label for="username">User name</label>
      <input id="username" name="username" autocomplete="username" autoFocus value={username}
             aria-invalid={!!fieldError('username')} onInput={(e) => setUsername(e.currentTarget.value)} />
      {fieldError('username') && <span class="field-error">{fieldError('username')}</span>}
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" value={password}
             aria-invalid={!!fieldError('password')} onInput={(e) => setPassword(e.currentTarget.value)} />
      {fieldError('password') && <span class="field-error">{fieldError('password')}</span>}
      <button type="submit" disabled={busy}>Log in</button>
      {error && <p class="error" role="alert">{error instanceof ApiError ? error.message : error}</p>}
    </form>
  );
}
