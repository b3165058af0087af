import { Checkbox, Input } from 'antd';
import type { ReviewStart } from '../../contract/types-review';
import type { ReviewForm } from './review-form';
import { useReviewStore } from './review-store';

type CheckKey = 'identityChecked' | 'prescriptionChecked' | 'medicalRecordChecked';

const CHECKS: ReadonlyArray<{ key: CheckKey; label: string }> = [
  { key: 'identityChecked', label: '已核验患者身份' },
  { key: 'prescriptionChecked', label: '已核验处方' },
  { key: 'medicalRecordChecked', label: '已核验病历' },
];

/** 双通道: identity, prescription and medical record checked, and the registration note (R-HISTORY). */
export function DualChannelChecks({ start }: { start: ReviewStart }) {
  const form = useReviewStore((s) => s.form);
  const set = (patch: Partial<ReviewForm>) => useReviewStore.getState().setForm(patch);
  return (
    <fieldset className="dual-channel" data-testid="dual-channel-checks">
      <legend>双通道药品核验：{start.dualChannelLines.map((l) => l.genname).join('、')}</legend>
      <div className="dual-channel-checks">
        {CHECKS.map((c) => (
          <Checkbox
            key={c.key}
            checked={form[c.key]}
            onChange={(e) => set({ [c.key]: e.target.checked })}
            data-testid={`dual-${c.key}`}
          >
            {c.label}
          </Checkbox>
        ))}
      </div>
      <Input
        size="large"
        maxLength={500}
        placeholder="登记备注：如病历号、诊断依据"
        value={form.note}
        onChange={(e) => set({ note: e.target.value })}
        data-testid="dual-note"
        aria-label="双通道登记备注"
      />
    </fieldset>
  );
}
