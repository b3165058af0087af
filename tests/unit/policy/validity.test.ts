import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RX_STATUS } from '../../../src/center/rx/rx-status';
import { evaluatePrescription, type PolicySubject } from '../../../src/domain/policy/evaluate';
import { parsePolicyPacks } from '../../../src/domain/policy/policy-pack';
import { validityWindow } from '../../../src/domain/policy/validity';

const DIR = path.resolve(import.meta.dirname, '../../../config/policy');
const packs = parsePolicyPacks(
  fs
    .readdirSync(DIR)
    .map((name) => ({ name, text: fs.readFileSync(path.join(DIR, name), 'utf8') })),
);
const pack = (id: string) => {
  const p = packs.find((x) => x.id === id);
  if (!p) throw new Error(`no pack ${id}`);
  return p;
};
const chongqing = pack('500000');
const beijing = (s: string) => new Date(`${s.replace(' ', 'T')}+08:00`);
const second = 1000;

function rx(validEndTime: string | null): PolicySubject {
  return {
    fixmedinsCode: 'H50010300001',
    prscTime: '2026-03-01 09:00:00',
    uploadTime: '2026-03-01 09:05:00',
    validEndTime,
    longRxFlag: '0',
    chronicSpecial: false,
    statusCodg: RX_STATUS.valid.codg,
    statusName: RX_STATUS.valid.name,
    lines: [],
  };
}
const codesAt = (subject: PolicySubject, at: Date) =>
  evaluatePrescription(subject, chongqing, () => undefined, at)
    .filter((f) => f.ruleId === 'R-VALID')
    .map((f) => f.code);

describe('prescription validity: own end time inside the region ceiling', () => {
  it('the prescription’s own end time governs inside the 7-day ceiling: valid at its last second, void one second later [R-VALID]', () => {
    const subject = rx('2026-03-04 09:05:00');
    const end = beijing('2026-03-04 09:05:00');
    expect(codesAt(subject, new Date(end.getTime() - second))).toEqual([]);
    expect(codesAt(subject, end)).toEqual([]);
    expect(codesAt(subject, new Date(end.getTime() + second))).toEqual(['RX_EXPIRED']);
    const [finding] = evaluatePrescription(
      subject,
      chongqing,
      () => undefined,
      new Date(end.getTime() + second),
    ).filter((f) => f.ruleId === 'R-VALID');
    expect(finding?.message).toContain('有效期截止2026-03-04 09:05:00');
    expect(finding?.severity).toBe('block');
  });

  it('an own end time beyond the ceiling is cut at upload + 7 days, one second either side [R-VALID]', () => {
    const subject = rx('2026-03-31 09:05:00');
    const ceiling = beijing('2026-03-08 09:05:00');
    expect(codesAt(subject, new Date(ceiling.getTime() - second))).toEqual([]);
    expect(codesAt(subject, new Date(ceiling.getTime() + second))).toEqual(['RX_EXPIRED']);
    const w = validityWindow(subject, chongqing.validity);
    expect(w).toMatchObject({ ok: true, governedBy: 'ceiling', end: ceiling });
  });

  it('a missing or malformed own end time blocks instead of counting as endless [R-VALID]', () => {
    for (const bad of ['', '2026-02-30 09:00:00', '2026/03/04']) {
      expect(codesAt(rx(bad), beijing('2026-03-02 00:00:00'))).toEqual(['RX_TIME_INVALID']);
    }
  });

  it('without an own end time (paper) only the ceiling applies [R-VALID]', () => {
    expect(validityWindow(rx(null), chongqing.validity)).toMatchObject({
      ok: true,
      governedBy: 'ceiling',
      end: beijing('2026-03-08 09:05:00'),
    });
  });
});
