import type { FsiTransaction } from '../context';
import { supervisionFindings } from './supervision-3101';

/**
 * 3102 明细审核事中分析服务: the same rules on the settlement's lines at the moment of
 * settlement, against what the center has settled by then (a purchase settled since the 3101
 * is counted), kept for feedback.
 */
export const supervisionCheck3102: FsiTransaction = {
  name: '明细审核事中分析服务',
  requiresSignIn: true,
  run: (ctx) => supervisionFindings(ctx, '3102'),
};
