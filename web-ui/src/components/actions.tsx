// Confirmation before destructive actions, and the tray that follows each request the user started to its end.
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, message, type Submitted } from '../api/client';
import type { Request } from '../api/types';
import { onLive } from '../live';
import type { Refusal } from './form';

interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  /** When set, the user types this before the action is allowed: for what cannot be undone. */
  typed?: string;
  answer: (confirmed: boolean) => void;
}

const asking = signal<Confirmation | null>(null);

export function confirmAction(question: Omit<Confirmation, 'answer'>): Promise<boolean> {
  return new Promise((answer) => (asking.value = { ...question, answer }));
}

export function ConfirmDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const question = asking.value;

  useEffect(() => {
    setTyped('');
    if (question && !dialog.current?.open) dialog.current?.showModal();
    if (!question && dialog.current?.open) dialog.current.close();
  }, [question]);

  const close = (confirmed: boolean) => {
    question?.answer(confirmed);
    asking.value = null;
  };
  const allowed = !question?.typed || typed === question.typed;
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-title" onCancel={(event) => {
      event.preventDefault();
      close(false);
    }}>
      {question && (
        <form method="dialog" onSubmit={(event) => {
          event.preventDefault();
          if (allowed) close(true);
        }}>
          <h2 id="confirm-title">{question.title}</h2>
          <p>{question.body}</p>
          {question.typed && (
            <label>
              Type <strong class="mono">{question.typed}</strong> to confirm
              <input value={typed} onInput={(event) => setTyped(event.currentTarget.value)} autoFocus
                     autocomplete="off" spellcheck={false} aria-label="Confirmation" />
            </label>
          )}
          <div class="buttons">
            <button type="button" onClick={() => close(false)}>Cancel</button>
            <button type="submit" class="danger" disabled={!allowed}>{question.confirmLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}

interface Tracked {
  label: string;
  request?: Request;
  error?: string;
}

const tracked = signal<Tracked[]>([]);
const DONE: Request['state'][] = ['complete', 'error', 'cancelled', 'unknown'];
const COMPLETE_SHOWN_MS = 15_000;

function dismiss(label: string) {
  tracked.value = tracked.value.filter((item) => item.label !== label);
}

function update(label: string, change: Partial<Tracked>) {
  tracked.value = tracked.value.map((item) => (item.label === label ? { ...item, ...change } : item));
}

/**
 * Sends a change and follows the request it became, live, in the tray; resolves with the request once it ends, or
 * with nothing when the cluster already was as asked. Refusals are shown in the tray and thrown, for forms to place.
 */
export async function runRequest(label: string, send: () => Promise<Submitted>): Promise<Request | undefined> {
  tracked.value = [...tracked.value.filter((item) => item.label !== label), { label }];
  let submitted: Submitted;
  try {
    submitted = await send();
  } catch (failure) {
    update(label, { error: message(failure) });
    throw failure;
  }
  if ('unchanged' in submitted) {
    dismiss(label);
    return undefined;
  }
  const id = submitted.requestId;
  return new Promise((resolve) => {
    let ended = false;
    let latest: Request | undefined;
    const seen = (request: Request) => {
      // the first read and the stream race: a view with fewer steps than the one held is older
      if (ended || (latest && request.log_lines < latest.log_lines)) return;
      latest = request;
      update(label, { request });
      if (DONE.includes(request.state)) {
        ended = true;
        stop();
        resolve(request);
        // what went well leaves the tray by itself; what failed stays until read
        if (request.state === 'complete') window.setTimeout(() => dismiss(label), COMPLETE_SHOWN_MS);
      }
    };
    const stop = onLive((live) => {
      if (live.type === 'request' && (live.data as Request).id === id) seen(live.data as Request);
    });
    // the request may have ended before the stream told us about it
    get('/request/{id}', { path: { id } }).then(seen, (failure) => {
      if (!(failure instanceof ApiError && failure.status === 404)) update(label, { error: message(failure) });
    });
  });
}

/**
 * Runs the request a form asked for (see {@link runRequest}). What refused it, the API's problem or Ceph's error at
 * its end, shows on the form; resolves with whether the cluster is now as asked.
 */
export async function requestForForm(refusal: Refusal, label: string, send: () => Promise<Submitted>): Promise<boolean> {
  try {
    const request = await runRequest(label, send);
    if (request?.state !== 'error') return true;
    refusal.refuse(request.error_message ?? `Ceph refused: ${label}.`);
  } catch (failure) {
    refusal.refuse(failure);
  }
  return false;
}

export function RequestTray() {
  if (tracked.value.length === 0) return null;
  return (
    <aside class="tray" aria-label="Requests you started" aria-live="polite">
      {tracked.value.map(({ label, request, error }) => {
        const state = error ? 'error' : request?.state ?? 'queued';
        return (
          <div class={`tracked ${state}`} key={label}>
            <div class="tracked-head">
              <strong>{label}</strong>
              <button type="button" class="link" aria-label={`Dismiss ${label}`}
                      onClick={() => dismiss(label)}>×</button>
            </div>
            <progress max={100} value={request?.progress ?? 0} aria-label={`${label} progress`} />
            <div class="sub">{error ?? request?.error_message ?? request?.status ?? 'Sending…'}</div>
            {request && <div class="sub">Request {request.state}</div>}
          </div>
        );
      })}
    </aside>
  );
}
