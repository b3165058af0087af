import { Button, List, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useSetupStore } from '../setup-store';
import { StoreLinkPanel } from './StoreLinkPanel';

export function ConnectionStep() {
  const busy = useSetupStore((s) => s.busy);
  const report = useSetupStore((s) => s.report);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), []);
  const next = () =>
    report?.allOk ? useSetupStore.getState().go(3) : void useSetupStore.getState().testConnection();

  return (
    <section className="setup-step" data-testid="setup-connection">
      <p className="setup-lead">
        逐项检查与医保中心的连接：医保服务接口、电子处方中心的签名与加密、CA 证书、证书吊销列表。
      </p>
      {report && (
        <List
          bordered
          dataSource={report.steps}
          renderItem={(s) => (
            <List.Item data-testid={`setup-check-${s.step}`} data-ok={String(s.ok)}>
              <Tag color={s.ok ? 'success' : 'error'}>{s.ok ? '通过' : '未通过'}</Tag>
              <span className="setup-check-label">{s.label}</span>
              <span className="setup-check-message">{s.message}</span>
            </List.Item>
          )}
        />
      )}
      {report?.allOk && <StoreLinkPanel />}
      <div className="setup-actions">
        <Button onClick={() => useSetupStore.getState().back()}>
          上一步 <kbd>Esc</kbd>
        </Button>
        <Button
          ref={primary}
          type="primary"
          loading={busy}
          data-testid="setup-connection-next"
          onClick={next}
        >
          {report?.allOk ? '下一步' : report ? '重新测试' : '开始测试'} <kbd>Enter</kbd>
        </Button>
      </div>
    </section>
  );
}
