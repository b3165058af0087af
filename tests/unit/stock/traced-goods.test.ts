import { describe, expect, it } from 'vitest';
import { coldChainRecordFor } from '../../../src/domain/stock/cold-chain';
import { assertSupplierMayDeliver } from '../../../src/domain/stock/supplier-licence';
import { isTraced } from '../../../src/domain/stock/traced-goods';

describe('what receiving asks of an item and its supplier', () => {
  it('a drug is traced unless the catalog says not; a consumable only where it says so [R-STOCK]', () => {
    expect(isTraced({ rxClass: 'rx' })).toBe(true);
    expect(isTraced({ rxClass: 'otcB' })).toBe(true);
    expect(isTraced({ rxClass: 'rx', traced: false })).toBe(false);
    expect(isTraced({ rxClass: 'nonDrug' })).toBe(false);
    expect(isTraced({ rxClass: 'nonDrug', traced: true })).toBe(true);
  });

  it('a cold-chain record is required and its temperature must lie in the range, bounds included [R-SUPPLY]', () => {
    const insulin = { genname: '门冬胰岛素注射液', coldChain: { minC: 2, maxC: 8 } };
    expect(() => coldChainRecordFor(insulin, undefined)).toThrow(/须登记到货温度和存放位置/);
    expect(() => coldChainRecordFor(insulin, { arrivalTempC: 5, storagePlace: ' ' })).toThrow(
      /须登记到货温度和存放位置/,
    );
    expect(() =>
      coldChainRecordFor(insulin, { arrivalTempC: 8.1, storagePlace: '冷藏柜' }),
    ).toThrow(/超出冷链范围/);
    expect(coldChainRecordFor(insulin, { arrivalTempC: 2, storagePlace: ' 冷藏柜 ' })).toEqual({
      arrivalTempC: 2,
      storagePlace: '冷藏柜',
    });
    expect(coldChainRecordFor({ genname: '阿莫西林胶囊' }, undefined)).toBeNull();
  });

  it('a licence is valid through its last day and not after [R-SUPPLY]', () => {
    const s = {
      name: '沙箱医药',
      licenceNo: '沪AA1',
      licenceValidUntil: '2026-12-07',
      active: true,
    };
    expect(() => assertSupplierMayDeliver(s, '2026-12-07')).not.toThrow();
    expect(() => assertSupplierMayDeliver(s, '2026-12-08')).toThrow(/已于 2026-12-07 过期/);
  });
});
