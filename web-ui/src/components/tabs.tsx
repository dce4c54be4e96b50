// Tabs whose choice lives in the URL (?tab=), so that a link opens the same tab.
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { query } from '../api/client';

export interface Tab<P> {
  key: string;
  label: string;
  render: ComponentType<P>;
}

export function Tabs<P extends object>({ label, tabs, props }: { label: string; tabs: Tab<P>[]; props: P }) {
  const { path, query: q, route } = useLocation();
  const current = tabs.find((tab) => tab.key === q.tab) ?? tabs[0];
  const Panel = current.render;
  return (
    <>
      <div role="tablist" aria-label={label} class="tabs">
        {tabs.map((tab) => (
          <button type="button" role="tab" key={tab.key} aria-selected={tab === current}
                  onClick={() => route(`${path}${query({ tab: tab.key })}`)}>{tab.label}</button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current.label}><Panel {...props} /></div>
    </>
  );
}

/** The page number the URL asks for, from 1, and a way to turn to another. */
export function usePage(): [number, (page: number) => void] {
  const { path, query: q, route } = useLocation();
  const page = Math.max(1, Number(q.page ?? '1') || 1);
  return [page, (next) => route(`${path}${query({ ...q, page: next })}`)];
}
