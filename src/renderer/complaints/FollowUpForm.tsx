import { Button } from 'antd';
import type { FormEvent } from 'react';
import type { ComplaintDetail } from '../../contract/types-complaints';
import { type FollowUpState, nextSteps } from './complaint-moves';
import { useComplaintStore } from './complaint-store';

/** The next step of the selected complaint, with what that step must record. */
export function FollowUpForm({ complaint }: { complaint: ComplaintDetail }) {
  const draft = useComplaintStore((s) => s.followUp);
  const busy = useComplaintStore((s) => s.busy);
  const store = useComplaintStore.getState;
  const steps = nextSteps(complaint.state);
  if (steps.length === 0) return <p className="complaint-done">已办结，记录留存备查</p>;
  const to = draft.to ?? steps[0]?.to ?? null;
  const needsCheck = to === 'corrected' || to === 'referred';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    store().editFollowUp({ to });
    void store().submitFollowUp();
  };
  return (
    <form className="complaint-follow-up" data-testid="complaint-follow-up" onSubmit={submit}>
      <label>
        下一步
        <select
          data-testid="complaint-step"
          value={to ?? ''}
          onChange={(e) => store().editFollowUp({ to: e.target.value as FollowUpState })}
        >
          {steps.map((s) => (
            <option key={s.to} value={s.to}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {needsCheck && (
        <label>
          核查结果
          <input
            data-testid="complaint-check-result"
            value={draft.checkResult}
            onChange={(e) => store().editFollowUp({ checkResult: e.target.value })}
          />
        </label>
      )}
      {to === 'corrected' && (
        <label>
          纠正措施
          <input
            data-testid="complaint-correction"
            value={draft.correction}
            onChange={(e) => store().editFollowUp({ correction: e.target.value })}
          />
        </label>
      )}
      {to === 'referred' && (
        <label>
          反馈机构
          <input
            data-testid="complaint-agency"
            placeholder="当地医保经办机构"
            value={draft.agency}
            onChange={(e) => store().editFollowUp({ agency: e.target.value })}
          />
        </label>
      )}
      <label>
        说明
        <input
          data-testid="complaint-note"
          placeholder="可不填"
          value={draft.note}
          onChange={(e) => store().editFollowUp({ note: e.target.value })}
        />
      </label>
      <Button htmlType="submit" type="primary" size="large" loading={busy}>
        提交（Enter）
      </Button>
    </form>
  );
}
