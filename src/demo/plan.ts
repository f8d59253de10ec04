// One day slot's planned events as compact numeric records; sorted by time they become ledger events.
// Keeping plans numeric (not objects) is what lets a 20M-event run stay at a few MB of working memory.

export const A_COMMUNITY = 1,
  A_JOIN = 2,
  A_LEAVE = 3,
  A_MSG = 4,
  A_ANSWER = 5,
  A_CHECKIN = 6,
  A_ORDER = 7,
  A_REFUND = 8,
  A_PROFILE = 9,
  A_LINK = 10,
  A_STAFF = 11;

const SEQ_BITS = 2 ** 26;

export class DayPlan {
  size = 0;
  private cap: number;
  key: Float64Array;
  act: Uint8Array;
  mem: Int32Array;
  a1: Int32Array;
  a2: Int32Array;
  a3: Int32Array;
  /** Event number given to each record when it is emitted (−1 if dropped), so answers can cite questions. */
  emitted: Int32Array;
  /** Record indexes in time order, valid after sort(). */
  order: Int32Array;

  constructor(initial = 1 << 14) {
    this.cap = initial;
    this.key = new Float64Array(initial);
    this.act = new Uint8Array(initial);
    this.mem = new Int32Array(initial);
    this.a1 = new Int32Array(initial);
    this.a2 = new Int32Array(initial);
    this.a3 = new Int32Array(initial);
    this.emitted = new Int32Array(initial);
    this.order = new Int32Array(initial);
  }

  reset(): void {
    this.size = 0;
  }

  /** Adds a record at second t (0–86399) of the slot; returns its index. Equal times keep insertion order. */
  add(t: number, act: number, mem: number, a1 = 0, a2 = 0, a3 = 0): number {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    const sec = t < 0 ? 0 : t > 86_399 ? 86_399 : Math.floor(t);
    this.key[i] = sec * SEQ_BITS + i;
    this.act[i] = act;
    this.mem[i] = mem;
    this.a1[i] = a1;
    this.a2[i] = a2;
    this.a3[i] = a3;
    this.emitted[i] = -1;
    return i;
  }

  timeOf(i: number): number {
    return Math.floor(this.key[i]! / SEQ_BITS);
  }

  sort(): void {
    const keys = this.key.slice(0, this.size).sort();
    for (let j = 0; j < this.size; j++) {
      const k = keys[j]!;
      this.order[j] = k - Math.floor(k / SEQ_BITS) * SEQ_BITS;
    }
  }

  private grow(): void {
    const cap = this.cap * 2;
    if (cap > SEQ_BITS) throw new RangeError('demo: too many events in one day slot');
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const u8 = new Uint8Array(cap);
    u8.set(this.act);
    this.key = f64(this.key);
    this.act = u8;
    this.mem = i32(this.mem);
    this.a1 = i32(this.a1);
    this.a2 = i32(this.a2);
    this.a3 = i32(this.a3);
    this.emitted = i32(this.emitted);
    this.order = new Int32Array(cap);
    this.cap = cap;
  }
}
