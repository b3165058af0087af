import { Button, Input } from 'antd';
import { createPortal } from 'react-dom';
import { formatWitness, groupedHash } from '../../domain/audit/audit-witness';
import { useSessionStore } from '../stores/session-store';
import { useAuditStore } from './audit-store';
import { printAuditSlip } from './print-slip';

const beijingNow = () =>
  new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * The head of a verified chain as a slip to print, sign and file away from this PC (R-KEEP):
 * whoever rewrites the whole data folder cannot rewrite the paper. The field below checks the
 * chain against such a slip later.
 */
export function AuditSlip() {
  const verdict = useAuditStore((s) => s.verdict);
  const witnessText = useAuditStore((s) => s.witnessText);
  const pharmacy = useSessionStore((s) => s.info?.pharmacy.name ?? '');
  const printedBy = useSessionStore((s) => s.session?.staff.displayName ?? '');
  const head = verdict?.ok ? verdict.head : null;
  return (
    <div className="audit-slip" data-testid="audit-slip">
      <Input
        size="large"
        data-testid="audit-witness-input"
        aria-label="核对链尾凭条"
        placeholder="核对链尾凭条：输入凭条上的核对码（条号:摘要），按 Enter 校验"
        value={witnessText}
        onChange={(e) => useAuditStore.getState().setWitnessText(e.target.value)}
        allowClear
      />
      {head && (
        <div className="audit-slip-head" data-testid="audit-slip-head" data-seq={head.seq}>
          <span>
            链尾第 {head.seq} 条 · 摘要 <code>{groupedHash(head.hash)}</code>
          </span>
          <Button data-testid="audit-slip-print" onClick={printAuditSlip}>
            打印链尾凭条 <kbd>Alt+W</kbd>
          </Button>
        </div>
      )}
      {head &&
        createPortal(
          <section className="audit-slip-sheet" data-testid="audit-slip-sheet">
            <h1>审计链尾凭条</h1>
            <p>{pharmacy}</p>
            <p>校验时间：{beijingNow()}（北京时间）</p>
            <p>校验结论：{verdict?.verdict}</p>
            <p>
              链尾：第 {head.seq} 条，摘要 {groupedHash(head.hash)}
            </p>
            <p>
              核对码：<strong>{formatWitness(head)}</strong>
            </p>
            <p>打印人：{printedBy}　　签字：____________　　日期：____________</p>
            <p>
              请签字后与账册一并存放，不要留在本机。日后核对：在审计日志（Alt+L）中输入核对码后按
              Enter，或运行 npm run audit -- verify --witness 核对码。该条若被改动或删除，即可发现。
            </p>
          </section>,
          document.body,
        )}
    </div>
  );
}
