// The durable scheduler behind playbooks. `schedules` holds one row per unit of work (units.ts) with the instant
// up to which it has run (last_run_at) and when it is next due (next_at). A pass claims due rows — FOR UPDATE
// SKIP LOCKED on PostgreSQL, so workers never share a row; SQLite has one writer — for a lease, does the work of
// (last_run_at, now], and advances the row only if it still holds the lease. Outbox rows are keyed per occurrence
// (outbox-rows.ts), so a pass that dies after writing some of them and is redone by another writes nothing twice.
// The claim and the lease are the shared queue's (storage/queue.ts), on a table without a status column.
import type { Database } from '../storage/database.js';
import { claimRows, heldLease, releaseLeases, type QueueSpec } from '../storage/queue.js';
import type { PlaybookConfig } from '../config/automation-schema.js';
import { CronSchedule, campaignInstant, outcomeOf, planCommunityWindow, type Outcome } from '../domain/automation/schedule.js';
import { loadPlaybookContext, type PlaybookContext } from './context.js';
import { syncUnits, nextDue, type Unit, type UnitKind } from './units.js';
import { memberOccurrences, type Candidate } from './member-steps.js';
import { existingKeys, occurrenceRows, supersededRow, writeRows, type Written } from './outbox-rows.js';
import { startDormant } from './dormant.js';
import { scheduledElimination } from '../features/automation/elimination.js';
import { makeWallClock } from '../domain/time/format.js';
import { giveWay } from '../storage/give-way.js';

/** How long a claim holds; a crashed worker's rows are taken over after it. */
export const LEASE_MS = 5 * 60_000;
/** Per-member windows reach back this far, so a join (or start) recorded a little after its instant is still served. */
export const SETTLE_MS = 10 * 60_000;
export const TICK_SECONDS = 30;
/** `schedules` as a queue: a row is due at next_at and free while its lease is null or past. */
export const SCHEDULE_QUEUE: QueueSpec<'schedules'> = { table: 'schedules', key: 'key', due: 'next_at', leaseMs: LEASE_MS };

export interface TickSummary {
  due: number;
  sent: number;
  late: number;
  skipped: number;
  started: number;
  lost: number;
  failed: { key: string; error: string }[];
}
interface Claimed {
  key: string;
  playbook: string;
  step: string | null;
  kind: UnitKind;
  last_run_at: number;
  created_at: number;
  lease: number;
}

async function claim(database: Database, now: number, limit: number): Promise<Claimed[]> {
  const claimed = await claimRows(database, SCHEDULE_QUEUE, {
    now,
    limit,
    returning: ['key', 'playbook', 'step', 'kind', 'last_run_at', 'created_at'],
  });
  return claimed.map(({ row: x, lease }) => ({
    key: String(x.key),
    playbook: String(x.playbook),
    step: x.step === null ? null : String(x.step),
    kind: x.kind as UnitKind,
    last_run_at: Number(x.last_run_at),
    created_at: Number(x.created_at),
    lease,
  }));
}

/**
 * One pass: every unit due at `now` is run once, by this worker or another. When `signal` aborts, the unit being
 * run is finished and the rest of its batch handed back.
 */
export async function tick(database: Database, now = Date.now(), opts: { signal?: AbortSignal } = {}): Promise<TickSummary> {
  const db = database.db;
  const ctx = await loadPlaybookContext(db, now);
  const units = new Map((await syncUnits(db, ctx)).map((u) => [u.key, u]));
  const out: TickSummary = { due: 0, sent: 0, late: 0, skipped: 0, started: 0, lost: 0, failed: [] };
  for (;;) {
    if (opts.signal?.aborted) return out;
    const batch = await claim(database, now, 20);
    if (batch.length === 0) return out;
    for (const [i, c] of batch.entries()) {
      await giveWay();
      if (opts.signal?.aborted) {
        await releaseLeases(
          db,
          SCHEDULE_QUEUE,
          batch.slice(i).map((x) => ({ key: x.key, lease: x.lease })),
          now,
        );
        return out;
      }
      out.due++;
      try {
        const u = units.get(c.key);
        const p = ctx.config.playbooks.find((x) => x.key === c.playbook);
        const done =
          u?.kind === 'elimination'
            ? { written: { sent: await scheduledElimination(db, Number(u.step), now), late: 0, skipped: 0 }, started: 0 }
            : u && p
              ? await runUnit(database, ctx, p, u, c)
              : { written: { sent: 0, late: 0, skipped: 0 }, started: 0 };
        out.sent += done.written.sent;
        out.late += done.written.late;
        out.skipped += done.written.skipped;
        out.started += done.started;
        const upTo = Math.max(c.last_run_at, now);
        const next = u ? nextDue(u, ctx, upTo) : null;
        const r = await db
          .updateTable('schedules')
          .set((eb) => ({ last_run_at: upTo, next_at: next, locked_until: null, runs: eb('runs', '+', 1), updated_at: now }))
          .where(heldLease(SCHEDULE_QUEUE, { key: c.key, lease: c.lease }))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) out.lost++;
      } catch (err) {
        // The claim expires and the unit is run again; what was written stays written once.
        out.failed.push({ key: c.key, error: (err as Error).message ?? String(err) });
      }
    }
  }
}

