// Channel codes (渠道活码): a WeCom "contact me" QR code whose `state` is our channel key, so every customer who adds
// a staff member through it arrives with that channel (translate.ts reads State on add_external_contact).
import type { WecomApi } from './api.js';

export interface ContactWay {
  config_id: string;
  qr_code: string;
  state: string;
  users: string[];
}

/** WeCom limits `state` to 30 characters; a channel key longer than that cannot be carried. */
export const MAX_STATE = 30;

export async function createContactWay(api: WecomApi, o: { channel: string; users: string[]; remark?: string }): Promise<ContactWay> {
  if (o.channel.length === 0 || o.channel.length > MAX_STATE)
    throw new Error(`channel: a WeCom channel code carries at most ${MAX_STATE} characters of state (got ${o.channel.length})`);
  if (o.users.length === 0) throw new Error('user: at least one staff user id (the WeCom userid who receives the contacts)');
  // type 1 = one staff member, 2 = several (WeCom rotates them); scene 2 = a QR code.
  const r = await api.call('externalcontact/add_contact_way', {
    type: o.users.length === 1 ? 1 : 2,
    scene: 2,
    state: o.channel,
    user: o.users,
    skip_verify: true,
    ...(o.remark ? { remark: o.remark.slice(0, 30) } : {}),
  });
  if (typeof r.config_id !== 'string' || typeof r.qr_code !== 'string') throw new Error('WeCom answered add_contact_way without config_id/qr_code');
  return { config_id: r.config_id, qr_code: r.qr_code, state: o.channel, users: o.users };
}
