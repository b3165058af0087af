/**
 * rx_stas_codg values shared by the sandbox and the app (center-protocol §4). Only 1 = 有效 is publicly known;
 * the rest are the sandbox's own, kept in this one table.
 */
export const RX_STATUS = {
  prechecked: { codg: '0', name: '已预核验' },
  valid: { codg: '1', name: '有效' },
  reviewed: { codg: '2', name: '已审核' },
  settled: { codg: '3', name: '已结算' },
  dispensed: { codg: '4', name: '已取药' },
  revoked: { codg: '5', name: '已撤销' },
  expired: { codg: '6', name: '已失效' },
} as const;

export type RxStatusKey = keyof typeof RX_STATUS;

export function rxStatusName(codg: string): string {
  return Object.values(RX_STATUS).find((s) => s.codg === codg)?.name ?? codg;
}
