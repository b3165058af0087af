import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { nameLikePattern, patientTerm } from '../../../src/domain/settlement/lookup-term';

describe('settlement lookup: what the counter typed for a patient', () => {
  it('reads the ID number last digits (X as the check digit) and a name with * for a masked character [R-REVERSE]', () => {
    expect(patientTerm('1238')).toEqual({ kind: 'certTail', digits: '1238' });
    expect(patientTerm(' 12345x ')).toEqual({ kind: 'certTail', digits: '12345X' });
    expect(patientTerm('张*')).toEqual({ kind: 'name', pattern: '张*' });
    expect(patientTerm('欧阳*明')).toEqual({ kind: 'name', pattern: '欧阳*明' });
  });

  it('refuses a term that would match everyone or carries SQL wildcards, naming the rule [R-REVERSE]', () => {
    for (const bad of ['*', '**', '12', '%', '张%', "张'"]) {
      expect(() => patientTerm(bad)).toThrow(AppError);
      try {
        patientTerm(bad);
      } catch (e) {
        expect((e as AppError).ruleId).toBe('R-REVERSE');
      }
    }
  });

  it('turns * into one LIKE character and escapes LIKE wildcards [R-REVERSE]', () => {
    expect(nameLikePattern('李*明')).toBe('李_明');
    expect(nameLikePattern('a_b%c')).toBe('a\\_b\\%c');
  });
});
