// What the request thread and a compute thread say to each other, and how a typed error crosses between them: the
// thread sends its kind, code, message and details; the request thread rebuilds the same AppError, so the answer is
// the one the computation would have given inline. Anything untyped becomes a generic failure (logged, not shown).
import type { Logger } from 'pino';
import {
  AmbiguousError,
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  UnavailableError,
  type ErrorKind,
} from '../domain/errors.js';

export interface ThreadTask {
  id: number;
  name: string;
  input: unknown;
}

export interface ThreadError {
  kind: ErrorKind | 'internal';
  code: string;
  message: string;
  details?: string[];
  stack?: string;
}

export type ThreadAnswer = { id: number; ok: true; answer: unknown } | { id: number; ok: false; error: ThreadError };

export function errorForThread(err: unknown): ThreadError {
  if (err instanceof AppError) return { kind: err.kind, code: err.code, message: err.message, details: err.details };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'internal', code: 'internal', message: e.message, stack: e.stack };
}

export function errorFromThread(e: ThreadError, log: Logger): Error {
  switch (e.kind) {
    case 'invalid':
      return new InvalidInputError(e.message, { code: e.code, details: e.details });
    case 'not_found':
      return new NotFoundError(e.message, e.code);
    case 'conflict':
      return new ConflictError(e.message, e.code, e.details);
    case 'ambiguous':
      return new AmbiguousError(e.message, e.details);
    case 'forbidden':
      return new ForbiddenError(e.message, e.code);
    case 'unavailable':
      return new UnavailableError(e.message, e.code);
    case 'too_large':
      return new TooLargeError(e.message, e.code);
    case 'unauthorized':
    case 'rate_limited':
      return new AppError(e.kind, e.message, e.code, e.details);
    default: {
      log.error({ err: { message: e.message, stack: e.stack } }, 'a computation failed');
      return new Error(`computation failed: ${e.message}`);
    }
  }
}
