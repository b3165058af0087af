import { readdirSync } from 'node:fs';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bulkVerifyOnAllCores,
  closeBulkVerifyThreads,
} from '../../../src/center/rx/bulk-verify-threads';
import { createTrustStore } from '../../../src/center/rx/trust-store';
import { createPkiFixture } from '../../support/pki';
import { buildRxFile } from './rx-fixture';

const pki = createPkiFixture();
const ctx = { trust: createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]), at: pki.now };

/** The nice value of each thread of this process (Linux names them in /proc/self/task). */
const niceOfThreads = (): number[] =>
  readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [os.getPriority(Number(tid))];
    } catch {
      return []; // the thread ended meanwhile
    }
  });

describe.runIf(process.platform === 'linux')('background threads yield to the counter', () => {
  afterAll(closeBulkVerifyThreads);

  it('a re-verification thread runs below the counter thread’s priority, the counter’s own is unchanged [R-SIGN][issue 20 bulk]', async () => {
    await closeBulkVerifyThreads();
    expect(niceOfThreads()).not.toContain(10);
    await bulkVerifyOnAllCores([buildRxFile(pki.valid), buildRxFile(pki.valid)], ctx, {
      threads: 1,
    });
    expect(niceOfThreads()).toContain(10);
    expect(os.getPriority(process.pid)).toBe(0);
  });
});
