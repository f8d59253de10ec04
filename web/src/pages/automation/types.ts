// Shapes of the automation API answers the console reads (src/features/automation/*.ts).
export interface Hit { what: string; matched: string; start: number; end: number; word?: string }

export type RuleAction = string | Record<string, string>;

export interface Rule {
  key: string; on: string; enabled: boolean; description: string | null; communities: string[] | null;
  match: { words?: string[]; links?: boolean; phones?: boolean; wechatIds?: boolean; kinds?: string[]; flood?: { messages: number; seconds: number } } | null;
  actions: RuleAction[]; ladder: string | null; last_7_days: Record<string, number>; answered_share?: number | null;
}
export interface RulesAnswer { fresh_minutes: number; lists: Record<string, number>; ladders: Record<string, string[]>; rules: Rule[] }

export interface ProposedView { rule: string; kind: string; text?: string; seconds?: number; tag?: string; step?: number; hits: Hit[]; detail?: string }
export interface DryRunAnswer {
  rule: string; from: string; to: string; events_scanned: number; actions: Record<string, number>; members_struck: number;
  samples: (ProposedView & { at: string; member_id: number; event_id: string })[];
}

export interface Action {
  id: number; rule: string; kind: string; platform: string; status: string; community_id: number | null; member_id: number | null;
  member_name: string | null; event_id: string | null; event_at: string | null; payload: Record<string, unknown>;
  reason: { hits?: Hit[]; detail?: string }; attempts: number; due_at: string | null; last_error: string | null;
  undo_of: number | null; created_at: string | null; updated_at: string | null; message_text?: string | null;
}
export interface ActionPage { total: number; page: number; page_size: number; by_status?: Record<string, number>; by_kind?: Record<string, number>; items: Action[] }

export interface Community { id: number; platform: string; external_id: string; name: string | null }

export interface PlaybookStep {
  key: string; runs: 'cron' | 'afterJoin' | 'afterCampaign' | 'afterStart'; timing: unknown; to: 'member' | 'community';
  send: string | null; tag: string | null; next_run: string | null; last_run_at: string | null;
  counts: { sent: number; queued: number; skipped: number; dead: number; undone: number };
}
export interface Playbook {
  key: string; description: string | null; on: string | null; enabled: boolean; communities: string[];
  target: { tags?: string[]; tiers?: string[]; groups?: string[] } | null; missed: string; grace_minutes: number; started?: number; steps: PlaybookStep[];
}
export interface PlaybooksAnswer { at: string; timezone: string; campaigns: Record<string, string>; playbooks: Playbook[] }

export interface PreviewSend { at: string | null; member_id?: number; member_name?: string | null; community: string; community_name?: string | null; text: string | null; tag?: string | null }
export interface PreviewAnswer { playbook: string; at: string; note?: string; steps: { key: string; to: string; next_at: string | null; total: number; sends: PreviewSend[] }[] }

export interface CalendarRun { playbook: string; step: string; to: 'community' | 'member'; first_at: string; count: number; send: string | null }
export interface CalendarAnswer { timezone: string; days: { date: string; runs: CalendarRun[] }[] }

export interface FaqRule {
  key: string; description: string | null; enabled: boolean; communities: string[] | null; threshold: number | null;
  entries: { index: number; question: string; keywords: string[]; answer: string }[];
  answered: number; handed_over: number; answered_share: number | null;
}
export interface FaqAnswer { days: number; answered: number; handed_over: number; answered_share: number | null; rules: FaqRule[] }
