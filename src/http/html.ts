// Escaping for the few server-rendered pages: member-supplied text is never markup.
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:960px;padding:0 1rem;color:#1f2329}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e6eb;padding:.4rem .6rem;text-align:left;vertical-align:top}code{background:#f2f3f5;padding:0 .3rem;border-radius:3px}
h1{font-size:1.4rem}.muted{color:#86909c}.m{display:inline-block;min-width:4.2rem;font-weight:600}</style></head><body>${body}</body></html>`;
}
