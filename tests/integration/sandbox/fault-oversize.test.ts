import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import { EpcClient } from '../../../src/center/epc-client';
import { FsiClient } from '../../../src/center/fsi-client';
import type { TransactionInput } from '../../../src/center/transactions';
import { CONFIG, type SandboxFixture, startFixture } from './helpers';

describe("sandbox fault 'oversize': an endless reply body", () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('the FSI client stops at its cap with an unknown-outcome CenterError, and the center keeps serving [ARCH]', async () => {
    const fsi = new FsiClient({ ...f.fsiConfig, timeoutMs: 20_000 });
    await f.fault({ target: '9001', kind: 'oversize', times: 1 });
    const started = Date.now();
    const err = await fsi
      .call({
        infno: '9001',
        input: { signIn: {} } as TransactionInput<'9001'>,
        opter: 'o',
        opterName: '测试',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'malformed', outcomeUnknown: true });
    expect((err as Error).message).toMatch(/医保中心应答超过 2 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await f.signIn()).toMatch(/\S/);
  });

  it('the EPC client stops at its cap too [ARCH]', async () => {
    const epc = new EpcClient({ ...f.epcConfig, timeoutMs: 30_000 });
    await f.fault({ target: 'epc:hospRxDetlQuery', kind: 'oversize', times: 1 });
    const err = await epc
      .call('hospRxDetlQuery', { fixmedinsCode: CONFIG.epc.hospital.fixmedinsCode, hiRxno: 'x' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'malformed' });
    expect((err as Error).message).toMatch(/应答超过 32 MB/);
  });

  it('is reply-only: a rule for before processing is refused [ARCH]', async () => {
    const res = await f.fault({ target: '9001', kind: 'oversize', phase: 'before' });
    expect(res.status).toBe(400);
  });
});
