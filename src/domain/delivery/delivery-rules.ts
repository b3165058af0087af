import type { CatalogDrug } from '../catalog/catalog-drug';
import { AppError } from '../errors';

const refuse = (message: string) => new AppError('POLICY', message, { ruleId: 'R-DELIVERY' });

/**
 * R-DELIVERY (004 ST-EPC-02-011; 002 §三(一)): a drug that needs the cold chain goes only in a
 * cold-chain delivery with its storage and transport measures recorded; the patient's receipt
 * (签收) is confirmed with the receiver's identity checked against the prescription's patient.
 * The fee is the patient's: it is recorded with the order, never billed to the fund.
 */
export interface NewDeliveryFacts {
  coldChain: boolean;
  coldChainRecord: string | null;
  feeFen: number;
}

export function assertDeliveryOrder(o: NewDeliveryFacts, drugs: readonly CatalogDrug[]): void {
  const cold = drugs.filter((d) => d.coldChain !== undefined);
  if (cold.length > 0 && !o.coldChain) {
    throw refuse(
      `${cold.map((d) => d.genname).join('、')}须冷链储运，配送单须选择冷链配送并记录储运措施`,
    );
  }
  if (o.coldChain && (o.coldChainRecord ?? '').trim().length < 4) {
    throw refuse('冷链配送须记录储运措施（如保温箱、冰排、2–8℃温度记录）');
  }
  if (!Number.isInteger(o.feeFen) || o.feeFen < 0) {
    throw refuse('配送费须为不小于 0 的金额；配送费由患者自付，医保不予支付');
  }
}

export function assertReceiptConfirmed(receiverName: string, identityChecked: boolean): void {
  if (receiverName.trim() === '' || !identityChecked) {
    throw refuse('签收须登记签收人并核对其身份与处方用药人一致（本人或持本人证件的代收人）');
  }
}
