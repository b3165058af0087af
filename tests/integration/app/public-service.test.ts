import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuidanceView } from '../../../src/contract/types-dispense';
import type {
  ReceiptView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { pdfTextLines } from '../../support/pdf-text';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const PRODUCT: Record<string, string> = { [AMOXICILLIN]: '8010371' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
let serial = 880_000;
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

describe('guidance, public lists, receipts and delivery over HTTP', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (username: string, password: string) =>
    (await h.api<{ token: string }>('auth.login', { username, password })).value?.token ?? '';

  /** An amoxicillin prescription with a physician's instruction, dispensed and settled. */
  const settledWithInstruction = async (instruction: string) => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [{ medListCodg: AMOXICILLIN, instruction }],
      ownVoucher,
      codeOf,
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    await h.services.worker.sendNow();
    return { ...d, settlement: s };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await login(pharmacist.username, pharmacist.password);
    await ok('shift.open', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('prints the catalogue contraindications, cautions and the physician’s instruction with the sale [R-GUIDE][ST-EPC-02-012]', async () => {
    const instruction = '饭后半小时服用，连续腹泻须复诊';
    const sale = await settledWithInstruction(instruction);

    const g = await ok<GuidanceView>('guidance.forPrescription', { hiRxno: sale.hiRxno });
    expect(g.lines[0]).toMatchObject({
      contraindications: ['对青霉素类药物过敏者禁用'],
      instruction,
    });
    expect(g.lines[0]?.cautions[0]).toContain('青霉素过敏史');

    const a4 = await ok<ReceiptView>('receipt.get', {
      settlementId: sale.settlement.settlementId,
      format: 'a4',
    });
    const pdf = (await pdfTextLines(Buffer.from(a4.pdfBase64 ?? '', 'base64')))?.join('') ?? '';
    expect(pdf).toContain('用药指导');
    expect(pdf).toContain('【禁忌】对青霉素类药物过敏者禁用');
    expect(pdf).toContain('【注意事项】用药前须确认无青霉素过敏史');
    expect(pdf).toContain(`【医嘱说明】${instruction}`);
    expect(pdf).not.toContain('R-GUIDE');

    const thermal = await ok<ReceiptView>('receipt.get', {
      settlementId: sale.settlement.settlementId,
      format: 'thermal80',
    });
    expect(thermal.lines?.join('')).toContain('【禁忌】对青霉素类药物过敏者禁用');
  });
});
