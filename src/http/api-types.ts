// The console's API types (web/src/api/schema.d.ts), generated from the OpenAPI document the app serves by
// openapi-typescript. Used by scripts/gen-api-types.mjs (from dist) to write the file and by api-types.test.ts
// (from src) to check the committed file is current. A development tool: the server never loads it.
import type { OpenAPIHono } from '@hono/zod-openapi';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated types live, from the repository root. */
export const API_TYPES_FILE = 'web/src/api/schema.d.ts';

const HEADER = `// GENERATED from the Qunyun API's OpenAPI document (/api/openapi.json) by openapi-typescript: do not edit.
// Regenerate with \`npm run build && node scripts/gen-api-types.mjs\`; src/http/api-types.test.ts fails when this is stale.
`;

/** The OpenAPI document exactly as /api/openapi.json serves it. */
export async function servedDocument(app: OpenAPIHono): Promise<OpenAPI3> {
  const res = await app.request('/api/openapi.json');
  if (res.status !== 200) throw new Error(`/api/openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenAPI3;
}

/** The text of web/src/api/schema.d.ts for the app's document. */
export async function apiTypesSource(app: OpenAPIHono): Promise<string> {
  // defaultNonNullable off: a field with a default that the document does not require (a request's) stays optional.
  const ast = await openapiTS(await servedDocument(app), { silent: true, defaultNonNullable: false });
  return HEADER + '\n' + astToString(ast);
}
