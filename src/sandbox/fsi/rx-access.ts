import { randomBytes } from 'node:crypto';
import { compactTime, dateTime } from '../../center/clock';
import { RX_STATUS } from '../../center/rx/rx-status';
import { nextCounter } from '../db';
import { Refusal } from '../refusal';
import { effectiveStatus, findRx, type RxRow, rxViewOf } from '../rx/rx-store';
import { type FsiContext, field } from './context';

/**
 * How a pharmacy reaches a prescription on the FSI side (R-AUTH): an epc_token from the QR
 * code (7201) or from a download by a single-use auth_rxno (7202 → 7203/7204). Tokens belong to
 * the pharmacy that obtained them.
 */
const TOKEN_VALID_MS = 24 * 3600_000;

export function issueEpcToken(ctx: FsiContext, hiRxno: string): string {
  const token = randomBytes(32).toString('hex').toUpperCase();
  ctx.db
    .prepare(
      'INSERT INTO epc_tokens (epc_token, hi_rxno, fixmedins_code, created_at) VALUES (?, ?, ?, ?)',
    )
    .run(token, hiRxno, ctx.request.fixmedins_code, Date.now());
  return token;
}

export function issueAuthRxno(ctx: FsiContext, hiRxno: string): string {
  const serial = String(nextCounter(ctx.db, 'auth_rxno')).padStart(10, '0');
  const authRxno = `${ctx.config.fsi.centerAdmdvs}${compactTime(ctx.now)}${serial}`;
  ctx.db
    .prepare(
      'INSERT INTO auth_rxnos (auth_rxno, hi_rxno, fixmedins_code, created_at) VALUES (?, ?, ?, ?)',
    )
    .run(authRxno, hiRxno, ctx.request.fixmedins_code, Date.now());
  return authRxno;
}

/** The prescription behind an epc_token of the calling pharmacy. */
export function rxByToken(ctx: FsiContext, token: string): RxRow {
  const t = ctx.db
    .prepare('SELECT hi_rxno, fixmedins_code, created_at FROM epc_tokens WHERE epc_token = ?')
    .get(token) as { hi_rxno: string; fixmedins_code: string; created_at: number } | undefined;
  if (!t || t.fixmedins_code !== ctx.request.fixmedins_code) {
    throw new Refusal('电子处方令牌（epc_token）无效，请重新扫描处方二维码或重新查询');
  }
  if (Date.now() - t.created_at > TOKEN_VALID_MS) {
    throw new Refusal('电子处方令牌（epc_token）已过期，请重新扫描处方二维码或重新查询');
  }
  const row = findRx(ctx.db, t.hi_rxno);
  if (!row) throw new Refusal('未查询到电子处方');
  return row;
}

/**
 * 7203/7204 input: `epc_token`, or `auth_rxno`, which is consumed (once) and exchanged for a
 * fresh epc_token.
 */
export function resolveDownload(
  ctx: FsiContext,
  data: Record<string, unknown>,
): { row: RxRow; token: string } {
  const token = field(data, 'epc_token');
  const authRxno = field(data, 'auth_rxno');
  if (token) return { row: rxByToken(ctx, token), token };
  if (!authRxno) {
    throw new Refusal('须提供电子处方令牌（epc_token）或医保处方授权编号（auth_rxno）');
  }
  const a = ctx.db
    .prepare('SELECT hi_rxno, fixmedins_code, used_at FROM auth_rxnos WHERE auth_rxno = ?')
    .get(authRxno) as
    | { hi_rxno: string; fixmedins_code: string; used_at: number | null }
    | undefined;
  if (!a || a.fixmedins_code !== ctx.request.fixmedins_code) {
    throw new Refusal('医保处方授权编号（auth_rxno）无效');
  }
  if (a.used_at !== null) {
    throw new Refusal(
      '医保处方授权编号（auth_rxno）已使用，每个授权编号只能下载一次，请重新查询（7202）',
    );
  }
  ctx.db.prepare('UPDATE auth_rxnos SET used_at = ? WHERE auth_rxno = ?').run(Date.now(), authRxno);
  const row = findRx(ctx.db, a.hi_rxno);
  if (!row) throw new Refusal('未查询到电子处方');
  return { row, token: issueEpcToken(ctx, row.hi_rxno) };
}

/** The 7203 output for a prescription (7204 adds the file and the signature). */
export function downloadOutput(ctx: FsiContext, row: RxRow, token: string) {
  if (row.rx_stas_codg === RX_STATUS.prechecked.codg || row.upld_time === null) {
    throw new Refusal('未查询到电子处方：处方尚未上传至电子处方中心');
  }
  const view = rxViewOf(ctx.db, row);
  const status = effectiveStatus(row, ctx.now);
  return {
    data: {
      ...view.data,
      epc_token: token,
      x_upld_time: dateTime(new Date(row.upld_time)),
      rx_stas_codg: status.codg,
      rx_stas_name: status.name,
    },
    rxdrugdetail: view.rxdrugdetail,
    mdtrtinfo: view.mdtrtinfo,
    diseinfo: view.diseinfo,
  };
}
