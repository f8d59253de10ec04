// One community: GET /api/v1/communities/{ref}, and its health from GET /api/v1/communities/health.
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../../api';
import type { CommunityItem } from '../../components/useCommunityList';
import type { Blueprint, CommunityHealth } from './types';

/** The ref our API takes for what the URL holds: a bare number is our id. */
export const apiRef = (ref: string) => (/^\d+$/.test(ref) ? `id:${ref}` : ref);

export function useCommunity(ref: string) {
  const [state, setState] = useState<{ community?: CommunityItem; health?: CommunityHealth; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const one = apiGet('/api/v1/communities/{ref}', { path: { ref: apiRef(ref) } });
    Promise.all([one, apiGet('/api/v1/communities/health').catch(() => null)]).then(
      ([community, h]) => {
        if (!alive) return;
        setState({ community, health: h?.communities.find((x) => x.community.id === community.id), loading: false });
      },
      (error: unknown) => alive && setState({ error, loading: false }),
    );
    return () => {
      alive = false;
    };
  }, [ref, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setBlueprint = useCallback(
    (blueprint: Blueprint | null) =>
      setState((s) =>
        s.community
          ? {
              ...s,
              community: { ...s.community, blueprint, capacity: blueprint?.capacity ?? null },
            }
          : s,
      ),
    [],
  );
  return { ...state, reload, setBlueprint };
}
