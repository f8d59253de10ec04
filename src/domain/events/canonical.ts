// Canonical JSON of an event body (object keys sorted) and the "same event" test built on it. Written with an
// explicit stack rather than recursion: a body stored before nesting was capped may be arbitrarily deep, and
// comparing it must never overflow the call stack (that failed a whole ingest batch with a 500).

/** A value still to write, or text to append as it is (brackets, commas, keys). */
type Work = { value: unknown } | string;

/** Stable JSON: object keys sorted, so equal events have equal text whatever their key order. */
export function canonicalJson(root: unknown): string {
  let out = '';
  const stack: Work[] = [{ value: root }];
  while (stack.length > 0) {
    const w = stack.pop()!;
    if (typeof w === 'string') {
      out += w;
      continue;
    }
    const v = w.value;
    if (v === null || typeof v !== 'object') {
      // As JSON.stringify writes an array item it cannot represent (undefined, a function): null.
      out += JSON.stringify(v) ?? 'null';
      continue;
    }
    // Pushed in reverse, so they pop in order.
    if (Array.isArray(v)) {
      out += '[';
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push(',');
      }
      continue;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    out += '{';
    stack.push('}');
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({ value: obj[keys[i]!] });
      stack.push((i > 0 ? ',' : '') + JSON.stringify(keys[i]) + ':');
    }
  }
  return out;
}

/** Two stored bodies are the same event when equal after sorting keys (checked only when ids collide). */
export function sameBody(a: string, b: string): boolean {
  return a === b || canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
}
