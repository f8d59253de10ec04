// Loading data for a page: the latest request wins, errors keep the server's message, reload() asks again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet, apiUrl } from '../api';
import type { Answer, CallArgs, PathOf } from '../api/contract';

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

/** GET a route of the contract whenever its path or options change (compared by the URL they make); path null
 * means "not yet". The data has the type the contract declares for the route. */
export function useApi<P extends PathOf<'get'>>(path: P | null, ...args: CallArgs<P, 'get'>): Loaded<Answer<P>> {
  type T = Answer<P>;
  const key = path === null ? null : apiUrl(path, ...args);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const argsRef = useRef(args);
  argsRef.current = args;
  const firstKey = useRef<string | null>(null);
  if (path !== null && key !== null && firstKey.current === null) {
    firstKey.current = key;
    startEarly(key, () => apiGet(path, ...args));
  }

  useEffect(() => {
    if (path === null || key === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const early = tick === 0 && key === firstKey.current ? takeEarly<T>(key) : undefined;
    (early ?? apiGet(path, ...argsRef.current)).then(
      (data) => {
        if (mine === seq.current) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    // key covers path and options by value
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
