// Connectors switch on by configuration: the settings parsed at start-up (config/env.ts ConnectorSettings) name
// which are configured, and each configured one is built here. Modules load lazily, so a workspace without
// Telegram never loads grammy.
import type { Connector, ConnectorContext } from './types.js';
import type { Deliverer } from '../features/automation/outbox.js';
import type { ConnectorSettings } from '../config/env.js';
import { unsupported } from './types.js';
import type { Database } from '../storage/database.js';
import { deliverInternally, INTERNAL_KINDS } from './internal.js';

/** The configured connectors, not yet started. */
export async function connectorsFor(settings: ConnectorSettings, ctx: ConnectorContext): Promise<Connector[]> {
  const out: Connector[] = [];
  if (settings.wecom) out.push((await import('./wecom/index.js')).createWecomConnector(settings.wecom, ctx));
  if (settings.telegram) out.push((await import('./telegram/index.js')).createTelegramConnector(settings.telegram, ctx));
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
