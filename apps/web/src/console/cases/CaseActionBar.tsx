// R-CASE-04: the actions the case's status allows, each in a small dialog asking only for what
// that action needs. Refusals (403, 409, 422) are shown inside the dialog.
import { CASE_ACTION_LABELS, type CaseAction } from '@griddesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiRequestError, apiPost } from '../../api';
import { ApiErrorAlert, showFieldErrors } from '../../ApiErrorAlert';
import { useLang, useT } from '../../i18n';
import { ActionFields, type ActionForm } from './ActionFields';
import type { CaseTransitionInput, CaseView } from '@griddesk/shared';

const PRIMARY: readonly CaseAction[] = ['accept', 'start', 'resolve', 'callback', 'close'];
const DANGER: readonly CaseAction[] = ['reopen'];

function toBody(action: CaseAction, v: ActionForm): CaseTransitionInput {
  const text = (s: string | undefined) => s?.trim() || undefined;
  const body: CaseTransitionInput = { action };
  if (action === 'assign') body.assigneeId = v.assigneeId;
  if (action === 'transfer') Object.assign(body, { teamId: v.teamId, ...(v.ownerId ? { ownerId: v.ownerId } : {}) });
  if (action === 'pause' || action === 'reopen') Object.assign(body, text(v.reason) ? { reason: text(v.reason) } : {});
  if (action === 'resolve') body.conclusion = text(v.conclusion);
  if (action === 'callback') Object.assign(body, { satisfaction: v.satisfaction, ...(text(v.comment) ? { comment: text(v.comment) } : {}) });
  return body;
}

export function useCaseCacheUpdate() {
  const queryClient = useQueryClient();
  return (c: CaseView) => {
    queryClient.setQueryData([`/api/cases/${c.id}`], c);
    void queryClient.invalidateQueries({ queryKey: ['/api/cases'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/breaches'] });
  };
}

function ActionModal({ c, action, onClose }: { c: CaseView; action: CaseAction; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const updateCache = useCaseCacheUpdate();
  const [form] = Form.useForm<ActionForm>();
  const label = t(CASE_ACTION_LABELS[action]);

  const run = useMutation({
    mutationFn: (v: ActionForm) => apiPost<CaseView>(`/api/cases/${c.id}/transitions`, toBody(action, v)),
    onSuccess: (updated) => {
      updateCache(updated);
      void message.success(t('actions.done', { action: label }));
      onClose();
    },
    onError: (err) => {
      showFieldErrors(form, err, lang);
      // Someone else moved the case meanwhile: show its current state behind the dialog.
      if (err instanceof ApiRequestError && err.status === 409) void queryClient.invalidateQueries({ queryKey: [`/api/cases/${c.id}`] });
    },
  });

  return (
    <Modal
      open
      title={t('actions.title', { action: label, code: c.queryCode })}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: !run.isPending }}
      footer={
        <Space>
          <Button onClick={onClose} disabled={run.isPending}>
            {t('cases.cancel')}
          </Button>
          <Button type="primary" danger={DANGER.includes(action)} loading={run.isPending} onClick={() => form.submit()} data-testid="case-action-submit">
            {label}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={run.error} testId="case-action-error" />
      <Form<ActionForm> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ assigneeId: c.assignee?.id }}>
        <ActionFields action={action} c={c} />
      </Form>
    </Modal>
  );
}

export function CaseActionBar({ c }: { c: CaseView }) {
  const t = useT();
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (c.allowedActions.length === 0) return <Typography.Text type="secondary">{t('actions.none')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.allowedActions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            onClick={() => setOpen(a)}
            data-testid={`case-action-${a}`}
          >
            {t(CASE_ACTION_LABELS[a])}
          </Button>
        ))}
      </Space>
      {open && <ActionModal key={open} c={c} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}
