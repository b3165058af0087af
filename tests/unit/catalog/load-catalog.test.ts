import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/services/catalog-loader';

function gs1CheckOk(gtin: string): boolean {
  const digits = [...gtin].map(Number);
  const check = digits.pop();
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

describe('drug catalog (config/catalog/drugs.json)', () => {
  const catalog = loadCatalog();
  const drugs = [...catalog.values()];

  it('loads about 20 drugs keyed by medListCodg [ARCH]', () => {
    expect(drugs.length).toBeGreaterThanOrEqual(18);
    expect(catalog.get('XA10BAA115A001010104107')?.genname).toBe('盐酸二甲双胍片');
  });

  it('has unique traceability product ids (8xxxxxx) and GTINs with valid GS1 check digits [R-TRACE]', () => {
    const ids = drugs.flatMap((d) => d.traceProductIds);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of drugs) {
      // goods that are no drug carry a GS1 UDI instead of a drug traceability code
      expect(d.traceProductIds.length).toBeGreaterThanOrEqual(d.rxClass === 'nonDrug' ? 0 : 1);
      expect(d.traceProductIds.length).toBeLessThanOrEqual(2);
      for (const g of d.gtins) expect(gs1CheckOk(g), `${d.genname} ${g}`).toBe(true);
    }
  });

  it('covers dual-channel drugs, insulin (no excluded class) and every excluded class the demo needs [R-EXCLUDED][R-HISTORY]', () => {
    expect(drugs.filter((d) => d.dualChannel).length).toBeGreaterThanOrEqual(3);
    const insulin = drugs.filter((d) => d.genname.includes('胰岛素'));
    expect(insulin.length).toBeGreaterThan(0);
    for (const d of insulin) expect(d.classes).toEqual([]);
    const classes = new Set(drugs.flatMap((d) => d.classes));
    for (const c of [
      'narcotic',
      'psychotropic2',
      'compoundControlled',
      'hospitalPreparation',
      'pregnancyTermination',
    ])
      expect(classes.has(c as never), c).toBe(true);
  });

  it('classes every item: the demo Rx drugs are 处方药, and OTC and non-drug goods exist for the cash counter [R-GSP-RX]', () => {
    const classOf = (genname: string) => drugs.find((d) => d.genname.includes(genname))?.rxClass;
    for (const rx of ['阿莫西林', '来那度胺', '门冬胰岛素', '甘精胰岛素', '地西泮'])
      expect(classOf(rx), rx).toBe('rx');
    const classes = new Set(drugs.map((d) => d.rxClass));
    for (const c of ['otcA', 'otcB', 'nonDrug'] as const) expect(classes.has(c), c).toBe(true);
  });

  it('refuses a catalog item without its prescription class, naming the field [R-GSP-RX]', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const file = path.join(dir, 'no-class.json');
    const { rxClass: _dropped, ...unclassed } = drugs[0] as (typeof drugs)[number];
    writeFileSync(file, JSON.stringify({ drugs: [unclassed] }));
    expect(() => loadCatalog(file)).toThrow(/药品目录文件无效[\s\S]*rxClass[\s\S]*处方药/);
  });

  it('refuses an invalid file and duplicate codes with a Chinese message [ARCH]', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ drugs: [{ medListCodg: 'X' }] }));
    expect(() => loadCatalog(bad)).toThrow(/药品目录文件无效/);
    const dup = path.join(dir, 'dup.json');
    const one = drugs[0];
    writeFileSync(dup, JSON.stringify({ drugs: [one, one] }));
    expect(() => loadCatalog(dup)).toThrow(/重复/);
  });
});