async function runUnit(
  database: Database,
  ctx: PlaybookContext,
  p: PlaybookConfig,
  u: Unit,
  c: Claimed,
): Promise<{ written: Written; started: number }> {
  const db = database.db;
  const written: Written = { sent: 0, late: 0, skipped: 0 };
  const add = (w: Written) => {
    written.sent += w.sent;
    written.late += w.late;
    written.skipped += w.skipped;
  };
  const now = ctx.now;
  const missedOf = (at: number): Outcome => outcomeOf(at, now, p.graceMinutes, p.missed);
  if (u.kind === 'cron' || u.kind === 'campaign') {
    const s = p.steps.find((x) => x.key === u.step)!;
    let latest: { at: number; outcome: Outcome } | null = null,
      superseded = { count: 0, first: null as number | null };
    if (u.kind === 'cron')
      ({ latest, superseded } = planCommunityWindow(
        new CronSchedule(s.cron!, ctx.timezone).window(c.last_run_at, now),
        now,
        p.graceMinutes,
        p.missed,
      ));
    else {
      const k = s.afterCampaign!;
      const at = campaignInstant(ctx.timezone, ctx.config.campaigns[k.campaign]!, k.days, k.at);
      if (at > c.last_run_at && at <= now) latest = { at, outcome: missedOf(at) };
    }
    if (!latest) return { written, started: 0 };
    const detail =
      u.kind === 'cron'
        ? `cron "${s.cron}" (${ctx.timezone})`
        : `campaign ${s.afterCampaign!.campaign} + ${s.afterCampaign!.days} days at ${s.afterCampaign!.at}`;
    const rows = ctx.communitiesOf(p).flatMap((community) => {
      const o = { playbook: p, step: s, at: latest!.at, outcome: latest!.outcome, now, community, member: null, detail };
      return superseded.count > 0
        ? [...occurrenceRows(o), supersededRow({ ...o, at: superseded.first! }, superseded.count, latest!.at, ctx.timezone)]
        : occurrenceRows(o);
    });
    add(await writeRows(db, rows));
    return { written, started: 0 };
  }
  const a = Math.max(c.created_at, c.last_run_at - SETTLE_MS);
  const started = u.kind === 'dormant' ? await startDormant(db, ctx, p, a, now) : 0;
  const steps = u.kind === 'dormant' ? p.steps : p.steps.filter((s) => s.key === u.step);
  for (const s of steps) {
    const rel = (s.afterJoin ?? s.afterStart)!;
    const wall = makeWallClock(ctx.timezone);
    const detail = (x: Candidate) =>
      `${rel.days} day${rel.days === 1 ? '' : 's'} after ${s.afterJoin ? 'joining' : 'turning dormant'} (${wall(x.anchor)}) at ${rel.at}`;
    const base = { playbook: p, step: s, now };
    const fresh = async (page: Candidate[]) => {
      const keysOf = (x: Candidate) =>
        occurrenceRows({ ...base, at: x.at, outcome: 'send', community: x.community, member: { id: x.memberId, name: null }, detail: '' }).map(
          (r) => r.dedupe,
        );
      const taken = await existingKeys(db, page.flatMap(keysOf));
      return page.filter((x) => !keysOf(x).every((k) => taken.has(k)));
    };
    for await (const page of memberOccurrences(db, ctx, p, s, a, now, fresh)) {
      add(
        await writeRows(
          db,
          page.flatMap((x) =>
            occurrenceRows({
              ...base,
              at: x.at,
              outcome: missedOf(x.at),
              community: x.community,
              member: { id: x.memberId, name: x.name },
              detail: detail(x),
            }),
          ),
        ),
      );
    }
  }
  return { written, started };
}

/** `qunyun scheduler run`: a pass every TICK_SECONDS until the signal aborts. */
export async function runScheduler(
  database: Database,
  opts: { signal?: AbortSignal; every?: number; log?: (s: TickSummary) => void; onError?: (err: Error) => void } = {},
): Promise<void> {
  while (!opts.signal?.aborted) {
    try {
      opts.log?.(await tick(database, Date.now(), { signal: opts.signal }));
    } catch (err) {
      // A pass that cannot run (the database away) is tried again at the next one.
      opts.onError?.(err as Error);
    }
    await new Promise<void>((res) => {
      const t = setTimeout(res, (opts.every ?? TICK_SECONDS) * 1000);
      opts.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          res();
        },
        { once: true },
      );
    });
  }
}
