// The rule engine: qunyun.yaml's automation rules compiled once, then evaluated per event against the member's
// context. Pure: the same event and context give the same proposed actions, live (ingest) or in a dry run.
import type { AutomationConfig, RuleConfig } from '../../config/automation-schema.js';
import { WordMatcher } from '../moderation/matcher.js';
import { findLinks, findPhones, findWechatIds } from './detect.js';
import { FaqIndex, isQuestion } from './faq.js';

export type ActionKind = 'delete' | 'warn' | 'mute' | 'remove' | 'blacklist' | 'send' | 'reply' | 'tag' | 'notify' | 'approve' | 'decline';
export interface Hit {
  what: string;
  matched: string;
  start: number;
  end: number;
  word?: string;
}
export interface Proposed {
  kind: ActionKind;
  text?: string;
  seconds?: number;
  tag?: string;
  /** For strikes: the ladder step taken (1 = first strike). */
  step?: number;
  /** For send: the template and its variables, so batched welcomes can be rendered for several names. */
  template?: string;
  vars?: Record<string, string>;
  /** A private message to the member (contact welcomes) rather than to the community. */
  to?: 'member';
  hits: Hit[];
  detail?: string;
}
export interface AutoEvent {
  type: 'message' | 'join' | 'leave' | 'contact' | 'request';
  at: number;
  platform: string;
  community: string;
  memberName: string | null;
  communityName: string | null;
  text: string | null;
  kind: string | null;
  /** Leaves: quit or removed. */
  reason?: string;
}
export interface MemberContext {
  /** The member's latest join of this community before the event (null: none on record). */
  joinedAt: number | null;
  /** Strikes this member already has in this community. */
  strikes: number;
  /** Instants of the member's messages in this community up to and including this one (for flood rules). */
  recent: number[];
  /** The community's rules (blueprint), for templates. */
  communityRules: string[];
  /** The member is the community's owner or an admin: message rules leave staff alone unless `includeStaff`. */
  staff?: boolean;
  /** Request rules: does the requester meet the rule's gate? (features/automation/gates.ts decides.) */
  gateMet?: boolean;
}

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
export const durationSeconds = (d: string): number => Number(d.slice(0, -1)) * SECONDS[d.slice(-1)]!;
const DEFAULT_WARNING = '请遵守群规：本群不允许发广告、外链或联系方式。再犯将被禁言或移出。';

export function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? vars[k]! : all));
}

export class CompiledRule {
  readonly key: string;
  private readonly words: WordMatcher<string> | null;
  private readonly faq: FaqIndex | null;
  readonly floodWindow: number;

  constructor(
    readonly config: RuleConfig,
    readonly ladder: readonly string[] | null,
    lists: Record<string, string[]>,
  ) {
    this.key = config.key;
    const words = (config.match?.words ?? []).flatMap((list) => (lists[list] ?? []).map((word) => ({ word, payload: list })));
    this.words = words.length > 0 ? new WordMatcher<string>(words) : null;
    this.faq = config.faq && config.faq.length > 0 ? new FaqIndex(config.faq) : null;
    this.floodWindow = (config.match?.flood?.seconds ?? 0) * 1000;
  }

  appliesTo(ev: AutoEvent): boolean {
    if (!this.config.enabled || this.config.on !== ev.type) return false;
    const c = this.config.communities;
    return c === undefined || c.includes(ev.community) || c.includes(`${ev.platform}:${ev.community}`);
  }

  /** Why the rule matches this event (empty hits but non-null for rules without match), or null. */
  private matches(ev: AutoEvent, ctx: MemberContext): Hit[] | null {
    const m = this.config.match;
    if (!m) return [];
    const text = ev.text ?? '';
    const hits: Hit[] = [];
    if (this.words)
      for (const h of this.words.find(text)) hits.push({ what: `words:${h.payload}`, word: h.word, matched: h.matched, start: h.start, end: h.end });
    if (m.links) hits.push(...findLinks(text));
    if (m.phones) hits.push(...findPhones(text));
    if (m.wechatIds) hits.push(...findWechatIds(text));
    if (m.kinds && ev.kind !== null && (m.kinds as readonly string[]).includes(ev.kind))
      hits.push({ what: `kind:${ev.kind}`, matched: '', start: 0, end: 0 });
    if (m.flood) {
      const n = ctx.recent.filter((t) => t > ev.at - this.floodWindow && t <= ev.at).length;
      if (n >= m.flood.messages) hits.push({ what: 'flood', matched: `${n} messages in ${m.flood.seconds}s`, start: 0, end: 0 });
    }
    return hits.length > 0 ? hits : null;
  }

