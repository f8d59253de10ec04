// One action in full (GET /api/v1/actions/{id}): why it happened (matched words, the message), what it carried, delivery.
import { Alert, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { Hits, KindTag, reasonOf, StatusTag, useApi } from './common';
import { Time } from '../../components/Time';
import { useCommunities } from './useCommunities';

const pre = {
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-all' as const,
  margin: 0,
  fontSize: 12,
  background: 'rgba(0,0,0,0.03)',
  padding: 8,
  borderRadius: 6,
};

export function ActionDrawer({ id, messageText, onClose }: { id: number | null; messageText?: string | null; onClose(): void }) {
  const { t } = useI18n();
  const communities = useCommunities();
  const state = useApi(id === null ? null : '/api/v1/actions/{id}', { path: { id: id ?? 0 } }); // nothing asked while id is null
  const a = state.data?.id === id ? state.data : undefined;
  const reason = a ? reasonOf(a) : undefined;
  const payloadText = a && typeof a.payload.text === 'string' ? a.payload.text : null;
  const { text: _text, ...restPayload } = a?.payload ?? {};
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} destroyOnHidden title={t('auto.ad.title', { id: id ?? '' })}>
      {state.error && <Alert type="error" showIcon title={state.error.message} />}
      {!a && !state.error && <Spin />}
      {a && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'kind', label: t('auto.c.kind'), children: <KindTag kind={a.kind} /> },
              { key: 'status', label: t('auto.c.status'), children: <StatusTag status={a.status} /> },
              { key: 'rule', label: t('auto.rules.rule'), children: a.rule },
              { key: 'community', label: t('auto.c.community'), children: `${communities.nameOfId(a.community_id)} (${a.platform})` },
              { key: 'member', label: t('auto.c.member'), children: a.member_id === null ? '—' : `${a.member_name ?? ''} #${a.member_id}` },
              {
                key: 'event',
                label: t('auto.ad.event'),
                children: a.event_id ? (
                  <>
                    {a.event_id} · <Time value={a.event_at} seconds />
                  </>
                ) : (
                  '—'
                ),
              },
              { key: 'created', label: t('auto.ad.created'), children: <Time value={a.created_at} seconds /> },
              { key: 'due', label: t('auto.ad.due'), children: <Time value={a.due_at} seconds /> },
              { key: 'updated', label: t('auto.ad.updated'), children: <Time value={a.updated_at} seconds /> },
              { key: 'attempts', label: t('auto.c.attempts'), children: a.attempts },
              ...(a.last_error
                ? [{ key: 'err', label: t('auto.c.lastError'), children: <Typography.Text type="danger">{a.last_error}</Typography.Text> }]
                : []),
              ...(a.undo_of !== null ? [{ key: 'undo', label: t('auto.ad.undoOf'), children: `#${a.undo_of}` }] : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('auto.ad.reason')}</Typography.Title>
            <Flex vertical gap={6}>
              <Hits hits={reason?.hits} />
              {reason?.detail && <Typography.Text type="secondary">{reason.detail}</Typography.Text>}
              {!reason?.detail && !reason?.hits.length && <Typography.Text type="secondary">—</Typography.Text>}
            </Flex>
          </div>
          {messageText !== undefined && messageText !== null && (
            <div>
              <Typography.Title level={5}>{t('auto.ad.message')}</Typography.Title>
              <pre style={pre}>{messageText}</pre>
            </div>
          )}
          {payloadText !== null && (
            <div>
              <Typography.Title level={5}>{t('auto.ad.text')}</Typography.Title>
              <pre style={pre}>{payloadText}</pre>
            </div>
          )}
          {Object.keys(restPayload).length > 0 && (
            <div>
              <Typography.Title level={5}>{t('auto.ad.payload')}</Typography.Title>
              <pre style={pre}>{JSON.stringify(restPayload, null, 2)}</pre>
            </div>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
