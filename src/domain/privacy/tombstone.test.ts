// tombstoneBody: personal fields go, the fields figures are computed from stay; applying it twice changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERASED } from './mask.js';
import { tombstoneBody } from './tombstone.js';

const env = { id: 'e1', at: '2026-10-01T10:00:00+08:00', platform: 'wecom' };

describe('tombstoneBody', () => {
  it('blanks names and phones, removes texts, attributes and tags, and keeps the rest', () => {
    expect(tombstoneBody({ ...env, type: 'member.joined', community: 'g1', member: 'm1', name: '张三', channel: 'douyin', inviter: 'm0' })).toEqual({
      ...env,
      type: 'member.joined',
      community: 'g1',
      member: 'm1',
      name: ERASED,
      channel: 'douyin',
      inviter: 'm0',
    });
    expect(
      tombstoneBody({ ...env, type: 'member.profile', member: 'm1', phone: '13812345678', attributes: { city: '杭州' }, tags_add: ['孕期'] }),
    ).toEqual({ ...env, type: 'member.profile', member: 'm1', phone: ERASED });
    expect(tombstoneBody({ ...env, type: 'message.sent', community: 'g1', member: 'm1', kind: 'text', text: '我住在…', mentions: ['m2'] })).toEqual({
      ...env,
      type: 'message.sent',
      community: 'g1',
      member: 'm1',
      kind: 'text',
      mentions: ['m2'],
    });
    const order = { ...env, type: 'order.paid', member: 'm1', order: 'o1', amount: 990, product: 'camp' };
    expect(tombstoneBody(order)).toBe(order);
  });

  it('is idempotent and never touches the envelope, the member or amounts', () => {
    const types = ['member.joined', 'member.profile', 'message.sent', 'order.paid', 'checkin.done', 'member.left'];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.record({ name: fc.string(), phone: fc.string(), text: fc.string(), amount: fc.integer() }, { requiredKeys: [] }),
        (type, extra) => {
          const body = { ...env, type, member: 'm1', ...extra };
          const once = tombstoneBody(body);
          expect(tombstoneBody(once)).toEqual(once);
          for (const k of ['id', 'at', 'platform', 'type', 'member', 'amount']) expect(once[k]).toEqual((body as Record<string, unknown>)[k]);
          // The personal fields of each type are gone or tombstones.
          const personal = { 'member.joined': ['name'], 'member.profile': ['name', 'phone'], 'message.sent': ['text'] }[type] ?? [];
          for (const k of personal) expect(k === 'text' ? k in once : k in once && once[k] !== ERASED).toBe(false);
        },
      ),
    );
  });
});
