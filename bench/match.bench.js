// npm run bench:match — our Aho–Corasick word matcher (src/domain/moderation) against mint-filter, on the same
// word list and the same corpus of Chinese chat lines, in one run.
// Word list: a few hundred ad words plus 2–4 character words of jieba's dictionary picked with a seeded PRNG,
// 5,000 in all, kept free of words inside other words (see "footing" below). Corpus: the text of the first
// BENCH_LINES (200,000) text messages of the demo generator (20,000 members, seed 42, fixed end).
// Footing: mint-filter reports, at each end position, only the word its automaton state spells (it has no
// dictionary suffix links), and lower-cases text and words. With a list where no word occurs inside another,
// both semantics coincide: every occurrence of every word, one per end position. So the check compares, line
// by line, the sequence of words found (ours in end order = mint's order); our words are lower case.
// Timing: two warm-up rounds, then BENCH_REPS rounds in which every contender makes BENCH_PASSES passes over
// the corpus (interleaved, so background load hits all alike); the median round is reported, per pass.
// MB = UTF-8 bytes of the corpus.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { WordMatcher, RAW } from '../dist/domain/moderation/matcher.js';
import { generateDemoEvents } from '../dist/demo/generate.js';
import { Rng } from '../dist/demo/prng.js';

const require = createRequire(import.meta.url);
const { Mint } = require('mint-filter');
const LINES = Number(process.env.BENCH_LINES ?? 200_000);
const REPS = Number(process.env.BENCH_REPS ?? 9);
const PASSES = Number(process.env.BENCH_PASSES ?? 3); // passes over the corpus per timed sample, so a sample is not a blip
const WORDS = 5000;

// Ad and spam words; combined below with job and lure words to reach a few hundred.
const AD = `微信 加微信 加我微信 微信号 加好友 私聊 私信 领取 免费领取 免费送 免费试用 代理 一件代发 兼职 日结 刷单 返利 返现 日赚 月入过万 躺赚
零门槛 低价 代购 大牌 高仿 原单 祛斑 减肥药 丰胸 壮阳 贷款 无抵押 秒批 套现 网贷 博彩 时时彩 百家乐 荐股 牛股 带单 稳赚 虚拟币
同城交友 约炮 裸聊 陪聊 点击链接 扫码进群 拉群 群发 引流 涨粉 刷粉 优惠券 抢红包 薅羊毛 包邮 特价 秒杀 清仓 vx wx qq usdt vpn
微商 招商 加盟 打字员 点赞员 代写 代考 办证 发票 开票 黑卡 卖号 收号 外挂 破解 翻墙 梯子 私服 充值卡 低息 征信 洗白 口子 下款
网赚 挂机 众筹 传销 资金盘 分红 拉人头 一夜暴富 躺着赚 足不出户 宝妈副业 学生党 副业 零投资 保底 包过 内部渠道 名额有限 限时`.split(/\s+/);
const JOBS = ['客服', '推广', '主播', '刷手', '文员', '模特', '骑手', '助理'];
const LURES = ['日结', '月结', '高薪', '包吃住', '无押金', '急招', '诚招', '在家做', '可兼职', '零经验'];

/** Ad words first (shortest first), then dictionary words in PRNG order; a word is taken only if no taken
 *  word occurs inside it and it occurs inside no taken word. Returns [kept, everything considered]. */
function wordList() {
  const dict = fs.readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt'), 'utf8');
  const pool = [
    ...new Set(
      dict
        .split('\n')
        .map((l) => l.split(' ')[0])
        .filter((w) => /^\p{Script=Han}{2,4}$/u.test(w)),
    ),
  ];
  const rng = new Rng(20240601, 7);
  const ads = [...AD, ...JOBS.flatMap((j) => LURES.map((l) => l + j)), ...JOBS.flatMap((j) => LURES.map((l) => j + l))].sort(
    (a, b) => a.length - b.length || (a < b ? -1 : 1),
  );
  const kept = [];
  const all = [];
  const keptSet = new Set();
  const inside = new Set(); // every substring of a kept word
  const take = (w) => {
    all.push(w);
    if (inside.has(w)) return;
    for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) if (keptSet.has(w.slice(i, j))) return;
    kept.push(w);
    keptSet.add(w);
    for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) inside.add(w.slice(i, j));
  };
  for (const w of new Set(ads)) take(w);
  const ad = kept.length;
  while (kept.length < WORDS) take(pool[rng.int(pool.length)]);
  return { kept, all: [...new Set(all)], ad };
}

