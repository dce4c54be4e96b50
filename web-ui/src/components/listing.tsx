// Server-side listings (RBD images, RGW users and buckets, subvolumes): their page, order and search kept in the URL,
// the search sent once the user pauses, and the rows read again on a timer for what changes without a live update.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { query } from '../api/client';
import type { Loaded } from './load';

/** Rows per page of every server-side listing. */
export const PAGE_SIZE = 50;
/** What changes beside Loligo (a client's writes, an S3 user's buckets) shows within this. */
export const REFRESH_MS = 10_000;

export interface ListingQuery {
  page: number;
  ordering: string;
  /** The search as applied: what the server is asked. */
  search: string | undefined;
  /** The search as typed, applied once the user pauses. */
  typed: string;
  setTyped: (typed: string) => void;
  /** The API's query for this page, order and search, with `extra` filters. */
  apiQuery: <Extra extends Record<string, string | number | undefined>>(extra?: Extra) => ListingParams & Extra;
  /** Changes the page's URL (and so the listing); a parameter set to undefined is removed. */
  go: (changes: Record<string, string | number | undefined>) => void;
}

/** A listing's query parameters, as the API's paged listings take them. */
export type ListingParams = {
  page: number;
  page_size: number;
  ordering: string;
  search: string | undefined;
};

/**
 * The listing's state, read from and written to the URL's query so that a listing can be linked and reloaded.
 * `prefix` sets its parameters apart where a page holds several listings.
 */
export function useListingQuery(defaultOrdering: string, prefix = ''): ListingQuery {
  const { path, query: q, route } = useLocation();
  const page = Math.max(1, Number(q[`${prefix}page`] ?? '1') || 1);
  const ordering = q[`${prefix}ordering`] ?? defaultOrdering;
  const search = q[`${prefix}search`];
  const [typed, setTyped] = useState(search ?? '');
  const go = (changes: Record<string, string | number | undefined>) => {
    const prefixed = Object.fromEntries(Object.entries(changes).map(([name, value]) => [`${prefix}${name}`, value]));
    route(`${path}${query({ ...q, ...prefixed })}`, true);
  };
  // typing refines the URL once the user pauses, so that the server is asked once per word, not per key
  useEffect(() => {
    if ((search ?? '') === typed) return undefined;
    const timer = window.setTimeout(() => go({ search: typed || undefined, page: undefined }), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const apiQuery = <Extra extends Record<string, string | number | undefined>>(extra?: Extra) =>
    ({ page, page_size: PAGE_SIZE, ordering, search, ...extra }) as ListingParams & Extra;
  return { page, ordering, search, typed, setTyped, apiQuery, go };
}

/** Reads `loaded` again every `ms`. */
export function useReloadEvery(loaded: Loaded<unknown>, ms = REFRESH_MS) {
  useEffect(() => {
    const timer = window.setInterval(() => loaded.reload(), ms);
    return () => window.clearInterval(timer);
  }, [loaded.reload, ms]);
}

export function SearchBox({ listing, placeholder }: { listing: ListingQuery; placeholder: string }) {
  return (
    <label>Search<input type="search" value={listing.typed} placeholder={placeholder}
                        onInput={(event) => listing.setTyped(event.currentTarget.value)} /></label>
  );
}
