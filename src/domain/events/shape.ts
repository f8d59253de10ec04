// Limits on the shape of one event line, whatever its fields (docs/spec/events.md, "Limits"): how deep it nests,
// how many keys it has in all, and the keys no event may use. Walked with an explicit stack, never recursion, so
// a line nested 100,000 levels deep is refused rather than overflowing the call stack.

/** The event object itself is level 1; `attributes: { … }` inside it is level 2. */
export const MAX_DEPTH = 32;
/** Object keys in one event, counted at every level (an `attributes` object may have up to 1000 of its own). */
export const MAX_KEYS = 2000;
/** Keys that name JavaScript's object machinery: dropped or dangerous when copied, so refused outright. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const shownPath = (path: string) => (path.length > 120 ? `${path.slice(0, 117)}…` : path);
const keyPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** The first problem with the shape of a parsed event (an object), naming where it is; null if none. */
export function checkShape(root: object): string | null {
  const stack: { v: object; depth: number; path: string }[] = [{ v: root, depth: 1, path: '' }];
  let keys = 0;
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (depth > MAX_DEPTH) return `${shownPath(path)}: nested deeper than ${MAX_DEPTH} levels (the limit per event)`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (typeof item === 'object' && item !== null) stack.push({ v: item, depth: depth + 1, path: `${path}[${i}]` });
      }
      continue;
    }
    const own = Object.keys(v);
    keys += own.length;
    if (keys > MAX_KEYS) return `more than ${MAX_KEYS} keys in one event (the limit per event)`;
    for (const k of own) {
      if (RESERVED_KEYS.has(k)) return `${shownPath(keyPath(path, k))}: reserved key (__proto__, constructor and prototype are refused)`;
      const item: unknown = (v as Record<string, unknown>)[k];
      if (typeof item === 'object' && item !== null) stack.push({ v: item, depth: depth + 1, path: keyPath(path, k) });
    }
  }
  return null;
}
