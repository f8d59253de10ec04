// Strict query and path parameters, one builder per kind, so every route parses them alike and the OpenAPI
// document declares what is really accepted. A value is taken only in its one plain spelling: booleans are
// `true` or `false`, integers are decimal digits (no sign, exponent, hex, spaces or fraction), dates are
// YYYY-MM-DD or an ISO instant with an offset. Anything else is a 400 that names the parameter and the value.
import { z } from '@hono/zod-openapi';
import { parseInstant } from '../domain/events/instant.js';

/** The value as the message shows it: quoted, and cut if long (it is the caller's text). */
export const shown = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
};

/** `true` or `false` → a boolean. Not 1/0, yes/no or TRUE: one spelling, so a typo never flips a switch. */
export const boolParam = (description: string) =>
  z
    .string()
    .transform((s, ctx) => {
      if (s === 'true' || s === 'false') return s === 'true';
      ctx.addIssue({ code: 'custom', message: `expected true or false (got ${shown(s)})` });
      return z.NEVER;
    })
    .openapi({ type: 'string', enum: ['true', 'false'], description });

/** A whole number written in decimal digits, within [min, max] → a number. */
export const intParam = (o: { min: number; max?: number; description?: string }) => {
  const max = o.max ?? Number.MAX_SAFE_INTEGER;
  return z
    .string()
    .transform((s, ctx) => {
      const n = /^[0-9]{1,16}$/.test(s) ? Number(s) : NaN;
      if (Number.isNaN(n)) ctx.addIssue({ code: 'custom', message: `expected a whole number in decimal digits (got ${shown(s)})` });
      else if (n < o.min || n > max) ctx.addIssue({ code: 'custom', message: `must be from ${o.min} to ${max} (got ${s})` });
      else return n;
      return z.NEVER;
    })
    .openapi({ type: 'integer', minimum: o.min, maximum: max, ...(o.description ? { description: o.description } : {}) });
};

/** One of our row ids (a member, an action, a user, a token): a positive integer. */
export const idParam = (description = 'Our id (a positive integer)') => intParam({ min: 1, description });

/** A reference to a community (our id, id:N, platform:id or a platform id), resolved by the route's service. */
export const refParam = (description = 'Our community id (or id:N), platform:id, or a platform id') =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(400, 'longer than 400 characters')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' })
    .openapi({ description });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The shape a date-or-instant parameter must have; the services check the calendar and apply the zone. */
export const DATE_OR_INSTANT_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?))?$';

/** A date (YYYY-MM-DD, in the workspace zone) or an instant with an offset, kept as text for the service. */
export const dateParam = (description: string) =>
  z
    .string()
    .superRefine((s, ctx) => {
      if (DATE.test(s)) return;
      const r = parseInstant(s);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `expected a date (YYYY-MM-DD) or an instant with offset — ${r.reason}` });
    })
    .openapi({ pattern: DATE_OR_INSTANT_PATTERN, examples: ['2026-11-01', '2026-11-01T20:00:00+08:00'], description });

/** One of `values`, spelled exactly; the message lists them and names what came. */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T, description?: string) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(', ')} (got ${shown(iss.input)})` }).openapi(description ? { description } : {});
