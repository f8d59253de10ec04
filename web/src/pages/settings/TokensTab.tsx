// API tokens (owners): list, create (the secret is shown once, to copy), revoke.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, message, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { apiSend } from '../../api';
import { useI18n } from '../../i18n';
import { errorText, LoadError, useApi } from '../automation/common';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import { useSubmit } from '../../components/useSubmit';
import { OwnerOnly } from './OwnerOnly';
import { ROLES, type Role, type TokenItem } from './types';
import './messages';

function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; role: Role }>();
  const [token, setToken] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (open) {
      form.resetFields();
      setToken(null);
      setError(null);
    }
  }, [open, form]);

  const submit = async (v: { name: string; role: Role }) => {
    await run(async () => {
      const r = await apiSend('post', '/api/v1/tokens', { body: { name: v.name.trim(), role: v.role } });
      setToken(r.token);
      onCreated();
    });
  };

  const footer = token
    ? [
        <Button key="done" type="primary" onClick={onClose} data-testid="token-done">
          {t('set.tokens.done')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('set.c.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={busy} data-testid="token-submit">
          {t('set.tokens.create')}
        </Button>,
      ];
  return (
    <Modal
      open={open}
      title={t(token ? 'set.tokens.createdTitle' : 'set.tokens.create')}
      onCancel={onClose}
      footer={footer}
      forceRender
      mask={{ closable: false }}
      modalRender={(node) => (
        <Form name="token-create" form={form} layout="vertical" initialValues={{ role: 'analyst' }} onFinish={(v) => void submit(v)}>
          {node}
        </Form>
      )}
    >
      {token ? (
        <>
          <Alert type="warning" showIcon title={t('set.tokens.once')} description={t('set.tokens.onceHint')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph
            copyable={{ text: token, tooltips: [t('set.tokens.copy'), t('set.tokens.copied')] }}
            style={{ fontFamily: 'monospace', background: 'rgba(0,0,0,0.04)', padding: '8px 12px', borderRadius: 6, wordBreak: 'break-all' }}
          >
            <span data-testid="token-value">{token}</span>
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('set.tokens.usage')}</Typography.Text>
          <Typography.Paragraph>
            <Typography.Text code>Authorization: Bearer …</Typography.Text>
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <Form.Item
            name="name"
            label={t('set.tokens.name')}
            extra={t('set.tokens.nameHint')}
            rules={[{ required: true, whitespace: true, message: t('set.tokens.nameRequired') }, { max: 100 }]}
          >
            <Input autoComplete="off" data-testid="token-name" />
          </Form.Item>
          <Form.Item name="role" label={t('set.tokens.role')} extra={t('set.tokens.roleHint')}>
            <Select data-testid="token-role" options={ROLES.map((r) => ({ value: r, label: t(`set.role.${r}`) }))} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </>
      )}
    </Modal>
  );
}

function Tokens() {
  const { t } = useI18n();
  const time = useTime();
  const state = useApi('/api/v1/tokens');
  const [creating, setCreating] = useState(false);
  const [msg, holder] = message.useMessage();

  const revoke = async (tk: TokenItem) => {
    try {
      await apiSend('delete', '/api/v1/tokens/{id}', { path: { id: tk.id } });
      void msg.success(t('set.tokens.revoked', { name: tk.name }));
      state.reload();
    } catch (e) {
      void msg.error(errorText(e));
    }
  };

  const columns: TableColumnsType<TokenItem> = [
    { title: t('set.tokens.name'), dataIndex: 'name' },
    { title: t('set.tokens.prefix'), dataIndex: 'prefix', width: 160, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { title: t('set.tokens.role'), dataIndex: 'role', width: 100, render: (r: string) => <Tag>{t(`set.role.${r}`)}</Tag> },
    { title: t('set.tokens.owner'), dataIndex: 'username', width: 130 },
    { title: t('set.tokens.created'), dataIndex: 'created_at', width: 200, render: (v: number) => <Time value={v} /> },
    {
      title: t('set.tokens.lastUsed'),
      dataIndex: 'last_used_at',
      width: 200,
      render: (v: number | null) => (v ? <Time value={v} /> : <Typography.Text type="secondary">{t('set.tokens.never')}</Typography.Text>),
    },
    {
      title: t('set.tokens.status'),
      dataIndex: 'revoked_at',
      width: 250,
      render: (v: number | null) =>
        v ? (
          <Tag color="default" title={time.long(v)}>
            {t('set.tokens.revokedAt', { at: time.instant(v) })}
          </Tag>
        ) : (
          <Tag color="success">{t('set.tokens.active')}</Tag>
        ),
    },
    {
      title: '',
      key: 'ops',
      width: 80,
      render: (_, tk) =>
        tk.revoked_at ? null : (
          <Popconfirm
            title={t('set.tokens.revokeConfirm', { name: tk.name })}
            description={t('set.tokens.revokeHint')}
            okButtonProps={{ danger: true }}
            okText={t('set.tokens.revoke')}
            cancelText={t('set.c.cancel')}
            onConfirm={() => revoke(tk)}
          >
            <Button type="link" size="small" danger data-testid={`token-revoke-${tk.id}`}>
              {t('set.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('set.tokens.title')}
      extra={
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('set.tokens.create')}
        </Button>
      }
    >
      {holder}
      <Typography.Paragraph type="secondary">{t('set.tokens.intro')}</Typography.Paragraph>
      {state.error && !state.data ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <Table<TokenItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          pagination={false}
          locale={{ emptyText: t('set.tokens.empty') }}
          scroll={{ x: 1200 }}
          onRow={(tk) => (tk.revoked_at ? { style: { opacity: 0.55 } } : {})}
        />
      )}
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={state.reload} />
    </Card>
  );
}

export default function TokensTab() {
  return (
    <OwnerOnly>
      <Tokens />
    </OwnerOnly>
  );
}
