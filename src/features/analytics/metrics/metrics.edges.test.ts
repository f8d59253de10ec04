// Edge cases found in review: first-join ties across communities, DST gaps at midnight, sub-second bounds,
// Latin-only case folding of product names.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, ndjson } from '../../../test-support/app.js';
import { applyWorkspaceFile } from '../../workspace/apply.js';
import { parseWorkspaceFile } from '../../../config/workspace-file.js';

describe('metrics edges', () => {
  let h: Awaited<ReturnType<typeof createTestApp>> | undefined;
  afterEach(async () => {
    await h?.drop();
    h = undefined;
  });

  it('a tie for the first join goes to the ledger order, whatever came before in other communities', async () => {
    h = await createTestApp('sqlite');
    await h.post(
      ndjson([
        { id: 'l', platform: 'wecom', type: 'member.left', community: 'X', member: 'm', reason: 'quit', at: '2026-10-01T10:00:00+08:00' },
        { id: 'z', platform: 'wecom', type: 'member.joined', community: 'X', member: 'm', channel: 'chX', at: '2026-10-02T10:00:00+08:00' },
        {
          id: 'a',
          platform: 'wecom',
          type: 'member.joined',
          community: 'Y',
          member: 'm',
          channel: 'chY',
          inviter: 'v',
          at: '2026-10-02T10:00:00+08:00',
        },
      ]),
    );
    const { body } = await h.get('/api/v1/metrics?from=2026-10-01&to=2026-10-03');
    expect(body.acquisition).toMatchObject({ by_channel: { chY: 1 }, fission_new: 1 });
  });

  it('answers in a zone whose spring-forward skips midnight (Havana)', async () => {
    h = await createTestApp('sqlite');
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile('workspace: { timezone: America/Havana }\nproducts: [{ key: s, name: Σ课, tier: lead, price: 1 }]\n'),
    );
    await h.post(
      ndjson([
        { id: 'j', platform: 'wecom', type: 'member.joined', community: 'g', member: 'u', at: '2024-03-01T10:00:00-05:00' },
        {
          id: 'm1',
          platform: 'wecom',
          type: 'message.sent',
          community: 'g',
          member: 'u',
          kind: 'text',
          text: 'σ课',
          at: '2024-03-09T23:30:00-05:00',
        },
        {
          id: 'm2',
          platform: 'wecom',
          type: 'message.sent',
          community: 'g',
          member: 'u',
          kind: 'text',
          text: 'Σ课',
          at: '2024-03-10T12:00:00-04:00',
        },
      ]),
    );
    const day = (await h.get('/api/v1/metrics?from=2024-03-10&to=2024-03-11')).body;
    expect(day.from).toBe('2024-03-10T01:00:00-04:00');
    // Only m2 is on 10 March; only the exact Greek capital names the product (no folding beyond A–Z).
    expect(day.content).toMatchObject({ messages: 1, product_mentions: 1 });
    const series = (await h.get('/api/v1/metrics?from=2024-03-09&to=2024-03-12&by=day')).body.series;
    expect(series.map((p: any) => p.content.messages)).toEqual([1, 1, 0]);
  });

  it('keeps sub-second bounds in the answer', async () => {
    h = await createTestApp('sqlite');
    const { body } = await h.get('/api/v1/metrics?from=' + encodeURIComponent('2026-10-01T00:00:00.250+08:00') + '&to=2026-10-02');
    expect(body.from).toBe('2026-10-01T00:00:00.250+08:00');
  });
});
