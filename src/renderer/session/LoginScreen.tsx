import { Alert, Button, Form, Input } from 'antd';
import { ErrorBanner } from '../components/ErrorBanner';
import { useSessionStore } from '../stores/session-store';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginScreen() {
  const loggingIn = useSessionStore((s) => s.loggingIn);
  const infoError = useSessionStore((s) => s.infoError);
  const endedReason = useSessionStore((s) => s.endedReason);

  return (
    <main className="login">
      <div className="login-box">
        <h1 className="login-title">工作人员登录</h1>
        <div className="login-alert-slot">
          <ErrorBanner />
        </div>
        {infoError && <Alert type="error" showIcon title={infoError} className="login-alert" />}
        {endedReason && (
          <Alert
            type="warning"
            showIcon
            title={`登录已结束：${endedReason}`}
            className="login-alert"
          />
        )}
        <Form<LoginForm>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => void useSessionStore.getState().login(v.username, v.password)}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input data-testid="login-username" autoFocus autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password
              data-testid="login-password"
              autoComplete="current-password"
              maxLength={256}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            data-testid="login-submit"
            loading={loggingIn}
          >
            登录 <kbd>Enter</kbd>
          </Button>
        </Form>
      </div>
    </main>
  );
}
