// Users (owners): list, add, change role / communities, grant full phone numbers (pii), reset password, disable, delete.
import { useMemo, useState } from 'react';
import { Button, Card, Flex, message, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { apiSend } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, LoadError, useApi } from '../automation/common';
import { Time } from '../../components/Time';
import { useCommunities } from '../automation/useCommunities';
import { OwnerOnly } from './OwnerOnly';
import { AddUserModal, EditUserModal, PasswordModal } from './UserModals';
import type { UserItem } from './types';
import './messages';

const ROLE_COLORS: Record<string, string> = { owner: 'gold', operator: 'blue', analyst: 'default' };

function Users() {
  const { t } = useI18n();
  const { user: me } = useAuth();
  const communities = useCommunities();
  const state = useApi('/api/v1/users');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserItem | null>(null);
  const [resetting, setResetting] = useState<UserItem | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [msg, holder] = message.useMessage();
  const options = useMemo(
    () => communities.items.map((c) => ({ value: c.id, label: `${c.name || c.external_id} (${c.platform})` })),
    [communities.items],
  );

  const run = async (u: UserItem, call: () => Promise<unknown>, ok: string) => {
    setBusy(u.id);
    try {
      await call();
      void msg.success(ok);
      state.reload();
    } catch (e) {
      void msg.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<UserItem> = [
    {
      title: t('set.users.username'),
      dataIndex: 'username',
      render: (v: string, u) => (
        <Space>
          {v}
          {u.id === me.id && <Tag>{t('set.users.me')}</Tag>}
        </Space>
      ),
    },
    { title: t('set.users.role'), dataIndex: 'role', width: 100, render: (r: string) => <Tag color={ROLE_COLORS[r]}>{t(`set.role.${r}`)}</Tag> },
    {
      title: t('set.users.communities'),
      dataIndex: 'communities',
      width: 180,
      render: (ids: number[], u) =>
        u.role === 'owner' ? (
          <Typography.Text type="secondary">{t('set.users.allCommunities')}</Typography.Text>
        ) : u.role === 'analyst' ? (
          <Typography.Text type="secondary">{t('set.users.readOnly')}</Typography.Text>
        ) : ids.length === 0 ? (
          <Typography.Text type="warning">{t('set.users.noCommunities')}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {ids.map((id) => (
              <Tag key={id}>{communities.nameOfId(id)}</Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: (
        <Tooltip title={t('set.users.piiHint')}>
          <span>{t('set.users.pii')}</span>
        </Tooltip>
      ),
      dataIndex: 'pii',
      width: 100,
      // Owners see phone numbers in full whatever the flag says.
      render: (pii: boolean, u) => (
        <Switch
          size="small"
          checked={u.role === 'owner' || pii}
          disabled={u.role === 'owner'}
          loading={busy === u.id}
          data-testid={`user-pii-${u.username}`}
          onChange={(on) =>
            void run(
              u,
              () => apiSend('patch', '/api/v1/users/{id}', { path: { id: u.id }, body: { pii: on } }),
              t(on ? 'set.users.piiOn' : 'set.users.piiOff', { name: u.username }),
            )
          }
        />
      ),
    },
    {
      title: t('set.users.enabled'),
      dataIndex: 'disabled',
      width: 80,
      render: (d: boolean, u) => (
        <Switch
          size="small"
          checked={!d}
          disabled={u.id === me.id}
          loading={busy === u.id}
          onChange={(on) =>
            void run(
              u,
              () => apiSend('patch', '/api/v1/users/{id}', { path: { id: u.id }, body: { disabled: !on } }),
              t(on ? 'set.users.enabledOk' : 'set.users.disabledOk', { name: u.username }),
            )
          }
        />
      ),
    },
    { title: t('set.users.created'), dataIndex: 'created_at', width: 200, render: (v: number) => <Time value={v} /> },
    { title: t('set.users.lastLogin'), dataIndex: 'last_login_at', width: 200, render: (v: number | null) => <Time value={v} /> },
    {
      title: '',
      key: 'ops',
      width: 220,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('set.users.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('set.users.reset')}
          </Button>
          <Popconfirm
            title={t('set.users.deleteConfirm', { name: u.username })}
            description={t('set.users.deleteHint')}
            okButtonProps={{ danger: true }}
            okText={t('set.c.delete')}
            cancelText={t('set.c.cancel')}
            disabled={u.id === me.id}
            onConfirm={() =>
              run(u, () => apiSend('delete', '/api/v1/users/{id}', { path: { id: u.id } }), t('set.users.deleted', { name: u.username }))
            }
          >
            <Button type="link" size="small" danger disabled={u.id === me.id} data-testid={`user-delete-${u.username}`}>
              {t('set.c.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('set.users.title')}
      extra={
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="user-add">
          {t('set.users.add')}
        </Button>
      }
    >
      {holder}
      {state.error && !state.data ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <Table<UserItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          pagination={false}
          locale={{ emptyText: t('set.users.empty') }}
          scroll={{ x: 1240 }}
        />
      )}
      <AddUserModal
        open={adding}
        communities={options}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          void msg.success(t('set.users.added'));
          state.reload();
        }}
      />
      <EditUserModal
        user={editing}
        communities={options}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void msg.success(t('set.users.saved'));
          state.reload();
        }}
      />
      <PasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          void msg.success(t('set.users.passwordOk'));
        }}
      />
    </Card>
  );
}

export default function UsersTab() {
  return (
    <OwnerOnly>
      <Users />
    </OwnerOnly>
  );
}
