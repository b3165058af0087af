import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { ReviewStart, ReviewView, ShiftStatus } from '../../../src/contract/types-review';
import {
  type CreatedPrescription,
  createPrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMLODIPINE = 'XC08CAA010A001010201587';
const DIAZEPAM = 'XN05BAD010A001010101086';
const OSIMERTINIB = 'XL01EBA110A001010101911';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !zhang || !ownVoucher) throw new Error('demo data missing');

const PASS = { result: 'pass', opinion: '处方合理，用法用量适宜', ecToken: ownVoucher } as const;
const REJECT = {
  result: 'reject',
  opinion: '含不纳入流转的药品，不予调剂',
  ecToken: ownVoucher,
} as const;
const CHECKS = {
  identityChecked: true,
  prescriptionChecked: true,
  medicalRecordChecked: true,
  note: '已核对身份证、处方与病历',
};

describe('licensed-pharmacist review over HTTP (shift, rules, 7206 through the outbox)', () => {
  let h: Harness;
  let token: string;
  let cashierToken: string;

  const login = async (u: { username: string; password: string }) =>
    (await h.api<{ token: string }>('auth.login', { username: u.username, password: u.password }))
      .value?.token ?? '';
  const downloaded = async (drugs: string[]): Promise<CreatedPrescription> => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient: zhang, drugs });
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, token);
    const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    expect(got.ok, got.error?.message).toBe(true);
    return rx;
  };
  const submit = (hiRxno: string, body: Record<string, unknown>, as = token) =>
    h.api<ReviewView>('review.submit', { hiRxno, ...body }, as);
  const centerStatusName = async (rx: CreatedPrescription) => {
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, token);
    const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    return got.value?.status.name;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await login(pharmacist);
    cashierToken = await login(cashier);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a cashier can neither go on duty nor review [R-PHARMACIST][ST-EPC-02-006]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const shift = await h.api('shift.open', {}, cashierToken);
    expect(shift.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    const r = await submit(rx.hiRxno, PASS, cashierToken);
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    expect(r.error?.message).toContain('执业药师');
  });

  it('without a pharmacist on duty the pharmacy may not review; off duty is refused [R-PHARMACIST][ST-EPC-02-006]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const status = await h.api<ShiftStatus>('shift.status', {}, cashierToken);
    expect(status.value).toMatchObject({ pharmacyMayReview: false, onDuty: [] });
    expect(status.value?.message).toContain('无执业药师在岗');
    const r = await submit(rx.hiRxno, PASS);
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PHARMACIST' });
    expect(r.error?.message).toContain('不在岗');

    const opened = await h.api('shift.open', {}, token);
    expect(opened.ok, opened.error?.message).toBe(true);
    const after = await h.api<ShiftStatus>('shift.status', {}, cashierToken);
    expect(after.value?.pharmacyMayReview).toBe(true);
    expect(after.value?.onDuty.map((s) => s.pharmacistCode)).toEqual([pharmacist.pharmacistCode]);
  });

  it('another person’s e-voucher is refused and nothing is saved [R-PHARMACIST][ST-EPC-02-006]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const r = await submit(rx.hiRxno, { ...PASS, ecToken: zhang.ecToken });
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    expect(r.error?.message).toContain('本人');
    expect((await h.api('review.get', { hiRxno: rx.hiRxno }, token)).error?.code).toBe('NOT_FOUND');
  });

  it('an opinion or registration note carrying a scanned e-voucher token is refused: nothing saved, nothing queued for 7206 [R-OPINION][R-HISTORY][issue19-5]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const r = await submit(rx.hiRxno, { ...PASS, opinion: `处方合理，用法用量适宜${ownVoucher}` });
    expect(r.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-OPINION' });
    expect(r.error?.message).toContain('审核意见');
    expect(r.error?.message).toContain('医保电子凭证');
    expect(r.error?.message).not.toContain(ownVoucher);
    expect(r.error?.citation).toContain('ST-EPC-02-007');
    const note = await submit(rx.hiRxno, {
      ...PASS,
      dualChannel: { ...CHECKS, note: `已核对 ${zhang.ecToken}` },
    });
    expect(note.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-HISTORY' });
    expect((await h.api('review.get', { hiRxno: rx.hiRxno }, token)).error?.code).toBe('NOT_FOUND');
    expect(h.services.outbox.list({ orderingKey: rx.hiRxno })).toEqual([]);
  });

  it('a blocked prescription cannot pass but may be rejected, with a written reason [R-OPINION][ST-EPC-02-007][R-EXCLUDED]', async () => {
    const rx = await downloaded([DIAZEPAM]);
    const start = await h.api<ReviewStart>('review.start', { hiRxno: rx.hiRxno }, token);
    expect(start.value?.canSubmit).toMatchObject({ pass: false, reject: true });
    const pass = await submit(rx.hiRxno, PASS);
    expect(pass.error).toMatchObject({ code: 'POLICY', ruleId: 'R-EXCLUDED' });
    const silent = await submit(rx.hiRxno, { ...REJECT, opinion: '不行' });
    expect(silent.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-OPINION' });
    const rejected = await submit(rx.hiRxno, REJECT);
    expect(rejected.ok, rejected.error?.message).toBe(true);
    expect(rejected.value).toMatchObject({ result: 'reject', resultLabel: '审核不通过' });
    await h.services.worker.sendNow();
    const got = await h.api<ReviewView>('review.get', { hiRxno: rx.hiRxno }, token);
    expect(got.value?.upload.state).toBe('delivered');
    expect(got.value?.upload.rxChkBizSn).toHaveLength(30);
  });

  it('a pass is queued as 7206 in the same transaction, delivered, and its rx_chk_biz_sn recorded; the center says 已审核 [R-OPINION][ST-EPC-02-007][ARCH]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const r = await submit(rx.hiRxno, PASS);
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.value).toMatchObject({
      result: 'pass',
      statusCode: '1',
      reviewer: { name: pharmacist.displayName, pharmacistCode: pharmacist.pharmacistCode },
    });
    const [item] = h.services.outbox.list({ orderingKey: rx.hiRxno });
    expect(item?.infno).toBe('7206');
    const body = JSON.parse(item?.body ?? '{}');
    expect(body.input.rx_chk_up_info).toMatchObject({
      hi_rxno: rx.hiRxno,
      phar_code: pharmacist.pharmacistCode,
      phar_certno: pharmacist.certno,
      rx_chk_stas_codg: '1',
    });
    expect(body.input.rx_chk_up_info.rx_sign_verify_sn).toMatch(/\S+/);

    await h.services.worker.sendNow();
    const got = await h.api<ReviewView>('review.get', { hiRxno: rx.hiRxno }, token);
    expect(got.value?.upload.state).toBe('delivered');
    expect(got.value?.upload.rxChkBizSn).toHaveLength(30);
    const stored = h.services.db
      .prepare('SELECT * FROM rx_reviews WHERE hi_rxno = ?')
      .get(rx.hiRxno) as Record<string, unknown>;
    expect(stored.rx_chk_biz_sn).toBe(got.value?.upload.rxChkBizSn);
    expect(JSON.stringify(stored)).not.toContain(ownVoucher);
    expect(JSON.stringify(got.value)).not.toContain(pharmacist.certno ?? '-');

    const again = await submit(rx.hiRxno, PASS);
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
    expect(again.error?.message).toContain('已由');
    expect(await centerStatusName(rx)).toBe('已审核');
  });

  it('the pharmacist’s e-voucher token is sent as queued, then replaced by its SM3 digest in the delivered body; nothing else changes, and only once', async () => {
    const rx = await downloaded([AMLODIPINE]);
    expect((await submit(rx.hiRxno, PASS)).ok).toBe(true);
    const [queued] = h.services.outbox.list({ orderingKey: rx.hiRxno });
    const before = JSON.parse(queued?.body ?? '{}');
    expect(before.input.rx_chk_up_info.ec_token).toBe(ownVoucher);
    const frozen = () =>
      h.services.db
        .prepare(
          "UPDATE outbox SET body = json_set(body, '$.input.rx_chk_up_info.ec_token', 'x'), credentials_redacted_at = 1 WHERE id = ?",
        )
        .run(queued?.id);
    expect(frozen).toThrow(/外发/);

    await h.services.worker.sendNow();
    const row = h.services.db
      .prepare('SELECT status, body, credentials_redacted_at AS at FROM outbox WHERE id = ?')
      .get(queued?.id) as { status: string; body: string; at: number | null };
    expect(row.status).toBe('delivered');
    expect(row.at).not.toBeNull();
    expect(row.body).not.toContain(ownVoucher);
    const after = JSON.parse(row.body);
    expect(after.input.rx_chk_up_info.ec_token).toBe(`sm3:${sm3Hex(Buffer.from(ownVoucher))}`);
    after.input.rx_chk_up_info.ec_token = before.input.rx_chk_up_info.ec_token;
    expect(after).toEqual(before);
    const again = () =>
      h.services.db
        .prepare("UPDATE outbox SET body = '{}', credentials_redacted_at = 2 WHERE id = ?")
        .run(queued?.id);
    expect(again).toThrow(/外发/);
  });

  it('with the center down the review is saved and queued, and delivered once it is back [ARCH][R-OPINION]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    await h.fault({ target: '*', kind: 'http5xx' });
    try {
      const r = await submit(rx.hiRxno, PASS);
      expect(r.ok, r.error?.message).toBe(true);
      expect(r.value?.upload.state).toBe('queued');
      await h.services.worker.sendNow();
      const waiting = await h.api<ReviewView>('review.get', { hiRxno: rx.hiRxno }, token);
      expect(waiting.value?.upload).toMatchObject({ state: 'queued', rxChkBizSn: null });
    } finally {
      await h.clearFaults();
    }
    await h.services.worker.sendNow();
    const got = await h.api<ReviewView>('review.get', { hiRxno: rx.hiRxno }, token);
    expect(got.value?.upload.state).toBe('delivered');
    expect(got.value?.upload.rxChkBizSn).toHaveLength(30);
  });

  it('dual-channel lines need the identity, prescription and medical-record checks, then are registered [R-HISTORY]', async () => {
    const rx = await downloaded([OSIMERTINIB]);
    const start = await h.api<ReviewStart>('review.start', { hiRxno: rx.hiRxno }, token);
    expect(start.value?.dualChannelLines.map((l) => l.medListCodg)).toEqual([OSIMERTINIB]);
    const bare = await submit(rx.hiRxno, PASS);
    expect(bare.error).toMatchObject({ code: 'POLICY', ruleId: 'R-HISTORY' });
    const partial = await submit(rx.hiRxno, {
      ...PASS,
      dualChannel: { ...CHECKS, medicalRecordChecked: false },
    });
    expect(partial.error?.message).toContain('病历');
    const ok = await submit(rx.hiRxno, { ...PASS, dualChannel: CHECKS });
    expect(ok.ok, ok.error?.message).toBe(true);
    expect(ok.value?.dualChannel).toMatchObject({ ...CHECKS });
  });

  it('a rejected review may be followed by a new one; the first is kept, superseded [R-OPINION]', async () => {
    const rx = await downloaded([AMLODIPINE]);
    const first = await submit(rx.hiRxno, { ...REJECT, opinion: '请患者补充过敏史后再审' });
    expect(first.ok, first.error?.message).toBe(true);
    const second = await submit(rx.hiRxno, PASS);
    expect(second.ok, second.error?.message).toBe(true);
    await h.services.worker.sendNow();
    const got = await h.api<ReviewView>('review.get', { hiRxno: rx.hiRxno }, token);
    expect(got.value).toMatchObject({ result: 'pass', superseded: false });
    expect(got.value?.upload.state).toBe('delivered');
    const rows = h.services.db
      .prepare(
        'SELECT result, superseded_at IS NOT NULL AS s FROM rx_reviews WHERE hi_rxno = ? ORDER BY id',
      )
      .all(rx.hiRxno);
    expect(rows).toEqual([
      { result: 'reject', s: 1 },
      { result: 'pass', s: 0 },
    ]);
  });

  it('closing the shift takes the pharmacist off duty [R-PHARMACIST]', async () => {
    const closed = await h.api('shift.close', {}, token);
    expect(closed.ok, closed.error?.message).toBe(true);
    const status = await h.api<ShiftStatus>('shift.status', {}, token);
    expect(status.value).toMatchObject({ mine: null, pharmacyMayReview: false });
  });
});
