// Which column holds which field: Chinese and English headers out of the box (docs/imports.md lists them),
// overridden by `--map field=Header`, `--ignore Header` or a mapping file. Synonyms are in order of preference:
// when two columns match one field (支付时间 and 下单时间), the earlier synonym wins and the other is left over.
import fs from 'node:fs';
import YAML from 'yaml';
import { RESERVED_KEYS } from '../../domain/events/shape.js';
import { ImportFileError } from './errors.js';

export type ImportKind = 'members' | 'orders';

const MEMBER_ID = [
  'member_id',
  'member',
  '成员id',
  '用户id',
  '会员id',
  '客户id',
  '外部联系人id',
  'external_userid',
  '会员编号',
  '客户编号',
  '用户编号',
  'user_id',
  'uid',
  'id',
];
const PHONE = [
  'phone',
  '手机号',
  '手机号码',
  '手机',
  '联系电话',
  '电话',
  '电话号码',
  '联系方式',
  'mobile',
  'phone_number',
  'tel',
  'telephone',
  'cellphone',
];
const COMMUNITY = ['community', 'community_id', '社群id', '群id', '群聊id', '社群', '群聊', '群', 'chat_id'];
const PLATFORM = ['platform', '平台'];

export const FIELDS: Record<ImportKind, Record<string, string[]>> = {
  members: {
    member: MEMBER_ID,
    name: ['name', '姓名', '昵称', '名字', '客户姓名', '客户名称', '客户昵称', '微信昵称', '用户名', 'nickname'],
    phone: PHONE,
    channel: ['channel', 'first_channel', '渠道', '来源渠道', '渠道来源', '获客渠道', '来源', 'source'],
    tags: ['tags', '标签', '客户标签', '用户标签', 'tag', 'labels'],
    community: COMMUNITY,
    platform: PLATFORM,
    joined_at: ['joined_at', 'first_join_at', '加入时间', '入群时间', '进群时间', '加群时间', '添加时间', 'join_time', 'join_date'],
    inviter: ['inviter', 'inviter_id', '邀请人id', '邀请人', '推荐人', 'referrer'],
    method: ['method', 'join_method', '入群方式', '加入方式', '进群方式'],
    updated_at: ['updated_at', '更新时间', '资料更新时间', 'update_time'],
  },
  orders: {
    order: ['order', 'order_id', '订单号', '订单编号', '订单id', '商户订单号', '交易单号', 'order_no', 'order_number'],
    member: MEMBER_ID.filter((h) => h !== 'id'),
    phone: [...PHONE, '收货人手机', '收货人电话', '买家手机'],
    amount: [
      'amount',
      '实付金额',
      '实付金额(元)',
      '实付款',
      '支付金额',
      '支付金额(元)',
      '付款金额',
      '实收金额',
      '金额',
      '金额(元)',
      '订单金额',
      'paid_amount',
    ],
    amount_fen: ['amount_fen', '分', '金额(分)', '实付金额(分)', '支付金额(分)', 'amount_cents'],
    paid_at: [
      'paid_at',
      '支付时间',
      '付款时间',
      '成交时间',
      '下单时间',
      '订单时间',
      '创建时间',
      'pay_time',
      'payment_time',
      'ordered_at',
      'order_time',
      'created_at',
    ],
    product: ['product', '商品', '商品名称', '产品', '产品名称', '商品编码', 'product_name', 'product_key', 'sku'],
    refund: ['refund', '退款金额', '退款金额(元)', '已退款金额', '退款', 'refund_amount', 'refunded'],
    refund_fen: ['refund_fen', '退款金额(分)', 'refund_cents'],
    refunded_at: ['refunded_at', '退款时间', '退款日期', 'refund_time'],
    currency: ['currency', '币种', '货币'],
    tier: ['tier', '档位', '层级'],
    campaign: ['campaign', '活动', '营销活动'],
    community: COMMUNITY,
    platform: PLATFORM,
  },
};

/** Columns of our own members export that are computed, not facts: re-importing an export skips them. */
const DERIVED = new Set(
  ['community_name', 'role', 'group', 'rfm_segment', 'inviter_name', 'first_paid_at', 'orders', 'net_paid'].map(normalizeHeader),
);

/** Full-width → half-width, lower case, no spaces, underscores, dashes, dots or required-field stars. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.*:：]/g, '');
}

export interface Overrides {
  /** field → header ('' = leave the field unmapped). */
  map: Record<string, string>;
  ignore: string[];
}

export interface MappingFile extends Overrides {
  platform?: string;
  community?: string;
}

/** Columns that cannot be mapped to fields (a required one missing, a bad --map, --ignore or --mapping). */
export class MappingError extends ImportFileError {}

export interface ColumnMap {
  headers: string[];
  /** field → column index. */
  fields: Map<string, number>;
  /** Columns left over (members: stored as attributes under their header). */
  rest: number[];
}

