import { dateOnly, dateTime } from '../../center/clock';
import type { StockTaken } from '../../contract/types-store-stock';
import { assertSellableWithoutPrescription } from '../../domain/catalog/counter-sale';
import { allocateFefo } from '../../domain/dispense/fefo';
import { centerRefusalMessage, lostPackMessage } from '../../domain/dispense/scan-decision';
import { AppError } from '../../domain/errors';
import { selfPayDocNo } from '../../domain/sale-doc-no';
import { packKey, parseScannedCode } from '../../domain/trace/parse-scanned-code';
import type { SoldCodeWithSale } from '../../domain/trace/sold-code';
import { CenterRefusedCodeRepository } from '../../store/center-refused-code-repository';
import { type ScanRefusalInput, ScanRefusalRepository } from '../../store/scan-refusal-repository';
import { SoldCodeRepository } from '../../store/sold-code-repository';
import { StockMovementRepository } from '../../store/stock-movement-repository';
import type { AuthenticatedSession } from '../auth-service';
import { earlierSaleOf } from '../dispense/dispensing-view';
import { createProductIndex } from '../dispense/product-index';
import { lostPackOf } from '../stock/lost-pack';
import { storeTakenStock } from '../stock/store-taken';
import type { SettlementContext } from './context';
import type { PackGroup } from './pack-groups';
import { input3505 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

export interface SelfPayItem {
  medListCodg: string;
  codes: string[];
}

/** Runs inside the sale's transaction with its packs (a counter of a store queues them offline). */
export type WithinSale = (
  saleId: number,
  packs: Array<{ code: string; medListCodg: string }>,
  at: number,
) => void;

/**
 * A self-pay sale against a prescription (a 门特 paper purchase the patient claims later,
 * R-MT-CLAIM; an e-prescription of a person not insured in force, D45): prescription drugs may
 * be sold, the 3505 names the prescription, and `inTransaction` (the paper's hand-over, the
 * e-prescription's consent link and 7207) commits or rolls back with the sale.
 */
export interface PrescribedSale {
  rxno: string;
  /** A paper prescription: its 3505 is marked as one (x_rx_form). */
  paper: boolean;
  inTransaction: (saleId: number, groups: readonly PackGroup[], at: Date) => void;
}

/**
 * sale.selfPay: non-prescription goods for cash. No center call at the counter, so it works
 * offline: the sale, the stock taken FEFO, the codes (R-TRACE-ONCE) and the queued 3505
 * (R-STOCK) commit together; the outbox delivers the 3505 when the center is reachable.
 */
export function createSelfPayService(ctx: SettlementContext) {
  const products = createProductIndex(ctx.catalog);
  const sold = new SoldCodeRepository(ctx.db);
  const centerRefused = new CenterRefusedCodeRepository(ctx.db);
  const movements = new StockMovementRepository(ctx.db);
  const refusals = new ScanRefusalRepository(ctx.db);
  /** The refused scan of the running sale, recorded after its transaction rolled back (R-RISK). */
  let refused: Omit<ScanRefusalInput, 'at' | 'staffId'> | null = null;
  const pendingRefusal = () => refused;

  function packsOf(item: SelfPayItem, name: string, at: Date, today: string): string[] {
    const keys = item.codes.map((raw) => {
      const parsed = parseScannedCode(raw, at);
      const key = packKey(parsed);
      if (!key)
        throw new AppError('VALIDATION', `「${raw}」不是可识别的药品追溯码`, { ruleId: 'R-TRACE' });
      if (products.drugOf(parsed)?.medListCodg !== item.medListCodg) {
        const medListCodg = products.drugOf(parsed)?.medListCodg ?? null;
        refused = { ...selfPayRefusal(raw, key, 'OTHER_DRUG', 'R-TRACE'), medListCodg };
        throw new AppError('POLICY', `追溯码 ${key} 不是「${name}」的包装`, { ruleId: 'R-TRACE' });
      }
      if (parsed.kind === 'gs1' && parsed.expiry && parsed.expiry < today) {
        refused = {
          ...selfPayRefusal(raw, key, 'EXPIRED', 'R-SUPPLY'),
          medListCodg: item.medListCodg,
        };
        throw new AppError('POLICY', `追溯码 ${key} 的包装已于 ${parsed.expiry} 过期，不得销售`, {
          ruleId: 'R-SUPPLY',
        });
      }
      const lost = lostPackOf(movements, key);
      if (lost) {
        refused = {
          ...selfPayRefusal(raw, key, 'LOST', 'R-TRACE-ONCE'),
          medListCodg: item.medListCodg,
        };
        throw new AppError('POLICY', `追溯码 ${key}：${lostPackMessage(lost)}`, {
          ruleId: 'R-TRACE-ONCE',
        });
      }
      const atCenter = centerRefused.find(key);
      if (atCenter) {
        refused = {
          ...selfPayRefusal(raw, key, 'CENTER_REFUSED', 'R-TRACE-ONCE'),
          medListCodg: item.medListCodg,
        };
        throw new AppError('POLICY', `追溯码 ${key}：${centerRefusalMessage(atCenter)}`, {
          ruleId: 'R-TRACE-ONCE',
        });
      }
      const earlier = sold.find(key);
      if (earlier && earlier.returnedAt === null) {
        refused = {
          ...selfPayRefusal(raw, key, 'ALREADY_SOLD', 'R-TRACE-ONCE'),
          medListCodg: item.medListCodg,
        };
        throw new AppError(
          'POLICY',
          `追溯码 ${key} 已有销售记录（${earlierSaleText(earlier)}），同一追溯码不能重复销售`,
          { ruleId: 'R-TRACE-ONCE' },
        );
      }
      return key;
    });
    if (new Set(keys).size !== keys.length) {
      throw new AppError('VALIDATION', `「${name}」的追溯码有重复，一盒一码`, {
        ruleId: 'R-TRACE',
      });
    }
    return keys;
  }

  function sell(
    session: AuthenticatedSession,
    items: SelfPayItem[],
    prescribed?: PrescribedSale,
    withinSale: WithinSale | null = null,
    storeTaken?: readonly StockTaken[],
  ): number {
    const at = ctx.now();
    const today = dateOnly(at);
    refused = null;
    try {
      return sellNow(session, items, at, today, prescribed, withinSale, storeTaken);
    } catch (err) {
      const r = pendingRefusal();
      if (r) refusals.record({ ...r, at: at.getTime(), staffId: session.staff.id });
      throw err;
    }
  }

  function sellNow(
    session: AuthenticatedSession,
    items: SelfPayItem[],
    at: Date,
    today: string,
    prescribed: PrescribedSale | undefined,
    withinSale: WithinSale | null,
    storeTaken: readonly StockTaken[] | undefined,
  ): number {
    return ctx.db
      .transaction(() => {
        // A counter of a store takes the batches the store's FEFO took (D53).
        const source = storeTaken
          ? storeTakenStock(ctx.stock, storeTaken, {
              staffId: session.staff.id,
              at: at.getTime(),
            })
          : ctx.stock;
        const drugs = items.map((i) => {
          const drug = ctx.catalog.get(i.medListCodg);
          if (!drug) throw new AppError('VALIDATION', `药品目录中没有编码 ${i.medListCodg}`);
          if (!prescribed) assertSellableWithoutPrescription(drug);
          return { item: i, drug, codes: packsOf(i, drug.genname, at, today) };
        });
        const total = drugs.reduce((s, x) => s + x.codes.length * x.drug.priceFen, 0);
        const saleId = ctx.selfPay.create(session.staff.id, total, at.getTime());
        const groups: PackGroup[] = [];
        drugs.forEach(({ drug, codes }, i) => {
          const lineNo = i + 1;
          ctx.selfPay.addLine(saleId, {
            lineNo,
            medListCodg: drug.medListCodg,
            name: drug.genname,
            packs: codes.length,
            priceFen: drug.priceFen,
          });
          for (const c of codes) {
            const registered = sold.sellSelfPay({
              code: c,
              medListCodg: drug.medListCodg,
              saleId,
              at: at.getTime(),
            });
            if (!registered || !ctx.selfPay.addCode(saleId, lineNo, c)) {
              throw new AppError('POLICY', `追溯码 ${c} 已有销售记录`, { ruleId: 'R-TRACE-ONCE' });
            }
          }
          const batches = source.usable(drug.medListCodg, today);
          const { allocations, shortBy } = allocateFefo(batches, codes.length);
          if (shortBy > 0) {
            throw new AppError(
              'CONFLICT',
              `「${drug.genname}」库存不足：需 ${codes.length} 盒，可用 ${codes.length - shortBy} 盒`,
            );
          }
          let next = 0;
          for (const a of allocations) {
            source.take(a.batchId, a.packs);
            ctx.selfPay.addAllocation(saleId, lineNo, a.batchId, a.packs);
            const b = batches.find((x) => x.id === a.batchId);
            groups.push({
              medListCodg: drug.medListCodg,
              name: drug.genname,
              drug,
              trdnFlag: '0',
              count: a.packs,
              unit: drug.packUnit,
              priceUnits: drug.priceFen * 100,
              batchNo: b?.batchNo ?? '',
              expiry: b?.expiry ?? '',
              codes: codes.slice(next, next + a.packs),
            });
            next += a.packs;
          }
        });
        enqueueUpload(
          ctx,
          { saleId },
          {
            infno: '3505',
            input: input3505(
              {
                docNo: selfPayDocNo(saleId),
                setlId: null,
                psnNo: null,
                hiRxno: prescribed?.rxno ?? null,
                ...(prescribed?.paper ? { paper: true } : {}),
              },
              groups,
              dateTime(at),
            ),
            opter: session.staff.username,
            opterName: session.staff.displayName,
            signNo: session.signNo,
          },
          { hiRxno: null },
          at.getTime(),
        );
        prescribed?.inTransaction(saleId, groups, at);
        withinSale?.(
          saleId,
          drugs.flatMap((d) => d.codes.map((code) => ({ code, medListCodg: d.drug.medListCodg }))),
          at.getTime(),
        );
        return saleId;
      })
      .immediate();
  }

  return sell;
}

/** The earlier sale of a pack, as the refusal names it: when, which sale, whose (masked). */
function earlierSaleText(s: SoldCodeWithSale): string {
  const e = earlierSaleOf(s, '');
  return e.channel === 'selfPay'
    ? `${e.soldAt} ${e.saleRef}`
    : `${e.soldAt} 处方 ${e.saleRef}，患者 ${e.patientMasked}`;
}

function selfPayRefusal(raw: string, key: string, reason: string, ruleId: string) {
  return {
    channel: 'self_pay' as const,
    dispensingId: null,
    code: raw,
    packKey: key,
    reason,
    ruleId,
  };
}
