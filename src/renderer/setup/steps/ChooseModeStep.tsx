import { Button } from 'antd';
import { useSetupStore } from '../setup-store';
import { StoreLinkPanel } from './StoreLinkPanel';

export function ChooseModeStep() {
  const busy = useSetupStore((s) => s.busy);
  return (
    <section className="setup-step" data-testid="setup-choose">
      <p className="setup-lead">
        本柜台尚未设置。正式使用请导入医保部门下发的中心配置文件；仅用于演示或培训时，可选择沙箱环境（不连接真实医保中心）。
      </p>
      <StoreLinkPanel />
      <div className="setup-choices">
        <Button
          type="primary"
          size="large"
          autoFocus
          data-testid="setup-real"
          onClick={() => useSetupStore.getState().go(1)}
        >
          连接医保中心（正式使用） <kbd>Enter</kbd>
        </Button>
        <Button
          size="large"
          loading={busy}
          data-testid="setup-demo"
          onClick={() => void useSetupStore.getState().chooseDemo()}
        >
          演示/培训模式（沙箱环境）
        </Button>
      </div>
    </section>
  );
}
