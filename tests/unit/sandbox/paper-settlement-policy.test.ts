import { afterEach, describe, expect, it } from 'vitest';
import { openSandboxDb, type SandboxDb } from '../../../src/sandbox/db';
import { sandboxCatalog } from '../../../src/sandbox/hospital/catalog';
import { checkPaperForSettlement } from '../../../src/sandbox/settlement/paper-rx';
import { regionFor } from '../../../src/sandbox/settlement/policy';

const AMLODIPINE = 'XC08CAA010A001010201587';
const OSIMERTINIB = 'XL01EBA110A001010101911';
const line = (medListCodg: string) => ({
  feedetlSn: '1',
  medListCodg,
  cntUnits: 10_000,
  pricUnits: 10_000,
  detFen: 100,
  hospApprFlag: '0',
});
const at = (date: string) => new Date(`${date}T04:00:00Z`);

describe('sandbox paper settlement policy per region (config/sandbox-settlement.json)', () => {
  const dbs: SandboxDb[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });
  const db = () => {
    const d = openSandboxDb(':memory:');
    dbs.push(d);
    return d;
  };
  const check = (admdvs: string, code: string, date: string) => () => {
    const region = regionFor(admdvs);
    if (!region) throw new Error(`no region ${admdvs}`);
    checkPaperForSettlement(db(), 'H1-1', region, [line(code)], sandboxCatalog(), at(date));
  };

  it('Dongguan settles paper until its transition ends (2025-06-30), then refuses all paper [R-PAPER-DUAL]', () => {
    expect(check('441900', AMLODIPINE, '2025-06-30')).not.toThrow();
    expect(check('441900', AMLODIPINE, '2025-07-01')).toThrow(
      /东莞市自2025-07-01起不再结算纸质外配处方/,
    );
  });

  it('Chongqing has no paper end date, but refuses dual-channel drugs from 2025-01-01 [R-PAPER-DUAL]', () => {
    expect(check('500103', AMLODIPINE, '2026-11-23')).not.toThrow();
    expect(check('500103', OSIMERTINIB, '2024-12-31')).not.toThrow();
    expect(check('500103', OSIMERTINIB, '2025-01-01')).toThrow(/双通道.*2025-01-01/);
  });
});
