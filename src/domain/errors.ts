// The application's typed errors: what went wrong, in words a caller can act on. Services and domain code throw
// these; the HTTP layer maps them to statuses in one place (src/http/errors.ts) and the CLI prints their message.
// A feature's own error (an import's encoding error, say) extends the kind it is.

export type ErrorKind =
  'invalid' | 'unauthorized' | 'not_found' | 'conflict' | 'ambiguous' | 'forbidden' | 'unavailable' | 'too_large' | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Machine-readable code (defaults to the kind); answers carry it as error.code. */
    readonly code: string = kind,
    /** Extra lines a person may need (each problem of a batch, the choices of an ambiguous name). */
    readonly details?: string[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: names the field (and the value) that is wrong. */
export class InvalidInputError extends AppError {
  constructor(message: string, opts: { field?: string; code?: string; details?: string[] } = {}) {
    super(
      'invalid',
      opts.field && !message.startsWith(`${opts.field}:`) ? `${opts.field}: ${message}` : message,
      opts.code ?? 'invalid_request',
      opts.details,
    );
    this.field = opts.field;
  }
  readonly field?: string;
}

export class NotFoundError extends AppError {
  constructor(message: string, code = 'not_found') {
    super('not_found', message, code);
  }
}

/** The request contradicts what is stored (a name taken, a state that no longer allows it). */
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', details?: string[]) {
    super('conflict', message, code, details);
  }
}

/** A name that fits more than one thing; details list the choices. */
export class AmbiguousError extends AppError {
  constructor(message: string, details?: string[]) {
    super('ambiguous', message, 'ambiguous', details);
  }
}

/** The caller is not who they claim (a wrong password): sign in again. */
export class UnauthorizedError extends AppError {
  constructor(message: string, code = 'unauthorized') {
    super('unauthorized', message, code);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super('forbidden', message, code);
  }
}

/** Something this request needs is not there now (a connector switched off, a platform down): try later. */
export class UnavailableError extends AppError {
  constructor(message: string, code = 'unavailable') {
    super('unavailable', message, code);
  }
}

export class TooLargeError extends AppError {
  constructor(message: string, code = 'too_large') {
    super('too_large', message, code);
  }
}

/** Too many attempts: try again later (the route says when, in Retry-After). */
export class RateLimitedError extends AppError {
  constructor(message: string, code = 'rate_limited') {
    super('rate_limited', message, code);
  }
}