  evaluate(ev: AutoEvent, ctx: MemberContext): Proposed[] {
    if (!this.appliesTo(ev)) return [];
    if (ctx.staff && ev.type === 'message' && !this.config.includeStaff) return [];
    if (ev.type === 'leave' && this.config.reasons && !this.config.reasons.includes(ev.reason as 'quit')) return [];
    const probation = this.config.probationHours;
    if (probation !== undefined && (ctx.joinedAt === null || ev.at - ctx.joinedAt >= probation * 3_600_000)) return [];
    const hits = this.matches(ev, ctx);
    if (hits === null) return [];
    const vars = { name: ev.memberName ?? '新朋友', community: ev.communityName ?? ev.community, rules: ctx.communityRules.join('；') };
    const list = ev.type === 'request' && !ctx.gateMet ? (this.config.otherwise ?? []) : this.config.actions;
    const out: Proposed[] = [];
    for (const a of list) {
      if (typeof a === 'string') {
        if (a === 'strike') out.push(...this.strike(ctx, hits));
        else if (a === 'answer') out.push(...this.answer(ev, hits));
        else if (a === 'warn') out.push({ kind: 'warn', text: DEFAULT_WARNING, hits });
        else if (a === 'blacklist') out.push({ kind: 'remove', hits }, { kind: 'blacklist', hits });
        else if (a === 'notify')
          out.push({ kind: 'notify', text: `规则 ${this.key} 命中：${hits.map((h) => h.matched || h.what).join('、')}`, hits });
        else out.push({ kind: a, hits });
      } else if ('send' in a)
        out.push({
          kind: 'send',
          text: render(a.send, vars),
          template: a.send,
          vars,
          hits,
          ...(ev.type === 'contact' ? { to: 'member' as const } : {}),
        });
      else if ('reply' in a) out.push({ kind: 'reply', text: render(a.reply, vars), hits });
      else if ('warn' in a) out.push({ kind: 'warn', text: render(a.warn, vars), hits });
      else if ('mute' in a) out.push({ kind: 'mute', seconds: durationSeconds(a.mute), hits });
      else if ('tag' in a) out.push({ kind: 'tag', tag: a.tag, hits });
      else out.push({ kind: 'notify', text: render(a.notify, vars), hits });
    }
    return out;
  }

  /** The ladder's next step: strikes beyond its length repeat the last step. */
  private strike(ctx: MemberContext, hits: Hit[]): Proposed[] {
    const ladder = this.ladder ?? ['warn'];
    const step = ctx.strikes + 1;
    const s = ladder[Math.min(step, ladder.length) - 1]!;
    if (s === 'warn') return [{ kind: 'warn', text: DEFAULT_WARNING, step, hits }];
    if (s === 'remove') return [{ kind: 'remove', step, hits }];
    if (s === 'blacklist')
      return [
        { kind: 'remove', step, hits },
        { kind: 'blacklist', step, hits },
      ];
    return [{ kind: 'mute', seconds: durationSeconds(s.slice('mute:'.length)), step, hits }];
  }

  private answer(ev: AutoEvent, hits: Hit[]): Proposed[] {
    const text = ev.text ?? '';
    if (!this.faq || !isQuestion(text)) return [];
    const best = this.faq.best(text);
    const threshold = this.config.threshold ?? 1;
    if (best && best.score >= threshold) {
      return [{ kind: 'reply', text: this.faq.entries[best.entry]!.a, detail: `faq #${best.entry} score ${best.score.toFixed(2)}`, hits }];
    }
    return [
      {
        kind: 'notify',
        text: `未能自动回答的问题：${text}`,
        detail: best ? `best faq #${best.entry} score ${best.score.toFixed(2)} < ${threshold}` : 'no faq term shared',
        hits,
      },
    ];
  }
}

/** All rules of a workspace, compiled once. */
export function compileRules(cfg: AutomationConfig): CompiledRule[] {
  return cfg.rules.map((r) => new CompiledRule(r, r.ladder ? cfg.ladders[r.ladder]! : null, cfg.lists));
}
