// npm run bench:ingest-rules — ingest with the full rule set active against ingest without rules. A demo ledger
// of BENCH_MEMBERS members (default 50,000) goes through `qunyun ingest` into fresh SQLite files, alternately with
// the demo's qunyun.yaml alone and with an automation section added: 3,000 words in two lists, links, phones,
// WeChat ids, card messages, flood, a probation rule, batched welcomes and an FAQ — and freshMinutes large enough
// that every event of the ledger counts as live, so every rule really runs on every event. BENCH_RUNS (default 2)
// runs each; the best of each is compared. Target: with rules ≥ 80 % of without.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fmt, sh } from './cli.js';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-rbench-'));
const file = path.join(dir, 'demo.ndjson');

// 3,000 words: spam words plus 2–4 character words of jieba's dictionary, every 37th (deterministic).
const dict = fs.readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt'), 'utf8');
const pool = dict
  .split('\n')
  .map((l) => l.split(' ')[0])
  .filter((w) => /^\p{Script=Han}{2,4}$/u.test(w));
const spam = '加微信 免费领取 兼职 刷单 日结 返利 代理 招商 加盟 私聊 扫码进群 点击链接 优惠券 薅羊毛 网赚 副业 躺赚'.split(' ');
const common = pool.filter((_, i) => i % 37 === 0).slice(0, 3000 - spam.length);
const automation = `
automation:
  freshMinutes: 1000000
  lists:
    ads: ${JSON.stringify(spam)}
    watch: ${JSON.stringify(common)}
  ladders: { standard: [warn, warn, "mute:1h", remove, blacklist] }
  rules:
    - { key: ads, on: message, match: { words: [ads], links: true, phones: true, wechatIds: true, kinds: [card] }, actions: [delete, strike], ladder: standard }
    - { key: watch, on: message, match: { words: [watch] }, actions: [{ tag: watched }] }
    - { key: flood, on: message, match: { flood: { messages: 8, seconds: 30 } }, actions: [delete, { mute: 10m }] }
    - { key: probation, on: message, probationHours: 24, match: { links: true }, actions: [delete, remove] }
    - { key: welcome, on: join, batchSeconds: 60, actions: [{ send: "欢迎 {name} 加入{community}！" }] }
    - key: faq
      on: message
      actions: [answer]
      threshold: 1
      faq:
        - { q: 体验营多少钱, a: 体验营 9.9 元。, keywords: [价格, 费用, 多少钱] }
        - { q: 课程什么时候开始, a: 每周一晚上 8 点。, keywords: [开课, 上课] }
        - { q: 怎么退款, a: 七天内可退。, keywords: [退款, 退钱] }
`;

console.log(`bench:ingest-rules — ${fmt(members)} demo members, node ${process.version}, ${os.cpus().length} cores`);
sh(['demo', '--members', String(members), '--days', '90', '--seed', '1', '--end', '2026-11-01', '--out', file]);
// The demo's own qunyun.yaml ships a few rules: "without" drops them, "with" replaces them by the full set.
const demoDoc = YAML.parse(fs.readFileSync(path.join(dir, 'qunyun.yaml'), 'utf8'));
delete demoDoc.automation;
const yamlPlain = path.join(dir, 'plain.yaml');
const yamlRules = path.join(dir, 'rules.yaml');
fs.writeFileSync(yamlPlain, YAML.stringify(demoDoc));
fs.writeFileSync(yamlRules, YAML.stringify(demoDoc) + automation);
const best = { without: Infinity, with: Infinity };
let events = 0,
  actions = 0;
for (let i = 0; i < runs; i++) {
  for (const mode of i % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
    const db = path.join(dir, `${mode}-${i}.db`);
    sh(['apply', mode === 'with' ? yamlRules : yamlPlain, '--db', db]);
    const r = sh(['ingest', file, '--db', db, '--json']);
    events = JSON.parse(r.out).accepted;
    best[mode] = Math.min(best[mode], r.seconds);
    if (mode === 'with') actions = JSON.parse(sh(['actions', 'list', '--db', db, '--json']).out).total;
    console.log(`  run ${i + 1} ${mode.padEnd(7)} rules: ${fmt(events / r.seconds)} events/s (${r.seconds.toFixed(1)} s)`);
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`${mode}-${i}.db`)) fs.rmSync(path.join(dir, f));
  }
}
console.log(
  `${fmt(events)} events, ${fmt(actions)} actions proposed: without rules ${fmt(events / best.without)} events/s, ` +
    `with the full rule set ${fmt(events / best.with)} events/s = ${((100 * best.without) / best.with).toFixed(1)} % (target ≥ 80 %)`,
);
fs.rmSync(dir, { recursive: true, force: true });
