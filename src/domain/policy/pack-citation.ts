import { citation, type RuleId } from '../rules';
import type { PolicyPack, PolicyParameter } from './policy-pack';

/**
 * The citation of a refusal decided by a pack parameter: the rule with only the documents that
 * govern the pack's region, then the pack's own clause (or its mark as the pharmacy's setting).
 */
export function packCitation(ruleId: RuleId, pack: PolicyPack, param: PolicyParameter): string {
  return `${citation(ruleId, pack.admdvs)}；${pack.name}政策包：${pack.citations[param].source}`;
}
