import { Button } from 'antd';
import { useSetupStore } from '../setup-store';

export function FinishStep() {
  const busy = useSetupStore((s) => s.busy);
  const admin = useSetupStore((s) => s.adminName);
  const summary = useSetupStore((s) => s.summary);
  return (
    <section className="setup-step" data-testid="setup-finish">
      <p className="setup-lead">
        设置已就绪：{summary?.pharmacy.name}，管理员 {admin}
        。完成后柜台将连接真实医保中心，设置向导不再出现，密钥不再显示。
      </p>
      <div className="setup-actions">
        <Button
          type="primary"
          size="large"
          autoFocus
          loading={busy}
          data-testid="setup-finish-submit"
          onClick={() => void useSetupStore.getState().finish()}
        >
          完成设置，进入登录 <kbd>Enter</kbd>
        </Button>
      </div>
    </section>
  );
}
