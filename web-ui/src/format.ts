// How numbers and times read on every page.
import type { MovementPreview } from './api/types';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(value: number): string {
  let unit = 0;
  let scaled = value;
  while (Math.abs(scaled) >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${scaled.toFixed(scaled >= 100 || unit === 0 ? 0 : 1)} ${UNITS[unit]}`;
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–';
}

export function timeAgo(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleString();
}

export function severityClass(severity: string): 'ok' | 'warn' | 'critical' {
  const text = severity.toUpperCase();
  if (text.includes('ERR') || text.includes('CRIT')) return 'critical';
  if (text.includes('WARN')) return 'warn';
  return 'ok';
}

/** A change's preview in words: {@code 12 of 128 PGs move, 3.1 GiB to copy.}; {@code of} names whose PGs when not all. */
export function moves(preview: MovementPreview, of = ''): string {
  return `${preview.pgs_moving} of ${of}${preview.pgs} PGs move, ${bytes(preview.bytes)} to copy.`;
}
