// Connectors switch on by configuration: each module looks at the environment and returns a connector, null
// when its variables are absent, or throws naming the variable that is missing or wrong. Modules load lazily,
// so a workspace without Telegram never loads grammy.
import type { Connector, ConnectorContext } from './types.js';
import type { Deliverer } from '../features/automation/outbox.js';
import { unsupported } from './types.js';
import type { Database } from '../storage/database.js';
import { deliverInternally, INTERNAL_KINDS } from './internal.js';

type Factory = (env: NodeJS.ProcessEnv, ctx: ConnectorContext) => Promise<Connector | null>;

/** Each entry: the variables that switch it on, and its factory. */
const MODULES: { name: string; switches: string[]; load: () => Promise<Factory> }[] = [
  // Filled in as connectors land, e.g.:
  { name: 'wecom', switches: ['WECOM_CORP_ID', 'WECOM_TOKEN'], load: async () => (await import('./wecom/index.js')).wecomFromEnv },
  // { name: 'wecom', switches: ['WECOM_CORP_ID'], load: async () => (await import('./wecom/index.js')).wecomFromEnv },
  { name: 'telegram', switches: ['TELEGRAM_BOT_TOKEN'], load: async () => (await import('./telegram/index.js')).telegramFromEnv },
];

export async function connectorsFromEnv(env: NodeJS.ProcessEnv, ctx: ConnectorContext): Promise<Connector[]> {
  const out: Connector[] = [];
  for (const m of MODULES) {
    if (!m.switches.some((v) => env[v])) continue;
    const c = await (await m.load())(env, ctx);
    if (c) out.push(c);
  }
  return out;
}

/**
 * One deliverer over several connectors: each action goes to the connector of its platform; kinds that are Qunyun's
 * own (tag, notify, and blacklist where the platform has no ban) are done internally.
 */
export function routeDeliveries(connectors: Connector[], database: Database): Deliverer {
  const by = new Map(connectors.map((c) => [c.platform, c]));
  return {
    platforms: [...by.keys()],
    async deliver(a, db) {
      const c = by.get(a.platform);
      const internal = (INTERNAL_KINDS as readonly string[]).includes(a.kind);
      // A connector answers for every platform kind, claimed or not, so its refusal can say why (e.g. no such API).
      if (c && (c.kinds.includes(a.kind) || !internal)) return c.deliver(a, db);
      if (internal) return deliverInternally(database, a);
      return unsupported(`no connector for ${a.platform}`, a.kind);
    },
  };
}
