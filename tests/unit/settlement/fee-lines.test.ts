import { describe, expect, it } from 'vitest';
import type { CatalogDrug } from '../../../src/domain/catalog/catalog-drug';
import type { DispensingLine } from '../../../src/domain/dispense/dispensing-lines';
import { feeLines, settleInput } from '../../../src/domain/settlement/fee-lines';

const drug = (medListCodg: string, priceFen: number): CatalogDrug => ({
  medListCodg,
  genname: medListCodg,
  prodname: '',
  spec: '0.25g*24粒',
  dosform: '胶囊剂',
  packUnit: '盒',
  priceFen,
  aprvno: '',
  prdrName: '',
  classes: [],
  rxClass: 'rx',
  dualChannel: false,
  traceProductIds: [],
  gtins: [],
});
const line = (over: Partial<DispensingLine>): DispensingLine => ({
  lineNo: 1,
  medListCodg: 'A',
  genname: '阿莫西林胶囊',
  splitPack: false,
  unitsPerPack: 24,
  qtyPrescribed: 2,
  qtyUnit: '盒',
  packsPrescribed: 2,
  qtyDispensed: 2,
  days: 7,
  ...over,
});
const catalog = new Map([
  ['A', drug('A', 1280)],
  ['B', drug('B', 2400)],
]);

describe('fee lines (domain)', () => {
  it('bills exactly the dispensed lines at the catalog price, a 拆零 line per unit, a delivery fee as its own line outside the catalog [R-NOSWAP][R-SETTLE][R-DELIVERY]', () => {
    const lines = feeLines(
      7,
      [
        line({ lineNo: 1, medListCodg: 'A', qtyDispensed: 2 }),
        line({ lineNo: 2, medListCodg: 'B', splitPack: true, qtyUnit: '粒', qtyDispensed: 6 }),
        line({ lineNo: 3, medListCodg: 'A', qtyDispensed: 0 }),
      ],
      catalog,
      500,
    );
    expect(
      lines.map((l) => [l.feedetlSn, l.medListCodg, l.quantity, l.priceUnits, l.totalFen]),
    ).toEqual([
      ['7-1', 'A', 2, 12_8000, 2560],
      ['7-2', 'B', 6, 1_0000, 600],
      ['7-D', 'X-DELIVERY-FEE', 1, 5_0000, 500],
    ]);
  });

  it('a paper prescription settles as an outside prescription with the x_rx_form marker, amounts in yuan [R-PAPER-NO][R-SETTLE]', () => {
    const lines = feeLines(7, [line({ qtyDispensed: 2 })], catalog);
    const person = {
      psnNo: 'P1',
      insutype: '310',
      insuplcAdmdvs: '500103',
      certType: '02' as const,
      certNo: '500103197803151238',
      cardSn: '',
      useAccount: true,
    };
    const input = settleInput(
      { rxno: 'H1-42', source: 'paper' },
      person,
      lines,
      '2026-12-06 10:00:00',
      null,
    );
    expect(input.druginfo).toMatchObject({
      medfee_sumamt: 25.6,
      rxno: 'H1-42',
      rx_circ_flag: '1',
      acct_used_flag: '1',
      med_type: '41',
      x_rx_form: 'paper',
    });
    expect(input.drugdetail).toEqual([
      expect.objectContaining({ feedetl_sn: '7-1', det_item_fee_sumamt: 25.6, cnt: 2, pric: 12.8 }),
    ]);
  });

  const mtFacts = (diseCodg: string) => ({
    medType: '14',
    diseCodg,
    diseName: '2型糖尿病',
    hospApprFlags: new Map([[1, '2']]),
  });
  const insured = {
    psnNo: 'P1',
    insutype: '310',
    insuplcAdmdvs: '441900',
    certType: '02' as const,
    certNo: '441900197803151238',
    cardSn: '',
    useAccount: false,
  };

  it('a 门特 prescription settles as 门特 with its disease code, each line with its approval flag [R-MT-SETTLE][R-SCOPE]', () => {
    const lines = feeLines(9, [line({ qtyDispensed: 1 })], catalog);
    const input = settleInput(
      { rxno: 'RX9', source: 'electronic' },
      insured,
      lines,
      '2026-12-06 10:00:00',
      mtFacts('E11.900'),
    );
    expect(input.druginfo).toMatchObject({
      med_type: '14',
      dise_codg: 'E11.900',
      dise_name: '2型糖尿病',
    });
    expect(input.drugdetail[0]).toMatchObject({ hosp_appr_flag: '2' });
  });

  it('refuses to settle a 门特 prescription that names no disease code, before anything is sent [R-MT-SETTLE]', () => {
    const lines = feeLines(9, [line({ qtyDispensed: 1 })], catalog);
    expect(() =>
      settleInput(
        { rxno: 'RX9', source: 'electronic' },
        insured,
        lines,
        '2026-12-06 10:00:00',
        mtFacts(' '),
      ),
    ).toThrow(/病种诊断编码/);
  });
});
