import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/domain/password-policy';
import { pharmacistCodeProblem } from '../../../src/domain/pharmacist-code';
import { normaliseStaffAccount, staffAccountProblem } from '../../../src/domain/staff-account';

const ZHANG_ID = '500103198604123028';

describe('the staff password policy', () => {
  it('accepts a password of 8 or more characters with letters and digits [R-PHARMACIST]', () => {
    expect(passwordProblem('Counter2024', 'wangfang')).toBeNull();
    expect(passwordProblem('xk7pq9m2', 'wangfang')).toBeNull();
  });

  it('refuses short, letters-only, digits-only and spaced passwords with a Chinese reason [R-PHARMACIST]', () => {
    expect(passwordProblem('ab12cd3', 'u')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefghij', 'u')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('1234567890', 'u')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('abcd 12345', 'u')).toBe('密码不能含空格');
    expect(passwordProblem(`a1${'x'.repeat(63)}`, 'u')).toBe('密码不能超过 64 位');
  });

  it('refuses the user name inside the password, in any case [R-PHARMACIST]', () => {
    expect(passwordProblem('WangFang1', 'wangfang')).toBe('密码不能包含用户名');
    expect(passwordProblem('x9wangfang', 'WANGFANG')).toBe('密码不能包含用户名');
  });

  it('refuses the demo password and common guessed passwords [R-PHARMACIST]', () => {
    expect(passwordProblem('demo1234', 'wangfang')).toContain('演示密码');
    expect(passwordProblem('Admin123', 'wangfang')).toContain('过于常见');
    expect(passwordProblem('aaaa1111', 'wangfang')).toContain('重复字符');
  });
});

describe('the national pharmacist code (医保药师代码)', () => {
  it('accepts Y + 6-digit division + 6-digit serial, typed in lower case or with spaces [ST-EPC-02-002]', () => {
    expect(pharmacistCodeProblem('Y500103000123')).toBeNull();
    expect(pharmacistCodeProblem(' y110101000001 ')).toBeNull();
  });

  it('refuses an empty code, another shape and an impossible division [ST-EPC-02-002][R-PHARMACIST]', () => {
    expect(pharmacistCodeProblem('  ')).toBe('执业药师须登记医保药师代码');
    expect(pharmacistCodeProblem('Y1')).toContain('Y + 6 位行政区划代码');
    expect(pharmacistCodeProblem('D500103000123')).toContain('格式');
    expect(pharmacistCodeProblem('Y5001030001234')).toContain('格式');
    expect(pharmacistCodeProblem('Y990103000123')).toBe('医保药师代码中的行政区划代码无效');
  });
});

describe('a staff account', () => {
  const pharmacist = {
    displayName: ' 王芳 ',
    role: 'pharmacist' as const,
    pharmacistCode: 'y500103000456',
    certno: ZHANG_ID,
  };

  it('a pharmacist with code and a valid ID number is accepted and stored normalised [R-PHARMACIST][ST-EPC-02-002]', () => {
    expect(staffAccountProblem(pharmacist)).toBeNull();
    expect(normaliseStaffAccount(pharmacist)).toEqual({
      displayName: '王芳',
      role: 'pharmacist',
      pharmacistCode: 'Y500103000456',
      certno: ZHANG_ID,
    });
  });

  it('a pharmacist needs the ID number the e-voucher is checked against, with a valid check digit [R-PHARMACIST]', () => {
    expect(staffAccountProblem({ ...pharmacist, certno: null })?.field).toBe('certno');
    const wrongCheck = `${ZHANG_ID.slice(0, 17)}9`;
    expect(staffAccountProblem({ ...pharmacist, certno: wrongCheck })).toEqual({
      field: 'certno',
      message: '居民身份证号无效（应为 18 位，末位校验码须正确）',
    });
  });

  it('a pharmacist needs a pharmacist code; a cashier keeps none [R-PHARMACIST][ST-EPC-02-002]', () => {
    expect(staffAccountProblem({ ...pharmacist, pharmacistCode: '' })?.field).toBe(
      'pharmacistCode',
    );
    const cashier = { ...pharmacist, role: 'cashier' as const, certno: null };
    expect(staffAccountProblem(cashier)).toBeNull();
    expect(normaliseStaffAccount(cashier).pharmacistCode).toBeNull();
  });
});
