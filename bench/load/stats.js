// Samples of one kind of request in one phase of bench:load (mixed-load.bench.js): latencies, units done (answers
// or events), non-2xx and failed requests; percentiles from every sample, nearest-rank.
import fs from 'node:fs';

export class Samples {
  constructor() {
    this.latencies = [];
    this.units = 0;
    this.errors = 0;
    this.firstError = null;
    this.started = performance.now();
    this.ended = this.started;
  }

  /** One request done: its latency in ms, the units it carried (0 when it failed), and why it failed if it did. */
  add(ms, units, error) {
    this.latencies.push(ms);
    this.units += units;
    if (error) {
      this.errors++;
      this.firstError ??= error;
    }
  }

  finish() {
    this.ended = performance.now();
    this.latencies.sort((a, b) => a - b);
    return this;
  }

  /** Units per second over the phase's wall time (from its start until its last request settled). */
  get rate() {
    const s = (this.ended - this.started) / 1000;
    return s > 0 ? this.units / s : 0;
  }

  /** The p-th percentile (0–100) latency in ms, or NaN without samples. */
  percentile(p) {
    const xs = this.latencies;
    if (xs.length === 0) return NaN;
    return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
  }
}

/** Peak VmRSS (bytes) of a process, sampled from /proc every `everyMs` until stopped; 0 where /proc is missing. */
export function rssSampler(pid, everyMs = 100) {
  let peak = 0;
  const sample = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readProc(pid));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // the process ended, or no /proc: the peak stays what it was
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** The peak since the last reset, then starts a new one. */
    take() {
      sample();
      const p = peak;
      peak = 0;
      return p;
    },
    stop: () => clearInterval(timer),
  };
}

const readProc = (pid) => fs.readFileSync(`/proc/${pid}/status`, 'utf8');

export const ms = (x) => (Number.isNaN(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
export const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;
