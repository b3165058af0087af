import { Alert, Button, Modal, Radio, Table } from 'antd';
import { useEffect } from 'react';
import type { AuditEntryView } from '../../contract/types-audit';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuditSlip } from './AuditSlip';
import { AUDIT_COLUMNS } from './audit-columns';
import { useAuditStore } from './audit-store';
import { ReverifyResult } from './ReverifyResult';
import { StoreAuditPanel } from './StoreAuditPanel';
import { useStoreAuditStore } from './store-audit-store';
import './audit.css';

function Verdict() {
  const verdict = useAuditStore((s) => s.verdict);
  if (!verdict) return null;
  return (
    <div data-testid="audit-verdict" data-ok={verdict.ok} role="status">
      <Alert
        type={verdict.ok ? 'success' : 'error'}
        showIcon
        title={verdict.verdict}
        description={`链尾：${verdict.anchor.message}；用时 ${verdict.elapsedMs} 毫秒`}
      />
    </div>
  );
}

/** This counter's own log: the chain check, the re-verification and the latest entries. */
function CounterAuditPanel() {
  const entries = useAuditStore((s) => s.entries);
  const total = useAuditStore((s) => s.total);
  const busy = useAuditStore((s) => s.busy);
  const error = useAuditStore((s) => s.error);
  return (
    <div data-testid="audit-panel" className="overlay-body">
      <Button
        type="primary"
        size="large"
        data-testid="audit-verify"
        loading={busy}
        onClick={() => void useAuditStore.getState().verify()}
      >
        校验审计链 <kbd>Enter</kbd>
      </Button>{' '}
      <Button
        size="large"
        data-testid="rx-reverify-all"
        loading={busy}
        onClick={() => void useAuditStore.getState().reverifyAll()}
      >
        全部处方重新验签 <kbd>Alt+Shift+V</kbd>
      </Button>
      <Verdict />
      <ReverifyResult />
      <AuditSlip />
      {error && <ErrorAlert error={error} testId="audit-error" />}
      <p className="hint">
        最近 30 天共 {total} 条（显示最新 {entries.length}{' '}
        条；身份证号、电话已脱敏，不记录密码与电子凭证）。
        每条记录的摘要覆盖前一条，改动、删除或截断都会在校验时指出第一处断点。<kbd>Esc</kbd> 关闭。
      </p>
      <Table<AuditEntryView>
        data-testid="audit-entries"
        rowKey="seq"
        size="middle"
        columns={AUDIT_COLUMNS}
        dataSource={entries}
        pagination={false}
        scroll={{ y: 420 }}
        onRow={(e) => ({ 'data-testid': 'audit-entry', 'data-action': e.action }) as never}
      />
    </div>
  );
}

/** A counter of a store chooses between its own log and the store-wide trail (Tab, then ← →). */
function ViewToggle() {
  const storeMode = useStoreAuditStore((s) => s.storeMode);
  const view = useStoreAuditStore((s) => s.view);
  if (!storeMode) return null;
  return (
    <Radio.Group
      data-testid="audit-view"
      // One name makes the two a native radio group: ← → move between them.
      name="audit-view"
      className="audit-view-toggle"
      optionType="button"
      buttonStyle="solid"
      size="large"
      value={view}
      onChange={(e) => useStoreAuditStore.getState().setView(e.target.value)}
      options={[
        { value: 'counter', label: '本柜台' },
        { value: 'store', label: '全店（各柜台）' },
      ]}
    />
  );
}

/** Alt+L 审计日志: recent security-relevant actions and the hash-chain check (R-KEEP). */
export function AuditModal() {
  const open = useAuditStore((s) => s.open);
  const view = useStoreAuditStore((s) => s.view);
  useEffect(() => {
    if (open) void useStoreAuditStore.getState().loadMode();
    else useStoreAuditStore.getState().reset();
  }, [open]);
  return (
    <Modal
      open={open}
      onCancel={() => useAuditStore.getState().close()}
      footer={null}
      title="审计日志（Alt+L）"
      width={1180}
      keyboard={false}
      destroyOnHidden
    >
      <ViewToggle />
      {view === 'store' ? <StoreAuditPanel /> : <CounterAuditPanel />}
    </Modal>
  );
}
