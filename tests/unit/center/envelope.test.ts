import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import sandbox from '../../../config/sandbox.json';
import {
  buildSignText,
  deriveSm4Key,
  EnvelopeError,
  type EnvelopeErrorReason,
  type EnvelopeKeys,
  envelopeAppId,
  generateSm2KeyPair,
  openRequest,
  openResponse,
  sealRequest,
  sealResponse,
  sm2Sign,
  sm2Verify,
  sm4EcbEncrypt,
} from '../../../src/center/crypto';

const { appId, appSecret, appKeys, platformKeys } = sandbox.epc;
/** The pharmacy/hospital client: signs with the app key, verifies replies with the platform key. */
const client: EnvelopeKeys = {
  appId,
  appSecret,
  privateKey: appKeys.privateKey,
  peerPublicKey: platformKeys.publicKey,
};
/** The center: signs with the platform key, verifies requests with the app's public key. */
const center: EnvelopeKeys = {
  appId,
  appSecret,
  privateKey: platformKeys.privateKey,
  peerPublicKey: appKeys.publicKey,
};

const data = {
  hiRxno: 'H500103202401010001',
  rxdrugdetail: [{ medListCodg: 'XA01', drugDosunt: '片', cnt: 2 }],
  note: '',
};

function reasonOf(fn: () => unknown): EnvelopeErrorReason | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    throw e;
  }
}

/** Wire round trip: what the HTTP layer does to a body. */
const wire = <T>(body: T): Record<string, unknown> => JSON.parse(JSON.stringify(body));

