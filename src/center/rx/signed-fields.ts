import { SIGNED_FIELD_SOURCES } from './fsi-72xx';
import { SIGNED_FIELDS, type SignedField, type SignedFields } from './rx-file';

/** The parts of a 7203/7204 reply that hold signed fields (snake_case). */
export interface SignedFieldSource {
  data: Record<string, unknown>;
  mdtrtinfo: Record<string, unknown>;
}

export interface SignedFieldComparison {
  field: SignedField;
  /** Where the downloaded value sits, e.g. "mdtrtinfo.patn_name". */
  source: string;
  signed: string;
  downloaded: string;
  equal: boolean;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * Each of the 20 signed fields against what the download carries (R-SIGN): a structured field
 * that differs from what the institution signed was changed after signing and blocks.
 */
export function compareSignedFields(
  payload: SignedFields,
  reply: SignedFieldSource,
): SignedFieldComparison[] {
  return SIGNED_FIELDS.map((field) => {
    const { node, key } = SIGNED_FIELD_SOURCES[field];
    const signed = text(payload[field]);
    const downloaded = text(reply[node]?.[key]);
    return { field, source: `${node}.${key}`, signed, downloaded, equal: signed === downloaded };
  });
}

/** Chinese reason naming the tampered fields, or null when every signed field matches. */
export function tamperedFieldsReason(comparisons: readonly SignedFieldComparison[]): string | null {
  const bad = comparisons.filter((c) => !c.equal);
  if (bad.length === 0) return null;
  return `下载的处方数据与医疗机构签名内容不符（字段 ${bad.map((c) => `${c.field}/${c.source}`).join('、')}），处方可能被篡改，不得审核或结算`;
}
