// The members export (docs/exports.md): one row per member and community they are present in as of `at`, one
// community at a time in member-id pages; then, for the workspace, one row per member present nowhere.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { makeFormatter } from '../../domain/time/format.js';
import { prepareClassification, type ClassifiedMember } from '../members/walk.js';
import { PAGE } from '../members/classify.js';
import type { Cell } from './output.js';
import { phoneFor } from '../../domain/privacy/mask.js';

export const MEMBER_COLUMNS = [
  'member_id',
  'name',
  'phone',
  'community',
  'community_name',
  'role',
  'group',
  'rfm_segment',
  'tags',
  'first_channel',
  'inviter_id',
  'inviter_name',
  'first_join_at',
  'first_paid_at',
  'orders',
  'net_paid',
] as const;

export interface PreparedExport {
  columns: readonly string[];
  /** Worksheet name, and the file name without its extension. */
  sheet: string;
  filename: string;
  /** Rows the export will write (a count query; for progress bars). */
  count(): Promise<number>;
  rows(): AsyncGenerator<Cell[]>;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * `within` limits the export to these communities (an operator's), `fullPhones: false` masks phone numbers (the
 * CLI's default is everything, in full). `pageSize` (members per query, default 1000) is there for tests that
 * cross page boundaries.
 */
export async function prepareMembersExport(
  db: Kysely<Schema>,
  q: { at?: string; community?: string; roles?: boolean; within?: readonly number[]; fullPhones?: boolean },
  pageSize = PAGE,
): Promise<PreparedExport> {
  const c = await prepareClassification(db, q, pageSize);
  const fmt = makeFormatter(c.asOf.scope.timezone);
  const day = (fmt(c.asOf.t) ?? '').slice(0, 10);
  const filename = c.only === null ? `members-${day}` : `members-${safeName(c.communities[0]!.label)}-${day}`;

  const row = ({ id, facts: f, community, role, group, rfm }: ClassifiedMember): Cell[] => [
    id,
    f.name,
    phoneFor(q.fullPhones ?? true, f.phone),
    community?.label ?? null,
    community?.name ?? null,
    role,
    group,
    rfm,
    f.tags.length ? f.tags.join(', ') : null,
    f.channel,
    f.inviter,
    f.inviterName,
    fmt(f.firstJoin),
    fmt(f.firstPaid),
    f.orders,
    f.netPaid,
  ];

  async function* rows(): AsyncGenerator<Cell[]> {
    for await (const m of c.members()) yield row(m);
  }

  return { columns: MEMBER_COLUMNS, sheet: 'members', filename, count: c.count, rows };
}
