import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerApiCall } from '../../../electron/ipc-api';
import { RENDERER_ORIGIN } from '../../../electron/ipc-guard';
import { contract } from '../../../src/contract/contract';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../../src/contract/method-policy';
import { type Harness, startHarness } from '../../support/app-harness';

/** An input whose JSON is exactly `bytes` long: {"pad":"xxx…"}. */
const inputOfSize = (bytes: number) => ({ pad: 'x'.repeat(bytes - '{"pad":""}'.length) });

describe('request size limits from the contract entry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const overIpc = (method: string, input: unknown) =>
    answerApiCall(`${RENDERER_ORIGIN}/index.html`, [method, input, null], h.dispatch);
  const overHttp = (method: string, input: unknown) =>
    h.api(method, input).catch((err: unknown) => ({ transportError: String(err) }));

  it.each([
    ['app.info', DEFAULT_MAX_REQUEST_BYTES],
    ['paper.capture', contract['paper.capture'].maxRequestBytes],
  ])(
    'IPC and HTTP refuse an oversize %s request alike, at the limit its entry declares [ARCH][R-PAPER-KEEP]',
    async (method, limit) => {
      const over = inputOfSize(limit + 1);
      const refusal = { ok: false, error: { code: 'VALIDATION', message: '请求过大' } };
      expect(await overHttp(method, over)).toEqual(refusal);
      expect(await overIpc(method, over)).toEqual(refusal);

      const atLimit = inputOfSize(limit);
      const http = await overHttp(method, atLimit);
      expect(http).toMatchObject({ ok: false });
      expect(http).not.toEqual(refusal);
      expect(await overIpc(method, atLimit)).toEqual(http);
    },
  );
});
