// R-ORG-01: changing one's own password — from the user menu, or forced after an administrator's
// reset (the console sends the user here and the API refuses their writes until they are done).
// The rules in force come from the server; it checks them again and names the field it refuses.
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { ChangePasswordBody, Me } from '@griddesk/shared/org-api';
import { apiPost, errorMessage } from '../../api';
import { showFieldErrors } from '../../ApiErrorAlert';
import { useLang, useT } from '../../i18n';
import { LangSwitch } from '../../LangSwitch';
import { usePasswordPolicy } from '../org/orgApi';
import { useCurrentUser } from './RequireAuth';
import { meKey, useLogout } from './session';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useCurrentUser();
  const forced = me.mustChangePassword;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const policy = usePasswordPolicy();
  const [form] = Form.useForm<FormValues>();
  const minLength = policy.data?.minLength ?? 8;

  const change = useMutation({
    mutationFn: (v: FormValues) =>
      apiPost<{ user: Me; endedSessions: number }>('/api/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      } satisfies ChangePasswordBody),
    onSuccess: ({ user, endedSessions }) => {
      queryClient.setQueryData(meKey, user);
      void message.success(endedSessions > 0 ? t('password.doneOthers', { n: endedSessions }) : t('password.done'));
      navigate('/', { replace: true });
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} gap={8}>
          <Typography.Text type="secondary">
            {me.displayName} · {me.username}
          </Typography.Text>
          <LangSwitch size="small" />
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="password-title">
          {t(forced ? 'password.forcedTitle' : 'password.title')}
        </Typography.Title>
        {forced && <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} data-testid="password-forced" />}
        {policy.data && (
          <Alert
            type="info"
            title={t('password.rules')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {policy.data.rules[lang].map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {change.isError && <Alert type="error" showIcon title={errorMessage(change.error, t)} style={{ marginBottom: 16 }} data-testid="password-error" />}
        <Form<FormValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}>
          <Form.Item
            name="currentPassword"
            label={t(forced ? 'password.temporary' : 'password.current')}
            rules={[{ required: true, message: t('org.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[
              { required: true, message: t('org.required') },
              { min: minLength, message: t('password.tooShort', { n: minLength }) },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('org.required') },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 16 }}>
          {forced ? (
            <Button type="link" icon={<LogoutOutlined />} onClick={() => logout.mutate()}>
              {t('auth.logout')}
            </Button>
          ) : (
            <Button type="link" onClick={() => navigate(-1)}>
              {t('password.back')}
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
