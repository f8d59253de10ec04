// The `qunyun` command line. The environment is parsed once, first (config/env.ts); commands read it from there.
import { Command, CommanderError } from 'commander';
import { debugRequested, processEnv, type Env } from '../config/env.js';
import { registerServe } from './commands/serve.js';
import { registerIngest } from './commands/ingest.js';
import { registerMembers } from './commands/members.js';
import { registerMember } from './commands/member.js';
import { registerWorkspace } from './commands/workspace.js';
import { registerDemo } from './commands/demo.js';
import { registerMetrics } from './commands/metrics.js';
import { registerRfm } from './commands/rfm.js';
import { registerCohorts } from './commands/cohorts.js';
import { registerEngagement } from './commands/engagement.js';
import { registerHealth } from './commands/health.js';
import { registerRoles } from './commands/roles.js';
import { registerAutomation } from './commands/automation.js';
import { registerExport } from './commands/export.js';
import { registerWecom } from './commands/wecom.js';
import { registerScheduler } from './commands/scheduler.js';
import { registerImport } from './commands/import.js';
import { registerUsers } from './commands/users.js';
import { registerWorker } from './commands/worker.js';

const program = new Command('qunyun')
  .description('群运 Qunyun — community operations: ledger, member graph, analytics, automation')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerWorker(program);
registerUsers(program);
registerIngest(program);
registerMembers(program);
registerMember(program);
registerWorkspace(program);
registerDemo(program);
registerMetrics(program);
registerRfm(program);
registerCohorts(program);
registerEngagement(program);
registerHealth(program);
registerRoles(program);
registerAutomation(program);
registerExport(program);
registerWecom(program);
registerScheduler(program);
registerImport(program);

let env: Env | undefined;
try {
  env = processEnv();
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const message = (err as Error).message ?? String(err);
  console.error(`qunyun: ${message}`);
  // Before the environment parsed (a bad variable), QUNYUN_DEBUG is read as it stands.
  if (env?.debug ?? debugRequested()) console.error(err);
  process.exit(2);
}
