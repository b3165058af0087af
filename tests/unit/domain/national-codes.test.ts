import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drugCodeProblem, institutionCodeProblem } from '../../../src/domain/national-codes';
import { DEFAULT_CATALOG_FILE, loadCatalog } from '../../../src/services/catalog-loader';

describe('national code shapes where codes enter the counter', () => {
  it('accepts a 12-character institution code (a capital letter and 11 digits) and refuses others in Chinese [ST-EPC-02-002]', () => {
    expect(institutionCodeProblem('P50010300001')).toBeNull();
    expect(institutionCodeProblem('H44190000012')).toBeNull();
    expect(institutionCodeProblem('P5001030000')).toContain('12 位');
    expect(institutionCodeProblem('p50010300001')).toContain('大写字母');
    expect(institutionCodeProblem('P5001030000X')).toContain('11 位数字');
    expect(institutionCodeProblem('500103000012')).toContain('大写字母');
  });

  it('accepts insurance drug codes of capital letters and digits and refuses lower case, spaces and symbols [ST-EPC-02-002]', () => {
    expect(drugCodeProblem('XJ01CAA040A001010100435')).toBeNull();
    expect(drugCodeProblem('ZA01AAA0001010100001')).toBeNull();
    expect(drugCodeProblem('')).toContain('不能为空');
    expect(drugCodeProblem('xj01caa040a001010100435')).toContain('大写字母');
    expect(drugCodeProblem('XJ01 CAA040')).toContain('不含空格');
    expect(drugCodeProblem('SP-MASK-0001')).not.toBeNull();
    expect(drugCodeProblem('1J01CAA040A001010100435')).toContain('以字母开头');
    expect(drugCodeProblem(`X${'1'.repeat(50)}`)).toContain('50');
  });

  it('refuses a catalogue whose insurance-listed drug has a malformed code, naming it, while self-pay goods keep their own codes [ST-EPC-02-002][R-CATALOG]', () => {
    const shipped = loadCatalog();
    expect(shipped.get('SP-MASK-0001')).toBeDefined();
    const file = JSON.parse(readFileSync(DEFAULT_CATALOG_FILE, 'utf8')) as {
      drugs: Array<{ medListCodg: string; genname: string }>;
    };
    const first = file.drugs[0];
    if (!first) throw new Error('empty catalogue');
    first.medListCodg = first.medListCodg.toLowerCase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    try {
      const broken = path.join(dir, 'drugs.json');
      writeFileSync(broken, JSON.stringify(file));
      expect(() => loadCatalog(broken)).toThrow(
        new RegExp(`${first.genname}.*医保药品代码应由大写字母和数字组成`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
