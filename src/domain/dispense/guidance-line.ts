/**
 * One line of the medication guidance (R-GUIDE, ST-EPC-02-012): where a drug has
 * contraindications or cautions, or the physician wrote a special instruction, the patient must
 * be told them explicitly ("药品有服药禁忌、注意事项等情况的、处方医嘱有特殊说明的，须明确告知参保人").
 */
export interface GuidanceLine {
  lineNo: number;
  genname: string;
  spec: string;
  /** e.g. 口服，每次1片，每日一次，连用7天 */
  usage: string;
  /** 服药禁忌 from the catalogue. */
  contraindications: string[];
  /** 注意事项 from the catalogue. */
  cautions: string[];
  /** 医嘱特殊说明 from the prescription line, or null. */
  instruction: string | null;
  /** Standing notes of the dosage form and drug class. */
  notes: string[];
  /** One printable paragraph stating all of the above. */
  text: string;
}

export type GuidanceFacts = Omit<GuidanceLine, 'text'>;

const joined = (items: readonly string[]) => items.join('；');

/** The printable paragraph: usage, then each kind of warning under its own label. */
export function guidanceLine(f: GuidanceFacts): GuidanceLine {
  const parts = [`${f.lineNo}. ${f.genname}（${f.spec}）：${f.usage}。`];
  if (f.contraindications.length > 0) parts.push(`【禁忌】${joined(f.contraindications)}。`);
  if (f.cautions.length > 0) parts.push(`【注意事项】${joined(f.cautions)}。`);
  if (f.instruction) parts.push(`【医嘱说明】${f.instruction}。`);
  parts.push(...f.notes);
  return { ...f, text: parts.join('') };
}
