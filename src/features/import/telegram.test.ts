// Telegram Desktop exports → ledger events: the fixture sample exactly, a supergroup with every mapped service
// action, re-imports, the --until window, and exports that are not one chat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { importTelegram } from './telegram-import.js';
import { chatIdOf, peerIdOf } from './telegram.js';
import { formatRejection } from './run.js';
import { fixturePath } from '../../test-support/fixtures.js';

const SAMPLE = fixturePath('telegram', 'telegram-export-sample.json');
const dialects = await dialectsUnderTest();
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-tg-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const msg = (id: number, date: string, from: string | null, extra: Record<string, unknown>) => ({
  id,
  type: 'message',
  date: '2026-10-01T00:00:00',
  date_unixtime: String(Date.parse(date) / 1000),
  ...(from ? { from: from.split(':')[1], from_id: `user${from.split(':')[0]}` } : {}),
  ...extra,
});
const svc = (id: number, date: string, actor: string, action: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'service',
  date_unixtime: String(Date.parse(date) / 1000),
  actor: actor.split(':')[1],
  actor_id: `user${actor.split(':')[0]}`,
  action,
  ...extra,
});
const GROUP = {
  name: '瑜伽交流群',
  type: 'private_supergroup',
  id: 1721390626,
  messages: [
    svc(1, '2026-10-01T08:00:00Z', '1:Owner', 'create_group', { title: '瑜伽群', members: ['Alice'] }),
    msg(2, '2026-10-01T09:00:00Z', '2:Alice', {
      text: [{ type: 'bold', text: '大家好' }, '，', { type: 'mention_name', text: 'Owner', user_id: 1 }],
      text_entities: [{ type: 'mention_name', text: 'Owner', user_id: 1 }],
    }),
    svc(3, '2026-10-02T08:00:00Z', '3:Bob', 'join_group_by_link', { inviter: 'Alice' }),
    msg(4, '2026-10-02T09:00:00Z', '3:Bob', { text: '', photo: 'photos/1.jpg', reply_to_message_id: 2 }),
    svc(5, '2026-10-03T08:00:00Z', '1:Owner', 'invite_members', { members: ['Carol', 'Nobody', 'Alice'] }),
    msg(6, '2026-10-03T09:00:00Z', '4:Carol', { text: 'hi', media_type: 'voice_message' }),
    svc(7, '2026-10-04T08:00:00Z', '5:Dave', 'invite_members', { members: ['Dave'] }),
    svc(8, '2026-10-05T08:00:00Z', '1:Owner', 'remove_members', { members: ['Bob'] }),
    svc(9, '2026-10-05T09:00:00Z', '4:Carol', 'remove_members', { members: ['Carol'] }),
    svc(10, '2026-10-06T08:00:00Z', '1:Owner', 'edit_group_title', { title: '瑜伽交流群' }),
    svc(11, '2026-10-06T09:00:00Z', '1:Owner', 'pin_message', { message_id: 2 }),
    msg(12, '2026-10-07T09:00:00Z', '2:Alice Liu', { text: 'renamed' }),
    msg(13, '2026-10-07T10:00:00Z', null, { text: 'no sender' }),
  ],
};

describe('telegram ids', () => {
  it('agree with the Bot API', () => {
    expect([
      chatIdOf('private_supergroup', 1721390626),
      chatIdOf('public_channel', 5),
      chatIdOf('private_group', 7),
      chatIdOf('personal_chat', 9),
      chatIdOf('x', -12),
    ]).toEqual(['-1001721390626', '-1005', '-7', '9', '-12']);
    expect([peerIdOf('user42'), peerIdOf('channel5'), peerIdOf('chat7'), peerIdOf(undefined)]).toEqual(['42', '-1005', '-7', null]);
  });
});

