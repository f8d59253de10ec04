// `qunyun migrate` and `qunyun apply FILE`.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';

export function registerWorkspace(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .option(...DB_OPTION)
    .action(async (o: { db?: string }) => {
      await withDatabase(o.db, async ({ ctx }) => console.log(`database ${ctx.database.location} (${ctx.database.dialect}) is up to date`));
    });
  program
    .command('apply')
    .description('apply a qunyun.yaml: workspace settings, products, channels, community blueprints')
    .argument('<file>', 'the YAML file')
    .option(...DB_OPTION)
    .action(async (file: string, o: { db?: string }) => {
      const { applyWorkspaceFile, readWorkspaceFile } = await import('../../features/workspace/apply.js');
      const cfg = readWorkspaceFile(file);
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await applyWorkspaceFile(ctx.database, cfg);
        console.log(
          `applied ${file}: ${r.products} products, ${r.channels} channels, ${r.communities} communities` +
            (r.timezoneChanged ? `; time zone is now ${cfg.workspace.timezone}` : '') +
            (r.rebuiltDays > 0 ? `; per-day state rebuilt from ${r.rebuiltDays} events` : ''),
        );
      });
    });
}
