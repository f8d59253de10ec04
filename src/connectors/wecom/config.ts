// WeCom configuration from the environment: all four variables or none. Every missing or malformed variable is
// named in one error, so a half-configured server refuses to start with a message that says what to fix.

export interface WecomConfig {
  corpId: string;
  token: string;
  aesKey: string;
  secret: string;
  /** https://qyapi.weixin.qq.com unless WECOM_API_BASE points elsewhere (a proxy, or a local mock in tests). */
  apiBase: string;
}

export const WECOM_VARS = ['WECOM_CORP_ID', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY', 'WECOM_SECRET'] as const;
export const DEFAULT_API_BASE = 'https://qyapi.weixin.qq.com';

export class WecomConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`WeCom connector misconfigured: ${problems.join('; ')}`);
  }
}

/** True when the EncodingAESKey is 43 base64 characters that decode (with the implied "=") to a 32-byte AES key. */
export function validAesKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(key) && Buffer.from(`${key}=`, 'base64').length === 32;
}

/** null when no WECOM_* variable is set; the configuration when all are valid; otherwise a WecomConfigError. */
export function wecomConfig(env: NodeJS.ProcessEnv): WecomConfig | null {
  const get = (name: string) => (env[name] ?? '').trim();
  if (WECOM_VARS.every((v) => get(v) === '')) return null;
  const problems: string[] = [];
  for (const v of WECOM_VARS) if (get(v) === '') problems.push(`${v} is missing (set all of ${WECOM_VARS.join(', ')})`);
  const corpId = get('WECOM_CORP_ID'),
    token = get('WECOM_TOKEN'),
    aesKey = get('WECOM_ENCODING_AES_KEY');
  if (corpId && !/^[A-Za-z0-9_-]{1,64}$/.test(corpId))
    problems.push('WECOM_CORP_ID must be the corp id shown under 我的企业 (letters and digits, e.g. ww1436e0e65a779aee)');
  if (token && !/^[A-Za-z0-9]{1,32}$/.test(token)) problems.push('WECOM_TOKEN must be 1–32 letters or digits (the Token of the callback settings)');
  if (aesKey && !validAesKey(aesKey)) {
    problems.push(`WECOM_ENCODING_AES_KEY must be exactly 43 letters and digits (got ${aesKey.length} characters)`);
  }
  let apiBase = get('WECOM_API_BASE') || DEFAULT_API_BASE;
  try {
    const u = new URL(apiBase);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol');
    apiBase = apiBase.replace(/\/+$/, '');
  } catch {
    problems.push(`WECOM_API_BASE must be an http(s) URL (got ${JSON.stringify(apiBase)})`);
  }
  if (problems.length > 0) throw new WecomConfigError(problems);
  return { corpId, token, aesKey, secret: get('WECOM_SECRET'), apiBase };
}
