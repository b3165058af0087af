/**
 * The EPC envelope refusals the client must explain itself (center-protocol §2 "Freshness":
 * each with its own code). Only code 0 is public; these are the codes the sandbox documents
 * (docs/sandbox.md), kept here so the sandbox and the client cannot drift apart.
 */
export const EPC_FRESHNESS_CODES = {
  /** `timestamp` more than 300 s from the center's clock. */
  staleTimestamp: 1005,
  /** The same (appId, timestamp, signData) again within 600 s. */
  replayed: 1006,
} as const;

/**
 * The envelope refusals (before any business check) the sandbox documents: the app is unknown,
 * the encrypted data does not open with its appSecret, or its signature does not verify with the
 * public key registered for it. The set-up wizard's connection test names each.
 */
export const EPC_ENVELOPE_CODES = {
  malformed: 1001,
  wrongApp: 1002,
  badCipher: 1003,
  badSignature: 1004,
} as const;

/** The Chinese explanation for a freshness refusal, or undefined for any other code. */
export function freshnessRefusalMessage(code: number, centerMessage: string): string | undefined {
  const said = centerMessage ? `（中心答复：${centerMessage}）` : '';
  if (code === EPC_FRESHNESS_CODES.staleTimestamp) {
    return `电子处方中心拒绝请求：本机时间与中心时间相差过大，请校准本机系统时间（或联系信息管理员检查时间同步）后重试${said}`;
  }
  if (code === EPC_FRESHNESS_CODES.replayed) {
    return `电子处方中心拒绝请求：同一请求被重复提交（疑似重放），未受理，请重新操作${said}`;
  }
  return undefined;
}
