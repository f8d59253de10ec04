// Every recorded update in fixtures/telegram/telegram-bot-updates.json → the exact events it must give, plus
// the shapes the file only describes (chat_member with an invite link, kicks, join requests, forum topics…).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../domain/events/validate.js';
import { parseMessageId, translate } from './translate.js';
import { fixturePath } from '../../test-support/fixtures.js';

const file = JSON.parse(fs.readFileSync(fixturePath('telegram', 'telegram-bot-updates.json'), 'utf8')) as Record<string, Record<string, unknown>>;
/** Every entry of the file that is an update (the chatMemberShape group is a field list, not an update). */
const recorded = Object.entries(file).flatMap(([group, entries]) =>
  Object.entries(entries)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'update_id' in v)
    .map(([name, v]) => [`${group}.${name}`, v] as const),
);

const TG = { platform: 'telegram' };
const expected: Record<string, Record<string, unknown>[]> = {
  'captured.new_chat_members_supergroup': [
    {
      ...TG,
      id: '-1001721390626:3:joined:113947584',
      type: 'member.joined',
      at: '2022-07-07T13:20:24Z',
      community: '-1001721390626',
      member: '113947584',
      name: 'Alexander Kukushkin',
      method: 'self',
    },
  ],
  'captured.left_chat_member_supergroup': [
    {
      ...TG,
      id: '-1001721390626:2:left',
      type: 'member.left',
      at: '2022-07-07T13:13:43Z',
      community: '-1001721390626',
      member: '113947584',
      reason: 'quit',
    },
  ],
  'captured.private_command_message': [], // a private chat is no community
  'emulated.group_text_message': [
    {
      ...TG,
      id: '-1001234567890:1',
      type: 'message.sent',
      at: '2026-11-22T15:40:16Z',
      community: '-1001234567890',
      member: '42',
      kind: 'text',
      text: 'hello group',
    },
  ],
};

const valid = (events: Record<string, unknown>[]) => {
  for (const e of events) expect(validateEvent(e), JSON.stringify(e)).toMatchObject({ ok: true });
};

