import { describe, expect, it } from 'vitest';
import { doseUnitsPerPack } from '../../../src/domain/catalog/pack-size';
import {
  dosesPerDay,
  overSupplyFindings,
  overSupplyMessage,
  type UsageLine,
} from '../../../src/domain/policy/quantity-usage';

const amoxicillin = (over: Partial<UsageLine> = {}): UsageLine => ({
  medListCodg: 'XJ01CAA040A001010100435',
  genname: '阿莫西林胶囊',
  quantity: 1,
  split: false,
  packUnit: '盒',
  spec: '0.25g*24粒',
  singleDose: 2,
  doseUnit: '粒',
  frequencyCode: 'tid',
  frequencyName: '每日三次',
  days: 4,
  ...over,
});

describe('quantity against usage: dose × frequency × days', () => {
  it('reads pack contents in the dose unit from the spec', () => {
    expect(doseUnitsPerPack('0.25g*24粒', '粒')).toBe(24);
    expect(doseUnitsPerPack('100片', '片')).toBe(100);
    expect(doseUnitsPerPack('3ml:300单位*1支', '单位')).toBe(300);
    expect(doseUnitsPerPack('100ml*1瓶', 'ml')).toBe(100);
    expect(doseUnitsPerPack('0.25g*24粒', '片')).toBeNull();
  });

  it('reads doses a day from the frequency code or its Chinese name', () => {
    expect(dosesPerDay('tid', '')).toBe(3);
    expect(dosesPerDay('', '每日两次')).toBe(2);
    expect(dosesPerDay('qod', '隔日一次')).toBe(0.5);
    expect(dosesPerDay('prn', '必要时')).toBeNull();
  });

  it('2 粒 × 3 a day × 4 days = 24 粒 is one pack of 24: one pack passes, two warn with the sum [R-CHECKS]', () => {
    expect(overSupplyMessage(amoxicillin(), 1)).toBeNull();
    const message = overSupplyMessage(amoxicillin({ quantity: 2 }), 1);
    expect(message).toBe(
      '第1行 阿莫西林胶囊：每次2粒 × 每日三次（每日3次） × 4天 = 24粒；每盒24粒，需1盒，处方数量2盒（48粒），超出1盒；请核对用量，必要时按可疑处方拒绝并记录线索',
    );
  });

  it('rounds up to whole packs before warning: 25 粒 needed allows two packs [R-CHECKS]', () => {
    const line = amoxicillin({ days: 5, singleDose: 1, frequencyCode: 'qd', frequencyName: '' });
    expect(overSupplyMessage({ ...line, quantity: 1 }, 1)).toBeNull();
    expect(overSupplyMessage({ ...line, quantity: 2 }, 1)).toContain('超出1盒');
    const long = { ...line, days: 25 };
    expect(overSupplyMessage({ ...long, quantity: 2 }, 1)).toBeNull();
    expect(overSupplyMessage({ ...long, quantity: 3 }, 1)).toContain('需2盒');
  });

  it('a 拆零 line compares single units [R-CHECKS]', () => {
    const split = amoxicillin({ split: true, quantity: 24 });
    expect(overSupplyMessage(split, 1)).toBeNull();
    expect(overSupplyMessage({ ...split, quantity: 30 }, 2)).toContain('处方数量30粒，超出6粒');
  });

  it('says nothing when the sum cannot be made (as needed, missing days, unknown unit)', () => {
    expect(
      overSupplyMessage(
        amoxicillin({ quantity: 9, frequencyCode: 'prn', frequencyName: '必要时' }),
        1,
      ),
    ).toBeNull();
    expect(overSupplyMessage(amoxicillin({ quantity: 9, days: null }), 1)).toBeNull();
    expect(overSupplyMessage(amoxicillin({ quantity: 9, doseUnit: 'mg' }), 1)).toBeNull();
  });

  it('is a warning, not a block, with the rule’s citation [R-CHECKS]', () => {
    const [f] = overSupplyFindings([amoxicillin({ quantity: 3 })]);
    expect(f).toMatchObject({
      ruleId: 'R-CHECKS',
      code: 'QUANTITY_OVER_USAGE',
      severity: 'warn',
      medListCodg: 'XJ01CAA040A001010100435',
    });
    expect(f?.citation).toContain('R-CHECKS');
  });
});
