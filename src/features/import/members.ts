// A members row → member.profile (name, phone, tags, other columns as attributes) and, when the row gives a
// community and a join time, member.joined. The member is the row's member id, else its phone.
import type { ZoneClock } from './dates.js';
import { parseDate } from './dates.js';
import type { ColumnMap } from './columns.js';
import { eventId, shortHash } from './ids.js';
import type { ImportRejection, Planned } from './run.js';
import { cellText, joinMethod, parsePhone, splitTags, type Cell } from './values.js';

export interface RowContext {
  clock: ZoneClock;
  /** Platform of rows without a platform column (default `import`). */
  platform: string;
  /** Community of rows without a community column. */
  community?: string;
  /** The run's instant, formatted: the `at` of profiles without an update time. */
  runAt: string;
  note(row: number, text: string): void;
}

export type RowResult = { ok: true; planned: Planned[]; columns: Record<string, string> } | { ok: false; error: ImportRejection };

/** Reads one row's cells by field; empty cells are absent. */
export class RowReader {
  constructor(
    readonly row: number,
    readonly cells: Cell[],
    readonly cols: ColumnMap,
  ) {}
  cell(field: string): Exclude<Cell, null> | undefined {
    const i = this.cols.fields.get(field);
    if (i === undefined) return undefined;
    const c = this.cells[i] ?? null;
    return c === null || (typeof c === 'string' && c.trim() === '') ? undefined : c;
  }
  text(field: string): string | undefined {
    const c = this.cell(field);
    return c === undefined ? undefined : cellText(c) || undefined;
  }
  header(field: string): string {
    return this.cols.headers[this.cols.fields.get(field)!] ?? field;
  }
  fail(field: string | null, reason: string): { ok: false; error: ImportRejection } {
    return { ok: false, error: { row: this.row, ...(field ? { column: this.header(field) } : {}), reason } };
  }
  /** event field → header, for naming the column when the ledger's validation refuses a value. */
  columns(pairs: [string, string][]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [eventField, field] of pairs) if (this.cols.fields.has(field)) out[eventField] = this.header(field);
    return out;
  }
}

/** Strips `platform:` from a community written as our exports write it (`wecom:g1`) when it is the row's platform. */
export function communityOf(value: string, platform: string): string {
  return value.startsWith(`${platform}:`) && value.length > platform.length + 1 ? value.slice(platform.length + 1) : value;
}

export function memberRow(row: number, cells: Cell[], cols: ColumnMap, ctx: RowContext): RowResult {
  const r = new RowReader(row, cells, cols);
  const platform = r.text('platform') ?? ctx.platform;
  let phone: string | undefined;
  const phoneCell = r.cell('phone');
  if (phoneCell !== undefined) {
    const p = parsePhone(phoneCell);
    if (!p.ok) return r.fail('phone', p.reason);
    phone = p.value;
  }
  const member = r.text('member') ?? phone;
  if (member === undefined) {
    return r.fail(
      null,
      `no member id and no phone: a row needs one to say who it is (columns ${cols.fields.has('member') ? r.header('member') : '成员ID'} or ${cols.fields.has('phone') ? r.header('phone') : '手机号'})`,
    );
  }
  const planned: Planned[] = [];

  const profile: Record<string, unknown> = { type: 'member.profile', platform, member };
  const name = r.text('name');
  if (name !== undefined) profile.name = name;
  if (phone !== undefined) profile.phone = phone;
  const tags = splitTags(r.text('tags') ?? '');
  if (tags.length > 0) profile.tags_add = tags;
  // No prototype: a column named like an Object.prototype member (toString) is an own key, not "taken".
  const attributes = Object.create(null) as Record<string, string>;
  for (const i of cols.rest) {
    const v = cellText(cells[i] ?? null);
    if (v === '') continue;
    let key = cols.headers[i]!.trim();
    for (let n = 2; key in attributes; n++) key = `${cols.headers[i]!.trim()} (${n})`;
    attributes[key] = v;
  }
  if (Object.keys(attributes).length > 0) profile.attributes = attributes;

  let at = ctx.runAt;
  const updated = r.cell('updated_at');
  if (updated !== undefined) {
    const d = parseDate(updated, ctx.clock);
    if (!d.ok) return r.fail('updated_at', d.reason);
    at = ctx.clock.format(d.ms);
  }
  if (Object.keys(profile).length > 3) {
    // The hash covers every value, so a changed row is a new profile event (the newer one wins), never a conflict.
    planned.push({ event: { ...profile, id: eventId('import:members', member, 'profile', shortHash(profile)), at }, floating: true });
  }

  const communityText = r.text('community') ?? ctx.community;
  const community = communityText === undefined ? undefined : communityOf(communityText, platform);
  const joinedCell = r.cell('joined_at');
  if (joinedCell !== undefined) {
    const d = parseDate(joinedCell, ctx.clock);
    if (!d.ok) return r.fail('joined_at', d.reason);
    if (community === undefined) ctx.note(row, 'a join time but no community: no join recorded');
    else {
      const joined: Record<string, unknown> = { type: 'member.joined', platform, community, member, at: ctx.clock.format(d.ms) };
      const channel = r.text('channel');
      if (channel !== undefined) joined.channel = channel;
      const inviter = r.text('inviter');
      if (inviter !== undefined) joined.inviter = inviter;
      const method = r.text('method');
      if (method !== undefined) joined.method = joinMethod(method);
      planned.push({ event: { ...joined, id: eventId('import:members', member, 'joined', community, d.ms) } });
    }
  } else if (community !== undefined && r.text('community') !== undefined) {
    ctx.note(row, 'a community but no join time: no join recorded (add 入群时间/joined_at)');
  }
  if (planned.length === 0) ctx.note(row, 'nothing to import besides the member id (no name, phone, tags, other columns or join)');
  const columns = r.columns([
    ['member', 'member'],
    ['name', 'name'],
    ['phone', 'phone'],
    ['tags_add', 'tags'],
    ['community', 'community'],
    ['channel', 'channel'],
    ['inviter', 'inviter'],
    ['platform', 'platform'],
  ]);
  if (!cols.fields.has('member') && cols.fields.has('phone')) columns.member = r.header('phone');
  return { ok: true, planned, columns };
}
