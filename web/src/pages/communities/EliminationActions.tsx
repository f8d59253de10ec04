// Announce today's elimination list, or carry out an announced one after its notice (owners, and operators of
// this community). The server decides whether it may happen now; its refusal is shown as it is written.
import { App, Button, Popconfirm, Space } from 'antd';
import { NotificationOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { apiSend, errorText } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';

export function EliminationActions({
  communityId,
  communityRef,
  candidates,
  announced,
  onDone,
}: {
  communityId: number;
  communityRef: string;
  candidates: number;
  announced: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'announce' | 'execute' | null>(null);
  if (!can('operate', communityId)) return null;
  const run = async (what: 'announce' | 'execute') => {
    setBusy(what);
    try {
      await apiSend(
        'post',
        what === 'announce' ? '/api/v1/communities/{ref}/elimination/announce' : '/api/v1/communities/{ref}/elimination/execute',
        { path: { ref: communityRef } },
      );
      void message.success(t(what === 'announce' ? 'cm.el.announceDone' : 'cm.el.executeDone'));
      onDone();
    } catch (err) {
      modal.error({ title: t(what === 'announce' ? 'cm.el.announce' : 'cm.el.execute'), content: errorText(err) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      <Popconfirm
        title={t('cm.el.announceConfirm', { n: candidates })}
        onConfirm={() => run('announce')}
        okText={t('cm.el.announce')}
        disabled={candidates === 0}
      >
        <Button icon={<NotificationOutlined />} loading={busy === 'announce'} disabled={candidates === 0} data-testid="elimination-announce">
          {t('cm.el.announce')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('cm.el.executeConfirm')}
        onConfirm={() => run('execute')}
        okText={t('cm.el.execute')}
        okButtonProps={{ danger: true }}
        disabled={!announced}
      >
        <Button danger icon={<UserDeleteOutlined />} loading={busy === 'execute'} disabled={!announced} data-testid="elimination-execute">
          {t('cm.el.execute')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
