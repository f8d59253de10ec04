// FAQ matching: BM25 over jieba terms of each entry's question and keywords; the best entry answers when its
// score reaches the threshold, otherwise the question goes to an operator.
import { topicTerms } from '../text/topics.js';

export interface FaqEntry {
  q: string;
  a: string;
  keywords?: string[];
}
export interface FaqMatch {
  entry: number;
  score: number;
}

const K1 = 1.2,
  B = 0.75;
const QUESTION = /[?？]|吗|么|呢|多少|怎么|怎样|如何|什么|哪|几|能不能|可不可以|是否|有没有|请问/u;

/** Does a chat line read as a question? (Only questions are answered or handed to an operator.) */
export const isQuestion = (text: string): boolean => QUESTION.test(text);

export class FaqIndex {
  private readonly docs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly avg: number;
  private readonly df = new Map<string, number>();

  constructor(readonly entries: readonly FaqEntry[]) {
    this.docs = entries.map((e) => {
      const tf = new Map<string, number>();
      for (const t of [...topicTerms(e.q), ...(e.keywords ?? []).flatMap((k) => [k.toLowerCase(), ...topicTerms(k)])])
        tf.set(t, (tf.get(t) ?? 0) + 1);
      return tf;
    });
    this.lengths = this.docs.map((d) => [...d.values()].reduce((a, b) => a + b, 0));
    this.avg = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
    for (const d of this.docs) for (const t of d.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** The best entry for a question, or null when no term is shared. Ties go to the earlier entry. */
  best(text: string): FaqMatch | null {
    const terms = [...new Set(topicTerms(text))];
    const n = this.docs.length;
    let best: FaqMatch | null = null;
    this.docs.forEach((tf, i) => {
      let score = 0;
      for (const t of terms) {
        const f = tf.get(t);
        if (!f) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * this.lengths[i]!) / (this.avg || 1)));
      }
      if (score > 0 && (best === null || score > best.score)) best = { entry: i, score };
    });
    return best;
  }
}
