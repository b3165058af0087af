import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the risk-signal screen (Alt, as every F-key is taken). */
export const RISK_KEYS: readonly FunctionKey[] = [];
