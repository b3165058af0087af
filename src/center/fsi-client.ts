import { CenterError } from './center-error';
import { CenterReachability } from './center-reachability';
import { CenterClock, dateTime } from './clock';
import { deepFreeze, type FsiRequest, type FsiResponse, parseFsiResponse } from './fsi-wrapper';
import { excerpt, postText } from './http-post';
import { createMsgidGenerator, type MsgidSpace, msgidSlotMissing } from './msgid';
import { fsiReplyCapBytes } from './reply-caps';
import { isSignInRefusal } from './sign-in-refusal';
import { tifHeaders } from './tif-headers';
import { type FsiInfno, judgeBusinessResult, type TransactionInput } from './transactions';

export { CenterError, type CenterErrorKind } from './center-error';
export type { FsiRequest, FsiResponse } from './fsi-wrapper';

export interface FsiConfig {
  /** e.g. http://127.0.0.1:8097 (no trailing path). */
  baseUrl: string;
  /** e.g. /fsi/api/rsfComIfsService/callService */
  path: string;
  paasid: string;
  paasToken: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  /** 就医地 division of the pharmacy (6 digits). */
  mdtrtareaAdmvs: string;
  devNo: string;
  timeoutMs: number;
}

/** A call of transaction `K`: only catalogued transactions (transactions/) can be sent. */
export interface FsiCall<K extends FsiInfno = FsiInfno> {
  infno: K;
  /** The `input` node as the transaction's schema accepts it, e.g. `{ data: {...} }`. */
  input: TransactionInput<K>;
  opter: string;
  opterName: string;
  /** From 9001; required by the center for everything but 9001. */
  signNo?: string | null;
  /** 参保地 division (from 1101); required when the input carries psn_no. */
  insuplcAdmdvs?: string;
}

/** A live sign_no for the operator of a request whose own sign-in the center says has ended. */
export type SignInRenewer = (ended: FsiRequest) => Promise<string>;

/** The interface version and operator type the counter sends (1 = 经办人). */
const INFVER = 'V1.0';
const OPTER_TYPE = '1';
const RECER_SYS_CODE = 'FSI_LOCAL';

/**
 * Client of the FSI gateway (channel B): builds the wrapper, signs the TIF headers and posts
 * straight to the configured center. `send` and `call` return business refusals (infcode ≠ 0)
 * as responses; use `assertOk` to turn them into CenterError('business'). Every infcode-0 reply
 * is judged by its transaction's business result first (transactions/): a failed
 * result comes back as a refusal (-2, `businessFailed`) in the center's words, a reply without
 * the evidence of success its transaction must carry is malformed (outcome unknown).
 */
export class FsiClient {
  private nextMsgid: () => string;
  private msgidSpace: MsgidSpace | undefined;
  private readonly now: () => Date;
  /** The center's time as its replies state it (validity is judged on it, R-VALID). */
  readonly centerClock: CenterClock;
  private renewSignIn: SignInRenewer | null = null;
  /** Whether the center answers at all, from every exchange (the 医保中心离线 banner). */
  readonly reachability = new CenterReachability();

  constructor(
    private readonly config: FsiConfig,
    deps: { now?: () => Date; msgidSpace?: MsgidSpace } = {},
  ) {
    this.now = deps.now ?? (() => new Date());
    this.msgidSpace = deps.msgidSpace;
    this.nextMsgid = createMsgidGenerator(config.fixmedinsCode, this.now, deps.msgidSpace);
    this.centerClock = new CenterClock(this.now);
  }

  /**
   * Refuses (R-SETTLE) when this counter of a store has no msgid slot (D51): for callers that
   * would otherwise turn the refusal of a 9001 into "the center is unreachable".
   */
  assertMayBuildMsgids(): void {
    if (this.msgidSpace?.kind === 'unassigned') throw msgidSlotMissing(this.msgidSpace.reason);
  }

  /** Whether this client builds msgids (false for a counter of a store without its slot, D51). */
  get mayBuildMsgids(): boolean {
    return this.msgidSpace?.kind !== 'unassigned';
  }

  /**
   * The slot a counter of a store learnt after its start (D57): taken only while it has none,
   * never in place of one it uses (a slot is the counter's for good). True when taken.
   */
  adoptMsgidSlot(slot: number): boolean {
    if (this.mayBuildMsgids) return false;
    const space: MsgidSpace = { kind: 'slot', slot };
    this.nextMsgid = createMsgidGenerator(this.config.fixmedinsCode, this.now, space);
    this.msgidSpace = space;
    return true;
  }

