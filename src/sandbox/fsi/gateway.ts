import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGN_IN_INVALID } from '../../center/sign-in-refusal';
import type { SandboxClock } from '../clock';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { applyAfter, applyBefore, type HeldRequests } from '../fault-effects';
import type { FaultStore } from '../faults';
import { isObject, sendJson, sendText } from '../http-util';
import { PersistedRefusal, Refusal } from '../refusal';
import { BUSINESS_FAILURE_WORDS, failedBusinessOutput } from './business-failure';
import type { FsiContext } from './context';
import { findLiveSignIn, SIGN_IN_INVALID_MESSAGE } from './sign-ins';
import { isSettleSpoilKind, spoilSettlementReply } from './spoil-settlement';
import { isTamperKind, tamperReply } from './tamper';
import type { TifChecker } from './tif-check';
import { FSI_TRANSACTIONS } from './transactions';
import { buildResponse, msgidProblem, validateWrapper } from './wrapper';

export interface FsiGatewayDeps {
  db: SandboxDb;
  config: SandboxConfig;
  faults: FaultStore;
  tif: TifChecker;
  held: HeldRequests;
  clock: SandboxClock;
  log: (line: string) => void;
}

/**
 * POST {fsi.path}: TIF headers → wrapper → replay → validation → sign-in → transaction.
 * The first answer to a msgid (success or business refusal) is stored and replayed byte for
 * byte; a system error (-1) rolls back and is not stored, so the same msgid can be retried.
 */
export async function handleFsi(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
  deps: FsiGatewayDeps,
) {
  const receivedAt = new Date();
  const tifFailure = deps.tif.check(req.headers, receivedAt.getTime());
  if (tifFailure) {
    sendJson(res, tifFailure.status, {
      code: tifFailure.status,
      type: tifFailure.type,
      message: tifFailure.message,
    });
    return;
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const infno = isObject(body) && typeof body.infno === 'string' ? body.infno : null;
  const before = deps.faults.take('fsi', infno, 'before');
  if (before?.kind === 'bizfail') {
    deps.log(`FSI ${infno ?? '?'} → 故障注入：infcode 0，业务结果失败`);
    sendText(
      res,
      200,
      buildResponse(deps.db, deps.config, receivedAt, deps.clock.now(), {
        infcode: 0,
        errMsg: BUSINESS_FAILURE_WORDS,
        output: failedBusinessOutput(infno),
      }),
    );
    return;
  }
  if (before && (await applyBefore(before, res, deps.held))) return;

  const reply = answer(body, receivedAt, text, deps);
  deps.log(
    `FSI ${infno ?? '?'} ${isObject(body) ? String(body.msgid ?? '') : ''} → HTTP ${reply.status} ${reply.summary}`,
  );

  const after = deps.faults.take('fsi', infno, 'after');
  if (after) {
    const badsig = () =>
      JSON.stringify({
        ...(JSON.parse(reply.body) as object),
        output: '\u0000沙箱故障注入：输出已损坏',
      });
    if (isTamperKind(after.kind)) {
      sendText(res, reply.status, tamperReply(reply.body, after.kind, deps.db));
      return;
    }
    if (isSettleSpoilKind(after.kind)) {
      sendText(res, reply.status, spoilSettlementReply(reply.body, after.kind, deps.db));
      return;
    }
    if (await applyAfter(after, res, deps.held, badsig)) return;
  }
  sendText(res, reply.status, reply.body);
}

interface Reply {
  status: number;
  body: string;
  summary: string;
}

function answer(body: unknown, receivedAt: Date, raw: string, deps: FsiGatewayDeps): Reply {
  const { db, config } = deps;
  const refuse = (errMsg: string, status = 200): Reply => ({
    status,
    body: buildResponse(db, config, receivedAt, deps.clock.now(), { infcode: -2, errMsg }),
    summary: `infcode -2 ${errMsg}`,
  });
  if (body === undefined) return refuse('请求报文不是合法的 JSON', 400);
  if (!isObject(body)) return refuse('请求报文应为 JSON 对象', 400);
  const msgidIssue = msgidProblem(body.msgid);
  if (msgidIssue) return refuse(msgidIssue);
  const msgid = body.msgid as string;

  const stored = db
    .prepare('SELECT infno, response FROM processed_messages WHERE msgid = ?')
    .get(msgid) as { infno: string; response: string } | undefined;
  if (stored) {
    if (stored.infno !== body.infno) {
      return refuse(
        `报文ID（msgid）${msgid} 已用于交易 ${stored.infno}，不能用于交易 ${String(body.infno)}`,
      );
    }
    return { status: 200, body: stored.response, summary: 'replayed' };
  }

  const record = (infno: string, fixmedinsCode: string, infcode: number, response: string) =>
    db
      .prepare(
        `INSERT INTO processed_messages (msgid, infno, fixmedins_code, infcode, request, response, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(msgid, infno, fixmedinsCode, infcode, raw, response, receivedAt.getTime());
  const refuseAndRecord = (errMsg: string): Reply => {
    const response = buildResponse(db, config, receivedAt, deps.clock.now(), {
      infcode: -2,
      errMsg,
    });
    record(String(body.infno ?? ''), String(body.fixmedins_code ?? ''), -2, response);
    return { status: 200, body: response, summary: `infcode -2 ${errMsg}` };
  };

  const checked = validateWrapper(body, db);
  if ('problems' in checked)
    return refuseAndRecord(`请求报文校验失败：${checked.problems.join('；')}`);
  const { wrapper, institution } = checked;
  const transaction = FSI_TRANSACTIONS[wrapper.infno];
  if (!transaction) return refuseAndRecord(`不支持的交易：${wrapper.infno}`);
  if (
    transaction.requiresSignIn &&
    !findLiveSignIn(db, config, wrapper.fixmedins_code, wrapper.sign_no, receivedAt.getTime())
  ) {
    // Refused before the message is taken: not stored under its msgid (like a TIF failure), so
    // the same msgid may come again under a fresh sign-in (docs/sandbox.md, "Sign-in").
    return {
      status: 200,
      body: buildResponse(db, config, receivedAt, deps.clock.now(), {
        infcode: -2,
        errMsg: SIGN_IN_INVALID_MESSAGE,
        errCode: SIGN_IN_INVALID,
      }),
      summary: `infcode -2 ${SIGN_IN_INVALID}`,
    };
  }

  const now = deps.clock.now();
  const ctx: FsiContext = { db, config, now, request: wrapper, institution };
  try {
    const response = db.transaction(() => {
      const result = transaction.run(ctx);
      const text = buildResponse(db, config, receivedAt, deps.clock.now(), {
        infcode: 0,
        output: result.output,
        ...(result.warnMsg ? { warnMsg: result.warnMsg } : {}),
      });
      record(wrapper.infno, wrapper.fixmedins_code, 0, text);
      return text;
    })();
    return { status: 200, body: response, summary: 'infcode 0' };
  } catch (err) {
    if (err instanceof PersistedRefusal) err.persist();
    if (err instanceof Refusal) return refuseAndRecord(err.message);
    deps.log(`FSI ${wrapper.infno} 系统错误：${err instanceof Error ? err.stack : String(err)}`);
    return {
      status: 200,
      body: buildResponse(db, config, receivedAt, deps.clock.now(), {
        infcode: -1,
        errMsg: '中心系统错误，请稍后重试',
      }),
      summary: 'infcode -1',
    };
  }
}