describe('EPC request envelope', () => {
  it('seals the documented shape and opens to the same data [ARCH]', () => {
    const body = sealRequest(data, client, { timestamp: 1_700_000_000_000 });
    expect(Object.keys(body)).toEqual([
      'appId',
      'encType',
      'signType',
      'timestamp',
      'encData',
      'signData',
    ]);
    expect(body).toMatchObject({
      appId,
      encType: 'SM4',
      signType: 'SM2',
      timestamp: '1700000000000',
    });
    expect(body.encData).toMatch(/^[0-9A-F]+$/);
    expect(Buffer.from(body.signData, 'base64')).toHaveLength(64);
    expect(JSON.stringify(body)).not.toContain('H500103202401010001');
    expect(openRequest(wire(body), center)).toEqual(data);
    expect(envelopeAppId(body)).toBe(appId);
  });

  it('encrypts exactly as the SDK: upper hex of SM4-ECB-PKCS7(derived key, JSON), checked with sm-crypto [ARCH]', () => {
    const body = sealRequest(data, client);
    const key = deriveSm4Key(appId, appSecret);
    const expected = smCrypto.sm4.encrypt(JSON.stringify(data), key.toString('hex'), {
      padding: 'pkcs#7',
    });
    expect(body.encData).toBe(expected.toUpperCase());
  });

  it('signs the documented sign text with data in plaintext, verifiable by the app public key [ARCH]', () => {
    const body = sealRequest({ b: 'x', a: 1 }, client, {
      timestamp: 1_700_000_000_000,
      version: '1.0.0',
    });
    const text = `appId=${appId}&data={"a":"1","b":"x"}&encType=SM4&signType=SM2&timestamp=1700000000000&version=1.0.0&key=${appSecret}`;
    expect(buildSignText({ ...body, data: { a: 1, b: 'x' } }, appSecret)).toBe(text);
    expect(sm2Verify(text, body.signData, appKeys.publicKey)).toBe(true);
  });

  it('rejects a tampered encData [ARCH]', () => {
    const body = sealRequest(data, client);
    const c = body.encData;
    const flipped = `${c.slice(0, 5)}${c[5] === '0' ? '1' : '0'}${c.slice(6)}`;
    expect(['bad_cipher', 'bad_signature']).toContain(
      reasonOf(() => openRequest({ ...body, encData: flipped }, center)),
    );
    // dropping the last block leaves well-formed hex that cannot be unpadded
    expect(reasonOf(() => openRequest({ ...body, encData: c.slice(0, -32) }, center))).toMatch(
      /bad_cipher|bad_signature/,
    );
    // a block-aligned ciphertext of other valid JSON, encrypted with the right key: only the signature catches it
    const forged = sm4EcbEncrypt(
      deriveSm4Key(appId, appSecret),
      Buffer.from(JSON.stringify({ ...data, hiRxno: 'X' })),
    );
    expect(reasonOf(() => openRequest({ ...body, encData: forged.toString('hex') }, center))).toBe(
      'bad_signature',
    );
  });

  it('rejects a tampered signData or header field [ARCH]', () => {
    const body = sealRequest(data, client);
    const sig = Buffer.from(body.signData, 'base64');
    sig[10] = (sig[10] ?? 0) ^ 0x01;
    expect(reasonOf(() => openRequest({ ...body, signData: sig.toString('base64') }, center))).toBe(
      'bad_signature',
    );
    expect(reasonOf(() => openRequest({ ...body, signData: 'garbage' }, center))).toBe(
      'bad_signature',
    );
    expect(
      reasonOf(() =>
        openRequest({ ...body, timestamp: String(Number(body.timestamp) + 1) }, center),
      ),
    ).toBe('bad_signature');
    expect(reasonOf(() => openRequest({ ...body, transType: 'X' }, center))).toBe('bad_signature');
    // fields the SDK leaves out of the sign text do not matter
    expect(openRequest({ ...body, transType: '', extra: { trace: 1 } }, center)).toEqual(data);
  });

  it('rejects a request signed by another key, and a wrong appSecret or appId [ARCH]', () => {
    const stranger = generateSm2KeyPair();
    const forged = sealRequest(data, { ...client, privateKey: stranger.privateKey });
    expect(reasonOf(() => openRequest(forged, center))).toBe('bad_signature');
    const body = sealRequest(data, client);
    const otherSecret = { ...center, appSecret: '00000000000000000000000000000000' };
    expect(reasonOf(() => openRequest(body, otherSecret))).toBe('bad_cipher');
    expect(reasonOf(() => openRequest({ ...body, appId: `${appId.slice(0, -1)}D` }, center))).toBe(
      'wrong_app',
    );
  });

  it('refuses malformed bodies with a clear reason [ARCH]', () => {
    const body = sealRequest(data, client);
    const malformed: unknown[] = [
      null,
      'text',
      [body],
      { ...body, appId: undefined },
      { ...body, encType: 'AES' },
      { ...body, signType: undefined },
      { ...body, timestamp: 'yesterday' },
      { ...body, timestamp: 1.5 },
      { ...body, encData: undefined },
      { ...body, encData: 'XYZ' },
      { ...body, signData: undefined },
      { ...body, version: 2 },
    ];
    for (const b of malformed) {
      expect(
        reasonOf(() => openRequest(b, center)),
        JSON.stringify(b),
      ).toBe('malformed');
    }
    try {
      openRequest({ ...body, encData: 'XYZ' }, center);
    } catch (e) {
      expect((e as Error).message).toMatch(/报文格式错误/);
    }
  });

  it('refuses encData holding 100,000 nested arrays as malformed, not with a stack overflow [ARCH]', () => {
    const body = sealRequest(data, client);
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const encData = sm4EcbEncrypt(deriveSm4Key(appId, appSecret), Buffer.from(deep)).toString(
      'hex',
    );
    expect(reasonOf(() => openRequest({ ...body, encData }, center))).toBe('malformed');
    expect(
      reasonOf(() => openResponse({ code: 0, message: '成功', ...body, encData }, client)),
    ).toBe('malformed');
  });

  it('is lenient like the platform: lower-case hex, numeric timestamp, "sm4"/"sm2", version [ARCH]', () => {
    const body = sealRequest(data, client, { version: '2.0.1' });
    expect(openRequest({ ...body, encData: body.encData.toLowerCase() }, center)).toEqual(data);
    expect(openRequest({ ...body, timestamp: Number(body.timestamp) }, center)).toEqual(data);
    // a client that writes the algorithm names in lower case (and signs them that way)
    const lower = {
      appId,
      encType: 'sm4',
      signType: 'sm2',
      timestamp: body.timestamp,
      version: '2.0.1',
    };
    const lowerBody = {
      ...lower,
      encData: body.encData,
      signData: sm2Sign(buildSignText({ ...lower, data }, appSecret), appKeys.privateKey),
    };
    expect(openRequest(lowerBody, center)).toEqual(data);
    expect(reasonOf(() => openRequest({ ...body, version: '2.0.2' }, center))).toBe(
      'bad_signature',
    );
  });

  it('accepts a signature made with appSecret as the SM2 user id (mobile-payment SDK port) [ARCH]', () => {
    const body = sealRequest(data, { ...client, userId: appSecret });
    expect(openRequest(body, center)).toEqual(data);
    const nobody = sealRequest(data, { ...client, userId: 'someone-else' });
    expect(reasonOf(() => openRequest(nobody, center))).toBe('bad_signature');
  });

  it('verifies number literals as a Java peer wrote them (25.0 stays "25.0" in the sign text) [ARCH]', () => {
    const plaintext = '{"amt":25.0,"hiRxno":"RX1"}';
    const timestamp = '1700000000000';
    const head = { appId, encType: 'SM4', signType: 'SM2', timestamp };
    const signText = `appId=${appId}&data={"amt":"25.0","hiRxno":"RX1"}&encType=SM4&signType=SM2&timestamp=${timestamp}&key=${appSecret}`;
    const body = {
      ...head,
      encData: sm4EcbEncrypt(deriveSm4Key(appId, appSecret), Buffer.from(plaintext))
        .toString('hex')
        .toUpperCase(),
      signData: sm2Sign(signText, appKeys.privateKey),
    };
    expect(openRequest(body, center)).toEqual({ amt: 25, hiRxno: 'RX1' });
  });

  it('interoperates across SM2 engines (sm-crypto ⇄ native) [ARCH]', () => {
    const fast = { sm2Engine: 'native' as const };
    expect(openRequest(sealRequest(data, { ...client, ...fast }), center)).toEqual(data);
    expect(openRequest(sealRequest(data, client), { ...center, ...fast })).toEqual(data);
    const forged = sealRequest(data, {
      ...client,
      ...fast,
      privateKey: generateSm2KeyPair().privateKey,
    });
    expect(reasonOf(() => openRequest(forged, { ...center, ...fast }))).toBe('bad_signature');
  });
});

