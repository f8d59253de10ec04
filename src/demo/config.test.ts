import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoConfigYaml } from './config.js';
import { generateDemoEvents } from './generate.js';

const OPTS = { members: 500, days: 30, seed: 7, end: new Date('2026-11-12T00:00:00+08:00') };

interface Cfg {
  workspace: { name: string; timezone: string; dormantDays: number; newCustomerDays: number };
  products: { key: string; name: string; aliases: string[]; tier: string; price: number }[];
  channels: { key: string; name: string; cost: number }[];
  communities: {
    key: string;
    platform: string;
    name: string;
    capacity: number;
    gates?: { type: string; product?: string }[];
    revival?: { product?: string };
  }[];
}

describe('demoConfigYaml', () => {
  const text = demoConfigYaml(OPTS);
  const cfg = parse(text) as Cfg;

  it('is deterministic and plain YAML (no anchors)', () => {
    expect(demoConfigYaml(OPTS)).toBe(text);
    expect(text).not.toMatch(/[&*]a\d/);
  });

  it('has the workspace, products, channels and communities in the agreed shape', () => {
    expect(cfg.workspace).toEqual({ name: '演示工作区', timezone: 'Asia/Shanghai', dormantDays: 30, newCustomerDays: 30 });
    expect(new Set(cfg.products.map((p) => p.tier))).toEqual(new Set(['lead', 'entry', 'premium']));
    for (const p of cfg.products) expect(Number.isInteger(p.price) && p.price >= 0).toBe(true);
    for (const c of cfg.channels) expect(Number.isInteger(c.cost) && c.cost >= 0).toBe(true);
    const productKeys = new Set(cfg.products.map((p) => p.key));
    for (const c of cfg.communities) {
      expect(c.capacity).toBeGreaterThan(0);
      for (const g of c.gates ?? []) {
        expect(['price', 'identity', 'action']).toContain(g.type);
        if (g.product) expect(productKeys).toContain(g.product);
      }
      if (c.revival?.product) expect(productKeys).toContain(c.revival.product);
    }
    expect(parse(demoConfigYaml({ ...OPTS, timezone: 'Europe/Berlin' })).workspace.timezone).toBe('Europe/Berlin');
  });

  it('describes exactly what the events use', () => {
    const communities = new Set(cfg.communities.map((c) => `${c.platform}:${c.key}`));
    const products = new Set(cfg.products.map((p) => p.key));
    const channels = new Set(cfg.channels.map((c) => c.key));
    for (const ev of generateDemoEvents(OPTS)) {
      if ('community' in ev && ev.community !== undefined) expect(communities).toContain(`${ev.platform}:${ev.community}`);
      if (ev.type === 'order.paid') {
        expect(products).toContain(ev.product);
        expect(cfg.products.find((p) => p.key === ev.product)!.tier).toBe(ev.tier);
      }
      if (ev.type === 'member.joined' && ev.channel) expect(channels).toContain(ev.channel);
    }
  });

  it('passes the workspace-file validator', async () => {
    const { parseWorkspaceFile } = await import('../config/workspace-file.js');
    expect(() => parseWorkspaceFile(text)).not.toThrow();
  });
});
