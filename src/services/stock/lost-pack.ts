import { dateTime } from '../../center/clock';
import type { LostPack } from '../../domain/dispense/scan-decision';
import type { StockMovementRepository } from '../../store/stock-movement-repository';

/** The loss (报损) that took a pack out of the stock, as a sale's refusal names it (R-TRACE-ONCE). */
export function lostPackOf(
  movements: StockMovementRepository,
  packKey: string,
): LostPack | undefined {
  const lost = movements.lostPack(packKey);
  return lost ? { batchNo: lost.batchNo, at: dateTime(new Date(lost.at)) } : undefined;
}
