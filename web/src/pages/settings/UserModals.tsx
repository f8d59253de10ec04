// The user dialogs: add a user, change role / communities, reset a password. Server errors show in the dialog.
import { useEffect } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { apiSend } from '../../api';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';
import { ROLES, type Role, type UserItem } from './types';
import './messages';

export interface CommunityOption {
  value: number;
  label: string;
}

interface AddFields {
  username: string;
  password: string;
  role: Role;
  communities?: number[];
}

export function AddUserModal({
  open,
  communities,
  onClose,
  onDone,
}: {
  open: boolean;
  communities: CommunityOption[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AddFields>();
  const role = Form.useWatch('role', form);
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (v: AddFields) => {
    await run(async () => {
      await apiSend('post', '/api/v1/users', {
        body: { username: v.username.trim(), password: v.password, role: v.role, communities: v.role === 'operator' ? (v.communities ?? []) : [] },
      });
      onDone();
    });
  };

  return (
    <Modal
      open={open}
      title={t('set.users.add')}
      onCancel={onClose}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('set.c.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={busy} data-testid="user-submit">
          {t('set.users.create')}
        </Button>,
      ]}
      modalRender={(node) => (
        <Form<AddFields> name="user-add" form={form} layout="vertical" initialValues={{ role: 'analyst' }} onFinish={(v) => void submit(v)}>
          {node}
        </Form>
      )}
    >
      <Form.Item
        name="username"
        label={t('set.users.username')}
        rules={[
          { required: true, whitespace: true, message: t('set.users.usernameRequired') },
          { pattern: /^[\p{L}\p{N}._@-]+$/u, message: t('set.users.usernameRule') },
          { max: 64 },
        ]}
      >
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('set.users.password')}
        rules={[
          { required: true, message: t('set.users.passwordRule') },
          { min: 8, message: t('set.users.passwordRule') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item name="role" label={t('set.users.role')} extra={role ? t(`set.role.${role}.hint`) : undefined} rules={[{ required: true }]}>
        <Select data-testid="user-role" options={ROLES.map((r) => ({ value: r, label: t(`set.role.${r}`) }))} />
      </Form.Item>
      {role === 'operator' && (
        <Form.Item name="communities" label={t('set.users.communities')} extra={t('set.users.communitiesHint')}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={communities} data-testid="user-communities" />
        </Form.Item>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

interface EditFields {
  role: Role;
  communities?: number[];
}

export function EditUserModal({
  user,
  communities,
  onClose,
  onDone,
}: {
  user: UserItem | null;
  communities: CommunityOption[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EditFields>();
  const role = Form.useWatch('role', form);
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (user) {
      form.setFieldsValue({ role: user.role, communities: user.communities });
      setError(null);
    }
  }, [user, form]);

  const submit = async (v: EditFields) => {
    if (!user) return;
    await run(async () => {
      await apiSend('patch', '/api/v1/users/{id}', {
        path: { id: user.id },
        body: { role: v.role, communities: v.role === 'operator' ? (v.communities ?? []) : [] },
      });
      onDone();
    });
  };

  return (
    <Modal
      open={user !== null}
      title={t('set.users.editTitle', { name: user?.username ?? '' })}
      onCancel={onClose}
      okText={t('set.c.save')}
      cancelText={t('set.c.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<EditFields> name="user-edit" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="role" label={t('set.users.role')} extra={role ? t(`set.role.${role}.hint`) : undefined}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`set.role.${r}`) }))} />
        </Form.Item>
        {role === 'operator' && (
          <Form.Item name="communities" label={t('set.users.communities')} extra={t('set.users.communitiesHint')}>
            <Select mode="multiple" allowClear optionFilterProp="label" options={communities} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

export function PasswordModal({ user, onClose, onDone }: { user: UserItem | null; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(null);
    }
  }, [user, form]);

  const submit = async (v: { password: string }) => {
    if (!user) return;
    await run(async () => {
      await apiSend('patch', '/api/v1/users/{id}', { path: { id: user.id }, body: { password: v.password } });
      onDone();
    });
  };

  return (
    <Modal
      open={user !== null}
      title={t('set.users.resetTitle', { name: user?.username ?? '' })}
      onCancel={onClose}
      okText={t('set.c.save')}
      cancelText={t('set.c.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      forceRender
    >
      <Form name="user-password-reset" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="password"
          label={t('set.users.newPassword')}
          rules={[
            { required: true, message: t('set.users.passwordRule') },
            { min: 8, message: t('set.users.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
