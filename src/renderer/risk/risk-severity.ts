import type { RiskSeverity } from '../../contract/types-risk';

/**
 * What a severity reads as, and the colour of its tag (antd's Tag takes it as a prop); the card's
 * border and background follow `data-severity` in risk.css with the same colours.
 */
export const SEVERITY: Record<RiskSeverity, { label: string; tagColor: string }> = {
  alert: { label: '重点', tagColor: '#a8071a' },
  warn: { label: '关注', tagColor: '#ad4e00' },
  info: { label: '正常', tagColor: '#237804' },
};
