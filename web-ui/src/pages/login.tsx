import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { login } from '../session';

export function Login() {
  const { route, query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const refusal = useRefusal();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    refusal.clear();
    try {
      await login(username, password);
      const next = query.next;
      route(next && next.startsWith('/ui/') ? next : '/ui/');
    } catch (failure) {
      refusal.refuse(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login" aria-label="Log in to Loligo" onSubmit={submit}>
      <h1>Loligo</h1>
      <Field id="username" label="User name" error={refusal.forField('username')}>
        <input id="username" name="username" autocomplete="username" autoFocus value={username}
               {...invalidWhen(refusal.forField('username'), 'username')} onInput={(e) => setUsername(e.currentTarget.value)} />
      </Field>
      <Field id="password" label="Password" error={refusal.forField('password')}>
        <input id="password" name="password" type="password" autocomplete="current-password" value={password}
               {...invalidWhen(refusal.forField('password'), 'password')} onInput={(e) => setPassword(e.currentTarget.value)} />
      </Field>
      <button type="submit" disabled={busy}>Log in</button>
      <RefusalNote refusal={refusal} />
    </form>
  );
}
