/** Risk signals computed locally over a period (R-RISK), each with its drill-down. */
export const riskContract = {} as const;
