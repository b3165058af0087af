import type { SandboxDb } from '../db';
import { type FaultKind, TAMPER_KINDS, type TamperKind } from '../faults';

export function isTamperKind(kind: FaultKind): kind is TamperKind {
  return (TAMPER_KINDS as readonly string[]).includes(kind);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Alters a 7203/7204 reply the way a man in the middle (or a broken proxy) would: the wrapper
 * stays well-formed, only the prescription changes. Replies of other transactions pass unchanged.
 */
export function tamperReply(body: string, kind: TamperKind, db: SandboxDb): string {
  const reply = JSON.parse(body) as Json;
  const out = reply.output;
  if (!isObject(out) || !isObject(out.data)) return body;
  const data = out.data;
  const hiRxno = String(data.hi_rxno ?? '');
  switch (kind) {
    case 'tamper-field':
      if (isObject(out.mdtrtinfo)) out.mdtrtinfo.patn_name = `${String(out.mdtrtinfo.patn_name)}某`;
      break;
    case 'tamper-drugline': {
      const line = Array.isArray(out.rxdrugdetail) ? out.rxdrugdetail[0] : undefined;
      if (isObject(line)) line.drug_cnt = String(Number(line.drug_cnt) * 10);
      break;
    }
    case 'swap-layout': {
      const other = db
        .prepare(
          'SELECT rx_file FROM epc_prescriptions WHERE hi_rxno <> ? AND rx_file IS NOT NULL ORDER BY hi_rxno LIMIT 1',
        )
        .get(hiRxno) as { rx_file: Buffer } | undefined;
      if (other && 'rx_file' in data) data.rx_file = Buffer.from(other.rx_file).toString('base64');
      break;
    }
    case 'swap-cert': {
      const other = db
        .prepare(
          `SELECT cert_der FROM institution_certs
           WHERE fixmedins_code <> ? AND revoked_at IS NULL ORDER BY serial_hex LIMIT 1`,
        )
        .get(String(data.fixmedins_code ?? '')) as { cert_der: Buffer } | undefined;
      if (other && 'x_sign_cert' in data)
        data.x_sign_cert = Buffer.from(other.cert_der).toString('base64');
      break;
    }
  }
  return JSON.stringify(reply);
}
