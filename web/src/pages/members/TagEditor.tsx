// A member's tags: closable tags and an input to add one — POST /api/v1/members/{id}/tags { add?, remove? } → { tags }.
// Read-only (no close, no input) unless the user may operate on one of the member's communities.
import { useState } from 'react';
import { App, Button, Input, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { apiSend, errorText } from '../../api';
import type { Body } from '../../api/contract';
import { useI18n } from '../../i18n';

export function TagEditor({
  memberId,
  tags,
  editable,
  onChange,
}: {
  memberId: number;
  tags: string[];
  editable: boolean;
  onChange: (tags: string[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (body: Body<'/api/v1/members/{id}/tags', 'post'>, done: string) => {
    setBusy(true);
    try {
      const res = await apiSend('post', '/api/v1/members/{id}/tags', { path: { id: memberId }, body });
      onChange(res.tags);
      void message.success(done);
      return true;
    } catch (err) {
      void message.error(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const v = text.trim();
    if (!v) return;
    if (tags.includes(v)) {
      setText('');
      return;
    }
    if (await send({ add: [v] }, t('md.tagAdded'))) setText('');
  };

  return (
    <div data-testid="member-tags">
      <Space size={[4, 8]} wrap style={{ marginBottom: editable ? 10 : 0 }}>
        {tags.length === 0 ? <span className="qy-muted">{t('common.none')}</span> : null}
        {tags.map((x) => (
          <Tag
            key={x}
            color="blue"
            variant="filled"
            data-testid={`tag-${x}`}
            closable={editable && !busy}
            onClose={(e) => {
              e.preventDefault();
              void send({ remove: [x] }, t('md.tagRemoved'));
            }}
          >
            {x}
          </Tag>
        ))}
      </Space>
      {editable ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={text}
            maxLength={100}
            placeholder={t('md.tagInput')}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void add()}
            data-testid="tag-input"
          />
          <Button type="primary" icon={<PlusOutlined />} loading={busy} disabled={!text.trim()} onClick={() => void add()} data-testid="tag-add">
            {t('common.add')}
          </Button>
        </Space.Compact>
      ) : null}
    </div>
  );
}
