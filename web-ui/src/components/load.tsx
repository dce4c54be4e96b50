// Loading, error and empty states, the same on every page.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { message } from '../api/client';
import { onLive } from '../live';
import type { LiveUpdate } from '../api/types';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads with `load` whenever `deps` change, and again when a live update passes `refreshOn` (at most once per
 * `settleMs`, as one change to a cluster can bring several updates).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshOn?: (update: LiveUpdate) => boolean,
                           settleMs = 300): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    load().then((value) => {
      if (mine !== generation.current) return;
      setData(value);
      setError(undefined);
    }, (failure) => {
      if (mine !== generation.current) return;
      setError(message(failure));
    }).finally(() => {
      if (mine === generation.current) setLoading(false);
    });
  }, deps);

  useEffect(run, [run]);

  useEffect(() => {
    if (!refreshOn) return undefined;
    let timer: number | undefined;
    const stop = onLive((update) => {
      if (!refreshOn(update)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(run, settleMs);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [run]);

  return { data, error, loading, reload: run };
}

/** Shows what `loaded` holds, or that it loads, failed or is empty; the error is the API's own message. */
export function Async<T>({ loaded, empty, children }: {
  loaded: Loaded<T>;
  empty?: (data: T) => string | undefined;
  children: (data: T) => ComponentChildren;
}) {
  if (loaded.data === undefined) {
    if (loaded.error) return <ErrorNote message={loaded.error} retry={loaded.reload} />;
    return <p class="loading" aria-busy="true">Loading…</p>;
  }
  const emptyText = empty?.(loaded.data);
  return (
    <>
      {loaded.error && <ErrorNote message={`Could not refresh: ${loaded.error}`} retry={loaded.reload} />}
      {emptyText ? <p class="empty">{emptyText}</p> : children(loaded.data)}
    </>
  );
}

export function ErrorNote({ message: text, retry }: { message: string; retry?: () => void }) {
  return (
    <div class="error" role="alert">
      <span>{text}</span>
      {retry && <button type="button" class="link" onClick={retry}>Try again</button>}
    </div>
  );
}
