// automation.playbooks in qunyun.yaml: defaults, and errors that name the key.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseWorkspaceFile } from '../../config/workspace-file.js';

const base = `
communities: [{ key: g1, platform: wecom, name: 一群 }]
automation:
  campaigns: { spring: 2026-12-01 }
  playbooks:
`;
const problems = (yaml: string): string[] => {
  try {
    parseWorkspaceFile(base + yaml);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('playbooks in qunyun.yaml', () => {
  it('parses with defaults', () => {
    const cfg = parseWorkspaceFile(`${base}
    - key: camp
      communities: [g1]
      target: { tags: [vip], tiers: [lead], groups: [potential, new] }
      steps:
        - { key: live, cron: "0 20 * * 5", send: "今晚 8 点直播，主题：{topic}" }
        - { key: day1, afterJoin: { days: 1, at: "09:00" }, send: "{name}，欢迎第二天来打卡～" }
        - { key: kickoff, afterCampaign: { campaign: spring, days: -1, at: "20:00" }, send: 明天开营 }
    - key: reactivate
      on: dormant
      missed: late
      steps:
        - { key: nudge, afterStart: { days: 0, at: "10:00" }, send: "{name}，好久不见～" }
        - { key: offer, afterStart: { days: 3, at: "10:00" }, send: 优惠, tag: reactivation-offer }
`);
    const [camp, re] = cfg.automation.playbooks;
    expect(camp).toMatchObject({ key: 'camp', missed: 'skip', graceMinutes: 60, enabled: true, vars: {} });
    expect(re).toMatchObject({ on: 'dormant', missed: 'late' });
    expect(parseWorkspaceFile('workspace: {}').automation.playbooks).toEqual([]);
  });

  it('names the key of every problem', () => {
    expect(
      problems(`
    - key: camp
      steps:
        - { key: a, cron: "0 20 * * 5", send: x }
        - { key: b, cron: "0 25 * * *", send: x }
`),
    ).toEqual([expect.stringMatching(/^automation\.playbooks\[0\]\.steps\[1\]\.cron: Invalid value for hour: 25/)]);
    expect(
      problems(`
    - key: camp
      communities: [nope]
      steps:
        - { key: a, cron: "0 20 * * 5", afterJoin: { days: 1, at: "09:00" }, send: x }
        - { key: a, afterCampaign: { campaign: autumn, days: 0, at: "20:00" }, send: x }
        - { key: c, afterJoin: { days: 1, at: "09:00" } }
        - { key: d, cron: "0 9 * * *", send: x, tag: t }
        - { key: e, afterStart: { days: 1, at: "09:00" }, send: x }
    - key: camp
      on: dormant
      steps:
        - { key: a, afterJoin: { days: 1, at: "09:00" }, send: x }
`),
    ).toEqual([
      'automation.playbooks[0].communities[0]: unknown community "nope" (not in communities)',
      'automation.playbooks[0].steps[0]: give exactly one of cron, afterJoin, afterCampaign, afterStart (found cron, afterJoin)',
      'automation.playbooks[0].steps[1].key: duplicate step key "a" in playbook "camp"',
      'automation.playbooks[0].steps[1].afterCampaign.campaign: unknown campaign "autumn" (automation.campaigns has spring)',
      'automation.playbooks[0].steps[2]: give send, tag or both',
      'automation.playbooks[0].steps[3].tag: a tag needs a member: only afterJoin and afterStart steps can tag',
      'automation.playbooks[0].steps[4].afterStart: only a playbook with on: dormant has a start',
      'automation.playbooks[1].key: duplicate playbook key "camp"',
      'automation.playbooks[1].steps[0].afterJoin: a playbook on dormant has afterStart steps only',
    ]);
  });

  it('refuses bad values by key path', () => {
    expect(
      problems(`
    - key: camp
      missed: never
      target: { tiers: [vip], groups: [sleepy] }
      steps:
        - { key: a, afterJoin: { days: 1, at: "9am" }, send: x }
        - { key: b, cron: "0 9 * * *", sned: x }
`),
    ).toEqual([
      'automation.playbooks[0].target.tiers[0]: Invalid option: expected one of "lead"|"entry"|"premium"',
      'automation.playbooks[0].target.groups[0]: Invalid option: expected one of "potential"|"new"|"core"|"dormant"',
      'automation.playbooks[0].missed: Invalid option: expected one of "late"|"skip"',
      'automation.playbooks[0].steps[0].afterJoin.at: a local time HH:mm, e.g. 09:00',
      'automation.playbooks[0].steps[1]: unknown key sned',
    ]);
    expect(() => parseWorkspaceFile('automation: { campaigns: { autumn: 2026-02-30 } }')).toThrow(
      /automation\.campaigns\.autumn: not a real date: 2026-02-30/,
    );
  });
});
