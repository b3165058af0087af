import { Button, Input, Tag } from 'antd';
import { useState } from 'react';
import type { SupervisionChoice, SupervisionView } from '../../contract/types-supervision';
import { MIN_REASON_CHARS } from '../../domain/supervision/supervision-warning';
import { useSettleStore } from './settle-store';
import './supervision.css';

const SEVERITY_COLORS = { block: 'red', suspect: 'orange', notice: 'gold' } as const;

/**
 * R-SUPERVISE: the platform's pre-settlement check (3101) in its own words; findings (or no
 * answer) wait for the pharmacist's decision, continue with a reason or cancel, before Enter
 * may settle. A 明确违规 finding can only be cancelled.
 */
export function SupervisionPanel({ supervision: s }: { supervision: SupervisionView }) {
  const [reason, setReason] = useState('');
  const busy = useSettleStore((st) => st.handlingSupervision);
  if (s.outcome === 'clear') {
    return (
      <p className="supervision-clear" data-testid="supervision-clear">
        医保智能监管事前审核：无提示
      </p>
    );
  }
  const ready = reason.trim().length >= MIN_REASON_CHARS;
  const decide = (choice: SupervisionChoice) =>
    void useSettleStore.getState().handleSupervision(choice, reason.trim());
  return (
    <section
      className={`supervision supervision-${s.outcome}`}
      data-testid="supervision"
      data-outcome={s.outcome}
      aria-label="医保智能监管提示"
    >
      <h3 className="supervision-title">
        {s.outcome === 'unreachable' ? '医保智能监管事前审核未完成' : '医保智能监管提示'}
      </h3>
      {s.error && <p className="supervision-error">{s.error}</p>}
      <ul className="supervision-warnings">
        {s.warnings.map((w) => (
          <li key={w.jrId} data-testid="supervision-warning" data-severity={w.severity}>
            <Tag color={SEVERITY_COLORS[w.severity]}>{w.severityLabel}</Tag>
            <strong>{w.ruleName}</strong>：{w.content}
            {w.basis && <div className="supervision-basis">依据：{w.basis}</div>}
          </li>
        ))}
      </ul>
      {s.handling ? (
        <p className="supervision-handled" data-testid="supervision-handled">
          {s.handling.staffName} 于 {new Date(s.handling.handledAt).toLocaleString('zh-CN')} 选择
          {s.handling.choice === 'continue' ? '继续结算' : '取消结算'}：{s.handling.reason}
        </p>
      ) : (
        <div className="supervision-decide">
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={200}
            value={reason}
            placeholder={`处理理由（必填，至少${MIN_REASON_CHARS}个字），如：已核实患者原药遗失`}
            data-testid="supervision-reason"
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!ready || s.outcome === 'blocked'}
            loading={busy}
            data-testid="supervision-continue"
            onClick={() => decide('continue')}
          >
            说明理由，继续结算
          </Button>
          <Button
            danger
            disabled={!ready}
            loading={busy}
            data-testid="supervision-cancel"
            onClick={() => decide('cancel')}
          >
            取消结算
          </Button>
        </div>
      )}
      {s.refusal && <p className="supervision-refusal">{s.refusal}</p>}
      <p className="supervision-rule">规则 {s.citation}</p>
    </section>
  );
}
