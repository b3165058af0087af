import type { PrescriptionView } from '../../contract/types';

/**
 * Why a prescription may not be reviewed, in Chinese. Blocking findings are listed in full (with
 * their rules in the details line) in the red banner below, so here they are only counted; without
 * any, the signature state is the reason. No rule ids in this text: the pharmacist reads it.
 */
export function notReviewableReasons(view: PrescriptionView): string[] {
  const blocks = view.findings.filter((f) => f.severity === 'block').length;
  if (blocks > 0) return [`存在${blocks}项阻断问题（详见下方红色提示）`];
  const reasons: string[] = [];
  const { local, center } = view.signature;
  if (!local.valid) reasons.push(`本地验签未通过：${local.message}`);
  if (center.state === 'failed') reasons.push(`医保中心核验（7205）未通过：${center.message}`);
  if (view.layout.outcome === 'differs') reasons.push('结构化数据与版式文件不一致');
  return reasons.length > 0 ? reasons : ['系统未给出原因，请按 Shift+F6 重新核验'];
}
