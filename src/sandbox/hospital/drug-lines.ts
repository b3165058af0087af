import type { CatalogDrug } from '../../domain/catalog/catalog-drug';

/** One drug of an order: the catalog code plus optional quantity and duration. */
export interface DrugOrder {
  medListCodg: string;
  /** Packs prescribed (default 1). */
  packs?: number;
  /** Days of medication (default 7; a long prescription's line may cover up to 12 weeks). */
  days?: number;
  /** 拆零: prescribe this many single units (粒/片/ml) instead of whole packs (trdnFlag 1). */
  splitUnits?: number;
  /**
   * 医院审批标志 (hosp_appr_flag) for a drug of restricted payment scope (R-SCOPE): 0 无须审批
   * (default), 1 审批通过 (within the scope), 2 审批不通过 (outside it: the patient pays).
   */
  hospApprFlag?: '0' | '1' | '2';
  /** The physician's special instruction for this line (医嘱特殊说明, R-GUIDE). */
  instruction?: string;
}

interface Usage {
  sinDoscnt: number;
  sinDosunt: string;
  usedFrquCodg: string;
  usedFrquName: string;
  medcWayCodg: string;
  medcWayDscr: string;
}

function usageOf(drug: CatalogDrug): Usage {
  if (drug.dosform.includes('注射')) {
    return {
      sinDoscnt: 8,
      sinDosunt: '单位',
      usedFrquCodg: 'tid',
      usedFrquName: '每日三次',
      medcWayCodg: '2',
      medcWayDscr: '皮下注射',
    };
  }
  const liquid = drug.dosform.includes('合剂');
  return {
    sinDoscnt: liquid ? 10 : 1,
    sinDosunt: liquid ? 'ml' : drug.dosform.includes('胶囊') ? '粒' : '片',
    usedFrquCodg: liquid ? 'tid' : 'qd',
    usedFrquName: liquid ? '每日三次' : '每日一次',
    medcWayCodg: '1',
    medcWayDscr: '口服',
  };
}

/** The uploadChk `rxdrugdetail` line (camelCase) for one ordered drug. */
export function uploadDrugLine(drug: CatalogDrug, order: DrugOrder, index: number) {
  const packs = order.packs ?? 1;
  const usage = usageOf(drug);
  const split =
    order.splitUnits === undefined
      ? {}
      : { drugCnt: order.splitUnits, drugDosunt: usage.sinDosunt, trdnFlag: '1' };
  return {
    medListCodg: drug.medListCodg,
    fixmedinsHilistId: `HIS${String(index + 1).padStart(4, '0')}${drug.medListCodg.slice(-6)}`,
    rxItemTypeCode: '11',
    drugGenname: drug.genname,
    drugProdname: drug.prodname,
    drugDosform: drug.dosform,
    drugSpec: drug.spec,
    drugCnt: packs,
    drugDosunt: drug.packUnit,
    drugPric: drug.priceFen / 100,
    drugSumamt: (drug.priceFen * packs) / 100,
    ...usage,
    medcDays: order.days ?? 7,
    hospApprFlag: order.hospApprFlag ?? '0',
    ...split,
    ...(order.instruction ? { xDrInstr: order.instruction } : {}),
  };
}
