import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RX_STATUS } from '../../../src/center/rx/rx-status';
import { evaluatePrescription, type PolicySubject } from '../../../src/domain/policy/evaluate';
import type { PolicyPack } from '../../../src/domain/policy/policy-pack';
import { loadPolicyPacks } from '../../../src/services/policy-loader';

const DIR = path.resolve(import.meta.dirname, '../../../config/policy');
/** The packs as a pharmacy registered in Chongqing (渝中, 500103) has them. */
const packs = loadPolicyPacks(DIR, { pharmacyAdmdvs: '500103' });
const pack = (id: string) => packs.find((p) => p.id === id) as PolicyPack;
const at = new Date('2026-03-02T10:00:00+08:00');

const issuedBy = (fixmedinsCode: string): PolicySubject => ({
  fixmedinsCode,
  prscTime: '2026-03-02 09:00:00',
  uploadTime: '2026-03-02 09:05:00',
  validEndTime: null,
  longRxFlag: '0',
  chronicSpecial: false,
  statusCodg: RX_STATUS.valid.codg,
  statusName: RX_STATUS.valid.name,
  lines: [],
});
const regionCodes = (subject: PolicySubject, p: PolicyPack) =>
  evaluatePrescription(subject, p, () => undefined, at)
    .filter((f) => f.ruleId === 'R-REGION')
    .map((f) => f.code);

describe('the pharmacy’s pool area comes from its registration, not from the chosen pack', () => {
  it('a Chongqing pharmacy switched to the Dongguan pack still refuses Dongguan prescriptions [R-REGION]', () => {
    const dongguanRx = issuedBy('H44190000003');
    expect(regionCodes(dongguanRx, pack('500000'))).toEqual(['OUT_OF_REGISTERED_AREA']);
    expect(regionCodes(dongguanRx, pack('441900'))).toEqual(['OUT_OF_REGISTERED_AREA']);
    const [finding] = evaluatePrescription(dongguanRx, pack('441900'), () => undefined, at);
    expect(finding?.severity).toBe('block');
    expect(finding?.message).toContain('本药店医保登记的统筹地区（区划前缀 50）');
  });

  it('switching packs can only narrow: under the Dongguan pack its own Chongqing prescriptions are refused too [R-REGION]', () => {
    const ownRx = issuedBy('H50010300001');
    expect(regionCodes(ownRx, pack('500000'))).toEqual([]);
    expect(regionCodes(ownRx, pack('default'))).toEqual([]);
    expect(regionCodes(ownRx, pack('441900'))).toEqual(['OUT_OF_POOL_AREA']);
  });
});
