// Editing a blueprint as JSON: parse errors show as you type; PUT /api/v1/communities/{ref}/blueprint
// { blueprint } → { blueprint }; a 400 names the field(s), shown as the server wrote them.
import { useMemo, useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import { apiSend, ApiError, errorText } from '../../api';
import type { Schema } from '../../api/contract';
import { useI18n } from '../../i18n';
import { communityRef } from '../../components/useCommunityList';
import type { Blueprint } from './types';

type BlueprintInput = Schema<'BlueprintInput'>;

export function BlueprintEditor({
  communityId,
  initial,
  onClose,
  onSaved,
}: {
  communityId: number;
  initial: Blueprint | null;
  onClose: () => void;
  onSaved: (bp: Blueprint | null) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(() => JSON.stringify(initial ?? { goal: '', capacity: 200 }, null, 2));
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; details: string[] } | null>(null);

  const parsed = useMemo<{ value?: BlueprintInput; error?: string }>(() => {
    try {
      const v: unknown = JSON.parse(text);
      if (!v || typeof v !== 'object' || Array.isArray(v)) return { error: t('cm.bp.notObject') };
      // Typed text: the server checks it against BlueprintInput and names the fields it rejects (shown below).
      return { value: v as BlueprintInput };
    } catch (err) {
      return { error: t('cm.bp.invalidJson', { m: (err as Error).message }) };
    }
  }, [text, t]);

  const save = async () => {
    if (!parsed.value) return;
    setBusy(true);
    setServerError(null);
    try {
      const res = await apiSend('put', '/api/v1/communities/{ref}/blueprint', {
        path: { ref: communityRef(communityId) },
        body: { blueprint: parsed.value },
      });
      void message.success(t('cm.bp.saved'));
      onSaved(res.blueprint);
    } catch (err) {
      setServerError(err instanceof ApiError ? { message: err.message, details: err.details ?? [] } : { message: errorText(err), details: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('cm.bp.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !parsed.value, 'data-testid': 'blueprint-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('cm.bp.editHelp')}
      </Typography.Paragraph>
      <Input.TextArea
        className="qy-json-editor"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 14, maxRows: 26 }}
        spellCheck={false}
        status={parsed.error ? 'error' : undefined}
        data-testid="blueprint-json"
      />
      {parsed.error ? <Alert type="warning" showIcon title={parsed.error} style={{ marginTop: 8 }} data-testid="blueprint-parse-error" /> : null}
      {serverError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="blueprint-error"
          title={t('cm.bp.rejected')}
          description={
            serverError.details.length ? (
              <ul className="qy-plain-list">
                {serverError.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : (
              serverError.message
            )
          }
        />
      ) : null}
    </Modal>
  );
}
