// Every shared WeCom sample (fixtures/wecom/events, origins in its SOURCES.md) → the ledger events it means,
// plus the changes the shared set has no sample for, written by us from the documented fields.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../domain/events/validate.js';
import { chinaInstant, joinMethod, quitReason, TranslateError, translateXml, type Translation } from './translate.js';
import { fixturePath } from '../../test-support/fixtures.js';

const SAMPLES = fixturePath('wecom', 'events');
const sample = (f: string) => translateXml(fs.readFileSync(path.join(SAMPLES, f), 'utf8'));
const AT = '2014-06-24T19:48:33+08:00'; // CreateTime 1403610513
const bodies = (t: Translation) => t.events.map(({ id: _id, ...rest }) => rest);
const doc = (inner: string) => `<xml><ToUserName><![CDATA[ww55ca070cb9b7eb22]]></ToUserName><CreateTime>1403610513</CreateTime>${inner}</xml>`;
const chat = (change: string, extra = '') =>
  doc(`<Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wrCHAT]]></ChatId><ChangeType><![CDATA[${change}]]></ChangeType>${extra}`);
const update = (detail: string, extra: string) => chat('update', `<UpdateDetail>${detail}</UpdateDetail>${extra}`);

describe('customer contact samples → member.profile', () => {
  it('add_external_contact: a contact tag, the State as channel, the staff member, and the welcome code for the welcome', () => {
    const t = sample('add_external_contact.xml');
    expect(bodies(t)).toEqual([
      {
        platform: 'wecom',
        type: 'member.profile',
        at: AT,
        member: 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA',
        tags_add: ['wecom:contact'],
        tags_remove: ['wecom:deleted-staff', 'wecom:deleted-by-staff'],
        attributes: { wecom_staff: 'zhangsan', channel: 'teststate' },
      },
    ]);
    expect(t.welcome).toEqual({ member: 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA', staff: 'zhangsan', code: 'WELCOMECODE' });
  });

  it('reads the older sample that closes with </xml >', () => {
    const t = sample('add_external_contact.wxjava.xml');
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ type: 'member.profile', member: 'woAJ2GCAAAXtWyujaWJHDDGi0mACH71w', attributes: { channel: 'teststate' } });
  });

  it('an add without State or WelcomeCode sets no channel and leaves no welcome', () => {
    const t = translateXml(
      doc(
        '<Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType><UserID>u1</UserID><ExternalUserID>wmX</ExternalUserID>',
      ),
    );
    expect(t.events[0]!.attributes).toEqual({ wecom_staff: 'u1' });
    expect(t.welcome).toBeUndefined();
  });

  it('del_follow_user (the customer deleted the staff member) is the churn signal wecom:deleted-staff', () => {
    expect(bodies(sample('del_follow_user.xml'))).toEqual([
      {
        platform: 'wecom',
        type: 'member.profile',
        at: AT,
        member: 'woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA',
        tags_add: ['wecom:deleted-staff'],
        attributes: { wecom_deleted_staff: 'zhangsan' },
      },
    ]);
  });

  it('del_external_contact (staff deleted the customer) tags wecom:deleted-by-staff; a transfer is not churn', () => {
    expect(bodies(sample('del_external_contact.xml'))).toEqual([
      {
        platform: 'wecom',
        type: 'member.profile',
        at: AT,
        member: 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA',
        tags_add: ['wecom:deleted-by-staff'],
        attributes: { wecom_deleted_by: 'zhangsan' },
      },
    ]);
    expect(bodies(sample('del_external_contact.with_source.xml'))).toEqual([
      {
        platform: 'wecom',
        type: 'member.profile',
        at: AT,
        member: 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA',
        tags_add: ['wecom:transferred'],
        attributes: { wecom_deleted_by: 'zhangsan', wecom_delete_source: 'DELETE_BY_TRANSFER' },
      },
    ]);
  });
});

