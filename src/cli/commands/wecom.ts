// `qunyun wecom contact-way`: a WeCom channel code (渠道活码) for one of the workspace's channels.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { processEnv } from '../../config/env.js';
import { printJson } from '../output.js';

export function registerWecom(program: Command): void {
  const wecom = program.command('wecom').description('WeCom (企业微信) tools; needs the WECOM_* variables');
  wecom
    .command('contact-way')
    .description('create a "contact me" QR code whose customers arrive with this channel')
    .requiredOption('--channel <key>', "a channel key from qunyun.yaml's channels")
    .requiredOption('--user <userid...>', 'the WeCom userid(s) of the staff who receive the contacts')
    .option('--remark <text>', 'a note shown in the WeCom admin console')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { channel: string; user: string[]; remark?: string; db?: string; json?: boolean }) => {
      const [{ WecomApi }, { createContactWay }] = await Promise.all([
        import('../../connectors/wecom/api.js'),
        import('../../connectors/wecom/contact-way.js'),
      ]);
      const cfg = processEnv().connectors.wecom;
      if (!cfg) throw new Error('WECOM_CORP_ID: WeCom is not configured (set WECOM_CORP_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY, WECOM_SECRET)');
      await withDatabase(o.db, async ({ ctx }) => {
        const known = await ctx.database.db.selectFrom('channels').select('key').where('key', '=', o.channel).executeTakeFirst();
        if (!known)
          throw new Error(`--channel: unknown channel ${JSON.stringify(o.channel)} (add it under channels in qunyun.yaml, then qunyun apply)`);
        const cw = await createContactWay(new WecomApi({ corpId: cfg.corpId, secret: cfg.secret, base: cfg.apiBase }), {
          channel: o.channel,
          users: o.user,
          remark: o.remark,
        });
        if (o.json) return printJson(cw);
        console.log(`channel ${cw.state}: ${cw.qr_code}  (config_id ${cw.config_id})`);
      });
    });
}
