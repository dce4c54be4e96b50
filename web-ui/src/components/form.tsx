// What every form shows when the API refuses it: the problem above, each named field's message beside its field.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, message } from '../api/client';

export interface Refusal {
  /** The API's problem, or a message of the form's own (a request that ended in error, say). */
  current: ApiError | string | undefined;
  refuse: (reason: unknown) => void;
  clear: () => void;
  /** The API's message for one field, if it named that field. */
  forField: (field: string) => string | undefined;
}

export function useRefusal(): Refusal {
  const [current, setCurrent] = useState<ApiError | string>();
  return {
    current,
    refuse: (reason) => setCurrent(reason instanceof ApiError || typeof reason === 'string' ? reason : message(reason)),
    clear: () => setCurrent(undefined),
    forField: (field) => (current instanceof ApiError ? current.forField(field) : undefined),
  };
}

/** Runs a change the user asked for, then `reload`s what it changed; what the API refused shows in `refusal`. */
export function useAction(reload: () => void) {
  const refusal = useRefusal();
  const run = async (change: () => Promise<unknown>) => {
    refusal.clear();
    try {
      await change();
      reload();
    } catch (failure) {
      refusal.refuse(failure);
    }
  };
  return { refusal, run };
}

export function RefusalNote({ refusal }: { refusal: Refusal }) {
  if (!refusal.current) return null;
  return <p class="error" role="alert">{refusal.current instanceof ApiError ? refusal.current.message : refusal.current}</p>;
}

/** The attributes that tie a control to its field's message, for assistive technology as well as the eye. */
export function invalidWhen(error: string | undefined, id: string) {
  return { 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined };
}

/** A labelled control with the API's message for its field beside it, or else a hint. */
export function Field({ id, label, error, hint, children }: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error ? <span class="field-error" id={`${id}-error`}>{error}</span> : hint && <span class="sub">{hint}</span>}
    </div>
  );
}
