// qunyun.yaml: the workspace described as a file. Every error names the key it is about.
import { parseDocument } from 'yaml';
// zod with the OpenAPI extension: routes document these schemas (.openapi), which only instances made after the
// extension has loaded can do.
import { z } from '@hono/zod-openapi';
import { isValidTimezone } from '../domain/time/zone.js';
import { TIERS } from '../domain/events/types.js';
import { DEFAULT_GROUP_SETTINGS } from '../domain/metrics/customer-groups.js';
import { automationProblems, automationSchema } from './automation-schema.js';
import { cronProblem } from '../domain/automation/schedule.js';

const key = z.string().min(1).max(200);
const money = z.number().int().nonnegative();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const words = z.array(z.string().min(1));

const gate = z.strictObject({
  type: z.enum(['price', 'identity', 'action']),
  description: z.string().optional(),
  product: key.optional(),
  amount: money.optional(),
  tags: words.optional(),
  action: z.string().optional(),
});

export const blueprintSchema = z.strictObject({
  goal: z.string().optional(),
  persona: z.string().optional(),
  benefits: z.strictObject({ content: words.optional(), social: words.optional(), service: words.optional() }).optional(),
  gates: z.array(gate).optional(),
  rules: words.optional(),
  announcement: z.string().optional(),
  capacity: z.number().int().positive().default(200),
  period: z.strictObject({ days: z.number().int().positive().optional(), start: date.optional(), end: date.optional() }).optional(),
  elimination: z
    .strictObject({
      minCheckins: z.number().int().nonnegative().optional(),
      withinDays: z.number().int().positive().optional(),
      silentDays: z.number().int().positive().optional(),
      noticeDays: z.number().int().nonnegative().optional(),
      schedule: z.string().optional(),
    })
    .optional(),
  revival: z.strictObject({ checkins: z.number().int().positive().optional(), product: key.optional(), task: z.string().optional() }).optional(),
});

const community = blueprintSchema.extend({
  key,
  platform: key.default('import'),
  name: z.string().min(1),
});

export const workspaceFileSchema = z.strictObject({
  workspace: z
    .strictObject({
      name: z.string().optional(),
      timezone: z.string().default('Asia/Shanghai').refine(isValidTimezone, 'not a known IANA time zone (e.g. Asia/Shanghai)'),
      dormantDays: z.number().int().positive().default(DEFAULT_GROUP_SETTINGS.dormantDays),
      newCustomerDays: z.number().int().positive().default(DEFAULT_GROUP_SETTINGS.newCustomerDays),
    })
    .prefault({}),
  products: z
    .array(
      z.strictObject({
        key,
        name: z.string().min(1),
        aliases: words.default([]),
        tier: z.enum(TIERS),
        price: money,
      }),
    )
    .default([]),
  channels: z.array(z.strictObject({ key, name: z.string().min(1), cost: money.default(0) })).default([]),
  communities: z.array(community).default([]),
  automation: automationSchema.prefault({}),
});

export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;
export type Blueprint = z.infer<typeof blueprintSchema>;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` + problems.map((p) => `  - ${p}`).join('\n'));
  }
}

function pathText(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : (out ? '.' : '') + String(p);
  return out || '(top level)';
}

function duplicates(list: { key: string; platform?: string }[], what: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  list.forEach((x, i) => {
    const k = (x.platform ?? '') + ':' + x.key;
    if (seen.has(k)) out.push(`${what}[${i}].key: duplicate key ${JSON.stringify(x.key)}`);
    seen.add(k);
  });
  return out;
}

/** Parses and validates qunyun.yaml text; throws ConfigError listing every problem with its key path. */
export function parseWorkspaceFile(text: string, file = 'qunyun.yaml'): WorkspaceFile {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `YAML ${e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : ''}${e.message.split('\n')[0]}`),
    );
  }
  const raw = doc.toJS() ?? {};
  const parsed = workspaceFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((i) => {
        if (i.code === 'unrecognized_keys') return `${pathText(i.path)}: unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
        return `${pathText(i.path)}: ${i.message}`;
      }),
    );
  }
  const cfg = parsed.data;
  const problems = [...duplicates(cfg.products, 'products'), ...duplicates(cfg.channels, 'channels'), ...duplicates(cfg.communities, 'communities')];
  const productKeys = new Set(cfg.products.map((p) => p.key));
  cfg.communities.forEach((c, i) => {
    c.gates?.forEach((g, j) => {
      if (g.product && !productKeys.has(g.product))
        problems.push(`communities[${i}].gates[${j}].product: unknown product ${JSON.stringify(g.product)}`);
    });
    const cron = c.elimination?.schedule;
    const bad = cron === undefined ? null : cronProblem(cron);
    if (bad) problems.push(`communities[${i}].elimination.schedule: ${bad}`);
    if (c.revival?.product && !productKeys.has(c.revival.product)) {
      problems.push(`communities[${i}].revival.product: unknown product ${JSON.stringify(c.revival.product)}`);
    }
  });
  problems.push(...automationProblems(cfg.automation, new Set(cfg.communities.flatMap((c) => [c.key, `${c.platform}:${c.key}`]))));
  if (problems.length > 0) throw new ConfigError(file, problems);
  return cfg;
}
