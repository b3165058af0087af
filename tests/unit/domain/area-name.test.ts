import { describe, expect, it } from 'vitest';
import { areaLabel, areaName } from '../../../src/domain/area-name';

describe('the insured area of an 异地 person, by name', () => {
  it('names a city, a district of a municipality, a city without districts and a provincial pool, with the code beside [R-REGION]', () => {
    expect(areaLabel('510100')).toBe('四川省成都市（510100）');
    expect(areaLabel('500103')).toBe('重庆市渝中区（500103）');
    expect(areaLabel('441900')).toBe('广东省东莞市（441900）');
    expect(areaLabel('110000')).toBe('北京市（110000）');
    expect(areaLabel('519900')).toBe('四川省本级（519900）');
  });

  it('an unknown or malformed code is shown as it came, never given a wrong name [R-REGION]', () => {
    expect(areaName('999999')).toBe('');
    expect(areaLabel('5101')).toBe('5101');
    expect(areaLabel('')).toBe('');
    expect(areaLabel('510199')).toBe('510199');
  });
});
