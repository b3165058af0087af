import { CenterError } from './center-error';
import {
  EnvelopeError,
  type EnvelopeKeys,
  openResponse,
  type Sm2Engine,
  sealRequest,
} from './crypto';
import type { EpcInterfaceName } from './epc-interfaces';
import { freshnessRefusalMessage } from './epc-refusals';
import { excerpt, postText } from './http-post';
import { EPC_REPLY_CAP_BYTES } from './reply-caps';

export { CenterError, type CenterErrorKind } from './center-error';
export { EPC_INTERFACES, type EpcInterfaceName } from './epc-interfaces';

export interface EpcConfig {
  /** e.g. http://127.0.0.1:8097 */
  baseUrl: string;
  /** e.g. /epc/api/fixmedins/ */
  pathPrefix: string;
  appId: string;
  appSecret: string;
  /** Our own SM2 private key (Base64 scalar): signs requests. */
  privateKey: string;
  /** The platform's SM2 public key (Base64 point): verifies replies. */
  platformPublicKey: string;
  sm2UserId?: string;
  sm2Engine?: Sm2Engine;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Client of the e-prescription center (channel A): seals the business data in the SM4 + SM2
 * envelope, posts it directly and returns the decrypted data of a verified reply.
 * A reply whose signature fails is `bad_signature` and never used.
 */
export class EpcClient {
  private readonly keys: EnvelopeKeys;

  private readonly now: () => Date;

  constructor(
    private readonly config: EpcConfig,
    deps: { now?: () => Date } = {},
  ) {
    this.now = deps.now ?? (() => new Date());
    this.keys = {
      appId: config.appId,
      appSecret: config.appSecret,
      privateKey: config.privateKey,
      peerPublicKey: config.platformPublicKey,
      ...(config.sm2UserId ? { userId: config.sm2UserId } : {}),
      ...(config.sm2Engine ? { sm2Engine: config.sm2Engine } : {}),
    };
  }

  async call<T = unknown>(name: EpcInterfaceName | string, data: object): Promise<T> {
    const base = this.config.baseUrl.replace(/\/+$/, '');
    const url = `${base}${this.config.pathPrefix}${encodeURIComponent(name)}`;
    const body = JSON.stringify(sealRequest(data, this.keys, { timestamp: this.now().getTime() }));
    const reply = await postText(url, body, {
      timeoutMs: this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxReplyBytes: EPC_REPLY_CAP_BYTES,
    });
    if (reply.status < 200 || reply.status > 299) {
      throw new CenterError(
        'http',
        `电子处方中心返回 HTTP ${reply.status}：${excerpt(reply.text)}`,
        {
          status: reply.status,
        },
      );
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(reply.text);
    } catch {
      throw new CenterError(
        'malformed',
        `电子处方中心应答不是合法的 JSON（${reply.text.length} 字节）`,
        {
          status: reply.status,
        },
      );
    }
    try {
      return openResponse(envelope, this.keys).data as T;
    } catch (err) {
      throw toCenterError(err, reply.status);
    }
  }
}

/**
 * Opening a reply is parsing and crypto only, so any failure in it (also a parser refusing, or
 * running out of stack on, a hostile nesting depth) means the reply cannot be used.
 */
function toCenterError(err: unknown, status: number): CenterError {
  if (!(err instanceof EnvelopeError)) {
    return new CenterError('malformed', `电子处方中心应答无法识别：${unreadableReason(err)}`, {
      status,
      cause: err,
    });
  }
  switch (err.reason) {
    case 'center_error':
      return new CenterError('business', centerRefusalMessage(err), {
        status,
        ...(err.centerCode === undefined ? {} : { infcode: err.centerCode }),
        cause: err,
      });
    case 'bad_signature':
      return new CenterError(
        'bad_signature',
        `电子处方中心应答验签失败，已拒绝使用：${err.message}`,
        {
          status,
          cause: err,
        },
      );
    default:
      return new CenterError('malformed', `电子处方中心应答无法识别：${err.message}`, {
        status,
        cause: err,
      });
  }
}

function centerRefusalMessage(err: EnvelopeError): string {
  const said = err.centerMessage ?? '';
  const freshness =
    err.centerCode === undefined ? undefined : freshnessRefusalMessage(err.centerCode, said);
  return freshness ?? (said || err.message);
}

function unreadableReason(err: unknown): string {
  if (err instanceof RangeError) return '数据嵌套过深';
  return err instanceof Error ? err.message : String(err);
}
