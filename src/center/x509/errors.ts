/**
 * The one error type of the X.509 module. `MALFORMED`: the bytes are not a well-formed DER
 * certificate / CRL (truncated, over-long, wrong structure). `NOT_SM2`: well-formed, but with a
 * key or signature algorithm other than SM2 / SM3withSM2, which the counter refuses.
 * `message` is Chinese for the counter; `detail` is the technical reason for logs.
 */
export type X509ErrorCode = 'MALFORMED' | 'NOT_SM2';

export class X509Error extends Error {
  readonly code: X509ErrorCode;
  readonly detail: string | undefined;

  constructor(code: X509ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'X509Error';
    this.code = code;
    this.detail = detail;
  }
}

/** Shorthand for a structural DER error; `detail` says where (English, for logs). */
export function malformed(detail: string): X509Error {
  return new X509Error('MALFORMED', '证书或吊销列表数据格式错误，无法解析', detail);
}
