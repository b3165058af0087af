import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperView } from '../../../src/contract/types-paper';
import type { MtClaimSaleView, SaleUploadsView } from '../../../src/contract/types-settlement';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { AMLODIPINE, fakePng, METFORMIN, paperFields } from '../../support/paper-fixtures';

/** Trace product identifiers of the drugs used (config/catalog/drugs.json). */
const PRODUCT: Record<string, string> = { [AMLODIPINE]: '8020741', [METFORMIN]: '8031111' };
let serial = 400_000 + (Date.now() % 100_000);
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo ${role} missing`);
  return s;
};

/** A Dongguan 门特 paper prescription from a hospital of the pool area, after the transition. */
const dongguanPaper = (over: Record<string, unknown> = {}) => ({
  ...paperFields({
    institutionCode: 'H44190000003',
    institutionName: '东莞市沙箱示范医院',
    patientName: '陈立群',
    lines: [
      { medListCodg: AMLODIPINE, quantity: 2, days: 28 },
      { medListCodg: METFORMIN, quantity: 1, days: 30 },
    ],
  }),
  imageBase64: fakePng().toString('base64'),
  ...over,
});

describe('a 门特 purchase on paper after Dongguan’s transition: self-pay, claimed at the hospital, over HTTP', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (role: string) =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: staff(role).username,
        password: staff(role).password,
      })
    ).value?.token ?? '';
  const count = (sql: string, ...args: unknown[]) =>
    h.services.db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  const center = async <T>(route: string): Promise<T> =>
    (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json() as Promise<T>;

  beforeAll(async () => {
    h = await startHarness({ pharmacyAdmdvs: '441900' });
    await h.services.worker.stop();
    const admin = await login('admin');
    const region = await h.api('settings.setRegion', { regionId: '441900' }, admin);
    expect(region.ok).toBe(true);
    token = await login('pharmacist');
    await ok('shift.open', {});
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('a paper prescription that is not 门特 is still refused outright after 2025-06-30 [R-PAPER-DUAL][R-CENTER]', async () => {
    const r = await api('paper.capture', dongguanPaper());
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PAPER-DUAL' });
    expect(r.error?.message).toContain('不再受理纸质外配处方');
  });

  it('a 门特 paper prescription is not refused outright: without the patient’s consent it asks for it, nothing stored [R-MT-CLAIM][R-CENTER]', async () => {
    const before = count('SELECT count(*) FROM paper_prescriptions');
    const r = await api('paper.capture', dongguanPaper({ chronicSpecial: true }));
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-CLAIM' });
    expect(r.error?.message).toContain('患者同意全额自费');
    expect(r.error?.message).not.toContain('不再受理纸质外配处方');
    expect(r.error?.message).not.toMatch(/R-|\b00\d §/);
    expect(r.error?.citation).toContain('东医保〔2024〕41号 §三(一)');
    expect(count('SELECT count(*) FROM paper_prescriptions')).toBe(before);
  });

  let paper: PaperView;
  let sale: MtClaimSaleView;

  it('with consent it is archived as a self-pay purchase and can never be dispensed for the fund (no 2101/2102) [R-MT-CLAIM][R-PAPER-KEEP]', async () => {
    paper = await ok<PaperView>(
      'paper.capture',
      dongguanPaper({ chronicSpecial: true, selfPayConsent: true }),
    );
    expect(paper.warnings.map((w) => [w.ruleId, w.code])).toContainEqual([
      'R-MT-CLAIM',
      'MT_CLAIM_SELF_PAY',
    ]);
    const start = await api('dispense.startPaper', { paperId: paper.id });
    expect(start.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-CLAIM' });
    expect(start.error?.message).toContain('不能医保结算');
    expect(count('SELECT count(*) FROM dispensings WHERE paper_id = ?', paper.id)).toBe(0);
  });

  it('the sale is exactly as prescribed: a missing pack is refused, nothing sold [R-MT-CLAIM][R-NOSWAP]', async () => {
    const r = await api('sale.mtClaim', {
      paperId: paper.id,
      items: [{ medListCodg: AMLODIPINE, codes: [codeOf(AMLODIPINE)] }],
    });
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-NOSWAP' });
    expect(count('SELECT count(*) FROM self_pay_sales')).toBe(0);
  });

  it('the patient pays everything, nothing reaches the fund, the 3505 reports the packs, the paper is handed over [R-MT-CLAIM][R-STOCK][R-TRACE-ONCE]', async () => {
    const settlementsBefore = count('SELECT count(*) FROM settlements');
    const items = paper.lines.map((l) => ({
      medListCodg: l.medListCodg,
      codes: Array.from({ length: l.quantity }, () => codeOf(l.medListCodg)),
    }));
    sale = await ok<MtClaimSaleView>('sale.mtClaim', { paperId: paper.id, items });
    expect(sale.lines.map((l) => [l.medListCodg, l.packs])).toEqual([
      [AMLODIPINE, 2],
      [METFORMIN, 1],
    ]);
    expect(sale.total.fen).toBe(sale.lines.reduce((s, l) => s + l.total.fen, 0));
    expect(count('SELECT count(*) FROM settlements')).toBe(settlementsBefore);
    expect(sale.uploads.map((u) => u.infno)).toEqual(['3505']);
    expect((await ok<PaperView>('paper.get', { id: paper.id })).status).toBe('dispensed');

    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { saleId: sale.saleId });
    expect(up).toMatchObject({ allDelivered: true });
    const rxno = paperRxno(paper.institutionCode, paper.serialNo);
    const { settlements } = await center<{ settlements: unknown[] }>(
      `settlements?hi_rxno=${encodeURIComponent(rxno)}`,
    );
    expect(settlements).toEqual([]);
    const msgid = up.uploads[0]?.msgid;
    const { records } = await center<{ records: Array<{ record: Record<string, unknown> }> }>(
      `inventory?infno=3505&msgid=${msgid}`,
    );
    expect(records.map((r) => r.record)).toEqual([
      expect.objectContaining({ rxno, x_rx_form: 'paper', mdtrt_setl_type: expect.any(String) }),
      expect.objectContaining({ rxno, x_rx_form: 'paper' }),
    ]);
    expect(records.every((r) => r.record.setl_id === undefined)).toBe(true);

    const again = await api('sale.mtClaim', { paperId: paper.id, items });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
  });

  it('prints the 零星报销 materials: prescription record, itemised self-pay receipt, every pack’s code, read back from the PDF [R-MT-CLAIM][R-TRACE]', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mt-claim-'));
    const file = path.join(dir, sale.materials.fileName);
    writeFileSync(file, Buffer.from(sale.materials.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lineOf = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
    expect(text).toContain('零星报销材料');
    expect(lineOf('开方医疗机构')).toContain(paper.institutionName);
    expect(lineOf('处方编号')).toContain(paper.serialNo);
    expect(lineOf('参保人')).toContain('陈立群');
    expect(lineOf('参保人')).toContain(paper.patient.certnoMasked);
    expect(lineOf('费用合计')).toContain(`${sale.total.yuan}元`);
    expect(lineOf('费用合计')).toContain('医保基金支付：0.00元');
    for (const code of sale.lines.flatMap((l) => l.codes)) expect(text).toContain(code);
    expect(text).toContain('办理零星报销手续');
    expect(text.replace(/\s+/g, '')).toContain('东医保〔2024〕41号§三(一)');
    expect(text).not.toMatch(/R-[A-Z]/);

    const reprint = await ok<{ pdfBase64: string; lines: string[] }>('sale.mtClaimMaterials', {
      paperId: paper.id,
      saleId: sale.saleId,
    });
    expect(reprint.lines).toEqual(sale.materials.lines);
  });
});
