// The answers of the sign-in and account routes (routes.ts, admin-routes.ts): who is signed in, users, API tokens
// and the audit log, as the OpenAPI document names them.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/auth/roles.js';

const epochMs = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (milliseconds since the epoch)` });
const role = z.enum(ROLES);
const communities = z.array(z.number().int()).openapi({ description: 'Our community ids an operator acts on (ignored for other roles)' });

/**
 * What the document declares a user name to be, in a pattern every regex engine reads alike (no \p{…}, which
 * means a plain "p" without JavaScript's u flag, so a client generated from the document refused every real
 * name): no whitespace, control or ASCII punctuation but . _ @ -. The server's own rule below is narrower
 * (letters of any script and digits); the declared pattern never refuses a name the server takes.
 */
export const USERNAME_PATTERN = '^[^\\x00-\\x2C/:-?\\[-^\\x60{-\\x7F\\s]+$';

export const usernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only')
  .openapi({ pattern: USERNAME_PATTERN, description: 'Letters of any script, digits and . _ @ - (1–64)', example: '张三' });

/** The signed-in user, as the console needs them. */
export const SessionUser = z.object({ id: z.number().int(), username: z.string(), role, communities }).openapi('SessionUser');

export const AuthStatus = z
  .object({
    setup_required: z.boolean().openapi({ description: 'No user exists yet: the console offers the one-time owner setup' }),
    demo: z.boolean().openapi({ description: 'The generated demo workspace is loaded' }),
    workspace: z.string().openapi({ description: 'The workspace name' }),
    user: SessionUser.nullable().openapi({ description: 'Who is signed in (session cookie or API token); null for nobody' }),
  })
  .openapi('AuthStatus');

export const SignedIn = z.object({ user: SessionUser }).openapi('SignedIn');

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role,
    communities,
    disabled: z.boolean().openapi({ description: 'A disabled user cannot sign in; their tokens stop working' }),
    pii: z.boolean().openapi({
      description: 'Sees phone numbers in full (granted by an owner; owners always do). Without it they are masked: 138****5678',
    }),
    created_at: epochMs('When the user was added'),
    last_login_at: epochMs('Their last sign-in').nullable(),
  })
  .openapi('User');

export const Token = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the token, to recognise it (the secret is never shown again)' }),
    user_id: z.number().int().openapi({ description: 'The user the token acts for' }),
    username: z.string(),
    role: role.openapi({ description: "The token's own role, never above its user's" }),
    created_at: epochMs('When it was made'),
    last_used_at: epochMs('Last use, to the minute').nullable(),
    revoked_at: epochMs('When it was revoked').nullable(),
  })
  .openapi('Token');

export const NewToken = z
  .object({
    token: z.string().openapi({ description: 'The secret (qy_…): shown this once, stored only as a hash' }),
    item: Token,
  })
  .openapi('NewToken');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: epochMs('When it happened'),
    user_id: z.number().int().nullable().openapi({ description: 'The acting user; null for an unknown name (a failed sign-in)' }),
    actor: z.string().openapi({ description: 'The user name, or token:NAME (user) for a call with an API token' }),
    action: z.string().openapi({ description: "The route's audit name (user.create, member.tags, …); `.denied` when refused" }),
    target: z.string().nullable().openapi({ description: 'What it acted on (the request path, or user N)' }),
    status: z.number().int().openapi({ description: 'The HTTP status answered' }),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    // Any JSON value: a body may be an object, an array or a scalar, and is kept as it came.
    details: z.unknown().openapi({
      description: "Free-form: the request's JSON body (passwords blanked), or its content type and size, or a refusal's reason; null for none",
    }),
  })
  .openapi('AuditEntry');

export const AuditPage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    items: z.array(AuditEntry),
  })
  .openapi('AuditPage');

/** The answer of a removal: what was removed. */
export const Removed = z.object({ ok: z.literal(true), id: z.number().int() }).openapi('Removed');
