// `qunyun user add|list|pii|passwd|remove` and `qunyun token create|list|revoke`: accounts from a terminal (for the
// first owner without a browser, and for scripts). Each change is in the audit log as cli:<os user>.
import os from 'node:os';
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';
import { isRole, ROLES, type Role } from '../../domain/auth/roles.js';
import type { Opened } from '../open.js';

export const actor = () =>
  `cli:${(() => {
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  })()}`;

function parseRole(v: string): Role {
  if (!isRole(v)) throw new Error(`--role: expected one of ${ROLES.join(', ')} (got ${JSON.stringify(v)})`);
  return v;
}

/** The password: the first line of stdin when it is not a terminal, else asked twice without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let s = '';
      const onData = (b: Buffer) => {
        for (const ch of b.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stdout.write('\n');
            return resolve(s);
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f') s = s.slice(0, -1);
          else s += ch;
        }
      };
      stdin.on('data', onData);
    });
  const a = await ask('Password: ');
  if ((await ask('Again: ')) !== a) throw new Error('the passwords differ');
  return a;
}

export async function audit(o: Opened, action: string, target: string, details?: unknown) {
  const { recordAudit } = await import('../../features/auth/repository.js');
  await recordAudit(o.ctx.database.db, { userId: null, actor: actor(), action, target, status: 200, ip: 'local', details });
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('console accounts: owners, operators, analysts');
  user
    .command('add')
    .description('add a user (the password is read from stdin, or asked for on a terminal)')
    .argument('<username>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .option('--community <ref...>', 'for an operator: the communities they act on (id, platform:id or platform id)')
    .option('--pii', 'sees phone numbers in full (owners always do; others see 138****5678)')
    .option(...DB_OPTION)
    .action(async (username: string, o: { role: Role; community?: string[]; pii?: boolean; db?: string }) => {
      const [{ hashPassword, passwordProblem }, repo, { resolveCommunityRef }, { usernameSchema }] = await Promise.all([
        import('../../features/auth/password.js'),
        import('../../features/auth/repository.js'),
        import('../../features/communities/repository.js'),
        import('../../features/auth/routes.js'),
      ]);
      const name = usernameSchema.safeParse(username);
      if (!name.success) throw new Error(`username: ${name.error.issues[0]?.message}`);
      await withDatabase(o.db, async (opened) => {
        const db = opened.ctx.database.db;
        const communities: number[] = [];
        for (const ref of o.community ?? []) communities.push(await resolveCommunityRef(db, ref));
        const password = await readPassword();
        const weak = passwordProblem(password);
        if (weak) throw new Error(weak);
        const u = await repo.insertUser(db, {
          username: name.data,
          passwordHash: await hashPassword(password),
          role: o.role,
          communities,
          pii: o.pii,
        });
        await audit(opened, 'user.create', `user ${u.id}`);
        console.log(`added ${u.username} (${u.role}${communities.length ? `, communities ${communities.join(', ')}` : ''})`);
      });
    });
  user
    .command('list')
    .description('list users')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const { listUsers } = await import('../../features/auth/repository.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const users = await listUsers(ctx.database.db);
        if (o.json) return printJson(users);
        const at = await workspaceClock(ctx);
        console.log(
          table(
            ['id', 'username', 'role', 'communities', 'pii', 'disabled', 'last login'],
            users.map((u) => [
              u.id,
              u.username,
              u.role,
              u.communities.join(',') || '',
              u.role === 'owner' || u.pii ? 'yes' : '',
              u.disabled ? 'yes' : '',
              at(u.last_login_at),
            ]),
          ),
        );
      });
    });
  user
    .command('passwd')
    .description("set a user's password (their sessions end)")
    .argument('<username>')
    .option(...DB_OPTION)
    .action(async (username: string, o: { db?: string }) => {
      const [{ hashPassword, passwordProblem }, repo] = await Promise.all([
        import('../../features/auth/password.js'),
        import('../../features/auth/repository.js'),
      ]);
      await withDatabase(o.db, async (opened) => {
        const u = await repo.findUser(opened.ctx.database.db, { username });
        if (!u) throw new Error(`no user ${JSON.stringify(username)}`);
        const password = await readPassword();
        const weak = passwordProblem(password);
        if (weak) throw new Error(weak);
        await repo.updateUser(opened.ctx.database.db, u.id, { passwordHash: await hashPassword(password) });
        await audit(opened, 'user.update', `user ${u.id}`);
        console.log(`password of ${username} changed`);
      });
    });
  user
    .command('pii')
    .description('grant (on) or revoke (off) the permission to see phone numbers in full; owners always have it')
    .argument('<username>')
    .argument('<on|off>')
    .option(...DB_OPTION)
    .action(async (username: string, onOff: string, o: { db?: string }) => {
      if (onOff !== 'on' && onOff !== 'off') throw new Error(`expected on or off (got ${JSON.stringify(onOff)})`);
      const repo = await import('../../features/auth/repository.js');
      await withDatabase(o.db, async (opened) => {
        const u = await repo.findUser(opened.ctx.database.db, { username });
        if (!u) throw new Error(`no user ${JSON.stringify(username)}`);
        await repo.updateUser(opened.ctx.database.db, u.id, { pii: onOff === 'on' });
        await audit(opened, 'user.update', `user ${u.id}`, { pii: onOff === 'on' });
        const note = u.role === 'owner' ? ' (an owner sees phone numbers in full anyway)' : '';
        console.log(`${username}: pii ${onOff}${note}`);
      });
    });
  user
    .command('remove')
    .description('remove a user (their tokens are revoked)')
    .argument('<username>')
    .option(...DB_OPTION)
    .action(async (username: string, o: { db?: string }) => {
      const repo = await import('../../features/auth/repository.js');
      await withDatabase(o.db, async (opened) => {
        const db = opened.ctx.database.db;
        const u = await repo.findUser(db, { username });
        if (!u) throw new Error(`no user ${JSON.stringify(username)}`);
        try {
          await repo.keepingAnOwner(db, opened.ctx.database.dialect === 'postgres', (trx) => repo.deleteUserIn(trx, u.id));
        } catch (err) {
          if (err instanceof repo.LastOwnerError) throw new Error(`${username} is the last owner: add another owner first`, { cause: err });
          throw err;
        }
        await audit(opened, 'user.delete', `user ${u.id}`);
        console.log(`removed ${username}`);
      });
    });

  const token = program.command('token').description('API tokens for integrations (Authorization: Bearer …)');
  token
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .argument('<name>')
    .requiredOption('--user <username>', 'the user the token acts for')
    .option('--role <role>', "the role (never above the user's)", parseRole)
    .option(...DB_OPTION)
    .action(async (name: string, o: { user: string; role?: Role; db?: string }) => {
      const repo = await import('../../features/auth/repository.js');
      const { roleAtMost } = await import('../../domain/auth/roles.js');
      await withDatabase(o.db, async (opened) => {
        const u = await repo.findUser(opened.ctx.database.db, { username: o.user });
        if (!u) throw new Error(`--user: no user ${JSON.stringify(o.user)}`);
        const role = roleAtMost(o.role ?? u.role, u.role);
        const t = await repo.createToken(opened.ctx.database.db, { name, userId: u.id, role });
        await audit(opened, 'token.create', `token ${t.id}`);
        console.error(`token ${t.id} "${name}" for ${u.username} as ${role} — shown only now:`);
        console.log(t.token);
      });
    });
  token
    .command('list')
    .description('list tokens (never the secret)')
    .option(...DB_OPTION)
    .action(async (o: { db?: string }) => {
      const { listTokens } = await import('../../features/auth/repository.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const at = await workspaceClock(ctx);
        console.log(
          table(
            ['id', 'name', 'prefix', 'user', 'role', 'last used', 'revoked'],
            (await listTokens(ctx.database.db)).map((t) => [t.id, t.name, t.prefix + '…', t.username, t.role, at(t.last_used_at), at(t.revoked_at)]),
          ),
        );
      });
    });
  token
    .command('revoke')
    .description('revoke a token')
    .argument('<id>')
    .option(...DB_OPTION)
    .action(async (id: string, o: { db?: string }) => {
      const { revokeToken } = await import('../../features/auth/repository.js');
      await withDatabase(o.db, async (opened) => {
        if (!(await revokeToken(opened.ctx.database.db, Number(id)))) throw new Error(`no live token ${id}`);
        await audit(opened, 'token.revoke', `token ${id}`);
        console.log(`revoked token ${id}`);
      });
    });
}
