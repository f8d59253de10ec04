// Loading data for a page: the latest request wins, errors keep the server's message, reload() asks again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../api';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(d: T): void;
}

// Requests started while a page renders: a page's first render (antd computing its styles) can take a few
// hundred milliseconds, and starting the fetch only after it commits would wait for that. The effect then takes
// the request already under way. Entries are taken once, and go stale after two seconds.
const started = new Map<string, { p: Promise<unknown>; at: number }>();

function startEarly(key: string, run: () => Promise<unknown>): void {
  const e = started.get(key);
  if (e && performance.now() - e.at < 2000) return;
  const p = run();
  p.catch(() => undefined); // handled by whoever takes it
  started.set(key, { p, at: performance.now() });
}

function takeEarly<T>(key: string): Promise<T> | undefined {
  const e = started.get(key);
  started.delete(key);
  return e && performance.now() - e.at < 2000 ? (e.p as Promise<T>) : undefined;
}

/** GET path?query whenever path or query change (compared by value); path null means "not yet". */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const key = path === null ? null : `${path}|${JSON.stringify(query ?? {})}`;
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;
  const firstKey = useRef<string | null>(null);
  if (key !== null && firstKey.current === null) {
    firstKey.current = key;
    startEarly(key, () => api<T>(path!, { query }));
  }

  useEffect(() => {
    if (path === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const early = tick === 0 && key === firstKey.current ? takeEarly<T>(key!) : undefined;
    (early ?? api<T>(path, { query: queryRef.current })).then(
      (data) => { if (mine === seq.current) setState({ data, loading: false }); },
      (error: unknown) => { if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false })); },
    );
    // key covers path and query by value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((d: T) => setState({ data: d, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}

/** A value that settles `ms` after its last change (search boxes). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}