describe('recorded updates', () => {
  it('has an expectation for every recorded update, and no stale one', () => {
    expect(recorded.map(([n]) => n).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(recorded)('%s', (name, update) => {
    const events = translate(update);
    expect(events).toEqual(expected[name]);
    valid(events);
    expect(translate(structuredClone(update))).toEqual(events); // deterministic: a re-fetched update is a duplicate
  });
  it('passes over service-message joins and leaves where chat_member reports them', () => {
    expect(translate(file.captured!.new_chat_members_supergroup, { serviceMembership: false })).toEqual([]);
    expect(translate(file.captured!.left_chat_member_supergroup, { serviceMembership: false })).toEqual([]);
  });
});

// Shapes per the Bot API (ChatMemberUpdated, ChatJoinRequest, Message), as the file's chatMemberShape lists them.
const chat = { id: -1001721390626, title: '宝妈成长营', type: 'supergroup' };
const alice = { id: 501, is_bot: false, first_name: '小', last_name: '王', username: 'xiaowang' };
const admin = { id: 900, is_bot: false, first_name: 'Admin' };
const bot = { id: 123456, is_bot: true, first_name: 'Qunyun' };
const date = 1793520000;
const at = new Date(date * 1000).toISOString().replace('.000Z', 'Z');
const member = (user: object, status: string, extra: object = {}) => ({ user, status, ...extra });
const cm = (fields: object) => ({
  update_id: 7,
  chat_member: { chat, from: alice, date, old_chat_member: member(alice, 'left'), new_chat_member: member(alice, 'member'), ...fields },
});
const msg = (fields: object) => ({ update_id: 8, message: { message_id: 77, date, chat, from: alice, ...fields } });

describe('chat_member transitions', () => {
  it('a join by invite link: the link name is the channel, its creator the inviter', () => {
    const events = translate(
      cm({
        invite_link: {
          invite_link: 'https://t.me/+abc',
          name: 'spring-poster',
          creator: admin,
          creates_join_request: false,
          is_primary: false,
          is_revoked: false,
        },
      }),
    );
    expect(events).toEqual([
      {
        ...TG,
        id: `${chat.id}:member:501:${date}:joined`,
        type: 'member.joined',
        at,
        community: String(chat.id),
        member: '501',
        name: '小 王',
        channel: 'spring-poster',
        inviter: '900',
        method: 'link',
      },
    ]);
    valid(events);
  });
  it('added by an admin; self-joined a public group; approved from a join request', () => {
    expect(translate(cm({ from: admin }))[0]).toMatchObject({ method: 'added', inviter: '900' });
    expect(translate(cm({}))[0]).toMatchObject({ method: 'self' });
    const approved = translate(cm({ from: admin, via_join_request: true }))[0]!;
    expect(approved).toMatchObject({ method: 'link' });
    expect(approved.inviter).toBeUndefined();
  });
  it('a restricted member is still in; a restricted non-member is out', () => {
    expect(translate(cm({ old_chat_member: member(alice, 'member'), new_chat_member: member(alice, 'restricted', { is_member: true }) }))).toEqual(
      [],
    );
    expect(
      translate(cm({ old_chat_member: member(alice, 'restricted', { is_member: false }), new_chat_member: member(alice, 'member') }))[0],
    ).toMatchObject({ type: 'member.joined' });
    expect(translate(cm({ old_chat_member: member(alice, 'member'), new_chat_member: member(alice, 'administrator') }))).toEqual([]);
  });
  it('leaves: quit, kicked by an admin, removed by the bot (no by)', () => {
    const out = { old_chat_member: member(alice, 'member') };
    expect(translate(cm({ ...out, new_chat_member: member(alice, 'left') }))).toEqual([
      { ...TG, id: `${chat.id}:member:501:${date}:left`, type: 'member.left', at, community: String(chat.id), member: '501', reason: 'quit' },
    ]);
    expect(translate(cm({ ...out, from: admin, new_chat_member: member(alice, 'kicked', { until_date: 0 }) }))[0]).toMatchObject({
      reason: 'removed',
      by: '900',
    });
    const byBot = translate(cm({ ...out, from: bot, new_chat_member: member(alice, 'kicked') }))[0]!;
    expect(byBot).toMatchObject({ reason: 'removed' });
    expect(byBot.by).toBeUndefined();
    expect(translate(cm({ old_chat_member: member(alice, 'kicked'), new_chat_member: member(alice, 'left'), from: bot }))).toEqual([]); // the unban after a remove
  });
  it('ignores bots and private chats', () => {
    expect(translate(cm({ new_chat_member: member(bot, 'member'), old_chat_member: member(bot, 'left') }))).toEqual([]);
    expect(translate(cm({ chat: { id: 501, type: 'private' } }))).toEqual([]);
  });
});

describe('messages', () => {
  it('kinds, captions, replies and text mentions', () => {
    const photo = translate(
      msg({
        photo: [{ file_id: 'x' }],
        caption: '今天的打卡',
        caption_entities: [{ type: 'text_mention', offset: 0, length: 2, user: admin }],
        reply_to_message: { message_id: 70, date, chat, from: admin, text: '大家好' },
      }),
    );
    expect(photo).toEqual([
      {
        ...TG,
        id: `${chat.id}:77`,
        type: 'message.sent',
        at,
        community: String(chat.id),
        member: '501',
        kind: 'image',
        text: '今天的打卡',
        reply_to: `${chat.id}:70`,
        mentions: ['900'],
      },
    ]);
    valid(photo);
    const kinds = {
      document: 'file',
      voice: 'voice',
      video: 'video',
      video_note: 'video',
      sticker: 'image',
      audio: 'file',
      contact: 'card',
      poll: 'other',
      location: 'other',
    };
    for (const [field, kind] of Object.entries(kinds)) expect(translate(msg({ [field]: {} }))[0], field).toMatchObject({ kind });
    expect(translate(msg({ animation: {}, document: {} }))[0]).toMatchObject({ kind: 'video' }); // a GIF also carries document
    expect(translate(msg({ text: '@xiaowang hi', entities: [{ type: 'mention', offset: 0, length: 9 }] }))[0]!.mentions).toBeUndefined();
  });
  it('a forum topic message is not a reply to the topic', () => {
    const e = translate(
      msg({
        text: 'hi',
        is_topic_message: true,
        message_thread_id: 5,
        reply_to_message: { message_id: 5, date, chat, forum_topic_created: { name: '打卡' } },
      }),
    )[0]!;
    expect(e.reply_to).toBeUndefined();
  });
  it('skips anonymous admins, channel posts, bots, service messages, edits and unknown shapes', () => {
    expect(translate(msg({ text: 'x', from: { id: 1087968824, is_bot: true, first_name: 'Group' }, sender_chat: chat }))).toEqual([]);
    expect(translate(msg({ text: 'x', from: bot }))).toEqual([]);
    expect(translate(msg({ pinned_message: { message_id: 1 } }))).toEqual([]);
    expect(translate({ update_id: 9, edited_message: msg({ text: 'x' }).message })).toEqual([]);
    expect(translate({ update_id: 9, channel_post: { ...msg({ text: 'x' }).message, chat: { id: -100, type: 'channel' } } })).toEqual([]);
    for (const junk of [null, 42, 'x', [], {}, { message: null }, { message: { chat } }, msg({ text: 'x', date: 'yesterday' })])
      expect(translate(junk)).toEqual([]);
  });
  it('service messages: added by someone, several at once, removed, title and creation', () => {
    const added = translate(msg({ from: admin, new_chat_members: [alice, bot, { id: 502, is_bot: false, first_name: 'B' }] }));
    expect(added.map((e) => [e.id, e.inviter, e.method])).toEqual([
      [`${chat.id}:77:joined:501`, '900', 'added'],
      [`${chat.id}:77:joined:502`, '900', 'added'],
    ]);
    expect(translate(msg({ from: admin, left_chat_member: alice }))[0]).toMatchObject({ reason: 'removed', by: '900' });
    expect(translate(msg({ new_chat_member: alice }))[0]).toMatchObject({ type: 'member.joined', member: '501' }); // only the deprecated field
    expect(translate(msg({ new_chat_title: '宝妈成长营 2 期' }))).toEqual([
      { ...TG, id: `${chat.id}:77`, type: 'community.updated', at, community: String(chat.id), name: '宝妈成长营 2 期' },
    ]);
    expect(translate(msg({ group_chat_created: true, chat: { ...chat, type: 'group' } }))[0]).toMatchObject({
      type: 'community.updated',
      name: chat.title,
      owner: '501',
    });
  });
});

describe('join requests and the bot itself', () => {
  it('a join request is a profile with a pending marker, not a join', () => {
    const events = translate({
      update_id: 10,
      chat_join_request: { chat, from: alice, user_chat_id: 501, date, invite_link: { name: 'vip-apply', creates_join_request: true } },
    });
    expect(events).toEqual([
      {
        ...TG,
        id: `${chat.id}:request:501:${date}`,
        type: 'member.profile',
        at,
        member: '501',
        name: '小 王',
        attributes: {
          telegram_join_request: String(chat.id),
          telegram_join_request_at: at,
          telegram_join_request_link: 'vip-apply',
          telegram_username: 'xiaowang',
        },
      },
    ]);
    valid(events);
  });
  it('the bot added to a group names the community', () => {
    const u = {
      update_id: 11,
      my_chat_member: { chat, from: admin, date, old_chat_member: member(bot, 'left'), new_chat_member: member(bot, 'administrator') },
    };
    expect(translate(u)).toEqual([
      { ...TG, id: `${chat.id}:bot:${date}:administrator`, type: 'community.updated', at, community: String(chat.id), name: chat.title },
    ]);
  });
});

describe('message ids', () => {
  it('round-trips chat:message and refuses anything else', () => {
    expect(parseMessageId('-1001721390626:3')).toEqual({ chat: '-1001721390626', message: 3 });
    for (const id of [null, '', '-1001721390626:3:joined:1', 'abc:3', '-100:', 'j1']) expect(parseMessageId(id)).toBeNull();
  });
});