function corpus() {
  const lines = [];
  for (const e of generateDemoEvents({ members: 20_000, days: 90, seed: 42, end: new Date('2025-01-01T00:00:00+08:00') })) {
    if (e.type === 'message.sent' && typeof e.text === 'string') lines.push(e.text);
    if (lines.length === LINES) break;
  }
  return lines;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const { kept: words, all: allWords, ad: adCount } = wordList();
const lines = corpus();
const bytes = lines.reduce((s, l) => s + Buffer.byteLength(l, 'utf8'), 0);
console.log(`words: ${words.length} (${adCount} ad words, ${words.length - adCount} from the jieba dictionary), no word inside another`);
console.log(`corpus: ${lines.length} demo chat lines, ${(bytes / 1e6).toFixed(2)} MB UTF-8, ${lines.reduce((s, l) => s + l.length, 0)} UTF-16 units`);

let t = performance.now();
const mint = new Mint(words);
const mintBuild = performance.now() - t;
t = performance.now();
const raw = new WordMatcher(words, RAW);
const rawBuild = performance.now() - t;
t = performance.now();
const norm = new WordMatcher(words);
const normBuild = performance.now() - t;
console.log(`build: mint-filter ${mintBuild.toFixed(0)} ms, ours ${rawBuild.toFixed(0)} ms (normalised, with variants: ${normBuild.toFixed(0)} ms)`);

// The check: per line, the words in end order; and ours against a naive substring oracle over the whole corpus.
const maxLen = Math.max(...words.map((w) => w.length));
const wordSet = new Set(words);
let same = true,
  oracleSame = true,
  mintHits = 0,
  ourHits = 0,
  mintLines = 0,
  ourLines = 0,
  firstDiff;
for (const line of lines) {
  const a = mint.filter(line, { replace: false }).words;
  const found = raw.find(line);
  const b = found.map((h) => h.word);
  mintHits += a.length;
  ourHits += b.length;
  if (a.length) mintLines++;
  if (b.length) ourLines++;
  if (a.join('\u0000') !== b.join('\u0000')) {
    same = false;
    firstDiff ??= { line, mint: a, ours: b };
  }
  const naive = [];
  for (let end = 1; end <= line.length; end++) {
    for (let len = Math.min(maxLen, end); len >= 1; len--)
      if (wordSet.has(line.slice(end - len, end))) naive.push(`${end - len}:${line.slice(end - len, end)}`);
  }
  if (naive.join('|') !== found.map((h) => `${h.start}:${h.word}`).join('|')) oracleSame = false;
}
console.log(
  `check (normalisation off): same hits as mint-filter: ${same} — mint-filter ${mintHits} hits on ${mintLines} lines, ours ${ourHits} hits on ${ourLines} lines; ours = naive oracle: ${oracleSame}`,
);
if (!same) console.log('  first difference:', JSON.stringify(firstDiff));
{
  // Not a contender, a note: on the list before "no word inside another", mint-filter misses nested words.
  const mintAll = new Mint(allWords);
  const oursAll = new WordMatcher(allWords, RAW);
  let a = 0,
    b = 0;
  for (const line of lines) {
    a += mintAll.filter(line, { replace: false }).words.length;
    b += oursAll.find(line).length;
  }
  console.log(
    `  (on the list before that pruning, ${allWords.length} words: mint-filter ${a} hits, ours ${b}; mint-filter misses a word ending inside a longer word or partial match)`,
  );
}

const contenders = [
  [
    'mint-filter filter()',
    () => {
      let h = 0;
      for (const l of lines) h += mint.filter(l, { replace: false }).words.length;
      return h;
    },
  ],
  [
    'ours find(), normalisation off',
    () => {
      let h = 0;
      for (const l of lines) h += raw.find(l).length;
      return h;
    },
  ],
  [
    'ours find(), normalisation on',
    () => {
      let h = 0;
      for (const l of lines) h += norm.find(l).length;
      return h;
    },
  ],
  [
    'mint-filter verify()',
    () => {
      let h = 0;
      for (const l of lines) if (!mint.verify(l)) h++;
      return h;
    },
  ],
  [
    'ours test(), normalisation off',
    () => {
      let h = 0;
      for (const l of lines) if (raw.test(l)) h++;
      return h;
    },
  ],
  [
    'ours test(), normalisation on',
    () => {
      let h = 0;
      for (const l of lines) if (norm.test(l)) h++;
      return h;
    },
  ],
];
const times = contenders.map(() => []);
const results = contenders.map(() => 0);
for (let round = -2; round < REPS; round++) {
  contenders.forEach(([, run], k) => {
    const t0 = performance.now();
    for (let p = 0; p < PASSES; p++) results[k] = run();
    const ms = (performance.now() - t0) / PASSES;
    if (round >= 0) times[k].push(ms);
  });
}
const rate = contenders.map((_, k) => median(times[k]));
console.log(`\nthroughput (median of ${REPS} interleaved rounds of ${PASSES} passes, after 2 warm-up rounds):`);
contenders.forEach(([name], k) => {
  const s = rate[k] / 1000;
  console.log(
    `  ${name.padEnd(32)} ${fmt(lines.length / s).padStart(12)} lines/s ${(bytes / 1e6 / s).toFixed(1).padStart(7)} MB/s  (${rate[k].toFixed(1)} ms, ${results[k]} ${k < 3 ? 'hits' : 'lines hit'})`,
  );
});
console.log(
  `\nratio ours/mint-filter, normalisation off: find ${(rate[0] / rate[1]).toFixed(2)}× (target ≥ 3×), test ${(rate[3] / rate[4]).toFixed(2)}×`,
);
console.log(`ours with normalisation on: find ${(rate[0] / rate[2]).toFixed(2)}× mint-filter (which does not normalise)`);
