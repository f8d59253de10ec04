// Limits on the shape of one event line, whatever its fields (docs/spec/events.md, "Limits"): how deep it nests,
// how many keys it has in all, the keys no event may use, and no NUL character in any text. Walked with an explicit stack, never recursion, so
// a line nested 100,000 levels deep is refused rather than overflowing the call stack.

/** The event object itself is level 1; `attributes: { … }` inside it is level 2. */
export const MAX_DEPTH = 32;
/** Object keys in one event, counted at every level (an `attributes` object may have up to 1000 of its own). */
export const MAX_KEYS = 2000;
/** Keys that name JavaScript's object machinery: dropped or dangerous when copied, so refused outright. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const shownPath = (path: string) => (path.length > 120 ? `${path.slice(0, 117)}…` : path);
const keyPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

// PostgreSQL text cannot hold U+0000, and no platform sends it: refused on both databases alike.
const nulIn = (path: string) => `${shownPath(path)}: contains a NUL character (U+0000), which no text may hold`;

const isReserved = (k: string) => k === '__proto__' || k === 'constructor' || k === 'prototype';

/**
 * The first problem with the shape of a parsed event (an object), naming where it is; null if none. On every
 * ingested line, so it allocates only for nested values: a flat event costs one pass over its keys.
 */
export function checkShape(root: object): string | null {
  // Nested values still to visit, three slots each: the value, its depth, its path.
  const stack: unknown[] = [];
  let keys = 0;
  let v: object = root;
  let depth = 1;
  let path = '';
  for (;;) {
    if (depth > MAX_DEPTH) return `${shownPath(path)}: nested deeper than ${MAX_DEPTH} levels (the limit per event)`;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'string' && item.includes('\u0000')) return nulIn(`${path}[${i}]`);
        if (typeof item === 'object' && item !== null) stack.push(item, depth + 1, `${path}[${i}]`);
      }
    } else {
      // for…in sees an own "__proto__" key as JSON.parse leaves it (Object.keys would too, at an array's cost).
      for (const k in v) {
        if (++keys > MAX_KEYS) return `more than ${MAX_KEYS} keys in one event (the limit per event)`;
        if (isReserved(k)) return `${shownPath(keyPath(path, k))}: reserved key (__proto__, constructor and prototype are refused)`;
        const item: unknown = (v as Record<string, unknown>)[k];
        if ((typeof item === 'string' && item.includes('\u0000')) || k.includes('\u0000')) return nulIn(keyPath(path, k));
        if (typeof item === 'object' && item !== null) stack.push(item, depth + 1, keyPath(path, k));
      }
    }
    if (stack.length === 0) return null;
    path = stack.pop() as string;
    depth = stack.pop() as number;
    v = stack.pop() as object;
  }
}
