// `qunyun import telegram result.json`: a Telegram Desktop chat export, stream-parsed (json-scan.ts) and mapped
// (telegram.ts) into the ledger, message by message.
import fs from 'node:fs';
import type { Database } from '../../storage/database.js';
import type { IngestContext } from '../ingest/service.js';
import { loadSettings } from '../workspace/settings.js';
import { ZoneClock } from './dates.js';
import { scanJson } from './json-scan.js';
import { ImportRun, type ImportSummary } from './run.js';
import { TelegramMapper, type Msg } from './telegram.js';
import { ImportFileError } from './errors.js';

export interface TelegramImportOptions {
  database: Database;
  ingest?: IngestContext;
  dryRun?: boolean;
  /** Only messages at or after / before these instants (e.g. up to when the bot joined). */
  since?: number;
  until?: number;
  progress?: (messages: number) => void;
  onBytes?: (n: number) => void;
}

/** A file that is not a Telegram Desktop export of one chat. */
export class TelegramExportError extends ImportFileError {}

export async function importTelegram(file: string, o: TelegramImportOptions): Promise<ImportSummary> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new TelegramExportError(`cannot read ${file}: no such file`);
  const clock = new ZoneClock((await loadSettings(o.database.db)).timezone);
  const run = new ImportRun({ database: o.database, ingest: o.ingest, dryRun: o.dryRun, unit: 'message' });
  const mapper = new TelegramMapper(clock, { since: o.since, until: o.until });
  const keys = new Set<string>();
  const issue = (i: { pos: number; reason: string }) => run.reject({ message: i.pos, reason: i.reason });
  const skip = (pos: number, reason: string) => {
    run.summary.skipped++;
    run.note(pos, reason);
  };
  let sawMessages = false;

  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (o.onBytes) stream.on('data', (c: Buffer | string) => o.onBytes!(c.length));
  try {
    await scanJson(stream, 'messages', {
      key(name) {
        keys.add(name);
      },
      scalar(key, value) {
        if (key === 'id') mapper.chatId = value;
        else if (key === 'type' && typeof value === 'string') mapper.chatType = value;
        else if (key === 'name' && typeof value === 'string') mapper.chatName = value;
      },
      async item(value) {
        sawMessages = true;
        run.summary.read++;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          run.reject({ message: run.summary.read, reason: 'not a message object' });
          return;
        }
        const m = value as Msg;
        const out = mapper.map(m, issue, (reason) => skip(Number(m.id), reason));
        if (out) await run.add(out.pos, out.planned);
        if (run.summary.read % 5000 === 0) o.progress?.(run.summary.read);
      },
    });
  } catch (err) {
    if (err instanceof Error && /^no chat id/.test(err.message)) throw new TelegramExportError(`${file}: ${err.message}`);
    throw err;
  } finally {
    stream.destroy();
  }
  if (!sawMessages && mapper.chatId === undefined) {
    const hint =
      keys.has('chats') || keys.has('personal_information')
        ? 'this is a whole-account export; export one chat instead (chat menu → Export chat history, JSON)'
        : 'expected a Telegram Desktop chat export (result.json) with id, type and messages';
    throw new TelegramExportError(`${file}: no messages: ${hint}`);
  }
  if (mapper.chatId !== undefined) {
    for (const out of mapper.finish(issue, skip)) await run.add(out.pos, out.planned);
  }
  const summary = await run.finish();
  o.progress?.(summary.read);
  return summary;
}