function findHeader(headers: string[], wanted: string): number {
  const exact = headers.findIndex((h) => h.trim() === wanted.trim());
  return exact >= 0 ? exact : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(wanted));
}

/** Resolves the header row; throws MappingError naming the flag or header at fault. */
export function resolveColumns(kind: ImportKind, headers: string[], o: Overrides = { map: {}, ignore: [] }): ColumnMap {
  const known = FIELDS[kind];
  const fields = new Map<string, number>();
  const used = new Set<number>();
  const list = headers.map((h) => JSON.stringify(h)).join(', ');
  for (const [field, header] of Object.entries(o.map)) {
    if (!Object.hasOwn(known, field))
      throw new MappingError(`--map ${field}=…: unknown field "${field}" for ${kind} (fields: ${Object.keys(known).join(', ')})`);
    if (header.trim() === '') continue;
    const i = findHeader(headers, header);
    if (i < 0) throw new MappingError(`--map ${field}=${header}: no column "${header}" in the header row (${list})`);
    fields.set(field, i);
    used.add(i);
  }
  for (const h of o.ignore) {
    const i = findHeader(headers, h);
    if (i < 0) throw new MappingError(`--ignore ${h}: no column "${h}" in the header row (${list})`);
    used.add(i);
  }
  const normalized = headers.map(normalizeHeader);
  for (const [field, synonyms] of Object.entries(known)) {
    if (fields.has(field) || field in o.map) continue;
    for (const s of synonyms) {
      const i = normalized.findIndex((h, j) => h === normalizeHeader(s) && !used.has(j));
      if (i >= 0) {
        fields.set(field, i);
        used.add(i);
        break;
      }
    }
  }
  const rest = headers.map((_, i) => i).filter((i) => !used.has(i) && normalized[i] !== '' && !DERIVED.has(normalized[i]!));
  const reserved = kind === 'members' ? rest.map((i) => headers[i]!.trim()).find((h) => RESERVED_KEYS.has(h)) : undefined;
  if (reserved !== undefined)
    throw new MappingError(
      `column "${reserved}": a reserved name (__proto__, constructor and prototype cannot be attribute keys); rename the column or leave it out with --ignore ${reserved}`,
    );
  return { headers, fields, rest };
}

const label = (kind: ImportKind, field: string) => FIELDS[kind][field]!.filter((s) => /[^\x00-\x7f]/.test(s))[0] ?? field;

/** Refuses a header row that cannot give the required fields, naming what is missing and what was found. */
export function requireFields(kind: ImportKind, cols: ColumnMap, groups: string[][]): void {
  for (const group of groups) {
    if (group.some((f) => cols.fields.has(f))) continue;
    const names = group.map((f) => `${label(kind, f)}/${f}`).join(' or ');
    throw new MappingError(
      `${kind}: no column for ${names} (header row: ${cols.headers.map((h) => JSON.stringify(h)).join(', ')}); ` +
        `map one with --map ${group[0]}=HEADER`,
    );
  }
}

/** `--map field=Header` values → a map (the last one for a field wins). */
export function parseMapFlags(values: string[]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>; // `--map __proto__=x` stays a key, refused as unknown
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new MappingError(`--map: expected field=Header (got ${JSON.stringify(v)})`);
    out[v.slice(0, i).trim()] = v.slice(i + 1);
  }
  return out;
}

/** A mapping file: `columns: {field: Header}`, `ignore: [Header]`, `platform`, `community`. */
export function loadMappingFile(file: string): MappingFile {
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MappingError(`--mapping ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const at = (key: string, what: string) => new MappingError(`--mapping ${file}: ${key}: ${what}`);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw at('(top)', 'expected a mapping with columns, ignore, platform, community');
  const o = doc as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!['columns', 'ignore', 'platform', 'community'].includes(k)) throw at(k, 'unknown key (columns, ignore, platform, community)');
  const map: Record<string, string> = {};
  if (o.columns !== undefined) {
    if (o.columns === null || typeof o.columns !== 'object' || Array.isArray(o.columns)) throw at('columns', 'expected field: Header pairs');
    for (const [k, v] of Object.entries(o.columns)) {
      if (v !== null && typeof v !== 'string' && typeof v !== 'number')
        throw at(`columns.${k}`, 'expected a header (text), or null to leave it unmapped');
      map[k] = v === null ? '' : String(v);
    }
  }
  const ignore = o.ignore ?? [];
  if (!Array.isArray(ignore) || ignore.some((h) => typeof h !== 'string' && typeof h !== 'number')) throw at('ignore', 'expected a list of headers');
  for (const k of ['platform', 'community'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') throw at(k, 'expected text');
  return { map, ignore: ignore.map(String), platform: o.platform as string | undefined, community: o.community as string | undefined };
}
