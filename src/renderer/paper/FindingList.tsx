import { Alert } from 'antd';
import type { PaperCheckResult } from '../../contract/types-paper';
import { RuleDetails } from '../components/RuleDetails';

export function FindingList({ check }: { check: PaperCheckResult }) {
  return (
    <div data-testid="paper-findings" data-accepted={String(check.accepted)}>
      {check.accepted && check.findings.length === 0 && (
        <Alert type="success" showIcon title="核验通过：可以保存归档" />
      )}
      {check.findings.map((f) => (
        <Alert
          key={`${f.code}-${f.medListCodg ?? ''}`}
          type={f.severity === 'block' ? 'error' : 'warning'}
          showIcon
          className="paper-finding"
          title={<span>{f.message}</span>}
          description={<RuleDetails ruleId={f.ruleId} citation={f.citation} />}
        />
      ))}
      {check.earlier && (
        <Alert
          type="error"
          title={`此前登记：第${check.earlier.id}号，${check.earlier.rxDate}，患者${check.earlier.patientName}（${check.earlier.certnoMasked}），${check.earlier.drugs}`}
        />
      )}
    </div>
  );
}
