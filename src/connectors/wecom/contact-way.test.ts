// Channel codes against the local mock API: the QR code carries our channel key as state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockWecom, type MockWecom } from './mock-wecom.js';
import { WecomApi } from './api.js';
import { createContactWay } from './contact-way.js';

let mock: MockWecom;
beforeAll(async () => {
  mock = await startMockWecom();
});
afterAll(() => mock.close());

describe('WeCom channel codes', () => {
  it('creates a QR contact way whose state is the channel key, and refuses what WeCom would', async () => {
    const api = new WecomApi({ corpId: 'wwcorp', secret: 's3cret', base: mock.base });
    const cw = await createContactWay(api, { channel: 'xiaohongshu', users: ['zhangsan'] });
    expect(cw).toMatchObject({ config_id: 'cw-xiaohongshu', state: 'xiaohongshu' });
    expect(cw.qr_code).toMatch(/^https:\/\//);
    const call = mock.calls.find((c) => c.path === 'externalcontact/add_contact_way')!;
    expect(call.body).toMatchObject({ type: 1, scene: 2, state: 'xiaohongshu', user: ['zhangsan'] });
    await expect(createContactWay(api, { channel: 'x'.repeat(31), users: ['a'] })).rejects.toThrow(/^channel: /);
    await expect(createContactWay(api, { channel: 'douyin', users: [] })).rejects.toThrow(/^user: /);
  });
});
