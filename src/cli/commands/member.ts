// `qunyun member export <ref>` and `qunyun member erase <ref> [--yes]`: one person's data on request (PIPL,
// docs/privacy.md). The CLI is the local administrator: the export is in full. Both are in the audit log as cli:<os user>.
import fs from 'node:fs';
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { audit } from './users.js';

const REF = 'our member id (N or id:N), or an identity platform:id';

export function registerMember(program: Command): void {
  const member = program.command('member').description("one person's data on request (PIPL): export it, or erase it");
  member
    .command('export')
    .description('write everything we hold about one person as JSON (profile, identities, tags, memberships, orders, events, actions)')
    .argument('<ref>', REF)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option(...DB_OPTION)
    .action(async (ref: string, o: { out?: string; db?: string }) => {
      const [{ resolveMemberRef }, { memberDataExport }] = await Promise.all([
        import('../../features/members/erase.js'),
        import('../../features/members/data-export.js'),
      ]);
      await withDatabase(o.db, async (opened) => {
        const db = opened.ctx.database.db;
        const id = await resolveMemberRef(db, ref);
        const doc = await memberDataExport(db, id, (await opened.ctx.settings()).timezone);
        const text = JSON.stringify(doc, null, 2) + '\n';
        if (o.out) fs.writeFileSync(o.out, text);
        else process.stdout.write(text);
        await audit(opened, 'member.data_export', `member ${id}`, { ref, out: o.out ?? 'stdout', events: doc.events.length });
        if (o.out) console.error(`member ${id}: ${doc.events.length} events written to ${o.out}`);
      });
    });
  member
    .command('erase')
    .description("replace one person's personal data by tombstones (names, phone, attributes, tags, message texts); every figure stays")
    .argument('<ref>', REF)
    .option('--yes', 'do it (without it: say what would be erased, and change nothing)')
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .action(async (ref: string, o: { yes?: boolean; json?: boolean; db?: string }) => {
      const { eraseMember, resolveMemberRef } = await import('../../features/members/erase.js');
      await withDatabase(o.db, async (opened) => {
        const db = opened.ctx.database.db;
        const id = await resolveMemberRef(db, ref);
        if (!o.yes) {
          const m = await db.selectFrom('members').select(['name']).where('id', '=', id).executeTakeFirstOrThrow();
          const ids = await db.selectFrom('identities').select(['platform', 'external_id']).where('member_id', '=', id).execute();
          console.log(
            `would erase member ${id} (${m.name ?? 'no name'}; ${ids.map((i) => `${i.platform}:${i.external_id}`).join(', ') || 'no identity'}): run again with --yes`,
          );
          process.exitCode = 2;
          return;
        }
        const r = await eraseMember(db, id);
        await audit(opened, 'member.erase', `member ${id}`, { ref, events: r.events, actions: r.actions, identities: r.identities });
        if (o.json) console.log(JSON.stringify(r));
        else
          console.log(
            `erased member ${id}: ${r.events} events blanked, ${r.actions} actions, identities ${r.identities.map((i) => `${i.platform}:${i.id}`).join(', ')}`,
          );
      });
    });
}
