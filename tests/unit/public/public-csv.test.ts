import { describe, expect, it } from 'vitest';
import type { PublicPriceRow } from '../../../src/contract/types-public';
import { priceListCsv } from '../../../src/services/public-info/public-csv';
import { renderCsv } from '../../../src/services/reports/export/csv';

const row = (genname: string, prdrName = '重庆沙箱制药有限公司'): PublicPriceRow => ({
  medListCodg: 'XJ01CAA040A001010100435',
  genname,
  prodname: '沙箱阿莫仙',
  spec: '0.25g*24粒',
  dosform: '胶囊剂',
  packUnit: '盒',
  prdrName,
  priceFen: 1280,
  dualChannel: false,
});

const records = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');

describe('public price list CSV', () => {
  it('starts with the pharmacy and the posting date, one record per drug in yuan [R-PRICE-PUB]', () => {
    const out = records(
      priceListCsv({
        pharmacyName: '沙箱示范大药房',
        fixmedinsCode: 'P50010300001',
        date: '2026-12-07',
        rows: [row('阿莫西林胶囊')],
      }),
    );
    expect(out[0]).toBe('药店,沙箱示范大药房,定点编码,P50010300001');
    expect(out[1]).toBe('公示日期,2026-12-07');
    expect(out[3]).toBe(
      'XJ01CAA040A001010100435,阿莫西林胶囊,沙箱阿莫仙,0.25g*24粒,胶囊剂,盒,重庆沙箱制药有限公司,12.80',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas (= + - @) with a leading quote [R-PRICE-PUB]', () => {
    const out = records(
      priceListCsv({
        pharmacyName: '=HYPERLINK("http://x","药房")',
        fixmedinsCode: 'P50010300001',
        date: '2026-12-07',
        rows: [row('+1+1', '@SUM(A1)'), row('-2-2')],
      }),
    );
    expect(out[0]).toBe('药店,"\'=HYPERLINK(""http://x"",""药房"")",定点编码,P50010300001');
    expect(out[3]).toContain(",'+1+1,");
    expect(out[3]).toContain(",'@SUM(A1),");
    expect(out[4]).toContain(",'-2-2,");
  });

  it('neutralises formula-looking text in report CSVs but keeps negative amounts numbers [R-PRICE-PUB][R-RECON]', () => {
    const out = records(
      renderCsv({
        fileStem: 'x',
        title: '报表',
        periodText: '2026-12-07',
        summary: [],
        sections: [
          {
            columns: [
              { header: '药品', kind: 'text' },
              { header: '金额', kind: 'yuan' },
            ],
            rows: [['=1+1', -1280]],
          },
        ],
      }),
    );
    expect(out).toContain("'=1+1,-12.80");
  });
});