  /** The complete, frozen request with its msgid: what an outbox stores and resends as-is. */
  buildRequest<K extends FsiInfno>(
    call: FsiCall<K>,
    msgid: string = this.nextMsgid(),
  ): FsiRequest & { readonly infno: K } {
    const input = deepFreeze(structuredClone(call.input) as Record<string, unknown>);
    return deepFreeze({
      infno: call.infno,
      msgid,
      mdtrtarea_admvs: this.config.mdtrtareaAdmvs,
      insuplc_admdvs: call.insuplcAdmdvs ?? '',
      recer_sys_code: RECER_SYS_CODE,
      dev_no: this.config.devNo,
      dev_safe_info: '',
      cainfo: '',
      signtype: '',
      infver: INFVER,
      opter_type: OPTER_TYPE,
      opter: call.opter,
      opter_name: call.opterName,
      inf_time: dateTime(this.now()),
      fixmedins_code: this.config.fixmedinsCode,
      fixmedins_name: this.config.fixmedinsName,
      sign_no: call.signNo ?? '',
      input,
    });
  }

  /**
   * Gives the client a way to renew an ended 9001 sign-in (the services own sign-ins). Without
   * it a request refused for its sign-in comes back as that refusal.
   */
  renewSignInWith(renewer: SignInRenewer): void {
    this.renewSignIn = renewer;
  }

  /**
   * Posts a request exactly as built (same msgid, same body) with fresh gateway headers. A
   * refusal because its sign-in has ended (an outage longer than the 9001's validity) is sent
   * once more, same msgid and input, under a renewed sign-in: the center answers such a refusal
   * before it takes the message and keeps no record of it, so nothing can happen twice
   * (README, "Sign-in expiry"). 9001/9002 are never renewed: a sign-out names its sign-in.
   */
  async send(request: FsiRequest): Promise<FsiResponse> {
    const renew = this.renewSignIn;
    let attempt = request;
    let res = await this.sendOnce(attempt);
    if (!renew || request.infno === '9001' || request.infno === '9002') return res;
    // A renewal the counter kept may itself have ended meanwhile: then one more, never a loop.
    for (let renewals = 0; renewals < 2 && isSignInRefusal(res); renewals += 1) {
      try {
        attempt = { ...request, sign_no: await renew(attempt) };
      } catch {
        return res;
      }
      res = await this.sendOnce(attempt);
    }
    return res;
  }

  private async sendOnce(request: FsiRequest): Promise<FsiResponse> {
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}${this.config.path}`;
    const headers = tifHeaders(
      this.config.paasid,
      this.config.paasToken,
      Math.floor(this.now().getTime() / 1000),
    );
    const reply = await this.reached(() =>
      postText(url, JSON.stringify(request), {
        headers,
        timeoutMs: this.config.timeoutMs,
        maxReplyBytes: fsiReplyCapBytes(request.infno),
        msgid: request.msgid,
      }),
    );
    if (reply.status < 200 || reply.status > 299) {
      throw new CenterError(
        'http',
        `医保中心网关返回 HTTP ${reply.status}：${excerpt(reply.text)}`,
        {
          status: reply.status,
          msgid: request.msgid,
        },
      );
    }
    const parsed = parseFsiResponse(reply.text);
    if (typeof parsed === 'string') {
      throw new CenterError('malformed', `医保中心应答无法识别：${parsed}`, {
        status: reply.status,
        msgid: request.msgid,
      });
    }
    this.centerClock.observe(parsed.respond_time);
    if (parsed.infcode !== 0) return parsed;
    const verdict = judgeBusinessResult(request.infno, parsed);
    if (verdict.kind === 'failed')
      return { ...parsed, infcode: -2, err_msg: verdict.words, businessFailed: true };
    if (verdict.kind === 'unreadable') {
      throw new CenterError('malformed', `医保中心应答未表明业务成功：${verdict.words}`, {
        status: reply.status,
        msgid: request.msgid,
      });
    }
    return parsed;
  }

  /** Posts, telling `reachability` whether the center answered (a gateway 5xx is no answer). */
  private async reached(post: () => ReturnType<typeof postText>): ReturnType<typeof postText> {
    const at = this.now().getTime();
    try {
      const reply = await post();
      if (reply.status >= 500) this.reachability.failed(at, `HTTP ${reply.status}`);
      else this.reachability.answered();
      return reply;
    } catch (err) {
      const kind = err instanceof CenterError ? err.kind : 'network';
      if (kind === 'network' || kind === 'timeout')
        this.reachability.failed(at, err instanceof Error ? err.message : String(err));
      else this.reachability.answered();
      throw err;
    }
  }

  async call<K extends FsiInfno>(call: FsiCall<K>): Promise<FsiResponse> {
    return this.send(this.buildRequest(call));
  }
}

/** Throws CenterError('business') with the center's err_msg unless infcode is 0. */
export function assertOk(res: FsiResponse, msgid?: string): FsiResponse {
  if (res.infcode !== 0) {
    const extra = msgid === undefined ? { infcode: res.infcode } : { infcode: res.infcode, msgid };
    throw new CenterError(
      'business',
      res.err_msg || `医保中心返回错误（infcode ${res.infcode}）`,
      extra,
    );
  }
  return res;
}
