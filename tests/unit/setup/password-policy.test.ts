import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../src/domain/password-policy';

describe('staff password policy (first administrator)', () => {
  it('needs 8+ characters with letters and digits, never the demo password or the user name [R-KEEP]', () => {
    expect(passwordProblems('Pharm2026x', 'zhangli')).toEqual([]);
    expect(passwordProblems('ab12', 'zhangli')).toEqual(['密码至少 8 位']);
    expect(passwordProblems('abcdefghij')).toEqual(['密码须同时包含字母和数字']);
    expect(passwordProblems('1234567890')).toEqual(['密码须同时包含字母和数字']);
    expect(passwordProblems('DEMO1234')).toEqual(['该密码过于常见（含演示密码），请换一个']);
    expect(passwordProblems('zhangli01', 'ZhangLi01')).toEqual(['密码不能包含用户名']);
  });
});
