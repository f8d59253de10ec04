// Small shared pieces of the automation and settings pages: a data-loading hook, status / kind tags, and the
// loading / error states (times: components/Time and useTime). Member text is only ever a text child.
import type { ReactNode } from 'react';
import { Alert, Button, Empty, Spin, Tag } from 'antd';
import { ApiError } from '../../api';
import { useApi as useSharedApi } from '../../components/useApi';

export { errorText } from '../../api';
import { useI18n } from '../../i18n';
import './messages';

type Query = Record<string, string | number | boolean | undefined>;

export interface Loaded<T> { data: T | undefined; error: ApiError | Error | null; loading: boolean; reload(): void }

/** The console's data hook (components/useApi), with its error narrowed to an Error for LoadError. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const r = useSharedApi<T>(path, query);
  const error = r.error === undefined || r.error === null ? null : r.error instanceof Error ? r.error : new Error(String(r.error));
  return { data: r.data, error, loading: r.loading, reload: r.reload };
}

export const STATUS_COLORS: Record<string, string> = { pending: 'blue', sending: 'processing', done: 'success', dead: 'error', undone: 'default', skipped: 'warning' };
export const STATUSES = ['pending', 'sending', 'done', 'dead', 'undone', 'skipped'] as const;

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`auto.status.${status}`)}</Tag>;
}

const KIND_COLORS: Record<string, string> = {
  delete: 'red', warn: 'orange', mute: 'volcano', remove: 'magenta', blacklist: 'purple', send: 'blue', reply: 'cyan', tag: 'geekblue',
  notify: 'gold', approve: 'green', decline: 'default', unmute: 'lime', unblacklist: 'lime',
};
export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  const label = t(`auto.kind.${kind}`);
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{label.startsWith('auto.kind.') ? kind : label}</Tag>;
}

/** The server has no such route (an older server, or one whose access policy does not list it yet). */
export const routeMissing = (e: unknown): boolean =>
  e instanceof ApiError && ((e.status === 404 && e.code === 'not_found') || e.code === 'no_policy');

/** A failed load: the server's message, a retry button; a role refusal shows the owners-only state. */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 403 && error.code === 'forbidden') return <Empty description={t('auto.c.ownersOnly')} />;
  return (
    <Alert type="error" showIcon title={t('auto.c.loadFailed')} description={error.message}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('auto.c.retry')}</Button> : undefined} />
  );
}

/** Loading spinner until first data, the error state, else the children. */
export function Loading({ state, children }: { state: Loaded<unknown>; children: ReactNode }) {
  if (state.error && state.data === undefined) return <LoadError error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  return <>{children}</>;
}

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);


function hitLabel(h: { what: string; matched: string; word?: string }, t: (k: string) => string): string {
  if (h.what.startsWith('words:')) return h.word && h.word !== h.matched ? `${h.word} ← ${h.matched}` : h.matched;
  if (h.what.startsWith('kind:')) return `${t('auto.hit.kind')}${t('auto.c.colon')}${h.what.slice(5)}`;
  if (h.what === 'link' || h.what === 'phone' || h.what === 'wechat_id') return `${t(`auto.hit.${h.what}`)}${t('auto.c.colon')}${h.matched}`;
  return h.matched || h.what;
}

/** What a rule matched, as tags: the list word and the text as written ("加微信 ← 加 V 信"). */
export function Hits({ hits }: { hits: { what: string; matched: string; word?: string; start?: number }[] | undefined }) {
  const { t } = useI18n();
  if (!hits || hits.length === 0) return null;
  return (
    <span>
      {hits.map((h, i) => (
        <Tag key={`${i}-${h.start ?? ''}`} color="red" title={hitLabel(h, t)}
          style={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'top', marginBottom: 2 }}>
          {hitLabel(h, t)}
        </Tag>
      ))}
    </span>
  );
}
