/**
 * Drug classes that matter to e-prescription flow (R-EXCLUDED, 004 §二(二)). A catalog drug
 * lists the classes it belongs to; a region policy pack lists which classes it excludes.
 */
export const DRUG_CLASSES = {
  narcotic: '麻醉药品',
  radioactive: '放射性药品',
  psychotropic1: '第一类精神药品',
  psychotropic2: '第二类精神药品',
  pregnancyTermination: '终止妊娠药品',
  proteinAssimilation: '蛋白同化制剂',
  peptideHormone: '肽类激素（胰岛素除外）',
  precursor: '药品类易制毒化学品',
  vaccine: '疫苗',
  toxic: '医疗用毒性药品',
  doping: '其他兴奋剂',
  compoundControlled: '含特殊药品复方制剂',
  hospitalPreparation: '医疗机构制剂',
} as const;
export type DrugClass = keyof typeof DRUG_CLASSES;
export const DRUG_CLASS_CODES = Object.keys(DRUG_CLASSES) as DrugClass[];
