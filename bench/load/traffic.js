// The clients of bench:load (mixed-load.bench.js): dashboard readers (the console overview's requests), event
// writers (NDJSON batches of chat at "now" by members present in their communities) and a health prober. Node's
// fetch keeps connections alive; every request has a timeout, and loops start no request past their deadline.
import { Rng } from '../../dist/demo/prng.js';
import { chatText } from '../../dist/demo/messages.js';
import { COMMUNITIES } from '../../dist/demo/catalog.js';

const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 60) * 1000;
const MEMBERS_PER_COMMUNITY = 200;

/** A request to the server under test; resolves to { ms, status, text }, with status 0 when it failed or timed out. */
export function client(base, token) {
  return async (path, init = {}) => {
    const started = performance.now();
    try {
      const res = await fetch(base + path, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      return { ms: performance.now() - started, status: res.status, text };
    } catch (err) {
      // fetch names the network failure in its cause (a reset or closed connection, a refused one).
      const cause = err.cause ? ` (${err.cause.code ?? err.cause.name}: ${err.cause.message})` : '';
      return { ms: performance.now() - started, status: 0, text: `${err.name}: ${err.message}${cause}` };
    }
  };
}

async function json(request, path) {
  const r = await request(path);
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text.slice(0, 300)}`);
  return JSON.parse(r.text);
}

/** What the writers and readers need: the workspace zone, and each community with members present in it. */
export async function workspaceFacts(request) {
  const { timezone } = await json(request, '/api/v1/workspace');
  const communities = [];
  for (const c of (await json(request, '/api/v1/communities')).items) {
    // The list names our ids only; each member's record names their platform ids.
    const page = await json(request, `/api/v1/members?community=${c.id}&present=true&page_size=${MEMBERS_PER_COMMUNITY}`);
    const records = [];
    for (let i = 0; i < page.items.length; i += 10) {
      const some = page.items.slice(i, i + 10).map((m) => json(request, `/api/v1/members/${m.id}?timeline_limit=0`));
      records.push(...(await Promise.all(some)));
    }
    const members = records.flatMap((m) => m.identities.filter((i) => i.platform === c.platform).map((i) => i.id));
    const kind = COMMUNITIES.find((d) => d.key === c.external_id && d.platform === c.platform)?.kind ?? 'pool';
    if (members.length > 0) communities.push({ platform: c.platform, id: c.external_id, kind, members });
  }
  if (communities.length === 0) throw new Error('the workspace has no community with members present');
  return { timezone, communities };
}

/** The overview page's requests for its default period (the last 30 days, today included, by day). */
export function dashboardPaths(timezone) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date()); // YYYY-MM-DD
  const day = (offset) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const period = `from=${day(-29)}&to=${day(1)}`;
  return [`/api/v1/metrics?${period}`, `/api/v1/metrics?${period}&by=day`, `/api/v1/metrics/products?${period}`];
}

/**
 * One dashboard answer: the page's requests at once, as the console sends them (with the console's
 * `Cache-Control: max-stale=5`, web/src/api.ts; BENCH_MAX_STALE=0 reads every write); its latency is the slowest.
 */
const maxStale = process.env.BENCH_MAX_STALE ?? '5';
export async function readDashboard(request, paths, samples) {
  const started = performance.now();
  const headers = maxStale === '0' ? {} : { 'cache-control': `max-stale=${maxStale}` };
  const answers = await Promise.all(paths.map((p) => request(p, { headers })));
  const bad = answers.find((a) => a.status < 200 || a.status > 299);
  samples.add(performance.now() - started, bad ? 0 : 1, bad && `${bad.status} ${bad.text.slice(0, 200)}`);
}

/** A writer: POSTs batches of `size` new message.sent events, ids unique to this run, writer and batch. */
export function eventWriter(request, facts, writer, size) {
  const rng = new Rng(writer + 1, 7);
  const run = `load-${process.pid}-${Date.now().toString(36)}-${writer}`;
  let batch = 0;
  return async (samples) => {
    batch++;
    const at = new Date().toISOString();
    const lines = [];
    for (let i = 0; i < size; i++) {
      const c = rng.pick(facts.communities);
      const e = { id: `${run}-${batch}-${i}`, type: 'message.sent', at, platform: c.platform, community: c.id };
      lines.push(JSON.stringify({ ...e, member: rng.pick(c.members), kind: 'text', text: chatText(rng, c.kind) }));
    }
    const r = await request('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: lines.join('\n') + '\n',
    });
    let accepted = 0;
    let error = r.status === 200 ? null : `${r.status} ${r.text.slice(0, 200)}`;
    if (!error) {
      const summary = JSON.parse(r.text);
      accepted = summary.accepted;
      if (summary.rejected_count > 0) error = `rejected: ${JSON.stringify(summary.rejected[0])}`;
    }
    samples.add(r.ms, accepted, error);
  };
}

export async function probeHealth(request, samples) {
  const r = await request('/api/v1/health');
  samples.add(r.ms, r.status === 200 ? 1 : 0, r.status === 200 ? null : `${r.status} ${r.text.slice(0, 200)}`);
}

/** `workers` loops each running `step` back to back until `deadline` (performance.now() ms); resolves when all end. */
export async function closedLoop(workers, deadline, step) {
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < deadline) await step(w);
    }),
  );
}

/**
 * `step` started every `everyMs` until `deadline`, whether or not the previous one answered (a stalled server
 * shows as many slow answers, not as one); at most `maxInFlight` at once, the ticks beyond are counted as skipped.
 */
export async function openLoop(everyMs, deadline, step, maxInFlight = 200) {
  const inFlight = new Set();
  let skipped = 0;
  for (let next = performance.now(); next < deadline; next += everyMs) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= maxInFlight) {
      skipped++;
      continue;
    }
    const p = step().finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return skipped;
}

/** How many automation actions the server has recorded (the writers' messages can trip the demo's rules). */
export async function actionsTotal(request) {
  return (await json(request, '/api/v1/actions?page_size=1')).total;
}

/** Automation actions due now and not yet delivered (pending or being sent), from the first page of each. */
async function dueActions(request) {
  const now = Date.now();
  let due = 0;
  for (const status of ['pending', 'sending']) {
    const page = await json(request, `/api/v1/actions?status=${status}&page_size=500`);
    due += page.items.filter((a) => Date.parse(a.due_at) <= now).length;
  }
  return due;
}

/**
 * Waits (at most `maxMs`) until the server is quiet: no automation action due (the demo's backlog, or the actions
 * the last phase's messages caused) and ten health answers in a row under 200 ms, so each phase pays only for itself.
 */
export async function settle(request, maxMs = 180_000) {
  const started = performance.now();
  let calm = 0;
  while (performance.now() - started < maxMs) {
    const health = await request('/api/v1/health');
    // A failed look (a connection reset by a stalled server, say) counts as not quiet yet.
    const quiet = health.status === 200 && health.ms < 200 && (await dueActions(request).catch(() => -1)) === 0;
    calm = quiet ? calm + 1 : 0;
    if (calm >= 10) return { settled: true, seconds: (performance.now() - started) / 1000 };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { settled: false, seconds: (performance.now() - started) / 1000 };
}
