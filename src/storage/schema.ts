// Row types of every table, for Kysely. Instants are epoch milliseconds (bigint columns read as numbers).
import type { Generated } from 'kysely';
import type { Tier } from '../domain/events/types.js';

export interface EventsTable {
  seq: Generated<number>;
  platform: string;
  event_id: string;
  type: string;
  at_ms: number;
  /** Resolved member (after merges); null for events without a member (refunds, community updates). */
  member_id: number | null;
  community_id: number | null;
  /** platform + U+001F + order id, for order.paid / order.refunded. */
  order_key: string | null;
  /** Canonical JSON of the event as accepted. */
  body: string;
  ingested_at: number;
}

export interface MembersTable {
  id: number;
  name: string | null;
  /** The name lower-cased by JavaScript (full Unicode), for search that behaves alike on both dialects. */
  name_folded: string | null;
  phone: string | null;
  first_phone_at: number | null;
  first_join_at: number | null;
  first_channel: string | null;
  first_inviter_id: number | null;
  first_community_id: number | null;
  attributes: Generated<string>;
  /** Set when this member was merged into another by member.linked; the row stays so old ids resolve. */
  merged_into: number | null;
}

export interface IdentitiesTable {
  platform: string;
  external_id: string;
  member_id: number;
}
export interface MemberTagsTable {
  member_id: number;
  tag: string;
}

export interface CommunitiesTable {
  id: number;
  platform: string;
  external_id: string;
  name: string | null;
  owner: string | null;
  admins: Generated<string>;
  /** Set from qunyun.yaml: display name and blueprint (JSON). */
  config_name: string | null;
  blueprint: string | null;
}

export interface MembershipsTable {
  member_id: number;
  community_id: number;
  first_join_at: number | null;
  first_channel: string | null;
  first_inviter_id: number | null;
  first_method: string | null;
  last_join_at: number | null;
  last_left_at: number | null;
  present: number;
  joins: number;
  leaves: number;
}

export interface MembershipSpansTable {
  member_id: number;
  community_id: number;
  joined_at: number;
  left_at: number | null;
}
export interface OrderRefundsTable {
  platform: string;
  order_id: string;
  event_id: string;
  at: number;
  applied: number;
  member_id: number;
  community_id: number | null;
}

export interface OrdersTable {
  platform: string;
  order_id: string;
  member_id: number;
  paid_at: number;
  amount: number;
  currency: string;
  product: string | null;
  tier: string | null;
  campaign: string | null;
  community_id: number | null;
  refunded: number;
  fully_refunded_at: number | null;
}

/** Per member, community (0 = none) and calendar day (YYYYMMDD in the workspace zone): activity counts. */
export interface MemberDaysTable {
  member_id: number;
  community_id: number;
  day: number;
  messages: number;
  checkins: number;
  orders: number;
}

export interface TextDaysBuiltTable {
  day: number;
}
export interface TextDaysTable {
  day: number;
  community_id: number;
  mentions: number;
}
export interface ProductMentionDaysTable {
  day: number;
  community_id: number;
  product: string;
  mentions: number;
}
export interface MessageTermsTable {
  day: number;
  community_id: number;
  term: string;
  count: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}
export interface ProductsTable {
  key: string;
  name: string;
  aliases: string;
  tier: Tier;
  price: number;
}
export interface ChannelsTable {
  key: string;
  name: string;
  cost: number;
}
export interface IngestLockTable {
  id: number;
  n: number;
}

export interface MetricPeriodsTable {
  scope: string;
  s: number;
  e: number;
  answer: string;
}
export interface LedgerChangesTable {
  n: number;
  min_at: number;
}

export interface ActionsTable {
  id: Generated<number>;
  dedupe: string;
  rule: string;
  kind: string;
  platform: string;
  community_id: number | null;
  member_id: number | null;
  event_id: string | null;
  event_at: number | null;
  payload: string;
  reason: string;
  status: string;
  attempts: number;
  due_at: number;
  locked_until: number | null;
  last_error: string | null;
  undo_of: number | null;
  created_at: number;
  updated_at: number;
}
export interface StrikesTable {
  member_id: number;
  community_id: number;
  count: number;
  updated_at: number;
}
export interface BlacklistTable {
  member_id: number;
  action_id: number | null;
  reason: string;
  created_at: number;
}
export interface RuleTogglesTable {
  rule: string;
  enabled: number;
  updated_at: number;
}
export interface SchedulesTable {
  key: string;
  playbook: string;
  step: string | null;
  kind: string;
  spec: string;
  next_at: number | null;
  last_run_at: number;
  locked_until: number | null;
  runs: Generated<number>;
  created_at: number;
  updated_at: number;
}
export interface PlaybookStartsTable {
  playbook: string;
  member_id: number;
  started_at: number;
  community_id: number;
  platform: string;
  created_at: number;
}
/** The general job queue (src/jobs/): status pending | running | done | dead; payload is JSON. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  run_at: number;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  locked_until: number | null;
  last_error: string | null;
  key: string | null;
  created_at: number;
  updated_at: number;
}

export interface Schema {
  events: EventsTable;
  members: MembersTable;
  identities: IdentitiesTable;
  member_tags: MemberTagsTable;
  communities: CommunitiesTable;
  memberships: MembershipsTable;
  membership_spans: MembershipSpansTable;
  orders: OrdersTable;
  order_refunds: OrderRefundsTable;
  member_days: MemberDaysTable;
  message_terms: MessageTermsTable;
  text_days: TextDaysTable;
  product_mention_days: ProductMentionDaysTable;
  text_days_built: TextDaysBuiltTable;
  settings: SettingsTable;
  products: ProductsTable;
  channels: ChannelsTable;
  ingest_lock: IngestLockTable;
  metric_periods: MetricPeriodsTable;
  ledger_changes: LedgerChangesTable;
  actions: ActionsTable;
  strikes: StrikesTable;
  blacklist: BlacklistTable;
  rule_toggles: RuleTogglesTable;
  schedules: SchedulesTable;
  playbook_starts: PlaybookStartsTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  erased_identities: ErasedIdentitiesTable;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  communities: Generated<string>;
  disabled: Generated<number>;
  created_at: number;
  last_login_at: number | null;
  /** 1: sees phone numbers in full (granted by an owner). */
  pii: Generated<number>;
}
export interface ErasedIdentitiesTable {
  platform: string;
  external_id: string;
  member_id: number;
  erased_at: number;
}
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  user_id: number;
  role: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  status: number;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
}
