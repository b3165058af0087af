import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_MAX_REQUEST_BYTES } from '../../../src/contract/store-protocol';
import { signStoreRequest } from '../../../src/contract/store-protocol-auth';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, INSTITUTION, key, packCode, startInProcessStore } from './helpers/store';

const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
beforeAll(async () => {
  store = await startInProcessStore(pg15.url());
});
afterAll(() => store?.stop());

const reserveBody = (code = packCode()) =>
  JSON.stringify({
    idempotencyKey: key('r'),
    code,
    medListCodg: 'XA01ABC0001',
    saleRef: 'auth-1',
    reusePack: false,
  });

function signed(p: { counterId?: string; secret?: string; body: string; now?: number }) {
  const counterId = p.counterId ?? 'A';
  return signStoreRequest({
    institution: INSTITUTION,
    counterId,
    secret: p.secret ?? COUNTERS.get(counterId) ?? '',
    method: 'codes.reserve',
    body: p.body,
    now: p.now ?? Date.now(),
  });
}

async function post(headers: Record<string, string>, body: string) {
  const res = await fetch(`${store.server.url}/v1/codes.reserve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as { ok: boolean; error?: { code: string; message: string } },
  };
}

const reservations = async () =>
  Number((await store.pool.query('SELECT count(*) AS n FROM code_reservations')).rows[0].n);

describe('store server: who may call it', () => {
  it('accepts a request signed by a registered counter [STORE-AUTH]', async () => {
    const body = reserveBody();
    const r = await post({ ...signed({ body }) }, body);
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(true);
  });

  it('refuses an unknown counter, a wrong secret and a body changed after signing, storing nothing [STORE-AUTH]', async () => {
    const before = await reservations();
    const body = reserveBody();
    const unknown = await post(
      { ...signed({ counterId: 'Z', secret: 'z'.repeat(40), body }) },
      body,
    );
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknown.json.error?.message).toContain('未在本门店服务器登记');
    const wrong = await post({ ...signed({ secret: 'w'.repeat(64), body }) }, body);
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.message).toContain('签名不符');
    const tampered = await post({ ...signed({ body }) }, reserveBody());
    expect(tampered.status).toBe(401);
    expect(await reservations()).toBe(before);
  });

  it('refuses a replayed request and one outside the 60-second window [STORE-AUTH][STORE-REPLAY]', async () => {
    const body = reserveBody();
    const headers = { ...signed({ body }) };
    expect((await post(headers, body)).status).toBe(200);
    const replay = await post(headers, body);
    expect(replay.status).toBe(401);
    expect(replay.json.error).toMatchObject({ code: 'REPLAYED' });
    const stale = reserveBody();
    const old = await post({ ...signed({ body: stale, now: Date.now() - 5 * 60_000 }) }, stale);
    expect(old.status).toBe(401);
    expect(old.json.error?.message).toContain('超过 60 秒');
  });

  it('refuses an oversized body before reading it and invalid input in Chinese [STORE-LIMITS]', async () => {
    const huge = JSON.stringify({ pad: 'x'.repeat(STORE_MAX_REQUEST_BYTES + 10) });
    const big = await post({ ...signed({ body: huge }) }, huge);
    expect(big.status).toBe(413);
    expect(big.json.error?.message).toContain('上限');
    const bad = JSON.stringify({
      idempotencyKey: key('r'),
      code: '追溯码',
      medListCodg: 'X',
      saleRef: 'a',
      reusePack: false,
    });
    const invalid = await post({ ...signed({ body: bad }) }, bad);
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({ code: 'VALIDATION' });
    expect(invalid.json.error?.message).toContain('请求参数有误');
  });
});
