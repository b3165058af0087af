import { z } from 'zod';
import { sm3Hex } from '../crypto/sm3';
import { canonicalJson } from './canonical-json';

/**
 * The prescription's own signature (center-protocol §3): the 20 signed fields, the digests
 * that bind the drug lines and the layout file into `originalValue`, and the verifiable
 * prescription file (`*.rx.json`). Shared by the sandbox (which signs) and the app and the
 * offline verifier (which check).
 */
export const SIGNED_FIELDS = [
  'rxTraceCode',
  'hiRxno',
  'mdtrtId',
  'patnName',
  'psnCertType',
  'certno',
  'fixmedinsName',
  'fixmedinsCode',
  'drCode',
  'prscDrName',
  'pharDeptName',
  'pharDeptCode',
  'pharProfttlCodg',
  'pharProfttlName',
  'pharCode',
  'pharCertType',
  'pharCertno',
  'pharName',
  'pharPracCertNo',
  'pharChkTime',
] as const;
export type SignedField = (typeof SIGNED_FIELDS)[number];
export type SignedFields = Record<SignedField, string>;

/** What `originalValue` decodes to: the 20 fields plus the two digests (lower-case hex SM3). */
export type SignedPayload = SignedFields & { x_rxdrugdetail_sm3: string; x_rx_file_sm3: string };

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, '应为 64 位十六进制 SM3 摘要');
export const signedPayloadSchema = z.object({
  ...(Object.fromEntries(SIGNED_FIELDS.map((f) => [f, z.string()])) as Record<
    SignedField,
    z.ZodString
  >),
  x_rxdrugdetail_sm3: hex64,
  x_rx_file_sm3: hex64,
});

/** A drug line exactly as downloaded (7204 `rxdrugdetail[]`, snake_case keys). */
export type RxDrugLine = Record<string, unknown>;

/** The verifiable prescription file; keys beyond these are allowed and ignored. */
export const rxFileSchema = z.looseObject({
  originalValue: z.string().min(1),
  signDigest: z.string().min(1),
  signCertSn: z.string().min(1),
  signCertDn: z.string().min(1),
  x_sign_cert: z.string().min(1),
  rxdrugdetail: z.array(z.record(z.string(), z.unknown())),
  rx_file: z.string().min(1),
});
export type RxFile = z.infer<typeof rxFileSchema>;

/** x_rxdrugdetail_sm3: hex SM3 of the RFC 8785 canonical JSON of the drug-line array. */
export function rxDrugDetailDigest(lines: readonly RxDrugLine[]): string {
  return sm3Hex(canonicalJson(lines));
}

/** x_rx_file_sm3: hex SM3 of the decoded layout-file bytes. */
export function rxFileDigest(fileBytes: Uint8Array): string {
  return sm3Hex(fileBytes);
}

/** Base64 of the UTF-8 JSON of the signed payload (keys in canonical order). */
export function buildOriginalValue(
  fields: SignedFields,
  lines: readonly RxDrugLine[],
  fileBytes: Uint8Array,
): string {
  const payload: SignedPayload = {
    ...pickSignedFields(fields),
    x_rxdrugdetail_sm3: rxDrugDetailDigest(lines),
    x_rx_file_sm3: rxFileDigest(fileBytes),
  };
  return Buffer.from(canonicalJson(payload), 'utf8').toString('base64');
}

export function pickSignedFields(source: Record<string, unknown>): SignedFields {
  const out = {} as SignedFields;
  for (const f of SIGNED_FIELDS) {
    const v = source[f];
    out[f] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}
