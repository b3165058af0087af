import { RULES, type RuleId, ruleCitationForUsers } from '../../domain/rules';

function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A citation built by the domain starts with the rule id itself; say the id once. */
function citationText(ruleId: string | null | undefined, citation: string | null | undefined) {
  if (citation)
    return ruleId && citation.startsWith(`${ruleId}：`)
      ? citation.slice(ruleId.length + 1)
      : citation;
  return ruleId && isRuleId(ruleId) ? ruleCitationForUsers(ruleId) : '';
}

/**
 * The small line under a refusal or finding that names the rule and where it comes from.
 * Headings and messages stay in plain words; the rule id lives only here.
 */
export function RuleDetails({
  ruleId,
  citation,
}: {
  ruleId?: string | null;
  citation?: string | null;
}) {
  const text = citationText(ruleId, citation);
  if (!ruleId && !text) return null;
  return (
    <div className="rule-details" data-testid="rule-details">
      {ruleId ? `规则 ${ruleId}` : '依据'}
      {text ? `：${text}` : ''}
    </div>
  );
}
