import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BackendStatus, startBackendLink } from '../../../src/host/backend/backend-link';
import { forkNodeBackend } from '../../../src/host/backend/transport';

const ROGUE = path.join(import.meta.dirname, 'fixtures/rogue-backend.ts');

describe('the shell refuses what a backend process sends outside the protocol', () => {
  it('ignores malformed, forged, wrong-kind and repeated answers and takes only the answer to its own call [R-AUTH]', async () => {
    const statuses: BackendStatus[] = [];
    const link = startBackendLink({
      fork: () => forkNodeBackend(ROGUE, {}),
      startSandbox: async () => ({ url: 'http://127.0.0.1:9' }),
      onStatus: (s) => statuses.push(s),
      startWaitMs: 30_000,
    });
    await link.whenReady();
    expect(statuses).toEqual([{ state: 'ready', mode: 'demo' }]);
    expect(await link.call('app.info', {}, null)).toEqual({
      ok: true,
      value: { echo: 'app.info' },
    });
    expect(await link.call('shift.status', {}, 'token')).toEqual({
      ok: true,
      value: { echo: 'shift.status' },
    });
    await link.close();
  }, 40_000);
});
