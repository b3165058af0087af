import { z } from 'zod';
import { addMonths } from '../calendar';
import { DRUG_CLASS_CODES, type DrugClass } from '../catalog/drug-classes';
import {
  citation,
  documentGoverns,
  documentsNamedIn,
  RULES,
  type RuleId,
  SEED_DOCUMENT_IDS,
} from '../rules';

/**
 * A coordinating region's policy parameters (config/policy/<id>.json; policy-rules.md "region
 * policy pack"): data, not code. Every parameter carries the rule it serves and the clause it
 * comes from in `citations`, shown to the pharmacist with each refusal.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 yyyy-MM-dd 日期');
const ruleId = z.enum(Object.keys(RULES) as [RuleId, ...RuleId[]]);
/**
 * `document`: the seed document whose clause gives the value, or null where no seed gives it and
 * the value is the pharmacy's own setting (its `source` then starts with PHARMACY_SETTING).
 */
const cited = z
  .object({ ruleId, document: z.enum(SEED_DOCUMENT_IDS).nullable(), source: z.string().min(1) })
  .strict();

export const PHARMACY_SETTING = '本药店设置';

const validityCeiling = z
  .object({
    days: z.number().int().positive(),
    /** 'upload': from x_upld_time (Chongqing); 'issue': from prsc_time (Dongguan). */
    from: z.enum(['upload', 'issue']),
  })
  .strict();

export const POLICY_PARAMETERS = [
  'validity',
  'chronicSpecialValidity',
  'poolAreaPrefixes',
  'excludedClasses',
  'longRxMaxDays',
  'shortRxWarnDays',
  'paperAcceptedUntil',
  'dualChannelPaperCutoff',
  'paperExtension',
  'eprescriptionLiveSince',
] as const;
export type PolicyParameter = (typeof POLICY_PARAMETERS)[number];

export const policyPackSchema = z
  .object({
    id: z.string().regex(/^(default|\d{6})$/, '应为 6 位行政区划代码或 default'),
    name: z.string().min(1),
    /** The region's admdvs; null for the default pack. */
    admdvs: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    validity: validityCeiling,
    /**
     * A region's own ceiling for 门特/门慢 prescriptions (med_type 14), where its documents give
     * one (Dongguan 001 §三(一): 3 days from issue); null: they follow `validity` (R-VALID).
     */
    chronicSpecialValidity: validityCeiling.nullable(),
    /** Institution admdvs prefixes of the pool area (R-REGION). */
    poolAreaPrefixes: z.array(z.string().regex(/^\d{2,6}$/)),
    /** Derive the prefixes from the pharmacy's own admdvs (default pack). */
    poolAreaFromPharmacy: z.boolean(),
    excludedClasses: z.array(z.enum(DRUG_CLASS_CODES as [DrugClass, ...DrugClass[]])),
    longRxMaxDays: z.number().int().positive(),
    /** Above this many days on a line of a non-long prescription: a warning. */
    shortRxWarnDays: z.number().int().positive(),
    paperAcceptedUntil: isoDate.nullable(),
    dualChannelPaperCutoff: isoDate,
    /**
     * The province's approval of extended paper use (R-PAPER-EXT, 国家医保局外配处方管理通知 §四):
     * the approval's date and document number, and the last day paper is still accepted, at
     * most 3 months from the approval; null where none is registered.
     */
    paperExtension: z
      .object({ approvedOn: isoDate, document: z.string().trim().min(1), until: isoDate })
      .strict()
      .nullable(),
    eprescriptionLiveSince: isoDate.nullable(),
    citations: z.object(
      Object.fromEntries(POLICY_PARAMETERS.map((p) => [p, cited])) as Record<
        PolicyParameter,
        typeof cited
      >,
    ),
  })
  .strict();

/**
 * A pack as applied to one pharmacy: `registeredPoolArea` is the pool area of the pharmacy's
 * institution registration (its admdvs, fixed by configuration, never by the switchable pack).
 * A prescription must come from inside it whatever pack is chosen, so switching packs can only
 * narrow what is accepted (R-REGION).
 */
export type PolicyPack = z.infer<typeof policyPackSchema> & {
  readonly registeredPoolArea?: string;
};

/** 统筹区 of an admdvs: municipalities pool at province level (2 digits), others by city (4). */
export function poolAreaPrefixOf(admdvs: string): string {
  return ['11', '12', '31', '50'].includes(admdvs.slice(0, 2))
    ? admdvs.slice(0, 2)
    : admdvs.slice(0, 4);
}

/**
 * The pack bound to the pharmacy's registered admdvs: its pool area recorded (R-REGION), and
 * filled in as the pack's own when the pack asks for that (default.json).
 */
export function bindPolicyPack(pack: PolicyPack, pharmacyAdmdvs: string | undefined): PolicyPack {
  if (!pharmacyAdmdvs || !/^\d{6}$/.test(pharmacyAdmdvs)) return pack;
  const registeredPoolArea = poolAreaPrefixOf(pharmacyAdmdvs);
  if (!pack.poolAreaFromPharmacy) return { ...pack, registeredPoolArea };
  return {
    ...pack,
    admdvs: pack.admdvs ?? pharmacyAdmdvs,
    poolAreaPrefixes: [registeredPoolArea],
    registeredPoolArea,
  };
}

