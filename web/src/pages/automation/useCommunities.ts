// Communities by id and by key (key or platform:key, as qunyun.yaml names them), for labels and permissions.
import { useMemo } from 'react';
import { useApi } from './common';
import type { Community } from './types';

export function useCommunities() {
  const state = useApi('/api/v1/communities');
  return useMemo(() => {
    const items = state.data?.items ?? [];
    const byId = new Map(items.map((c) => [c.id, c]));
    const byKey = new Map<string, Community>();
    for (const c of items) {
      byKey.set(c.external_id, c);
      byKey.set(`${c.platform}:${c.external_id}`, c);
    }
    const label = (c: Community | undefined, fallback: string) => (c ? c.name || c.external_id : fallback);
    return {
      items,
      loaded: state.data !== undefined,
      nameOfId: (id: number | null) => (id === null ? '—' : label(byId.get(id), `#${id}`)),
      nameOfKey: (key: string) => label(byKey.get(key), key),
      idsOfKeys: (keys: string[]) => keys.map((k) => byKey.get(k)?.id),
    };
  }, [state.data]);
}
