// 会话存档 records (the archive SDK's decrypted JSON) → message.sent in the room they were said in.
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../domain/events/validate.js';
import { archiveRecordToEvents } from './archive.js';

const base = {
  msgid: 'CAQQluDa4QUY0On2rYSAgAMgzPrShAE=',
  action: 'send',
  from: 'wmEJiCwAAA9KG2qlSq6rKwASSgAAAA',
  tolist: ['zhangsan'],
  roomid: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
  msgtime: 1547087894783,
};
const one = (r: Record<string, unknown>) => archiveRecordToEvents({ ...base, ...r }).events[0]!;

describe('archiveRecordToEvents', () => {
  it('a group text message', () => {
    const e = one({ msgtype: 'text', text: { content: '体验营多少钱？' } });
    expect(e).toEqual({
      id: 'msg-CAQQluDa4QUY0On2rYSAgAMgzPrShAE=',
      platform: 'wecom',
      type: 'message.sent',
      at: '2019-01-10T10:38:14.783+08:00',
      community: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
      member: 'wmEJiCwAAA9KG2qlSq6rKwASSgAAAA',
      kind: 'text',
      text: '体验营多少钱？',
    });
    expect(validateEvent(e).ok).toBe(true);
  });

  it.each([
    ['image', { image: { md5sum: 'x', sdkfileid: 'y' } }, 'image', undefined],
    ['emotion', { emotion: { type: 1 } }, 'image', undefined],
    ['link', { link: { title: '免费领取', link_url: 'https://example.com/a' } }, 'link', '免费领取 https://example.com/a'],
    ['weapp', { weapp: { title: '小程序' } }, 'link', '小程序'],
    ['file', { file: { filename: 'a.pdf' } }, 'file', 'a.pdf'],
    ['voice', { voice: {} }, 'voice', undefined],
    ['video', { video: {} }, 'video', undefined],
    ['card', { card: { corpname: '某某瑜伽', userid: 'u' } }, 'card', '某某瑜伽'],
    ['markdown', { markdown: { content: '**hi**' } }, 'text', '**hi**'],
    [
      'mixed',
      {
        mixed: {
          item: [
            { type: 'text', content: '{"content":"一"}' },
            { type: 'image', content: '{}' },
            { type: 'text', content: '{"content":"二"}' },
          ],
        },
      },
      'text',
      '一\n二',
    ],
    ['location', { location: {} }, 'other', undefined],
  ])('%s → %s', (msgtype, body, kind, text) => {
    const e = one({ msgtype, ...body });
    expect(e.kind).toBe(kind);
    expect(e.text).toBe(text);
    expect(validateEvent(e).ok).toBe(true);
  });

  it('skips what is not a group message', () => {
    expect(archiveRecordToEvents({ ...base, roomid: '', msgtype: 'text', text: { content: 'hi' } }).skipped).toMatch(/one-to-one/);
    expect(archiveRecordToEvents({ msgid: 'r1', action: 'recall', from: 'a', roomid: 'wr1', msgtime: 1 }).skipped).toMatch(/recall/);
    expect(archiveRecordToEvents({ msgid: 's1', action: 'switch', time: 1554119421840, user: 'XuJinSheng' }).skipped).toMatch(/switch/);
    expect(archiveRecordToEvents({ ...base, msgtype: 'revoke', revoke: { pre_msgid: 'x' } }).skipped).toMatch(/revoke/);
  });

  it('names a malformed field', () => {
    expect(() => archiveRecordToEvents([])).toThrow(/JSON object/);
    expect(() => archiveRecordToEvents({ ...base, msgid: undefined })).toThrow(/msgid: required/);
    expect(() => archiveRecordToEvents({ ...base, from: '' })).toThrow(/from: required/);
    expect(() => archiveRecordToEvents({ ...base, msgtime: '2019' })).toThrow(/msgtime/);
  });

  it('keeps text within the ledger limit without splitting a character', () => {
    const e = one({ msgtype: 'text', text: { content: 'a' + '😀'.repeat(40_000) } });
    expect((e.text as string).length).toBe(65_535);
    expect(validateEvent(e).ok).toBe(true);
  });
});
