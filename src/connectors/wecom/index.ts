// The WeCom (企业微信) connector: switched on by WECOM_* variables (registry.ts), callbacks at /hooks/wecom,
// outbox actions through the WeCom server API. See docs/connectors/wecom.md.
import type { Connector, ConnectorContext } from '../types.js';
import { WecomApi, type ApiOptions } from './api.js';
import { registerWecomRoutes } from './callback.js';
import type { WecomConfig } from './config.js';
import { wecomDeliver, WECOM_KINDS } from './deliver.js';
import { Directory } from './directory.js';
import { ReplayGuard } from './security.js';
import { PLATFORM } from './translate.js';

export interface WecomOptions {
  /** Test seams: the HTTP client, the clock, the pause between retries. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  api?: Partial<Pick<ApiOptions, 'attempts' | 'backoffMs' | 'timeoutMs'>>;
}

export interface WecomConnector extends Connector {
  readonly config: WecomConfig;
  readonly api: WecomApi;
  readonly directory: Directory;
}

export function createWecomConnector(config: WecomConfig, ctx: ConnectorContext, o: WecomOptions = {}): WecomConnector {
  const now = o.now ?? Date.now;
  const api = new WecomApi({ corpId: config.corpId, secret: config.secret, base: config.apiBase, fetch: o.fetch, now, sleep: o.sleep, ...o.api });
  const directory = new Directory(api, now);
  const deliver = wecomDeliver({ api, directory, ingest: (e) => ctx.ingest(e), now });
  const guard = new ReplayGuard();
  return {
    platform: PLATFORM,
    platforms: [PLATFORM],
    kinds: WECOM_KINDS,
    config,
    api,
    directory,
    deliver,
    routes(app) {
      registerWecomRoutes(app, { config, ctx, directory, guard, now });
    },
  };
}
