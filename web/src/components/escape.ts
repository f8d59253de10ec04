// HTML escaping for the rare ECharts formatter that returns HTML with member-supplied text in it. Same mapping as
// echarts.format.encodeHTML (kept here so pages need not load echarts synchronously to build an option).
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => MAP[c]!);
}
