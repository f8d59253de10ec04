// /api/docs: the OpenAPI document rendered as a self-contained page (no CDN), linking the raw JSON.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { escapeHtml, page } from './html.js';

export function docsPage(app: OpenAPIHono): string {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Qunyun API', version: '1' } });
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const o = op as { summary?: string; description?: string; parameters?: { name: string; in: string; description?: string }[] };
      const params = (o.parameters ?? [])
        .map((p) => `<code>${escapeHtml(p.name)}</code>${p.description ? ' — ' + escapeHtml(p.description) : ''}`)
        .join('<br>');
      rows.push(
        `<tr><td><span class="m">${escapeHtml(method.toUpperCase())}</span><code>${escapeHtml(path)}</code></td>` +
          `<td>${escapeHtml(o.summary ?? '')}${o.description ? `<div class="muted">${escapeHtml(o.description)}</div>` : ''}</td><td>${params}</td></tr>`,
      );
    }
  }
  return page(
    'Qunyun API',
    `<h1>Qunyun API</h1><p>The machine-readable OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a>.
Errors are <code>{"error":{"code","message","details?"}}</code>.</p><table><tr><th>Route</th><th>What it does</th><th>Parameters</th></tr>${rows.join('')}</table>`,
  );
}
