// The workspace's names for channels and products and its time zone (GET /api/v1/workspace), read once per page
// load and shared (read again after the settings change). When the endpoint is missing or refused, pages fall back
// to keys, and times to the zone last seen.
import { useEffect, useState } from 'react';
import { apiGet } from '../api';
import type { Schema } from '../api/contract';

export type WorkspaceInfo = Schema<'Workspace'>;

let cached: Promise<WorkspaceInfo | null> | null = null;
// The last answer, so pages mounted after it render with it at once (times in the right zone from the first paint).
let latest: WorkspaceInfo | null = null;
// Mounted hooks, told when the answer is read again (after the settings change: a new zone shows everywhere).
const listeners = new Set<(w: WorkspaceInfo) => void>();

export function loadWorkspaceInfo(force = false): Promise<WorkspaceInfo | null> {
  if (!cached || force) {
    cached = apiGet('/api/v1/workspace')
      .then((w) => {
        latest = w;
        rememberTimezone(w.timezone);
        for (const l of listeners) l(w);
        return w;
      })
      .catch(() => null);
  }
  return cached;
}

export function useWorkspaceInfo(): WorkspaceInfo | null {
  const [info, setInfo] = useState<WorkspaceInfo | null>(latest);
  useEffect(() => {
    listeners.add(setInfo);
    void loadWorkspaceInfo().then((w) => {
      if (w && listeners.has(setInfo)) setInfo(w);
    });
    return () => {
      listeners.delete(setInfo);
    };
  }, []);
  return info;
}

const TZ_KEY = 'qunyun.tz';

/** The workspace zone as last seen (kept in localStorage across visits), else Asia/Shanghai (the default). */
export function knownTimezone(): string {
  try {
    return latest?.timezone || localStorage.getItem(TZ_KEY) || 'Asia/Shanghai';
  } catch {
    return 'Asia/Shanghai';
  }
}

export function rememberTimezone(tz: string): void {
  try {
    localStorage.setItem(TZ_KEY, tz);
  } catch {
    /* not kept */
  }
}

/** channel key → display name ("(none)" → the given label). */
export function channelNamer(info: WorkspaceInfo | null, none: string): (key: string) => string {
  const names = new Map(info?.channels.map((c) => [c.key, c.name]) ?? []);
  return (key) => (key === '(none)' ? none : (names.get(key) ?? key));
}

/** product key → display name. */
export function productNamer(info: WorkspaceInfo | null): (key: string | null) => string {
  const names = new Map(info?.products.map((p) => [p.key, p.name]) ?? []);
  return (key) => (key === null ? '—' : (names.get(key) ?? key));
}
