import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAuth } from '../api/auth';
import { api } from '../api/client';

/** Id of the element in which the server embeds the first API answer of a public record page. */
export const PRELOAD_ELEMENT_ID = 'stinet-preload';

/** What the server embeds: the API path the page fetches (`key`) and the public API's body for it (`data`). */
export interface Preload {
  key: string;
  data: unknown;
}

/** Reads the embedded JSON; null when it is missing, malformed or not a `{ key, data }` object. */
export function parsePreload(text: string | null | undefined): Preload | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('key' in value) || !('data' in value)) return null;
    const { key, data } = value as { key: unknown; data: unknown };
    return typeof key === 'string' && data !== undefined && data !== null ? { key, data } : null;
  } catch {
    return null;
  }
}

/** The embedded answer not taken yet: undefined before the element is read, null once taken or when there is none. */
let pending: Preload | null | undefined;
/** API paths whose query started from the embedded answer (refetched once the visitor turns out to be signed in). */
const preloadedPaths = new Set<string>();

function readPreloadOnce(): Preload | null {
  if (pending === undefined) {
    pending = null;
    const element = typeof document === 'undefined' ? null : document.getElementById(PRELOAD_ELEMENT_ID);
    if (element) {
      pending = parsePreload(element.textContent);
      element.remove();
    }
  }
  return pending;
}

/**
 * The embedded answer for an API path, at most once per page load: the first call reads and removes the element and
 * uses it up whether or not its key matches, so a later client-side navigation fetches normally.
 */
export function takePreload<T>(path: string): T | undefined {
  const preload = readPreloadOnce();
  pending = null;
  if (!preload || preload.key !== path) return undefined;
  preloadedPaths.add(path);
  return preload.data as T;
}

/**
 * The public record at an API path (e.g. `/api/tasks/<id>`), for the public record pages. On the first page load the
 * server's embedded answer is the query's initial data, so an anonymous visitor's page needs no request for the
 * record; a signed-in user may see more than the public, so for them the record is fetched again once the session
 * is known. Use the same `queryKey` as the domain's hook (e.g. `useTask`) so invalidations reach it.
 */
export function usePublicRecord<T>(queryKey: QueryKey, path: string | undefined) {
  const { user } = useAuth();
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<T>(path ?? '', undefined, signal),
    enabled: Boolean(path),
    initialData: () => (path ? takePreload<T>(path) : undefined),
  });
  const { refetch } = query;
  useEffect(() => {
    if (user && path && preloadedPaths.delete(path)) void refetch();
  }, [user, path, refetch]);
  return query;
}
