import { describe, expect, it } from 'vitest';
import {
  carriedFindings,
  outcomeOf,
  type SupervisionWarning,
  settlementRefusal,
  severityOf,
} from '../../../src/domain/supervision/supervision-warning';

const warning = (sevDeg: string): SupervisionWarning => ({
  jrId: 'J1',
  ruleId: 'X',
  ruleName: '规则',
  content: '内容',
  basis: '',
  severity: severityOf(sevDeg),
});

describe('pre-settlement supervision verdicts', () => {
  it('reads 1 as blocking, 2 and 3 as warnings, and an unknown severity as blocking [R-SUPERVISE]', () => {
    expect(['1', '2', '3', '9', ''].map(severityOf)).toEqual([
      'block',
      'suspect',
      'notice',
      'block',
      'block',
    ]);
    expect(outcomeOf([])).toBe('clear');
    expect(outcomeOf([warning('3'), warning('2')])).toBe('warnings');
    expect(outcomeOf([warning('3'), warning('1')])).toBe('blocked');
  });

  it('allows settlement only when clear or continued, never on a blocking finding [R-SUPERVISE]', () => {
    expect(settlementRefusal('clear', null)).toBeNull();
    expect(settlementRefusal('warnings', { choice: 'continue' })).toBeNull();
    expect(settlementRefusal('unreachable', { choice: 'continue' })).toBeNull();
    expect(settlementRefusal('warnings', null)).toMatch(/药师/);
    expect(settlementRefusal('unreachable', null)).toMatch(/未能完成/);
    expect(settlementRefusal('warnings', { choice: 'cancel' })).toMatch(/取消/);
    expect(settlementRefusal('blocked', { choice: 'continue' })).toMatch(/明确违规/);
  });

  it('carries a 3102 finding over only when a pharmacist continued on the same platform rule, never a 明确违规 [R-SUPERVISE]', () => {
    const of = (ruleId: string, sevDeg: string): SupervisionWarning => ({
      ...warning(sevDeg),
      jrId: `J-${ruleId}`,
      ruleId,
    });
    const continued = [of('DUP', '2'), of('LIMIT', '2')];
    const mid = [of('DUP', '2'), of('NEW', '3'), of('LIMIT', '1')];
    const { carried, fresh } = carriedFindings(mid, continued);
    expect(carried.map((w) => w.ruleId)).toEqual(['DUP']);
    expect(fresh.map((w) => w.ruleId)).toEqual(['NEW', 'LIMIT']);
    expect(carriedFindings(mid, []).carried).toEqual([]);
  });
});
