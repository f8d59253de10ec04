// Plain-text tables for terminal output (CJK characters count double width), and the clock every command
// prints instants with: the workspace zone's wall-clock time with its offset ("2026-12-03 19:30 +08:00").
import type { AppContext } from '../context.js';
import { makeWallClock, type WallClock } from '../domain/time/format.js';

export type { WallClock };

/** The workspace's clock for a command's human-readable output (--json keeps the answers' ISO strings). */
export async function workspaceClock(ctx: Pick<AppContext, 'settings'>): Promise<WallClock> {
  return makeWallClock((await ctx.settings()).timezone);
}

export function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || (ch.codePointAt(0) ?? 0) > 0x1f000
        ? 2
        : 1;
  return w;
}

export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)).replace(/[\r\n\t]+/g, ' ')));
  const widths = headers.map((h, i) => Math.min(40, Math.max(width(h), ...cells.map((r) => width(r[i] ?? '')))));
  const clip = (s: string, w: number) => {
    if (width(s) <= w) return s + ' '.repeat(w - width(s));
    let out = '';
    for (const ch of s) {
      if (width(out + ch) > w - 1) break;
      out += ch;
    }
    return out + '…' + ' '.repeat(Math.max(0, w - width(out) - 1));
  };
  const line = (r: string[]) =>
    r
      .map((v, i) => clip(v, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function printJson(v: unknown): void {
  process.stdout.write(JSON.stringify(v, null, 2) + '\n');
}
