import { Button, Form, Input } from 'antd';
import { useSetupStore } from '../setup-store';

interface AdminForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function AdminStep() {
  const busy = useSetupStore((s) => s.busy);
  return (
    <section className="setup-step" data-testid="setup-admin">
      <p className="setup-lead">
        创建第一位管理员。密码至少 8 位，须同时包含字母和数字，不能使用演示密码。
      </p>
      <Form<AdminForm>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          void useSetupStore
            .getState()
            .createAdmin({ username: v.username, displayName: v.displayName, password: v.password })
        }
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, message: '请输入用户名' }]}
        >
          <Input autoFocus maxLength={64} data-testid="setup-admin-username" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, message: '请输入姓名' }]}
        >
          <Input maxLength={64} data-testid="setup-admin-name" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password maxLength={256} data-testid="setup-admin-password" />
        </Form.Item>
        <Form.Item
          label="再次输入密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: (_r, value) =>
                value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password maxLength={256} data-testid="setup-admin-confirm" />
        </Form.Item>
        <div className="setup-actions">
          <Button onClick={() => useSetupStore.getState().back()}>
            上一步 <kbd>Esc</kbd>
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="setup-admin-submit">
            创建 <kbd>Enter</kbd>
          </Button>
        </div>
      </Form>
    </section>
  );
}
