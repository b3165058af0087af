import { expect } from 'vitest';
import type { FsiResponse } from '../../../src/center/fsi-client';
import type { FsiInfno, TransactionInput } from '../../../src/center/transactions';
import type { SandboxFixture } from './helpers';

/** A pharmacy-side 72xx call that must succeed; returns its output. */
export async function ok72(
  f: SandboxFixture,
  signNo: string,
  infno: FsiInfno,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await f.call({ infno, signNo, input: { data } as TransactionInput<FsiInfno> });
  expect(res.err_msg, `${infno} ${res.err_msg}`).toBe('');
  expect(res.infcode).toBe(0);
  return res.output as Record<string, unknown>;
}

/** A 72xx call that must be refused with infcode -2; returns err_msg. */
export async function refused72(
  f: SandboxFixture,
  signNo: string,
  infno: FsiInfno,
  data: Record<string, unknown>,
): Promise<string> {
  const res: FsiResponse = await f.call({
    infno,
    signNo,
    input: { data } as TransactionInput<FsiInfno>,
  });
  expect(res.infcode).toBe(-2);
  expect(res.output).toBeNull();
  return res.err_msg;
}

export async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
