// The start page until the console lands: what is in the workspace and where to go next.
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { listCommunities } from '../features/communities/repository.js';
import { escapeHtml, page } from './html.js';

export async function homePage(ctx: AppContext): Promise<string> {
  const db = ctx.database.db;
  const s = await ctx.settings();
  // The ledger's highest sequence number, not count(*): events are never deleted, and counting millions of
  // rows on every page view would be slow (on PostgreSQL it can exceed the count after rolled-back batches).
  const events = await db.selectFrom('events').select(sql<number>`coalesce(max(seq), 0)`.as('n')).executeTakeFirst();
  const members = await db.selectFrom('members').select(sql<number>`count(*)`.as('n')).where('merged_into', 'is', null).executeTakeFirst();
  const communities = await listCommunities(db);
  const rows = communities.map((c) => `<tr><td>${escapeHtml(c.name ?? c.external_id)}</td><td>${escapeHtml(c.platform)}</td>` +
    `<td>${c.members}${c.capacity ? ` / ${c.capacity}` : ''}</td><td><a href="/api/v1/members?community=${c.id}&present=true">成员</a></td></tr>`).join('');
  return page(`群运 Qunyun · ${s.name}`, `<h1>群运 Qunyun · ${escapeHtml(s.name)}</h1>
<p>≈${Number(events?.n ?? 0)} events · ${Number(members?.n ?? 0)} members · ${communities.length} communities · ${escapeHtml(s.timezone)}</p>
<table><tr><th>Community 社群</th><th>Platform</th><th>Members 成员</th><th></th></tr>${rows}</table>
<p><a href="/api/docs">API docs</a> · <a href="/api/v1/communities">/api/v1/communities</a> · <a href="/api/v1/members">/api/v1/members</a></p>`);
}
