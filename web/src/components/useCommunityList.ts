// The communities (GET /api/v1/communities), shared by filters and pages; refetched on demand.
import { useEffect, useState } from 'react';
import { apiGet } from '../api';
import type { Schema } from '../api/contract';

export type CommunityItem = Schema<'Community'>;

let cached: Promise<CommunityItem[]> | null = null;

export function loadCommunities(force = false): Promise<CommunityItem[]> {
  if (!cached || force) {
    cached = apiGet('/api/v1/communities').then((r) => r.items);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useCommunityList(): { items: CommunityItem[] | undefined; error: unknown } {
  const [state, setState] = useState<{ items?: CommunityItem[]; error?: unknown }>({});
  useEffect(() => {
    let alive = true;
    loadCommunities().then(
      (items) => alive && setState({ items }),
      (error: unknown) => alive && setState({ error }),
    );
    return () => {
      alive = false;
    };
  }, []);
  return { items: state.items, error: state.error };
}

export const communityLabel = (c: { name: string | null; platform: string; external_id: string }) => c.name ?? `${c.platform}:${c.external_id}`;

/** The reference our API takes for a community id, unambiguous whatever the platform ids are. */
export const communityRef = (id: number) => `id:${id}`;
