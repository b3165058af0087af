import { Spin } from 'antd';
import type { ReviewStart } from '../../contract/types-review';
import { ruleCitationForUsers } from '../../domain/rules';
import { formProblem } from './review-form';
import { useReviewStore } from './review-store';

/** The last step: the pharmacist scans their OWN e-voucher, which submits the review (R-PHARMACIST). */
export function VoucherPrompt({ start }: { start: ReviewStart }) {
  const form = useReviewStore((s) => s.form);
  const submitting = useReviewStore((s) => s.submitting);
  const problem = formProblem(start, form);
  if (submitting) {
    return (
      <div className="voucher-prompt is-busy" data-testid="voucher-prompt" data-state="submitting">
        <Spin /> 正在核验药师身份并提交审方…
      </div>
    );
  }
  return (
    <div
      className={`voucher-prompt${problem ? '' : ' is-ready'}`}
      data-testid="voucher-prompt"
      data-state={problem ? 'incomplete' : 'ready'}
      role="status"
    >
      <div className="voucher-prompt-title">请扫描您本人的医保电子凭证确认身份</div>
      <div className="voucher-prompt-sub">
        {problem?.text ?? '扫码后立即提交审方结果并上传医保中心（7206）'}
      </div>
      {problem?.ruleId && (
        <div className="voucher-prompt-rule" data-rule={problem.ruleId}>
          规则 {problem.ruleId}：{ruleCitationForUsers(problem.ruleId)}
        </div>
      )}
    </div>
  );
}
