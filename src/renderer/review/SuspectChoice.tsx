import { Checkbox, Input } from 'antd';
import { RuleDetails } from '../components/RuleDetails';
import type { ReviewForm } from './review-form';
import { useReviewStore } from './review-store';

/** On a rejection: mark it a suspicious prescription and write the lead for the bureau (R-REPORT-SUSPECT). */
export function SuspectChoice() {
  const form = useReviewStore((s) => s.form);
  const set = (patch: Partial<ReviewForm>) => useReviewStore.getState().setForm(patch);
  return (
    <fieldset className="dual-channel" data-testid="suspect-choice">
      <legend>可疑处方</legend>
      <Checkbox
        checked={form.suspect}
        onChange={(e) => set({ suspect: e.target.checked })}
        data-testid="suspect-flag"
      >
        记为可疑处方，线索列入风险信号（Alt+I）报当地医保部门
      </Checkbox>
      <RuleDetails ruleId="R-REPORT-SUSPECT" />
      {form.suspect && (
        <Input.TextArea
          data-testid="suspect-reason"
          rows={2}
          maxLength={500}
          placeholder="可疑理由：如用量远超用法用量所需、重复开药、冒名"
          value={form.suspectReason}
          onChange={(e) => set({ suspectReason: e.target.value })}
        />
      )}
    </fieldset>
  );
}
