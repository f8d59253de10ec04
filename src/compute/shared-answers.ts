// Identical requests share one computation, and an answer is kept while the ledger has not changed. A write does
// not send every waiting reader to recompute: readers who saw the same ledger version join the computation in
// flight, and readers who saw a newer one join the single computation queued behind it — so each reader gets an
// answer at least as new as what it saw (it reads its own writes), and a key never has more than two computations
// (one running, one queued). A caller may accept an answer up to maxStaleMs older (Cache-Control: max-stale).
export interface SharedAnswersOptions {
  /** An answer of the current ledger version is served for this long (answers "as of now" move with the clock). */
  freshMs: number;
  /** Answers kept (least recently used dropped first). */
  maxEntries: number;
}

interface Entry {
  version: number;
  at: number;
  answer: unknown;
}
interface Flight {
  version: number;
  promise: Promise<unknown>;
}
interface Slot {
  entry?: Entry;
  running?: Flight;
  queued?: Promise<unknown>;
}

/** JSON with object keys sorted, undefined left out: equal inputs give equal keys. */
export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableKey(o[k])}`).join(',')}}`;
}

export class SharedAnswers {
  private readonly slots = new Map<string, Slot>();

  constructor(
    /** The ledger version now (ingest_lock.n: every write bumps it). */
    private readonly versionOf: () => Promise<number>,
    private readonly compute: (name: string, input: unknown) => Promise<unknown>,
    private readonly options: SharedAnswersOptions,
    private readonly onBackgroundError: (err: unknown) => void = () => {},
  ) {}

  async get(name: string, input: unknown, maxStaleMs = 0): Promise<unknown> {
    const key = `${name}\u0000${stableKey(input)}`;
    const version = await this.versionOf();
    const slot = this.slot(key);
    const now = Date.now();
    const e = slot.entry;
    if (e && e.version >= version && now - e.at < this.options.freshMs) return e.answer;
    if (e && maxStaleMs > 0 && now - e.at <= maxStaleMs) {
      if (!slot.running) this.next(slot, name, input).catch(this.onBackgroundError);
      return e.answer;
    }
    if (slot.running && slot.running.version >= version) return slot.running.promise;
    return this.next(slot, name, input);
  }

  /** Answers kept now (for tests and the health figures). */
  get size(): number {
    return this.slots.size;
  }

  /** The computation a reader who saw the latest version can use: the one queued behind the running one, or a new one. */
  private next(slot: Slot, name: string, input: unknown): Promise<unknown> {
    if (!slot.running) return this.start(slot, name, input);
    slot.queued ??= slot.running.promise
      .catch(() => undefined)
      .then(() => {
        slot.queued = undefined;
        return this.start(slot, name, input);
      });
    return slot.queued;
  }

  private start(slot: Slot, name: string, input: unknown): Promise<unknown> {
    const startedAt = Date.now();
    const promise = this.versionOf().then(async (version) => {
      // Published before the computation, so readers who saw this version join it.
      flight.version = version;
      try {
        const answer = await this.compute(name, input);
        if (!slot.entry || slot.entry.version <= version) slot.entry = { version, at: startedAt, answer };
        return answer;
      } finally {
        if (slot.running === flight) slot.running = undefined;
      }
    });
    // Until the version is read, no reader can rely on it: -1 is older than any.
    const flight: Flight = { version: -1, promise };
    slot.running = flight;
    return promise;
  }

  private slot(key: string): Slot {
    let s = this.slots.get(key);
    if (s) {
      this.slots.delete(key);
    } else {
      s = {};
      if (this.slots.size >= this.options.maxEntries) {
        // The least recently used key that is idle goes (Map keeps insertion order; a use re-inserts).
        for (const [k, v] of this.slots) {
          if (!v.running && !v.queued) {
            this.slots.delete(k);
            break;
          }
        }
      }
    }
    this.slots.set(key, s);
    return s;
  }
}
