import { Alert, Button, Modal, Table, Tag } from 'antd';
import type { AuditEntryView } from '../../contract/types-audit';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuditSlip } from './AuditSlip';
import { useAuditStore } from './audit-store';
import { detailText } from './detail-text';
import { ReverifyResult } from './ReverifyResult';

const OUTCOME_COLORS = {
  ok: 'success',
  refused: 'warning',
  failed: 'error',
  interrupted: 'processing',
} as const;

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const COLUMNS = [
  { title: '序号', dataIndex: 'seq', width: 70 },
  { title: '时间', dataIndex: 'at', width: 170, render: when },
  { title: '人员', dataIndex: 'username', width: 150, render: (u: string | null) => u ?? '—' },
  { title: '操作', dataIndex: 'actionLabel', width: 130 },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 90,
    render: (_: unknown, e: AuditEntryView) => (
      <Tag color={OUTCOME_COLORS[e.outcome]}>{e.outcomeLabel}</Tag>
    ),
  },
  { title: '对象', dataIndex: 'subject', width: 190, render: (s: string | null) => s ?? '' },
  { title: '详情', dataIndex: 'detail', render: detailText },
];

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

/** Alt+L 审计日志: recent security-relevant actions and the hash-chain check (R-KEEP). */
export function AuditModal() {
  const open = useAuditStore((s) => s.open);
  const entries = useAuditStore((s) => s.entries);
  const total = useAuditStore((s) => s.total);
  const busy = useAuditStore((s) => s.busy);
  const error = useAuditStore((s) => s.error);
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
          每条记录的摘要覆盖前一条，改动、删除或截断都会在校验时指出第一处断点。<kbd>Esc</kbd>{' '}
          关闭。
        </p>
        <Table<AuditEntryView>
          data-testid="audit-entries"
          rowKey="seq"
          size="middle"
          columns={COLUMNS}
          dataSource={entries}
          pagination={false}
          scroll={{ y: 420 }}
          onRow={(e) => ({ 'data-testid': 'audit-entry', 'data-action': e.action }) as never}
        />
      </div>
    </Modal>
  );
}
