import type { ServerResponse } from 'node:http';
import {
  EnvelopeError,
  type EnvelopeKeys,
  envelopeAppId,
  generateSm2KeyPair,
  openRequest,
  sealResponse,
} from '../../center/crypto';
import type { SandboxClock } from '../clock';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { applyAfter, applyBefore, type HeldRequests } from '../fault-effects';
import type { FaultStore } from '../faults';
import { isObject, sendJson, sendText } from '../http-util';
import { Refusal } from '../refusal';
import { registeredApps } from './apps';
import { EPC_CODES } from './codes';
import type { EpcApp, EpcRoute } from './context';
import type { EpcFreshness } from './freshness';
import { findEpcRoute } from './routes';

export interface EpcGatewayDeps {
  db: SandboxDb;
  config: SandboxConfig;
  faults: FaultStore;
  held: HeldRequests;
  clock: SandboxClock;
  /** Timestamp window and replay memory (center-protocol §2); judged on real time. */
  epcFreshness: EpcFreshness;
  log: (line: string) => void;
}

const ENVELOPE_CODES: Record<EnvelopeError['reason'], number> = {
  malformed: EPC_CODES.malformed,
  wrong_app: EPC_CODES.wrongApp,
  bad_cipher: EPC_CODES.badCipher,
  bad_signature: EPC_CODES.badSignature,
  center_error: EPC_CODES.malformed,
};

/** A key the platform does not own: what the 'badsig' fault signs replies with. */
let strangerKey: string | undefined;

/**
 * POST {epc.pathPrefix}<name>: opens the SM4 + SM2 envelope with the app's keys, runs the
 * interface in a database transaction and seals the reply with the platform key.
 * Envelope and business failures answer HTTP 200 with code ≠ 0 (as the platform does);
 * a body that is not JSON gets HTTP 400.
 */
export async function handleEpc(
  name: string,
  res: ServerResponse,
  text: string,
  deps: EpcGatewayDeps,
): Promise<void> {
  const route = findEpcRoute(name);
  if (!route) {
    sendJson(res, 404, { code: 404, message: `电子处方中心没有接口 ${name}`, success: false });
    return;
  }
  const before = deps.faults.take('epc', name, 'before');
  if (before && (await applyBefore(before, res, deps.held))) return;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    sendJson(res, 400, {
      code: EPC_CODES.malformed,
      message: '请求报文不是合法的 JSON',
      success: false,
    });
    return;
  }

  const apps = registeredApps(deps.config);
  const app = apps.get(envelopeAppId(body) ?? '');
  const uncheckedSigners = before?.kind === 'unchecked-signers';
  const reply = app ? answer(name, route, body, app, deps, uncheckedSigners) : unknownApp(body);
  deps.log(`EPC ${name} → code ${String(reply.code)}`);

  const seal = (privateKey?: string): string => {
    if (!app) return JSON.stringify({ code: reply.code, message: reply.message, success: false });
    const keys = platformKeys(app, deps.config);
    const opts = { code: reply.code, message: reply.message };
    return JSON.stringify(
      sealResponse(reply.data, privateKey ? { ...keys, privateKey } : keys, opts),
    );
  };
  const after = deps.faults.take('epc', name, 'after');
  if (after) {
    const badsig = () => {
      strangerKey ??= generateSm2KeyPair().privateKey;
      return seal(strangerKey);
    };
    if (await applyAfter(after, res, deps.held, badsig)) return;
  }
  sendText(res, 200, seal());
}

/** The fields of a request that opened (so verified) that freshness reads. */
interface EpcEnvelopeHead {
  appId: string;
  timestamp: unknown;
  signData: unknown;
}

interface Reply {
  code: number;
  message: string;
  /** undefined: no encData (failures). */
  data: unknown;
}

function platformKeys(app: EpcApp, config: SandboxConfig): EnvelopeKeys {
  return {
    appId: app.appId,
    appSecret: app.appSecret,
    privateKey: config.epc.platformKeys.privateKey,
    peerPublicKey: app.publicKey,
    userId: config.epc.sm2UserId,
    sm2Engine: 'native',
  };
}

function unknownApp(body: unknown): Reply {
  const appId = envelopeAppId(body);
  return {
    code: appId ? EPC_CODES.wrongApp : EPC_CODES.malformed,
    message: appId ? `应用未在电子处方中心登记（appId ${appId}）` : '报文格式错误：缺少 appId',
    data: undefined,
  };
}

function answer(
  name: string,
  route: EpcRoute,
  body: unknown,
  app: EpcApp,
  deps: EpcGatewayDeps,
  uncheckedSigners: boolean,
): Reply {
  let data: unknown;
  try {
    data = openRequest(body, platformKeys(app, deps.config));
  } catch (err) {
    if (err instanceof EnvelopeError) {
      return {
        code: ENVELOPE_CODES[err.reason],
        message: `报文校验失败：${err.message}`,
        data: undefined,
      };
    }
    throw err;
  }
  const stale = deps.epcFreshness.check(body as EpcEnvelopeHead, Date.now());
  if (stale) return { ...stale, data: undefined };
  if (!isObject(data)) {
    return {
      code: EPC_CODES.validation,
      message: '业务数据（data）应为 JSON 对象',
      data: undefined,
    };
  }
  try {
    const result = deps.db.transaction(() =>
      route({
        db: deps.db,
        config: deps.config,
        now: deps.clock.now(),
        app,
        data,
        uncheckedSigners,
      }),
    )();
    return { code: EPC_CODES.ok, message: '成功', data: result };
  } catch (err) {
    if (err instanceof Refusal) {
      return { code: err.epcCode ?? EPC_CODES.validation, message: err.message, data: undefined };
    }
    deps.log(`EPC ${name} 系统错误：${err instanceof Error ? err.stack : String(err)}`);
    return { code: EPC_CODES.system, message: '电子处方中心系统错误，请稍后重试', data: undefined };
  }
}
