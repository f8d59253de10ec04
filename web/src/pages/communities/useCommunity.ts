// One community: GET /api/v1/communities/{ref} (falls back to the list while a server lacks that route), and its
// health from GET /api/v1/communities/health.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, pathPart } from '../../api';
import { loadCommunities, type CommunityItem } from '../../components/useCommunityList';
import type { CommunityHealth, HealthAnswer } from './types';

/** The ref our API takes for what the URL holds: a bare number is our id. */
export const apiRef = (ref: string) => (/^\d+$/.test(ref) ? `id:${ref}` : ref);

export function useCommunity(ref: string) {
  const [state, setState] = useState<{ community?: CommunityItem; health?: CommunityHealth; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const one = api<CommunityItem>(`/api/v1/communities/${pathPart(apiRef(ref))}`).catch(async (err: unknown) => {
      if (!(err instanceof ApiError && err.status === 404 && /no route/i.test(err.message))) throw err;
      const items = await loadCommunities(true);
      const found = items.find((c) => String(c.id) === ref || `${c.platform}:${c.external_id}` === ref || c.external_id === ref);
      if (!found) throw err;
      return found;
    });
    Promise.all([one, api<HealthAnswer>('/api/v1/communities/health').catch(() => null)]).then(
      ([community, h]) => {
        if (!alive) return;
        setState({ community, health: h?.communities.find((x) => x.community.id === community.id), loading: false });
      },
      (error: unknown) => alive && setState({ error, loading: false }),
    );
    return () => { alive = false; };
  }, [ref, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setBlueprint = useCallback((blueprint: Record<string, unknown> | null) => setState((s) => (s.community ? {
    ...s, community: { ...s.community, blueprint, capacity: typeof blueprint?.capacity === 'number' ? blueprint.capacity : s.community.capacity },
  } : s)), []);
  return { ...state, reload, setBlueprint };
}