export function parsePolicyPack(json: unknown, where = '政策包'): PolicyPack {
  const r = policyPackSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
    throw new Error(`${where} 格式错误：${issues.join('；')}`);
  }
  const pack = r.data;
  const misplaced = POLICY_PARAMETERS.filter((p) => {
    return pack.citations[p].ruleId !== EXPECTED_RULE[p];
  });
  if (misplaced.length) throw new Error(`${where} 的依据条款规则编号不符：${misplaced.join('、')}`);
  if (pack.dualChannelPaperCutoff > LATEST_DUAL_CHANNEL_CUTOFF) {
    throw new Error(
      `${where} 的“双通道”纸质处方截止日期 ${pack.dualChannelPaperCutoff} 晚于 ${LATEST_DUAL_CHANNEL_CUTOFF}：延长纸质处方使用时间不超过3个月（${citation('R-PAPER-EXT')}）`,
    );
  }
  const ext = pack.paperExtension;
  if (
    ext &&
    (ext.until < ext.approvedOn || ext.until > addMonths(ext.approvedOn, PAPER_EXTENSION_MONTHS))
  ) {
    throw new Error(
      `${where} 的纸质处方延期（${ext.document}，批准于${ext.approvedOn}）截止日期 ${ext.until} 不在批准之日起${PAPER_EXTENSION_MONTHS}个月内（${citation('R-PAPER-EXT')}）`,
    );
  }
  const foreign = POLICY_PARAMETERS.filter((p) => citesForeignDocument(pack, p));
  if (foreign.length) {
    throw new Error(`${where} 引用了不适用于${pack.name}的文件：${foreign.join('、')}`);
  }
  const unmarked = POLICY_PARAMETERS.filter(
    (p) =>
      pack.citations[p].document === null && !pack.citations[p].source.startsWith(PHARMACY_SETTING),
  );
  if (unmarked.length) {
    throw new Error(`${where} 无文件依据的参数须注明“${PHARMACY_SETTING}”：${unmarked.join('、')}`);
  }
  return pack;
}

/**
 * A parameter cites a document of another region (its `document`, or one its text names): the
 * region's own documents and national ones only. The default pack (no admdvs) may cite only
 * national documents.
 */
export function citesForeignDocument(pack: PolicyPack, param: PolicyParameter): boolean {
  const c = pack.citations[param];
  const named =
    c.document === null ? documentsNamedIn(c.source) : [c.document, ...documentsNamedIn(c.source)];
  return named.some((d) => !documentGoverns(d, pack.admdvs));
}

/**
 * 国家医保局外配处方管理通知 §四: dual-channel paper ends 2025-01-01; an approved extension is at
 * most 3 months, so no region accepts it from 2025-04-01 on (R-PAPER-EXT).
 */
export const LATEST_DUAL_CHANNEL_CUTOFF = '2025-04-01';

/** 国家医保局外配处方管理通知 §四: "延长时间不超过3个月" (R-PAPER-EXT). */
export const PAPER_EXTENSION_MONTHS = 3;

const EXPECTED_RULE: Record<PolicyParameter, RuleId> = {
  validity: 'R-VALID',
  chronicSpecialValidity: 'R-VALID',
  poolAreaPrefixes: 'R-REGION',
  excludedClasses: 'R-EXCLUDED',
  longRxMaxDays: 'R-LONGRX',
  shortRxWarnDays: 'R-LONGRX',
  paperAcceptedUntil: 'R-PAPER-DUAL',
  dualChannelPaperCutoff: 'R-PAPER-DUAL',
  paperExtension: 'R-PAPER-EXT',
  eprescriptionLiveSince: 'R-CENTER',
};

/** One policy file as read by the caller (the domain does no I/O). */
export interface PolicyPackFile {
  /** File name, e.g. "500000.json": the pack's id must match it. */
  name: string;
  text: string;
}

/**
 * The packs of config/policy from their files' text, sorted by id. With `pharmacyAdmdvs`, packs
 * that derive their pool area from the pharmacy (default.json) get it filled in. Throws a
 * Chinese error naming the bad file. Reading the directory is the caller's job:
 * `readdirSync(dir).filter(f => f.endsWith('.json')).map(name => ({ name, text: readFileSync(join(dir, name), 'utf8') }))`.
 */
export function parsePolicyPacks(
  files: readonly PolicyPackFile[],
  opts: { pharmacyAdmdvs?: string } = {},
): PolicyPack[] {
  return [...files]
    .filter((f) => f.name.endsWith('.json'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => {
      let json: unknown;
      try {
        json = JSON.parse(f.text);
      } catch (e) {
        throw new Error(`政策包 ${f.name} 不是有效的 JSON：${(e as Error).message}`);
      }
      const pack = parsePolicyPack(json, `政策包 ${f.name}`);
      if (`${pack.id}.json` !== f.name.replace(/^.*[\\/]/, '')) {
        throw new Error(`政策包 ${f.name} 的 id（${pack.id}）与文件名不一致`);
      }
      return bindPolicyPack(pack, opts.pharmacyAdmdvs);
    });
}

/**
 * The validity ceiling that governs a prescription (R-VALID): the region's 门特 clause for a
 * 门特/门慢 prescription where the pack has one, else the pack's general ceiling; with the
 * parameter whose citation the refusal shows.
 */
export function validityFor(
  pack: PolicyPack,
  chronicSpecial: boolean,
): { validity: PolicyPack['validity']; param: 'validity' | 'chronicSpecialValidity' } {
  return chronicSpecial && pack.chronicSpecialValidity
    ? { validity: pack.chronicSpecialValidity, param: 'chronicSpecialValidity' }
    : { validity: pack.validity, param: 'validity' };
}
