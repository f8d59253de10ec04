// Splits long IN-lists and multi-row inserts under both dialects' bound-parameter limits.
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Groups "platform\u001fid" keys by platform. */
export function byPlatform(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const i = k.indexOf(KEY_SEP);
    const platform = k.slice(0, i);
    let list = out.get(platform);
    if (!list) out.set(platform, (list = []));
    list.push(k.slice(i + 1));
  }
  return out;
}

export const KEY_SEP = '\u001f';
export const key = (platform: string, id: string): string => platform + KEY_SEP + id;