describe('EPC response envelope', () => {
  it('round-trips a success reply signed by the platform key [ARCH]', () => {
    const reply = sealResponse({ rxChkStasCodg: '1' }, center, { timestamp: 1_700_000_000_000 });
    expect(reply).toMatchObject({ code: 0, success: true, appId, encType: 'SM4', signType: 'SM2' });
    expect(openResponse(wire(reply), client)).toEqual({
      code: 0,
      message: '成功',
      data: { rxChkStasCodg: '1' },
    });
    expect(openResponse({ ...reply, code: '0' }, client).data).toEqual({ rxChkStasCodg: '1' });
  });

  it('signs code, message and timestamp too [ARCH]', () => {
    const reply = sealResponse({ ok: 1 }, center, { timestamp: 1_700_000_000_000 });
    const text = `appId=${appId}&code=0&data={"ok":"1"}&encType=SM4&message=成功&signType=SM2&success=true&timestamp=1700000000000&key=${appSecret}`;
    expect(sm2Verify(text, reply.signData ?? '', platformKeys.publicKey)).toBe(true);
    expect(reasonOf(() => openResponse({ ...reply, message: '已篡改' }, client))).toBe(
      'bad_signature',
    );
  });

  it('rejects a reply not signed by the platform key, even one signed by our own app key [ARCH]', () => {
    const selfSigned = sealResponse({ ok: 1 }, client);
    expect(reasonOf(() => openResponse(selfSigned, client))).toBe('bad_signature');
    const reply = sealResponse({ ok: 1 }, center);
    expect(
      reasonOf(() =>
        openResponse(reply, { ...client, peerPublicKey: generateSm2KeyPair().publicKey }),
      ),
    ).toBe('bad_signature');
  });

  it('rejects tampered encData and signData in a reply [ARCH]', () => {
    const reply = sealResponse({ ok: 1, rows: [1, 2, 3] }, center);
    const forged = sm4EcbEncrypt(deriveSm4Key(appId, appSecret), Buffer.from('{"ok":0}')).toString(
      'hex',
    );
    expect(reasonOf(() => openResponse({ ...reply, encData: forged }, client))).toBe(
      'bad_signature',
    );
    expect(reasonOf(() => openResponse({ ...reply, encData: `${reply.encData}00` }, client))).toBe(
      'bad_cipher',
    );
    expect(reasonOf(() => openResponse({ ...reply, encData: 'not hex' }, client))).toBe(
      'malformed',
    );
    expect(reasonOf(() => openResponse({ ...reply, signData: undefined }, client))).toBe(
      'malformed',
    );
    expect(reasonOf(() => openResponse({ ...reply, appId: 'B'.repeat(32) }, client))).toBe(
      'wrong_app',
    );
  });

  it('turns a center error code into center_error carrying its code and message [ARCH]', () => {
    const reply = sealResponse(undefined, center, { code: -2, message: '处方已使用，不能撤销' });
    expect(reply.encData).toBeUndefined();
    try {
      openResponse(reply, client);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvelopeError);
      const err = e as EnvelopeError;
      expect(err.reason).toBe('center_error');
      expect(err.centerCode).toBe(-2);
      expect(err.centerMessage).toBe('处方已使用，不能撤销');
    }
    expect(reasonOf(() => openResponse({ code: '500', message: 'down' }, client))).toBe(
      'center_error',
    );
    expect(reasonOf(() => openResponse({ code: 'oops', message: 'x' }, client))).toBe('malformed');
    expect(reasonOf(() => openResponse('<html>502</html>', client))).toBe('malformed');
  });

  it('a signed success without data opens to data null [ARCH]', () => {
    const reply = sealResponse(undefined, center);
    expect(openResponse(reply, client)).toEqual({ code: 0, message: '成功', data: null });
  });
});
