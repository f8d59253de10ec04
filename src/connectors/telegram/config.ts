// Telegram's configuration, from the environment (docs/connectors/telegram.md). Errors name the variable and
// never echo a secret.

export interface TelegramConfig {
  token: string;
  /** The bot's own user id: the digits before the colon of its token. */
  botId: number;
  /** Webhook mode when set (POST /hooks/telegram checks it); long polling otherwise. */
  webhookSecret: string | null;
  /** Bot API root without a trailing slash; tests point it at a local emulator. */
  apiRoot: string;
}

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** A bot token as @BotFather hands it out: the bot's numeric id, a colon, then the secret part. */
const TOKEN = /^(\d{1,20}):([A-Za-z0-9_-]{20,100})$/;
/** Telegram's own rule for setWebhook's secret_token. */
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

/** null when TELEGRAM_BOT_TOKEN is absent (the connector stays off); throws naming a bad variable. */
export function readTelegramConfig(env: NodeJS.ProcessEnv): TelegramConfig | null {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return null;
  const t = TOKEN.exec(token);
  if (!t) {
    throw new Error(
      'TELEGRAM_BOT_TOKEN: expected the token @BotFather gave the bot, like 123456789:AAH… (digits, a colon, then 20 or more letters, digits, _ or -)',
    );
  }
  const secret = env.TELEGRAM_WEBHOOK_SECRET?.trim() || null;
  if (secret !== null && !SECRET.test(secret)) {
    throw new Error('TELEGRAM_WEBHOOK_SECRET: must be 1–256 characters of A–Z, a–z, 0–9, _ and - (what Telegram accepts as a webhook secret_token)');
  }
  return { token, botId: Number(t[1]), webhookSecret: secret, apiRoot: apiRoot(env.TELEGRAM_API_ROOT) };
}

function apiRoot(raw: string | undefined): string {
  const v = raw?.trim();
  if (!v) return DEFAULT_API_ROOT;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`TELEGRAM_API_ROOT: not a URL (got ${JSON.stringify(v)}); expected e.g. http://127.0.0.1:8081`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`TELEGRAM_API_ROOT: must be an http or https URL (got ${JSON.stringify(v)})`);
  }
  if (url.search || url.hash) throw new Error(`TELEGRAM_API_ROOT: must not carry a query or fragment (got ${JSON.stringify(v)})`);
  return v.replace(/\/+$/, '');
}
