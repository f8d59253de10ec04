// Streams the demo ledger to an NDJSON file: lines are batched into ~64 KB writes and the generator
// pauses whenever the file stream is saturated, so memory stays flat however many events there are.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { generateDemoEvents, type DemoOptions } from './generate.js';

const BATCH_CHARS = 64 * 1024;
const PROGRESS_EVERY = 50_000;

export async function writeDemoFiles(
  opts: DemoOptions,
  ndjsonPath: string,
  onProgress?: (eventsWritten: number) => void,
): Promise<{ events: number }> {
  const out = fs.createWriteStream(ndjsonPath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: unknown;
  out.on('error', (err) => {
    failure ??= err;
  });
  let events = 0;
  let batch = '';
  try {
    for (const ev of generateDemoEvents(opts)) {
      batch += JSON.stringify(ev) + '\n';
      events++;
      if (batch.length >= BATCH_CHARS) {
        if (failure) throw failure;
        if (!out.write(batch)) await once(out, 'drain'); // rejects if the stream errors while we wait
        batch = '';
      }
      if (onProgress && events % PROGRESS_EVERY === 0) onProgress(events);
    }
    if (batch) out.write(batch);
    out.end();
    await finished(out);
    if (failure) throw failure;
  } catch (err) {
    out.destroy();
    throw err;
  }
  onProgress?.(events);
  return { events };
}
