import { afterAll, describe, expect, it } from 'vitest';
import { bulkVerifyRxFiles } from '../../../src/center/rx/bulk-verify';
import {
  bulkVerifyOnAllCores,
  closeBulkVerifyThreads,
  keptBulkVerifyThreads,
} from '../../../src/center/rx/bulk-verify-threads';
import { createTrustStore } from '../../../src/center/rx/trust-store';
import { createPkiFixture } from '../../support/pki';
import { buildRxFile, drugLines, layoutPdf, withEditedPayload } from './rx-fixture';

const pki = createPkiFixture();
const ctx = { trust: createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]), at: pki.now };

/** 250 stored prescriptions, good and bad mixed, so every thread gets several chunks. */
function storedPrescriptions(): unknown[] {
  const kinds = [
    (i: number) =>
      buildRxFile(pki.valid, {
        fields: { hiRxno: `H50010320260301${String(i).padStart(4, '0')}` },
        lines: drugLines(1 + (i % 4), i),
        pdf: layoutPdf(1500 + i * 10, i),
      }),
    (i: number) =>
      withEditedPayload(buildRxFile(pki.valid, { lines: drugLines(2, i) }), (p) => {
        p.certno = '000';
      }),
    () => buildRxFile(pki.revoked),
    () => buildRxFile(pki.wrongSignature),
    () => ({ ...buildRxFile(pki.valid), rx_file: 'not base64!' }),
    () => null,
  ];
  return Array.from({ length: 250 }, (_, i) => (kinds[i % kinds.length] ?? kinds[0])?.(i));
}

describe('bulk re-verification on all cores', () => {
  afterAll(closeBulkVerifyThreads);

  it('gives the one-thread bulk path’s verdict for every item, in order, from two threads [R-SIGN][R-LAYOUT][issue 20 bulk]', async () => {
    const items = storedPrescriptions();
    const oneThread = bulkVerifyRxFiles(items, ctx);
    const threaded = await bulkVerifyOnAllCores(items, ctx, { threads: 2 });
    expect(threaded).toEqual(oneThread);
    expect(new Set(threaded.map((v) => v.code)).size).toBeGreaterThan(3);
    expect(threaded.filter((v) => v.valid).length).toBe(Math.ceil(250 / 6));
  });

  it('answers an empty batch without starting a thread [R-SIGN][issue 20 bulk]', async () => {
    expect(await bulkVerifyOnAllCores([], ctx)).toEqual([]);
  });
  it('keeps its threads for the next job, which judges by its own trust store and time [R-SIGN][issue 20 bulk]', async () => {
    const items = storedPrescriptions();
    await bulkVerifyOnAllCores(items, ctx, { threads: 2 });
    expect(keptBulkVerifyThreads()).toBe(2);
    // The same threads, another CRL: the revoked certificate now looks good (a CRL that lists
    // nothing), so a thread that kept the first job's checks would answer wrongly.
    const other = { trust: createTrustStore([pki.ca.cert], [pki.crls.empty.crl]), at: pki.now };
    const threaded = await bulkVerifyOnAllCores(items, other, { threads: 2 });
    expect(keptBulkVerifyThreads()).toBe(2);
    expect(threaded).toEqual(bulkVerifyRxFiles(items, other));
    expect(threaded).not.toEqual(bulkVerifyRxFiles(items, ctx));
  });
});
