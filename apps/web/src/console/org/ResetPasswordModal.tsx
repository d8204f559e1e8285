// R-ORG-01: an administrator resets a staff member's password — a temporary one made by the server
// (shown once) or chosen here — and the person must pick their own at the next sign-in.
import type { ResetPasswordResponse } from '@griddesk/shared/org-api';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { showFieldErrors } from '../../ApiErrorAlert';
import { useLang, useT } from '../../i18n';
import { orgApi, useRefreshOrg, type UserView } from './orgApi';

interface FormValues {
  how: 'generate' | 'choose';
  password?: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const refresh = useRefreshOrg();
  const [form] = Form.useForm<FormValues>();
  const how = Form.useWatch('how', form);
  const [done, setDone] = useState<ResetPasswordResponse | null>(null);
  const reset = useMutation({
    mutationFn: (v: FormValues) => orgApi.resetPassword(user!.id, v.how === 'choose' ? { password: v.password ?? '' } : {}),
    onSuccess: (r) => {
      refresh();
      setDone(r);
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });
  if (!user) return null;
  const close = () => {
    setDone(null);
    reset.reset();
    onClose();
  };

  return (
    <Modal
      open
      title={t('org.resetTitle', { name: user.displayName })}
      onCancel={close}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={close} data-testid="reset-close">
            {t('org.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('org.cancel')}</Button>
            <Button type="primary" danger loading={reset.isPending} onClick={() => form.submit()} data-testid="reset-submit">
              {t('org.resetSubmit')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title={t('org.resetDone')}
          subTitle={t('org.resetEnded', { n: done.endedSessions })}
          extra={
            done.temporaryPassword ? (
              <div>
                <Typography.Paragraph>{t('org.resetTemp')}</Typography.Paragraph>
                <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="reset-temporary">
                  {done.temporaryPassword}
                </Typography.Text>
              </div>
            ) : (
              <Typography.Paragraph>{t('org.resetChosen')}</Typography.Paragraph>
            )
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('org.resetHint')}</Typography.Paragraph>
          {reset.isError && <Alert type="error" showIcon title={errorMessage(reset.error, t)} style={{ marginBottom: 16 }} />}
          <Form<FormValues> form={form} layout="vertical" initialValues={{ how: 'generate' }} onFinish={(v) => reset.mutate(v)}>
            <Form.Item name="how">
              <Radio.Group
                options={[
                  { value: 'generate', label: t('org.resetGenerate') },
                  { value: 'choose', label: t('org.resetChoose') },
                ]}
              />
            </Form.Item>
            {how === 'choose' && (
              <Form.Item name="password" label={t('password.temporary')} rules={[{ required: true, whitespace: true, message: t('org.required') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
