/** 风险信号 (Alt+I): what an inspector would look for, computed locally (R-RISK). */
export function RiskScreen() {
  return null;
}
