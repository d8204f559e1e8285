import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { errorMessage } from '../../api';
import { useT } from '../../i18n';
import { LangSwitch } from '../../LangSwitch';
import { useLogin, useMe, type Credentials } from './session';

export function LoginPage() {
  const t = useT();
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const { token } = theme.useToken();

  if (me.data) {
    const from = (location.state as { from?: Location } | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search}` : '/'} replace />;
  }

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('app.name')}</Typography.Text>
          <LangSwitch size="small" />
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.title')}
        </Typography.Title>
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.isError && <Alert type="error" showIcon title={errorMessage(login.error, t)} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button data-testid="login-submit" type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <a href="/portal">{t('auth.portalLink')}</a>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