describe.each(dialects)('telegram import (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });
  const events = async () =>
    (await t!.database.db.selectFrom('events').select(['platform', 'body']).orderBy('event_id').execute()).map((e) => {
      const { platform, ...rest } = JSON.parse(e.body);
      expect(platform).toBe('telegram');
      return rest;
    });

  it('maps the fixture sample exactly; a second run is all duplicates', async () => {
    t = await createTestDatabase(dialect);
    const s = await importTelegram(SAMPLE, { database: t.database });
    expect(s).toMatchObject({ read: 7, accepted: 9, duplicates: 0, rejected_count: 0, skipped: 1 });
    expect(s.notes).toEqual(['message 2675: service action joined_telegram']);
    const c = { community: '700000000' };
    expect(await events()).toEqual([
      {
        id: 'tg-export:700000000:3644',
        type: 'message.sent',
        ...c,
        member: '700000000',
        kind: 'text',
        text: 'https://google.com 👀',
        at: '2019-07-12T16:55:32+08:00',
      },
      { id: 'tg-export:700000000:3644:profile', type: 'member.profile', member: '700000000', name: 'Bob', at: '2019-07-12T16:55:32+08:00' },
      {
        id: 'tg-export:700000000:3645',
        type: 'message.sent',
        ...c,
        member: '300000000',
        kind: 'text',
        text: 'hello world',
        at: '2022-03-08T13:07:42+08:00',
      },
      { id: 'tg-export:700000000:3645:profile', type: 'member.profile', member: '300000000', name: 'Alice', at: '2022-03-08T13:07:42+08:00' },
      {
        id: 'tg-export:700000000:3662',
        type: 'message.sent',
        ...c,
        member: '700000000',
        kind: 'text',
        text: 'world?',
        at: '2022-05-10T06:23:53+08:00',
      },
      {
        id: 'tg-export:700000000:3663',
        type: 'message.sent',
        ...c,
        member: '300000000',
        kind: 'text',
        text: 'blah blah',
        at: '2022-05-10T07:26:09+08:00',
      },
      { id: 'tg-export:700000000:3672', type: 'message.sent', ...c, member: '300000000', kind: 'image', at: '2022-06-11T06:06:38+08:00' },
      { id: 'tg-export:700000000:3673', type: 'message.sent', ...c, member: '300000000', kind: 'image', at: '2022-06-11T06:06:39+08:00' },
      {
        id: expect.stringMatching(/^tg-export:700000000:name:[0-9a-f]{12}$/),
        type: 'community.updated',
        ...c,
        name: 'Bob',
        at: '2022-06-11T06:06:39+08:00',
      },
    ]);
    expect(await importTelegram(SAMPLE, { database: t.database })).toMatchObject({ accepted: 0, duplicates: 9, rejected_count: 0 });
  });

  it('a supergroup: joins by link and invite, leaves and removals, titles, replies, mentions, media, renames', async () => {
    t = await createTestDatabase(dialect);
    const file = path.join(dir, `group-${dialect}.json`);
    fs.writeFileSync(file, JSON.stringify(GROUP, null, 1));
    const s = await importTelegram(file, { database: t.database, until: Date.parse('2026-10-07T09:30:00Z') });
    expect(s.rejected.map(formatRejection)).toEqual([]);
    expect(s.notes.sort()).toEqual([
      'message 11: service action pin_message',
      'message 13: outside --since/--until',
      'message 5: an invited member the export names without an id, and no user in the file has that name: skipped',
    ]);
    const g = '-1001721390626';
    const byId = Object.fromEntries((await events()).map((e) => [String(e.id).replace(`tg-export:${g}:`, ''), e]));
    const at = (iso: string) => iso.replace('Z', '').replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 8).padStart(2, '0')}`) + '+08:00';
    expect(Object.keys(byId).sort()).toEqual(
      [
        '1',
        '1:1',
        '1:2',
        '10',
        '12',
        '12:profile',
        '2',
        '2:profile',
        '3:3',
        '4',
        '4:profile',
        '5:2',
        '5:4',
        '6',
        '6:profile',
        '7:5',
        '8:3',
        '9:4',
        expect.stringMatching(/^name:/),
      ].sort(),
    );
    expect(byId['1']).toMatchObject({ type: 'community.updated', community: g, name: '瑜伽群', owner: '1' });
    expect(byId['1:2']).toMatchObject({ type: 'member.joined', member: '2', name: 'Alice', method: 'invited', inviter: '1' });
    expect(byId['2']).toEqual({
      id: `tg-export:${g}:2`,
      type: 'message.sent',
      community: g,
      member: '2',
      kind: 'text',
      text: '大家好，Owner',
      mentions: ['1'],
      at: at('2026-10-01T09:00:00Z'),
    });
    expect(byId['3:3']).toMatchObject({ type: 'member.joined', member: '3', method: 'link', inviter: '2', at: at('2026-10-02T08:00:00Z') });
    expect(byId['4']).toMatchObject({ kind: 'image', reply_to: `tg-export:${g}:2` });
    expect(byId['5:4']).toMatchObject({ type: 'member.joined', member: '4', method: 'invited', inviter: '1' });
    expect(byId['6']).toMatchObject({ kind: 'voice', text: 'hi' });
    expect(byId['7:5']).toMatchObject({ type: 'member.joined', member: '5', method: 'self' });
    expect(byId['8:3']).toMatchObject({ type: 'member.left', member: '3', reason: 'removed', by: '1' });
    expect(byId['9:4']).toEqual({
      id: `tg-export:${g}:9:4`,
      type: 'member.left',
      community: g,
      member: '4',
      reason: 'quit',
      at: at('2026-10-05T09:00:00Z'),
    });
    expect(byId['12:profile']).toMatchObject({ member: '2', name: 'Alice Liu' });
    const members = await t.database.db.selectFrom('members').select('name').orderBy('name').execute();
    expect(members.map((m) => m.name)).toEqual(['Alice Liu', 'Bob', 'Carol', 'Dave', 'Owner']);
    // A later export in which message 6 was edited: not an error, the first version stays.
    const edited = { ...GROUP, messages: GROUP.messages.map((m) => (m.id === 6 ? { ...m, text: 'hi (edited)' } : m)) };
    fs.writeFileSync(file, JSON.stringify(edited));
    const again = await importTelegram(file, { database: t.database, until: Date.parse('2026-10-07T09:30:00Z') });
    expect(again).toMatchObject({ accepted: 0, rejected_count: 0, skipped: 4 });
    expect(again.notes).toContain('message 6: changed since an earlier import (an edited message?): the first version stays');
  });

  it('refuses what is not one chat, and names bad messages', async () => {
    t = await createTestDatabase(dialect);
    const full = path.join(dir, 'full.json');
    fs.writeFileSync(full, JSON.stringify({ about: 'x', personal_information: {}, chats: { list: [] } }));
    await expect(importTelegram(full, { database: t.database })).rejects.toThrow(/whole-account export; export one chat instead/);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ id: 5, type: 'private_group', messages: [{ id: 1, type: 'message', from_id: 'user1', date: 'soon' }, 7] }),
    );
    const s = await importTelegram(bad, { database: t.database });
    expect(s.rejected.map(formatRejection)).toEqual(['message 1: no date (date_unixtime or date) in "soon"', 'message 2: not a message object']);
    const cut = path.join(dir, 'cut.json');
    fs.writeFileSync(cut, JSON.stringify(GROUP).slice(0, 300));
    await expect(importTelegram(cut, { database: t.database })).rejects.toThrow(/ends inside the top-level object/);
  });
});

describe('Telegram export messages, like the bot sees them', () => {
  it("skips posts made as a channel or the group itself, and gives media the bot's kinds", async () => {
    const { TelegramMapper } = await import('./telegram.js');
    const { ZoneClock } = await import('./dates.js');
    const m = new TelegramMapper(new ZoneClock('Asia/Shanghai'));
    m.chatType = 'private_supergroup';
    m.chatId = 42;
    const skipped: string[] = [];
    const map = (x: Record<string, unknown>) =>
      m.map(
        { type: 'message', date_unixtime: '1790000000', ...x },
        () => {},
        (r) => skipped.push(r),
      );
    expect(map({ id: 1, from_id: 'channel99', from: 'Our channel', text: '新课上线' })).toBeNull();
    expect(skipped).toEqual(['posted as a channel or the group itself, not by a member']);
    const sticker = map({ id: 2, from_id: 'user7', from: 'Ann', media_type: 'sticker', text: '' });
    expect(sticker?.planned[0]?.event).toMatchObject({ member: '7', kind: 'image' });
    const gif = map({ id: 3, from_id: 'user7', from: 'Ann', media_type: 'animation', text: '' });
    expect(gif?.planned[0]?.event).toMatchObject({ kind: 'video' });
  });
});
