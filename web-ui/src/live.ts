// The server-sent-events stream: events for the bell, request progress, health and map changes for the pages.
import { signal } from '@preact/signals';
import type { Event, LiveUpdate } from './api/types';

const RECENT_EVENTS = 50;

export const recentEvents = signal<Event[]>([]);
export const unseenEvents = signal(0);
export const streamConnected = signal(false);

type Listener = (update: LiveUpdate) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** Calls back for each update until the returned function is called. */
export function onLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function connectLive() {
  if (source) return;
  source = new EventSource('/api/v3/stream');
  source.onopen = () => (streamConnected.value = true);
  // the browser reconnects by itself; the badge says the page may be behind meanwhile
  source.onerror = () => (streamConnected.value = false);
  source.onmessage = (message) => {
    const update = JSON.parse(message.data) as LiveUpdate;
    if (update.type === 'event') {
      recentEvents.value = [update.data as Event, ...recentEvents.value].slice(0, RECENT_EVENTS);
      unseenEvents.value += 1;
    }
    listeners.forEach((listener) => listener(update));
  };
}

export function disconnectLive() {
  source?.close();
  source = null;
  streamConnected.value = false;
  recentEvents.value = [];
  unseenEvents.value = 0;
}
