import { CenterError, EpcClient } from '../../center/epc-client';
import { EPC_ENVELOPE_CODES } from '../../center/epc-refusals';
import { assertOk, FsiClient } from '../../center/fsi-client';
import { type MsgidSpace, WHOLE_MSGID_SPACE } from '../../center/msgid';
import { loadTrustStore } from '../../center/rx/trust-store';
import type { ConnectionReport, ConnectionStep } from '../../contract/types-setup';
import { AppError } from '../../domain/errors';
import type { AppConfig } from '../config';
import { createCrlCache } from '../crl-cache';
import type { Logger } from '../logger';

/** Who the wizard's 9001 sign-in names (no staff exists yet). */
const SETUP_OPERATOR = { opter: 'setup', opterName: '首次设置' };
const SETUP_SIGN_IN = { opter_no: 'setup', mac: '00:00:00:00:00:00', ip: '127.0.0.1' };
const TEST_TIMEOUT_MS = 8_000;

type Center = Pick<AppConfig, 'fsi' | 'epc' | 'trust'>;

/**
 * Each link to the center separately, each with its own Chinese verdict: the FSI gateway (a 9001
 * sign-in), the e-prescription center (a query whose envelope it must open and whose reply we
 * must verify), the CA files, and the CRL (fetched, parsed, signed by one of those CAs).
 */
export async function testConnection(
  center: Center,
  log: Logger,
  msgidSpace: MsgidSpace = WHOLE_MSGID_SPACE,
): Promise<ConnectionReport> {
  const steps = [
    await fsiStep(center, msgidSpace),
    await epcStep(center),
    caStep(center),
    await crlStep(center, log),
  ];
  return { allOk: steps.every((s) => s.ok), steps };
}

async function fsiStep(center: Center, msgidSpace: MsgidSpace): Promise<ConnectionStep> {
  const label = '医保服务接口（签到 9001）';
  const timeoutMs = Math.min(center.fsi.timeoutMs, TEST_TIMEOUT_MS);
  // A counter of a store signs in within its msgid slot, or not at all (D51).
  const fsi = new FsiClient({ ...center.fsi, timeoutMs }, { msgidSpace });
  const failed = (message: string): ConnectionStep => ({ step: 'fsi', label, ok: false, message });
  try {
    assertOk(
      await fsi.call({ infno: '9001', input: { signIn: SETUP_SIGN_IN }, ...SETUP_OPERATOR }),
    );
    return { step: 'fsi', label, ok: true, message: `可达，签到成功（${center.fsi.baseUrl}）` };
  } catch (err) {
    if (err instanceof AppError) return failed(err.message);
    if (!(err instanceof CenterError)) throw err;
    if (err.kind === 'http' && (err.status === 401 || err.status === 403)) {
      return failed(
        `医保服务网关拒绝了接入凭据：请核对接入方标识与接入令牌（fsi.paasid / fsi.paasToken）。${err.message}`,
      );
    }
    if (err.kind === 'business') {
      return failed(`医保中心拒绝签到：请核对药店信息（pharmacy）。中心答复：${err.message}`);
    }
    return failed(
      `无法连接 ${center.fsi.baseUrl}：请核对地址、端口和路径（fsi.baseUrl / fsi.path），并确认本机已接入医保专网。${err.message}`,
    );
  }
}

async function epcStep(center: Center): Promise<ConnectionStep> {
  const label = '电子处方中心（签名与加密）';
  const epc = new EpcClient({ ...center.epc, timeoutMs: TEST_TIMEOUT_MS });
  const accepted = {
    step: 'epc' as const,
    label,
    ok: true,
    message: `可达，报文加密与签名均被接受，应答验签通过（${center.epc.baseUrl}）`,
  };
  try {
    // A review query for a prescription that cannot exist: only the envelope matters here.
    await epc.call('rxChkInfoQuery', {
      fixmedinsCode: center.fsi.fixmedinsCode,
      hiRxno: 'SETUP-CONNECTION-TEST',
    });
    return accepted;
  } catch (err) {
    if (!(err instanceof CenterError)) throw err;
    const failed = (message: string): ConnectionStep => ({
      step: 'epc',
      label,
      ok: false,
      message,
    });
    switch (err.kind) {
      case 'network':
      case 'timeout':
      case 'http':
        return failed(
          `无法连接 ${center.epc.baseUrl}：请核对地址、端口和路径前缀（epc.baseUrl / epc.pathPrefix）。${err.message}`,
        );
      case 'bad_signature':
        return failed(
          '中心应答的签名无法用配置中的平台公钥验证：请核对平台 SM2 公钥（epc.platformPublicKey）',
        );
      case 'malformed':
        return failed(`中心应答无法识别：请核对地址是否为电子处方中心。${err.message}`);
      case 'business':
        return envelopeVerdict(err.infcode) ?? accepted;
    }
  }
}

/** A refusal of the envelope itself, or undefined when the center refused only the (dummy) business request. */
function envelopeVerdict(code: number | undefined): ConnectionStep | undefined {
  const label = '电子处方中心（签名与加密）';
  const failed = (message: string): ConnectionStep => ({ step: 'epc', label, ok: false, message });
  switch (code) {
    case EPC_ENVELOPE_CODES.wrongApp:
      return failed('中心不认识此应用编号：请核对应用编号（epc.appId）');
    case EPC_ENVELOPE_CODES.badCipher:
      return failed('中心无法解密请求：应用密钥不对，请核对应用密钥（epc.appSecret）');
    case EPC_ENVELOPE_CODES.badSignature:
      return failed(
        '中心验签失败：本机构 SM2 私钥与中心登记的公钥不符，请核对私钥（epc.privateKey）与 SM2 用户标识',
      );
    case EPC_ENVELOPE_CODES.malformed:
      return failed('中心无法读取请求报文：请核对电子处方接口路径前缀（epc.pathPrefix）');
    default:
      return undefined;
  }
}

function caStep(center: Center): ConnectionStep {
  const label = 'CA 证书';
  try {
    const store = loadTrustStore({ caFiles: center.trust.caFiles });
    return { step: 'ca', label, ok: true, message: `已读取 ${store.cas.length} 张 CA 证书` };
  } catch (err) {
    return {
      step: 'ca',
      label,
      ok: false,
      message: `CA 证书无法读取：${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

async function crlStep(center: Center, log: Logger): Promise<ConnectionStep> {
  const label = '证书吊销列表（CRL）';
  if (!center.trust.crlUrl) {
    return {
      step: 'crl',
      label,
      ok: false,
      message:
        '配置中没有吊销列表地址（trust.crlUrl）：无法确认处方签名证书未被吊销，请向医保部门索取地址',
    };
  }
  try {
    const refreshed = await createCrlCache({ ...center.trust, log }).refresh();
    const ok = refreshed.state === 'updated' || refreshed.state === 'unchanged';
    const message = ok
      ? `可达，吊销列表由受信任的 CA 签发（${center.trust.crlUrl}）`
      : refreshed.state === 'unreachable'
        ? `无法从 ${center.trust.crlUrl} 获取吊销列表：请核对吊销列表地址（trust.crlUrl）`
        : `${refreshed.message}：请核对吊销列表地址（trust.crlUrl）与 CA 证书`;
    return { step: 'crl', label, ok, message };
  } catch (err) {
    return {
      step: 'crl',
      label,
      ok: false,
      message: `吊销列表无法校验：${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
