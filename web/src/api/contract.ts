// The console's API types, read off the server's contract (schema.d.ts, generated from its OpenAPI document): a
// route's answer, request body, query and path parameters by path and method, and the named schemas. Types only.
import type { components, paths } from './schema';

export type { components, paths };

/** A named schema of the contract: Schema<'Member'>, Schema<'Action'>. */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that answer a method. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];

/** What a route answers with 200 (JSON). */
export type Answer<P extends PathOf<M>, M extends Method = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The JSON body a route takes; never when it takes none. */
export type Body<P extends PathOf<M>, M extends Method> = paths[P][M] extends { requestBody?: infer R } ? JsonOf<Exclude<R, undefined>> : never;
type JsonOf<R> = [R] extends [never] ? never : R extends { content: { 'application/json': infer B } } ? B : never;

type ParamsOf<P extends PathOf<M>, M extends Method> = paths[P][M] extends { parameters: infer X } ? X : never;

/** A route's query parameters; never when it takes none. */
export type QueryOf<P extends PathOf<M>, M extends Method = 'get'> = ParamsOf<P, M> extends { query?: infer Q } ? Exclude<Q, undefined> : never;

/** A route's path parameters ({ id }, { ref }, { key }); never when it has none. */
export type PathParams<P extends PathOf<M>, M extends Method = 'get'> = ParamsOf<P, M> extends { path?: infer X } ? Exclude<X, undefined> : never;

type IsNever<T> = [T] extends [never] ? true : false;
/** `{ name: T }` where the route has T (optional unless `Required`); where it has none, passing `name` is refused. */
type Slot<Name extends string, T, Required extends boolean> =
  IsNever<T> extends true ? { [K in Name]?: never } : Required extends true ? { [K in Name]: T } : { [K in Name]?: T };

type Requires<X, K extends string> = X extends { [k in K]: unknown } ? true : false;

/** What a call to a route passes besides its path: `path` parameters, `query` and `body`, each where the route has them. */
export type CallOptions<P extends PathOf<M>, M extends Method> = Slot<'path', PathParams<P, M>, true> &
  Slot<'query', QueryOf<P, M>, Requires<ParamsOf<P, M>, 'query'>> &
  Slot<'body', Body<P, M>, Requires<paths[P][M], 'requestBody'>>;

/** The options argument: optional when nothing in it is required. */
export type CallArgs<P extends PathOf<M>, M extends Method> =
  object extends CallOptions<P, M> ? [options?: CallOptions<P, M>] : [options: CallOptions<P, M>];
