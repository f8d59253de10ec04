// Small shared pieces of the automation and settings pages: a data-loading hook, status / kind tags, the
// loading / error states, and what an action's reason says matched (times: components/Time and useTime). Member
// text is only ever a text child.
import type { ReactNode } from 'react';
import { Alert, Button, Empty, Spin, Tag } from 'antd';
import { ApiError } from '../../api';
import type { Answer, CallArgs, PathOf } from '../../api/contract';
import { useApi as useSharedApi } from '../../components/useApi';

export { errorText } from '../../api';
import { useI18n } from '../../i18n';
import type { Action, ActionStatus, Hit } from './types';
import './messages';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | null;
  loading: boolean;
  reload(): void;
}

/** The console's data hook (components/useApi), with its error narrowed to an Error for LoadError. */
export function useApi<P extends PathOf<'get'>>(path: P | null, ...args: CallArgs<P, 'get'>): Loaded<Answer<P>> {
  const r = useSharedApi(path, ...args);
  const error = r.error === undefined || r.error === null ? null : r.error instanceof Error ? r.error : new Error(String(r.error));
  return { data: r.data, error, loading: r.loading, reload: r.reload };
}

export const STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  sending: 'processing',
  done: 'success',
  dead: 'error',
  undone: 'default',
  skipped: 'warning',
};
export const STATUSES: ActionStatus[] = ['pending', 'sending', 'done', 'dead', 'undone', 'skipped'];

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`auto.status.${status}`)}</Tag>;
}

const KIND_COLORS: Record<string, string> = {
  delete: 'red',
  warn: 'orange',
  mute: 'volcano',
  remove: 'magenta',
  blacklist: 'purple',
  send: 'blue',
  reply: 'cyan',
  tag: 'geekblue',
  notify: 'gold',
  approve: 'green',
  decline: 'default',
  unmute: 'lime',
  unblacklist: 'lime',
};
export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  const label = t(`auto.kind.${kind}`);
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{label.startsWith('auto.kind.') ? kind : label}</Tag>;
}

/** A failed load: the server's message, a retry button; a role refusal shows the owners-only state. */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 403 && error.code === 'forbidden') return <Empty description={t('auto.c.ownersOnly')} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('auto.c.loadFailed')}
      description={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('auto.c.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Loading spinner until first data, the error state, else the children. */
export function Loading({ state, children }: { state: Loaded<unknown>; children: ReactNode }) {
  if (state.error && state.data === undefined) return <LoadError error={state.error} onRetry={state.reload} />;
  if (state.data === undefined)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  return <>{children}</>;
}

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

/** A hit as the pages show it: from a rule test or dry run (Hit), or read back from an action's reason. */
type ShownHit = Pick<Hit, 'what' | 'matched' | 'word'> & Partial<Pick<Hit, 'start'>>;

const isShownHit = (v: unknown): v is ShownHit => {
  if (typeof v !== 'object' || v === null) return false;
  const h: Record<string, unknown> = { ...v };
  return (
    typeof h.what === 'string' &&
    typeof h.matched === 'string' &&
    ['string', 'undefined'].includes(typeof h.word) &&
    ['number', 'undefined'].includes(typeof h.start)
  );
};

/** An action's reason is free-form (by what proposed it); a rule's carries { hits, detail }: those, where they are. */
export function reasonOf(a: Action): { hits: ShownHit[]; detail: string | null } {
  const { hits, detail } = a.reason;
  return { hits: Array.isArray(hits) ? hits.filter(isShownHit) : [], detail: typeof detail === 'string' ? detail : null };
}

function hitLabel(h: ShownHit, t: (k: string) => string): string {
  if (h.what.startsWith('words:')) return h.word && h.word !== h.matched ? `${h.word} ← ${h.matched}` : h.matched;
  if (h.what.startsWith('kind:')) return `${t('auto.hit.kind')}${t('auto.c.colon')}${h.what.slice(5)}`;
  if (h.what === 'link' || h.what === 'phone' || h.what === 'wechat_id') return `${t(`auto.hit.${h.what}`)}${t('auto.c.colon')}${h.matched}`;
  return h.matched || h.what;
}

/** What a rule matched, as tags: the list word and the text as written ("加微信 ← 加 V 信"). */
export function Hits({ hits }: { hits: ShownHit[] | undefined }) {
  const { t } = useI18n();
  if (!hits || hits.length === 0) return null;
  return (
    <span>
      {hits.map((h, i) => (
        <Tag
          key={`${i}-${h.start ?? ''}`}
          color="red"
          title={hitLabel(h, t)}
          style={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'top', marginBottom: 2 }}
        >
          {hitLabel(h, t)}
        </Tag>
      ))}
    </span>
  );
}
