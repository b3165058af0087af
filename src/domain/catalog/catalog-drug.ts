import { z } from 'zod';
import { drugCodeProblem } from '../national-codes';
import { DRUG_CLASS_CODES, type DrugClass } from './drug-classes';
import { RX_CLASS_CODES, RX_CLASSES, type RxClass } from './rx-class';

/**
 * One drug of the catalog (config/catalog/drugs.json). The sandbox seeds its hospitals'
 * prescriptions from it; the app uses it to classify prescription lines (R-EXCLUDED,
 * dual-channel) and, later, to map traceability product identifiers and GTINs to drugs.
 */
const catalogDrugFields = z.object({
  /** 医保药品目录编码 (med_list_codg). */
  medListCodg: z.string().min(1),
  genname: z.string().min(1),
  prodname: z.string(),
  spec: z.string(),
  dosform: z.string(),
  /** Pack unit sold at the counter, e.g. 盒. */
  packUnit: z.string(),
  /** Retail price of one pack in fen. */
  priceFen: z.number().int().nonnegative(),
  aprvno: z.string(),
  prdrName: z.string(),
  classes: z.array(z.enum(DRUG_CLASS_CODES as [DrugClass, ...DrugClass[]])),
  /** 处方药 / 甲类非处方药 / 乙类非处方药 / 非药品 (R-GSP-RX): required, no default. */
  rxClass: z.enum(RX_CLASS_CODES as [RxClass, ...RxClass[]], {
    error: `须注明处方分类 rxClass（${Object.entries(RX_CLASSES)
      .map(([k, v]) => `${k}=${v}`)
      .join('，')}）`,
  }),
  /** 双通道 drug (R-HISTORY). */
  dualChannel: z.boolean(),
  /**
   * The clinical specialty of a dual-channel drug, e.g. 肿瘤: a specialty hospital's prescription
   * may carry it only within its own specialty (R-DUAL-FIX).
   */
  specialty: z.string().min(1).optional(),
  /**
   * 7-digit traceability product identifiers (first digit 8), center-protocol §5. Goods that
   * are no drug have none: their packs carry a GS1 UDI (GTIN + serial).
   */
  traceProductIds: z.array(z.string().regex(/^8\d{6}$/)),
  /** GTIN-13/14 of imported or GS1-coded packs. */
  gtins: z.array(z.string().regex(/^\d{13,14}$/)),
  /**
   * In the medical-insurance drug catalog (R-CATALOG). Absent means listed: every entry is an
   * insurance catalog drug unless marked false (e.g. a hospital preparation, 院内制剂).
   */
  insuranceListed: z.boolean().optional(),
  /**
   * Its packs carry traceability codes that every stock upload names (R-STOCK). Absent means a
   * drug is traced and goods that are no drug are not; a 医用耗材 is traced only when marked true.
   */
  traced: z.boolean().optional(),
  /** 冷链: stored between these temperatures (°C); receiving records the arrival temperature (R-SUPPLY). */
  coldChain: z
    .object({ minC: z.number(), maxC: z.number() })
    .refine((r) => r.minC < r.maxC, '冷链温度下限应低于上限')
    .optional(),
  /** 服药禁忌 from the package insert, stated on the guidance sheet (R-GUIDE, ST-EPC-02-012). */
  contraindications: z.array(z.string().min(1)).optional(),
  /** 注意事项 from the package insert, stated on the guidance sheet (R-GUIDE). */
  cautions: z.array(z.string().min(1)).optional(),
});

/**
 * An insurance-catalogue drug's code must have the national shape (ST-EPC-02-002): it is what
 * every settlement and upload transmits. A non-listed item (self-pay goods, a hospital
 * preparation) keeps the pharmacy's own code.
 */
export const catalogDrugSchema = catalogDrugFields.superRefine((d, ctx) => {
  if (d.insuranceListed === false) return;
  const problem = drugCodeProblem(d.medListCodg);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      path: ['medListCodg'],
      message: `${d.genname}（${d.medListCodg}）：${problem}`,
    });
  }
});
export type CatalogDrug = z.infer<typeof catalogDrugSchema>;
/** R-CATALOG: whether the drug counts as an insurance catalog variety (absent = listed). */
export function isInsuranceListed(drug: Pick<CatalogDrug, 'insuranceListed'>): boolean {
  return drug.insuranceListed !== false;
}
export const catalogFileSchema = z.object({ drugs: z.array(catalogDrugSchema).min(1) });
