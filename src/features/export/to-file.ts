// An export written whole to a file (a compute thread runs this: features/computations.ts), which the route then
// streams: the request thread never walks the members, and a bad parameter is answered before any byte is sent.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { prepareMembersExport } from './members.js';
import { prepareMetricsExport, type MetricsExportQuery } from './metrics.js';
import { writeExportFile } from './run.js';
import type { Format } from './output.js';

export type ExportRequest =
  | { kind: 'members'; query: { at?: string; community?: string; within?: readonly number[]; fullPhones?: boolean }; format: Format; file: string }
  | { kind: 'metrics'; query: MetricsExportQuery; format: Format; file: string };

export async function exportToFile(db: Kysely<Schema>, r: ExportRequest): Promise<{ rows: number; filename: string }> {
  const p = r.kind === 'members' ? await prepareMembersExport(db, r.query) : await prepareMetricsExport(db, r.query);
  const rows = await writeExportFile(p, r.format, r.file);
  return { rows, filename: p.filename };
}
