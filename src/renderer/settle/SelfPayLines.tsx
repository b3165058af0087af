import type { SelfPayReason, SplitLineView } from '../../contract/types-settlement';
import { RuleDetails } from '../components/RuleDetails';
import { formatFen } from '../format/money';

const REASON_LABELS: Record<SelfPayReason['code'], string> = {
  NON_COVERED: '目录外/不予支付',
  ABOVE_STANDARD: '高于支付标准',
  PRE_SELFPAY: '先行自付',
  OUT_OF_SCOPE: '超限定支付范围（已签知情同意书）',
};

function Reason({ reason }: { reason: SelfPayReason }) {
  return (
    <li
      className="selfpay-reason"
      data-testid="selfpay-reason"
      data-reason={reason.code}
      data-rule={reason.ruleId ?? ''}
    >
      <strong>{REASON_LABELS[reason.code]}</strong> {formatFen(reason.amount.fen)}：{reason.message}
      <RuleDetails ruleId={reason.ruleId} />
    </li>
  );
}

function LineRow({ line }: { line: SplitLineView }) {
  const selfPaid = line.selfPayReasons.length > 0;
  return (
    <tr
      data-testid="split-line"
      data-code={line.medListCodg}
      data-selfpay={selfPaid}
      className={selfPaid ? 'row-selfpay' : undefined}
    >
      <td>
        <div className="drug-name">{line.name}</div>
        <div className="drug-meta">
          {line.chargeLevelLabel}
          {line.payStandard && ` · 支付标准 ${formatFen(line.payStandard.fen)}`}
        </div>
        {selfPaid && (
          <ul className="selfpay-reasons">
            {line.selfPayReasons.map((r) => (
              <Reason key={`${r.code}-${r.message}`} reason={r} />
            ))}
          </ul>
        )}
      </td>
      <td className="num">
        {line.quantity}
        {line.unit}
      </td>
      <td className="num">{formatFen(line.price.fen)}</td>
      <td className="num">{formatFen(line.total.fen)}</td>
    </tr>
  );
}

/** Every fee line; self-paid parts in amber with their reason (R-PRICE, R-NONCOVERED). */
export function SelfPayLines({ lines }: { lines: SplitLineView[] }) {
  return (
    <table className="drug-table split-lines">
      <thead>
        <tr>
          <th>项目</th>
          <th className="num">数量</th>
          <th className="num">单价</th>
          <th className="num">金额</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <LineRow key={l.feedetlSn} line={l} />
        ))}
      </tbody>
    </table>
  );
}
