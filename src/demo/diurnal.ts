// Time-of-day shapes: people chat at lunch and in the evening, buy in the evening, sleep at night.
import type { Rng } from './prng.js';

const DAY = 86_400;

export class Diurnal {
  /** Inverse CDF over minutes of the day, sampled by 16 random bits (one table lookup per draw). */
  private readonly table = new Uint16Array(65_536);

  constructor(hourWeights: readonly number[]) {
    const minuteWeights: number[] = [];
    for (let m = 0; m < 1440; m++) {
      const h = Math.floor(m / 60);
      const f = (m % 60) / 60; // interpolate between hours so there are no cliffs at :00
      minuteWeights.push(hourWeights[h]! * (1 - f) + hourWeights[(h + 1) % 24]! * f);
    }
    const total = minuteWeights.reduce((a, b) => a + b, 0);
    let acc = 0;
    let minute = 0;
    for (let i = 0; i < 65_536; i++) {
      const target = ((i + 0.5) / 65_536) * total;
      while (minute < 1439 && acc + minuteWeights[minute]! <= target) acc += minuteWeights[minute++]!;
      this.table[i] = minute;
    }
  }

  sample(rng: Rng): number {
    const r = rng.u32();
    return this.table[r & 0xffff]! * 60 + ((r >>> 16) % 60);
  }

  /** A second in [lo, hi): drawn from the shape when possible, uniform otherwise. */
  within(rng: Rng, lo: number, hi: number): number {
    if (hi - lo <= 1) return lo;
    if (lo <= 0 && hi >= DAY) return this.sample(rng);
    for (let i = 0; i < 6; i++) {
      const t = this.sample(rng);
      if (t >= lo && t < hi) return t;
    }
    return lo + rng.int(hi - lo);
  }
}

//                                    0  1  2    3    4    5    6  7  8  9  10 11 12 13 14 15 16 17 18 19 20  21  22 23
export const CHAT_HOURS = /* CN */ [2, 1, 0.5, 0.3, 0.3, 0.6, 2, 5, 7, 6, 5, 6, 8, 7, 5, 5, 5, 6, 6, 7, 10, 11, 9, 5];
export const TG_HOURS = /* overseas evenings = CN mornings */ [3, 2, 2, 2, 2, 3, 4, 6, 8, 9, 9, 8, 6, 5, 4, 4, 4, 5, 5, 6, 8, 8, 7, 5];
export const BUY_HOURS = [2, 1, 0.5, 0.3, 0.3, 0.3, 1, 2, 3, 4, 5, 6, 7, 6, 5, 5, 5, 5, 6, 8, 10, 11, 10, 6];
export const JOIN_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 1.5, 4, 6, 7, 7, 7, 8, 8, 7, 6, 6, 6, 7, 8, 10, 10, 8, 4];
