// A progress bar on a terminal; silence elsewhere (pipes, CI logs) so output stays parseable.
import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

export function createProgress(total: number, unit: string, format?: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: format ?? ` {bar} {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: 0, mb: '0.0', count: 0 });
  return {
    update(value, payload) {
      const secs = (Date.now() - started) / 1000;
      bar.update(value, { rate: secs > 0 ? Math.round(((payload?.count as number) ?? value) / secs) : 0, ...payload });
    },
    stop() {
      bar.stop();
    },
  };
}
