import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { PaperView } from '../../../src/contract/types-paper';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { fakePng, paperFields } from '../../support/paper-fixtures';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, storeWithTwoCounters } from './helpers/store-counters';

/**
 * A paper prescription is dispensed at one counter of the store only (issue 17, D50): the same
 * paper captured at two counters (shown twice, or copied) is claimed at the store by its rxno
 * (`<institution>-<serial>`) when its dispensing starts, like an e-prescription.
 */
const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

describe('paper prescriptions across counters', () => {
  it('the same paper prescription captured at two counters is dispensed at one only: the other is refused naming the holder, a live paper claim survives the reconciliation, and the holder’s cancel frees it [R-STATUS][R-PAPER-NO]', async () => {
    const fields = paperFields({ patientName: zhang.name, patientCertno: zhang.certno });
    const capture = (id: CounterId) =>
      s.ok<PaperView>(id, 'paper.capture', {
        ...fields,
        imageBase64: fakePng().toString('base64'),
      });
    const atA = await capture('A');
    const atB = await capture('B');
    const key = paperRxno(atA.institutionCode, atA.serialNo);

    const started = await s.ok<DispensingView>('A', 'dispense.startPaper', { paperId: atA.id });
    const refused = await s.call<DispensingView>('B', 'dispense.startPaper', { paperId: atB.id });
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STATUS' });
    expect(refused.error?.message).toContain('柜台 A');
    const opened = s.counters.B.h.services.db
      .prepare('SELECT count(*) FROM dispensings WHERE paper_id = ?')
      .pluck()
      .get(atB.id);
    expect(opened).toBe(0);
    const held = await s.pool().query('SELECT counter_id FROM rx_claims WHERE hi_rxno = $1', [key]);
    expect(held.rows).toEqual([{ counter_id: 'A' }]);

    // The minute's reconciliation at A keeps a claim a live paper dispensing backs.
    expect(await s.counters.A.h.services.dispense.claims?.reconcileNow(0)).toBe(0);
    expect(
      (await s.pool().query('SELECT 1 FROM rx_claims WHERE hi_rxno = $1', [key])).rowCount,
    ).toBe(1);

    await s.ok('A', 'dispense.cancel', { dispensingId: started.dispensingId });
    const atBNow = await s.ok<DispensingView>('B', 'dispense.startPaper', { paperId: atB.id });
    expect(atBNow).toMatchObject({ source: 'paper', rxno: key, state: 'open' });
  }, 120_000);
});
