import type { HeldDispensingView } from '../../contract/types-dispense';
import { api } from '../api';

/** The warning shown when leaving with held dispensings (下岗 F12, 退出登录); null when none. */
export function heldWarning(count: number): string | null {
  if (count === 0) return null;
  return `还有 ${count} 笔待结算调剂（已出库、追溯码已登记，尚未结算）：请结算或撤销调剂，或交接给下一班（Shift+F8 查看）`;
}

/** Reads the held dispensings now; a failure reads as none so leaving is never blocked by it. */
export async function heldNow(): Promise<readonly HeldDispensingView[]> {
  try {
    return await api.call('dispense.held', {});
  } catch {
    return [];
  }
}
