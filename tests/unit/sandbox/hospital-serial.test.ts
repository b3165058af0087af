import { describe, expect, it } from 'vitest';
import { createHospitalSerial } from '../../../src/sandbox/hospital/hospital-serial';

describe('sandbox hospital serial', () => {
  it('gives 1,000,000 distinct six-digit suffixes before repeating, wrapping past 999999 [R-CENTER]', () => {
    const next = createHospitalSerial(999_990);
    const seen = new Set<string>();
    let malformed = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const s = next();
      if (!/^\d{6}$/.test(s)) malformed++;
      seen.add(s);
    }
    expect(malformed).toBe(0);
    expect(seen.size).toBe(1_000_000);
    expect(next()).toBe('999991');
  });

  it('two serials started at random differ in their first values almost always [R-CENTER]', () => {
    const firsts = new Set(Array.from({ length: 50 }, () => createHospitalSerial()()));
    expect(firsts.size).toBeGreaterThan(45);
  });
});
