// The workspace's names for channels and products and its time zone (GET /api/v1/workspace), read once per page
// load and shared. When the endpoint is missing or refused, pages fall back to keys.
import { useEffect, useState } from 'react';
import { api } from '../api';

export interface WorkspaceInfo {
  name: string;
  timezone: string;
  dormantDays: number;
  newCustomerDays: number;
  demo: boolean;
  products: { key: string; name: string; aliases: string[]; tier: string; price: number }[];
  channels: { key: string; name: string; cost: number }[];
}

let cached: Promise<WorkspaceInfo | null> | null = null;

export function loadWorkspaceInfo(force = false): Promise<WorkspaceInfo | null> {
  if (!cached || force) cached = api<WorkspaceInfo>('/api/v1/workspace').catch(() => null);
  return cached;
}

export function useWorkspaceInfo(): WorkspaceInfo | null {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  useEffect(() => {
    let alive = true;
    void loadWorkspaceInfo().then((w) => { if (alive) setInfo(w); });
    return () => { alive = false; };
  }, []);
  return info;
}

/** channel key → display name ("(none)" → the given label). */
export function channelNamer(info: WorkspaceInfo | null, none: string): (key: string) => string {
  const names = new Map(info?.channels.map((c) => [c.key, c.name]) ?? []);
  return (key) => (key === '(none)' ? none : names.get(key) ?? key);
}

/** product key → display name. */
export function productNamer(info: WorkspaceInfo | null): (key: string | null) => string {
  const names = new Map(info?.products.map((p) => [p.key, p.name]) ?? []);
  return (key) => (key === null ? '—' : names.get(key) ?? key);
}
