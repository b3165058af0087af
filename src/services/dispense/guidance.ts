import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { GuidanceView } from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { type GuidanceLine, guidanceLine } from '../../domain/dispense/guidance-line';
import { maskName } from '../../domain/mask';
import type { PaperLineRecord } from '../../store/paper-repository';

/** Standing notes per dosage form, beside the package-insert text the catalogue carries. */
const FORM_NOTES: Array<[RegExp, string]> = [
  [/缓释|控释/, '缓释/控释制剂须整粒（片）吞服，不可掰开、嚼碎或打开胶囊。'],
  [/肠溶/, '肠溶制剂须整粒吞服，不可嚼碎，宜餐前服用。'],
  [/注射/, '注射剂须按医嘱剂量与部位注射；未开封的置2–8℃冷藏，不可冷冻。'],
  [/合剂|口服液|糖浆/, '用前摇匀，用量杯量取。'],
];

const CLASS_NOTES: Record<string, string> = {
  narcotic: '麻醉药品，须严格按医嘱使用并妥善保管。',
  psychotropic2: '精神药品，可能引起嗜睡，服药期间不宜驾驶或操作机械，勿饮酒。',
};

function usageText(l: Out7204['rxdrugdetail'][number]): string {
  const parts = [
    l.medc_way_dscr,
    l.sin_doscnt == null ? '' : `每次${l.sin_doscnt}${l.sin_dosunt ?? ''}`,
    l.used_frqu_name,
    l.medc_days == null ? '' : `连用${l.medc_days}天`,
  ].filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join('，') : '请遵医嘱';
}

/** Medication guidance per line from the usage fields and catalog notes (R-GUIDE, ST-EPC-02-012). */
export function buildGuidance(
  hiRxno: string,
  patientName: string,
  reply: Out7204,
  catalog: ReadonlyMap<string, CatalogDrug>,
): GuidanceView {
  const lines = reply.rxdrugdetail.map((l, i): GuidanceLine => {
    const drug = catalog.get(l.med_list_codg);
    const spec = l.drug_spec ?? drug?.spec ?? '';
    const form = l.drug_dosform ?? drug?.dosform ?? '';
    return guidanceLine({
      ...catalogFacts(i + 1, l.drug_genname, spec, usageText(l), drug, form),
      instruction: l.x_dr_instr?.trim() || null,
    });
  });
  return guidanceSheet(hiRxno, patientName, lines);
}

/**
 * Guidance for a paper prescription (R-GUIDE): the archive holds no structured usage, so the
 * patient is pointed to the physician's written directions on the paper, with the days covered.
 */
export function buildPaperGuidance(
  rxno: string,
  patientName: string,
  paperLines: readonly PaperLineRecord[],
  catalog: ReadonlyMap<string, CatalogDrug>,
): GuidanceView {
  const lines = paperLines.map((l, i): GuidanceLine => {
    const drug = catalog.get(l.medListCodg);
    const usage = `按纸质处方上医师书写的用法用量服用，共${l.quantity}${l.unit}，用药${l.days}天`;
    return guidanceLine({
      ...catalogFacts(i + 1, l.genname, l.spec, usage, drug, drug?.dosform ?? ''),
      instruction: null,
    });
  });
  return guidanceSheet(rxno, patientName, lines);
}

function notesFor(drug: CatalogDrug | undefined, form: string): string[] {
  return [
    ...FORM_NOTES.filter(([re]) => re.test(form)).map(([, n]) => n),
    ...(drug?.classes ?? []).map((c) => CLASS_NOTES[c]).filter((n): n is string => Boolean(n)),
    ...(drug?.dualChannel ? ['“双通道”药品：请保留购药凭证，按疗程复诊取药。'] : []),
  ];
}

function catalogFacts(
  lineNo: number,
  genname: string,
  spec: string,
  usage: string,
  drug: CatalogDrug | undefined,
  form: string,
) {
  return {
    lineNo,
    genname,
    spec,
    usage,
    contraindications: drug?.contraindications ?? [],
    cautions: drug?.cautions ?? [],
    notes: notesFor(drug, form),
  };
}

function guidanceSheet(hiRxno: string, patientName: string, lines: GuidanceLine[]): GuidanceView {
  const name = maskName(patientName);
  const printable = [
    `用药指导单　处方号 ${hiRxno}　患者 ${name}`,
    ...lines.map((l) => l.text),
    '如有不适请立即停药并就医；药品请置于儿童不能触及处。本指导依据处方用法用量与药品说明书，未尽事项以说明书为准。',
  ].join('\n');
  return { hiRxno, patient: { name }, lines, printable, ruleId: 'R-GUIDE' };
}
