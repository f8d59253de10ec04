// The members list's filters by customer group, role and RFM segment: classifications computed as of now by the
// members export (metrics.md definitions), read into a map of member → what they are.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { MEMBER_COLUMNS, prepareMembersExport } from '../export/members.js';

export interface Classification { groups: Set<string>; roles: Set<string>; rfm: string | null }
export interface ClassFilter { group?: string; role?: string; rfm?: string }

const col = (name: (typeof MEMBER_COLUMNS)[number]) => MEMBER_COLUMNS.indexOf(name);

export async function classify(db: Kysely<Schema>, community: string | undefined, f: ClassFilter): Promise<Map<number, Classification>> {
  const p = await prepareMembersExport(db, { community, roles: f.role !== undefined });
  const [ID, GROUP, ROLE, RFM] = [col('member_id'), col('group'), col('role'), col('rfm_segment')];
  const all = new Map<number, Classification>();
  for await (const row of p.rows()) {
    const id = Number(row[ID]);
    const c = all.get(id) ?? all.set(id, { groups: new Set(), roles: new Set(), rfm: null }).get(id)!;
    if (row[GROUP] != null) c.groups.add(String(row[GROUP]));
    if (row[ROLE] != null) c.roles.add(String(row[ROLE]));
    if (row[RFM] != null) c.rfm = String(row[RFM]);
  }
  const out = new Map<number, Classification>();
  for (const [id, c] of all) {
    if (f.group !== undefined && !c.groups.has(f.group)) continue;
    if (f.role !== undefined && !c.roles.has(f.role)) continue;
    if (f.rfm !== undefined && c.rfm !== f.rfm) continue;
    out.set(id, c);
  }
  return out;
}
