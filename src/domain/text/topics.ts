// Topic terms of chat messages: jieba segmentation, stop words and noise removed, counted.
import { createRequire } from 'node:module';

type Cutter = { cut(text: string, hmm?: boolean): string[] };
let jieba: Cutter | undefined;

function cutter(): Cutter {
  if (!jieba) {
    // Loaded on first use: the dictionary takes a moment and most commands never need it.
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Cutter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

// Function words and chat filler that say nothing about a topic.
const STOP = new Set(
  `的 了 是 在 我 你 他 她 它 们 我们 你们 他们 大家 这 那 这个 那个 这些 那些 就 都 也 还 和 与 及 或 而 但 但是 所以 因为 如果
吗 呢 吧 啊 呀 哦 哈 哈哈 哈哈哈 嗯 嘛 啦 哇 喔 噢 嘿 么 什么 怎么 怎么样 为什么 哪 哪里 谁 多少 几 有 没有 没 不 不是 要 想 会 能 可以 可能
一个 一下 一些 一点 一起 自己 今天 明天 昨天 现在 时候 已经 还是 就是 然后 真的 非常 很 太 好 好的 谢谢 感谢 收到 知道 觉得 看看 大家好
请问 上 下 中 里 去 来 到 说 做 给 让 被 把 对 从 向 又 再 才 只 每 各 等 等等 之 其 其他 以及 这样 那样 这么 那么 一直 还有 也是 不会
ok okay the a an and or to of in on for is are be it this that you i we`.split(/\s+/),
);

function isNoise(term: string): boolean {
  if (term.length < 2) return true;
  if (STOP.has(term.toLowerCase())) return true;
  // Punctuation, emoji, digits and URL fragments carry no topic.
  return !/[\p{Script=Han}\p{L}]/u.test(term) || /^(https?|www|com|cn)$/i.test(term);
}

/** The topic terms of one message, in order, repeats kept (only its first 2,000 characters are read). */
export function topicTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of cutter().cut(text.slice(0, 2000), true)) {
    const term = raw.trim();
    if (term.length <= 100 && !isNoise(term)) out.push(term);
  }
  return out;
}

export class TopicCounter {
  private readonly counts = new Map<string, number>();

  add(text: string): void {
    for (const term of topicTerms(text)) this.addCount(term, 1);
  }

  addCount(term: string, n: number): void {
    this.counts.set(term, (this.counts.get(term) ?? 0) + n);
  }

  /** The most frequent terms; ties broken by the term, so two runs agree exactly. */
  top(k = 20): { term: string; count: number }[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, k)
      .map(([term, count]) => ({ term, count }));
  }
}

// docs/spec/metrics.md: Latin letters case-insensitive — only A–Z fold; Greek, Cyrillic or full-width letters keep their case.
const foldLatin = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Tells whether a message names a product by its name or an alias (Latin letters case-insensitive). */
export function mentionMatcher(products: { name: string; aliases: string[] }[]): (text: string) => boolean {
  const needles = [
    ...new Set(
      products
        .flatMap((p) => [p.name, ...p.aliases])
        .filter((s) => s.length > 0)
        .map(foldLatin),
    ),
  ];
  return (text) => {
    if (needles.length === 0) return false;
    const hay = foldLatin(text);
    return needles.some((n) => hay.includes(n));
  };
}

/** Which products a message names (each product once, by its key), by name or alias as mentionMatcher reads them. */
export function productsMentioned(products: { key: string; name: string; aliases: string[] }[]): (text: string) => string[] {
  const needles = products.map((p) => ({ key: p.key, words: [...new Set([p.name, ...p.aliases].filter((s) => s.length > 0).map(foldLatin))] }));
  return (text) => {
    if (needles.length === 0) return [];
    const hay = foldLatin(text);
    return needles.filter((p) => p.words.some((w) => hay.includes(w))).map((p) => p.key);
  };
}
