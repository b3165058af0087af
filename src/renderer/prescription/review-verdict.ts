import type { PrescriptionView } from '../../contract/types';

/**
 * Why a prescription may not be reviewed, in Chinese. Blocking findings are listed in full in the
 * red banner below, so here they are named by rule; without any, the signature state is the reason.
 */
export function notReviewableReasons(view: PrescriptionView): string[] {
  const rules = [
    ...new Set(view.findings.filter((f) => f.severity === 'block').map((f) => f.ruleId)),
  ];
  if (rules.length > 0) return [`存在阻断问题 ${rules.join('、')}（详见下方红色提示）`];
  const reasons: string[] = [];
  const { local, center } = view.signature;
  if (!local.valid) reasons.push(`本地验签未通过：${local.message}（R-SIGN）`);
  if (center.state === 'failed')
    reasons.push(`医保中心核验（7205）未通过：${center.message}（R-SIGN）`);
  if (view.layout.outcome === 'differs') reasons.push('结构化数据与版式文件不一致（R-LAYOUT）');
  return reasons.length > 0 ? reasons : ['系统未给出原因，请按 Shift+F6 重新核验'];
}
