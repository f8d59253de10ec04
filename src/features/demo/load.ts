// Loads a generated demo workspace straight into a database: its qunyun.yaml, then its events.
import type { AppContext } from '../../context.js';
import { demoConfigYaml } from '../../demo/config.js';
import { generateDemoEvents } from '../../demo/generate.js';
import type { DemoOptions } from '../../demo/generate.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { validateEvent } from '../../domain/events/validate.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { IngestSession, type IngestSummary } from '../ingest/session.js';

export async function loadDemo(ctx: AppContext, opts: DemoOptions, onProgress?: (events: number) => void): Promise<IngestSummary> {
  await applyWorkspaceFile(ctx.database, parseWorkspaceFile(demoConfigYaml(opts), 'demo qunyun.yaml'));
  const session = new IngestSession(await ctx.ingestContext());
  let n = 0;
  for (const event of generateDemoEvents(opts)) {
    await session.addValue(++n, validateEvent(event));
    if (n % 10_000 === 0) onProgress?.(n);
  }
  const summary = await session.finish();
  onProgress?.(n);
  return summary;
}

export { demoEndFor } from './end.js';