describe('customer group samples → joins and leaves', () => {
  it('add_member (official <Item> list): one member.joined per member, JoinScene 1 = invited', () => {
    expect(bodies(sample('change_external_chat_update_add_member.xml'))).toEqual(
      ['Jack', 'Rose'].map((member) => ({
        platform: 'wecom',
        type: 'member.joined',
        at: AT,
        community: 'wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ',
        member,
        method: 'invited',
      })),
    );
  });

  it('the third-party (suite) form: InfoType and TimeStamp instead of Event and CreateTime', () => {
    expect(bodies(sample('change_external_chat_update_add_member.suite.xml')).map((e) => [e.community, e.member, e.at])).toEqual([
      ['CHAT_ID', 'Jack', AT],
      ['CHAT_ID', 'Rose', AT],
    ]);
  });

  it('tolerates a comma-separated MemChangeList', () => {
    expect(bodies(sample('change_external_chat_update_add_member.wxjava.xml')).map((e) => e.member)).toEqual([
      'wmEJiCwAAA9KG2qlSq6rKwASSgAAAA',
      'wmEJiCwAAA9KG2qlSq6rKwBBBBBBB',
    ]);
  });

  it('del_member with QuitScene 1 is a removal', () => {
    expect(bodies(sample('change_external_chat_update_del_member.wxjava.xml'))).toEqual([
      {
        platform: 'wecom',
        type: 'member.left',
        at: AT,
        community: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
        member: 'wmEJiCwAAA9KG2qlSq6rKwASSgAAAA',
        reason: 'removed',
      },
    ]);
  });

  it('maps join and quit scenes', () => {
    expect(['0', '1', '2', '3', '9', undefined].map(joinMethod)).toEqual(['invited', 'invited', 'link', 'qr', 'unknown', 'unknown']);
    expect(['0', '1', undefined].map(quitReason)).toEqual(['quit', 'removed', 'quit']);
    const qr = translateXml(update('add_member', '<JoinScene>3</JoinScene><MemChangeList><Item>wmA</Item><Item>wmA</Item></MemChangeList>'));
    expect(bodies(qr)).toEqual([{ platform: 'wecom', type: 'member.joined', at: AT, community: 'wrCHAT', member: 'wmA', method: 'qr' }]);
    const quit = translateXml(update('del_member', '<MemChangeList><Item>wmA</Item></MemChangeList>'));
    expect(quit.events[0]).toMatchObject({ type: 'member.left', reason: 'quit' });
  });
});

describe('group lifecycle → community.updated', () => {
  it.each(['create', 'dismiss'])('%s', (change) => {
    const t = translateXml(chat(change));
    expect(bodies(t)).toEqual([{ platform: 'wecom', type: 'community.updated', at: AT, community: 'wrCHAT' }]);
    expect(t.chat).toEqual({ id: 'wrCHAT', change, at: AT, baseId: t.events[0]!.id });
  });

  it.each(['change_name', 'change_owner'])('update / %s', (detail) => {
    const t = translateXml(update(detail, ''));
    expect(t.events[0]).toMatchObject({ type: 'community.updated', community: 'wrCHAT' });
    expect(t.chat?.change).toBe(detail);
  });

  it('a notice change, a plain message and an unknown change are understood and produce nothing', () => {
    expect(translateXml(update('change_notice', '')).ignored).toMatch(/change_notice/);
    expect(translateXml(doc('<MsgType>text</MsgType><Content>hi</Content>')).ignored).toMatch(/text/);
    expect(translateXml(doc('<Event>change_external_contact</Event><ChangeType>edit_external_contact</ChangeType>')).ignored).toMatch(
      /edit_external_contact/,
    );
  });
});

describe('ids, instants and refusals', () => {
  it('every sample gives valid ledger events whose ids are the same on every translation and unique across samples', () => {
    const ids = new Set<string>();
    for (const f of fs.readdirSync(SAMPLES).filter((x) => x.endsWith('.xml'))) {
      const a = sample(f),
        b = sample(f);
      expect(
        a.events.map((e) => e.id),
        f,
      ).toEqual(b.events.map((e) => e.id));
      for (const e of a.events) {
        const v = validateEvent(e);
        expect(v.ok, `${f}: ${v.ok ? '' : v.reason}`).toBe(true);
        expect(ids.has(e.id as string), `${f}: id ${String(e.id)} repeated`).toBe(false);
        ids.add(e.id as string);
      }
    }
    expect(ids.size).toBe(12);
  });

  it('instants carry +08:00 and milliseconds only when there are some', () => {
    expect(chinaInstant(1403610513)).toBe(AT);
    expect(chinaInstant(1403610600123, 'ms')).toBe('2014-06-24T19:50:00.123+08:00');
  });

  it('names the missing field', () => {
    expect(() => translateXml(doc('<Event>change_external_chat</Event><ChangeType>create</ChangeType>'))).toThrow(/ChatId: required/);
    expect(() => translateXml(update('add_member', '<MemChangeList></MemChangeList>'))).toThrow(/MemChangeList/);
    expect(() => translateXml(doc('<Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType><UserID>u</UserID>'))).toThrow(
      /ExternalUserID/,
    );
    expect(() => translateXml('<xml><Event>change_external_chat</Event><CreateTime>soon</CreateTime></xml>')).toThrow(TranslateError);
  });
});
