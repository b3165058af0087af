import type { IncomingMessage, ServerResponse } from 'node:http';
import { dateTime } from '../center/clock';
import { CRL_REASON_LABELS } from '../center/x509';
import { EC_PASSWORD_PATTERN } from '../domain/ec-voucher';
import { isCrlReason, revokeInstitutionCert } from './ca/ca-admin';
import type { SandboxClock } from './clock';
import type { SandboxConfig } from './config';
import type { SandboxDb } from './db';
import { setEcPassword } from './ec-voucher';
import { isObject, readBody, sendJson } from './http-util';
import { Refusal } from './refusal';
import { clearPayStandards, setPayStandard } from './settlement/pay-standards';

const MAX_OFFSET_MS = 20 * 365 * 86_400_000;

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  try {
    const v: unknown = JSON.parse((await readBody(req, 64 * 1024)) || '{}');
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Control routes beside the fault API: the center's business clock, the CA, announced
 * payment standards and the patient's own e-voucher app (activation, password reset).
 * Returns false when the path is not one of them.
 */
export async function handleExtraControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: {
    db: SandboxDb;
    config: SandboxConfig;
    clock: SandboxClock;
    log: (line: string) => void;
  },
): Promise<boolean> {
  if (path === '/x/sandbox/clock') {
    const state = () => ({ offsetMs: deps.clock.offset, now: dateTime(deps.clock.now()) });
    if (req.method === 'GET') {
      sendJson(res, 200, state());
      return true;
    }
    if (req.method === 'DELETE') {
      deps.clock.reset();
      deps.log('沙箱时钟已恢复为真实时间');
      sendJson(res, 200, state());
      return true;
    }
    if (req.method === 'POST') {
      const body = await jsonBody(req);
      const offset = body?.offsetMs;
      if (
        typeof offset !== 'number' ||
        !Number.isInteger(offset) ||
        Math.abs(offset) > MAX_OFFSET_MS
      ) {
        sendJson(res, 400, { code: 400, message: 'offsetMs 应为整数毫秒，绝对值不超过 20 年' });
        return true;
      }
      deps.clock.set(offset);
      deps.log(`沙箱时钟偏移 ${offset} 毫秒`);
      sendJson(res, 200, state());
      return true;
    }
  }
  if (path === '/x/sandbox/pay-standards') {
    if (req.method === 'DELETE') {
      sendJson(res, 200, { cleared: clearPayStandards(deps.db) });
      return true;
    }
    const body = req.method === 'POST' ? await jsonBody(req) : null;
    const { poolarea, medListCodg, fen } = body ?? {};
    if (
      typeof poolarea !== 'string' ||
      !/^\d{2,6}$/.test(poolarea) ||
      typeof medListCodg !== 'string' ||
      medListCodg === '' ||
      typeof fen !== 'number' ||
      !Number.isSafeInteger(fen) ||
      fen < 0
    ) {
      sendJson(res, 400, {
        code: 400,
        message:
          'POST 须提供 poolarea（统筹区前缀）、medListCodg 与 fen（支付标准，整数分）；DELETE 清除',
      });
      return true;
    }
    setPayStandard(deps.db, poolarea, medListCodg, fen);
    deps.log(`统筹区 ${poolarea} 药品 ${medListCodg} 的支付标准调整为 ${fen} 分`);
    sendJson(res, 200, { poolarea, medListCodg, fen });
    return true;
  }
  if (path === '/x/sandbox/ec-voucher' && req.method === 'POST') {
    const body = await jsonBody(req);
    const { certno, password } = body ?? {};
    if (
      typeof certno !== 'string' ||
      typeof password !== 'string' ||
      !EC_PASSWORD_PATTERN.test(password)
    ) {
      sendJson(res, 400, {
        code: 400,
        message: '须提供 certno（身份证号码）与 password（6位数字医保电子凭证密码）',
      });
      return true;
    }
    const psnNo = deps.db
      .prepare('SELECT psn_no FROM patients WHERE certno = ?')
      .pluck()
      .get(certno);
    if (typeof psnNo !== 'string') {
      sendJson(res, 404, { code: 404, message: '未查询到参保人信息' });
      return true;
    }
    setEcPassword(deps.db, psnNo, password);
    deps.log(`参保人 ${psnNo} 已在医保App激活电子凭证/重置密码（沙箱模拟）`);
    sendJson(res, 200, { psnNo, activated: true });
    return true;
  }
  if (path === '/x/sandbox/ca/revoke' && req.method === 'POST') {
    const body = await jsonBody(req);
    const code = body?.fixmedinsCode;
    const reason = body?.reason ?? 'keyCompromise';
    if (typeof code !== 'string' || !isCrlReason(reason)) {
      sendJson(res, 400, {
        code: 400,
        message: `须提供 fixmedinsCode；reason 可选：${Object.keys(CRL_REASON_LABELS).join('、')}`,
      });
      return true;
    }
    try {
      const { revoked, issued } = revokeInstitutionCert(deps.db, deps.config, code, reason);
      deps.log(`已吊销机构 ${code} 的签名证书 ${revoked.serial_hex}，新证书 ${issued.serial_hex}`);
      sendJson(res, 200, {
        fixmedinsCode: code,
        revokedSerial: revoked.serial_hex,
        reason,
        newSerial: issued.serial_hex,
        newCertDn: issued.subject_dn,
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      sendJson(res, 404, { code: 404, message: err.message });
    }
    return true;
  }
  return false;
}
