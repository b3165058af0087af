import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import {
  type CreatedPrescription,
  createPrescription,
  revokePrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';
const DIAZEPAM = 'XN05BAD010A001010101086';
const OSIMERTINIB = 'XL01EBA110A001010101911';
const DAY = 86_400_000;

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const zhang = DEMO_PATIENTS[0];
if (!pharmacist || !admin || !zhang) throw new Error('demo data missing');

describe('e-prescription intake over HTTP: find, download, verify, policy, layout', () => {
  let h: Harness;
  let token: string;
  let adminToken: string;

  const create = (order: Parameters<typeof createPrescription>[1]) =>
    createPrescription({ baseUrl: h.sandboxUrl }, order);
  const findByQr = (qr: string) => h.api<RxCandidate[]>('rx.find', { by: 'qr', qr }, token);
  const download = async (rx: CreatedPrescription) => {
    const found = await findByQr(rx.qr);
    expect(found.ok, found.error?.message).toBe(true);
    const ticket = found.value?.[0]?.ticket;
    return h.api<PrescriptionView>('rx.download', ticket, token);
  };
  const blocking = (v: PrescriptionView | undefined) =>
    (v?.findings ?? []).filter((f) => f.severity === 'block');
  const storedVerification = (hiRxno: string) =>
    h.services.db
      .prepare('SELECT verification FROM prescriptions WHERE hi_rxno = ?')
      .pluck()
      .get(hiRxno);

  beforeAll(async () => {
    h = await startHarness();
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
    const adminLogin = await h.api<{ token: string }>('auth.login', {
      username: admin.username,
      password: admin.password,
    });
    adminToken = adminLogin.value?.token ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the patient’s prescriptions by e-voucher and downloads a verified one with its certificate [R-AUTH][R-CENTER][R-SIGN][ST-EPC-02-001][ST-EPC-02-008]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN, AMLODIPINE] });
    const found = await h.api<RxCandidate[]>(
      'rx.find',
      { by: 'cert', certType: '01', certNo: zhang.ecToken },
      token,
    );
    expect(found.ok, found.error?.message).toBe(true);
    const candidate = found.value?.find((c) => c.hiRxno === rx.hiRxno);
    expect(candidate?.fixmedinsName).toBe(rx.fixmedinsName);
    expect(candidate?.downloaded).toBe(false);

    const got = await h.api<PrescriptionView>('rx.download', candidate?.ticket, token);
    expect(got.ok, got.error?.message).toBe(true);
    const v = got.value;
    expect(v?.signature.local).toMatchObject({ valid: true, code: 'OK' });
    expect(v?.signature.center.state).toBe('passed');
    expect(v?.signature.center.verifySn).toMatch(/\S+/);
    expect(v?.signature.cert?.serial.toLowerCase()).toBe(rx.signCertSn.toLowerCase());
    expect(v?.signature.cert?.institution).toBe(rx.fixmedinsName);
    expect(v?.lines.map((l) => l.medListCodg)).toEqual([AMOXICILLIN, AMLODIPINE]);
    expect(blocking(v)).toEqual([]);
    expect(v?.reviewable).toBe(true);
    expect(JSON.stringify(v)).not.toContain(zhang.certno);
    expect(storedVerification(rx.hiRxno)).toBe('verified');

    // auth_rxno is single-use at the center
    const again = await h.api('rx.download', candidate?.ticket, token);
    expect(again.ok).toBe(false);
    expect(again.error?.code).toBe('CENTER_REJECTED');
  });

  it('a prescription QR downloads directly; every layout-file statement matches the structured data [R-LAYOUT][ST-EPC-02-007]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMLODIPINE] });
    const got = await download(rx);
    expect(got.ok, got.error?.message).toBe(true);
    const layout = got.value?.layout;
    expect(layout?.readError).toBeNull();
    expect(layout?.outcome).toBe('matches');
    expect(layout?.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['医保处方编号', '患者姓名', '药品1', '数量1', '用法1']),
    );
    expect(layout?.fields.every((f) => f.outcome === 'matches')).toBe(true);
    const file = await h.api<{ pdfBase64: string }>('rx.layoutFile', { hiRxno: rx.hiRxno }, token);
    expect(
      Buffer.from(file.value?.pdfBase64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses a scan that is not a prescription QR, in Chinese [R-AUTH]', async () => {
    const r = await findByQr('EPCQR99XXXXXXXXXXXXXXXXXXXX');
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('电子处方二维码');
  });

  for (const [kind, code, rule, message] of [
    ['tamper-field', 'FIELD_TAMPERED', 'R-SIGN', '患者姓名'],
    ['tamper-drugline', 'DRUG_LINES_TAMPERED', 'R-SIGN', '药品明细'],
    ['swap-layout', 'LAYOUT_FILE_SWAPPED', 'R-LAYOUT', '版式文件'],
    ['swap-cert', 'CERT_SN_MISMATCH', 'R-SIGN', '证书'],
  ] as const) {
    it(`a reply altered in transit (${kind}) is stored as failed and blocks review with ${code} [${rule}][ST-EPC-02-008]`, async () => {
      const rx = await create({ patient: zhang, drugs: [AMOXICILLIN] });
      const found = await findByQr(rx.qr);
      await h.fault({ target: '7204', kind, times: 1 });
      const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
      await h.clearFaults();
      expect(got.ok, got.error?.message).toBe(true);
      const v = got.value;
      expect(v?.reviewable).toBe(false);
      const block = blocking(v).find((f) => f.code === code);
      expect(block, JSON.stringify(v?.findings)).toBeDefined();
      expect(block?.ruleId).toBe(rule);
      expect(`${block?.message}${v?.signature.local.message}`).toContain(message);
      expect(block?.citation).toMatch(/\S/);
      expect(storedVerification(rx.hiRxno)).toBe('failed');
    });
  }

  it('a re-download never overwrites the archived prescription: the same one records only its check, altered content is refused [R-KEEP][R-CENTER]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN] });
    const archivedRow = () =>
      h.services.db
        .prepare(
          `SELECT patient_name, certno, reply, rx_file, downloaded_at, downloaded_by, epc_token,
             verification, checked_at FROM prescriptions WHERE hi_rxno = ?`,
        )
        .get(rx.hiRxno) as Record<string, unknown>;
    const first = await download(rx);
    expect(first.ok, first.error?.message).toBe(true);
    const archived = archivedRow();
    expect(archived.verification).toBe('verified');

    const again = await download(rx);
    expect(again.ok, again.error?.message).toBe(true);
    expect(again.value?.downloadedAt).toBe(first.value?.downloadedAt);
    const rechecked = archivedRow();
    const { epc_token: token2, checked_at: checked2, ...content2 } = rechecked;
    const { epc_token: token1, checked_at: checked1, ...content1 } = archived;
    expect(content2).toEqual(content1);
    expect(token2).not.toBe(token1);
    expect(checked2 as number).toBeGreaterThanOrEqual(checked1 as number);

    const found = await findByQr(rx.qr);
    await h.fault({ target: '7204', kind: 'tamper-field', times: 1 });
    const altered = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    await h.clearFaults();
    expect(altered.ok).toBe(false);
    expect(altered.error?.ruleId).toBe('R-KEEP');
    expect(altered.error?.message).toContain('与本机存档的内容不一致');
    expect(altered.error?.citation).toMatch(/\S/);
    expect(archivedRow()).toEqual(rechecked);
  });

  it('a revoked institution certificate fails locally (cached CRL) and at the center [R-SIGN][ST-EPC-02-008]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN], hospital: 'H50010500002' });
    const revoke = await fetch(`${h.sandboxUrl}/x/sandbox/ca/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fixmedinsCode: 'H50010500002', reason: 'keyCompromise' }),
    });
    expect(revoke.ok).toBe(true);
    const got = await download(rx);
    expect(got.ok, got.error?.message).toBe(true);
    expect(got.value?.signature.local).toMatchObject({ valid: false, code: 'CERT_REVOKED' });
    expect(got.value?.signature.center.state).toBe('failed');
    expect(got.value?.reviewable).toBe(false);
    expect(storedVerification(rx.hiRxno)).toBe('failed');
    const crlFiles = readdirSync(path.join(h.services.config.trust.crlDir));
    expect(crlFiles.some((f) => f.endsWith('.crl'))).toBe(true);
  });

  it('7205 unreachable is a warning, and with the center down a stored prescription re-verifies from the cached CRL [R-SIGN][ARCH]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMLODIPINE] });
    const found = await findByQr(rx.qr);
    await h.fault({ target: '7205', kind: 'timeout', times: 1 });
    const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    await h.clearFaults();
    expect(got.ok, got.error?.message).toBe(true);
    expect(got.value?.signature.local.valid).toBe(true);
    expect(got.value?.signature.center.state).toBe('unreachable');
    expect(got.value?.findings.find((f) => f.code === 'CENTER_UNREACHABLE')?.severity).toBe('warn');
    expect(got.value?.reviewable).toBe(true);

    await h.fault({ target: '*', kind: 'http5xx' });
    const offline = await h.api<PrescriptionView>('rx.get', { hiRxno: rx.hiRxno }, token);
    await h.clearFaults();
    expect(offline.value?.signature.local).toMatchObject({ valid: true, code: 'OK' });
    expect(offline.value?.reviewable).toBe(true);
  });

  it('a download that times out or comes back malformed stores nothing and says so [R-CENTER][ARCH]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMLODIPINE] });
    for (const kind of ['timeout', 'malformed'] as const) {
      const found = await findByQr(rx.qr);
      await h.fault({ target: '7204', kind, times: 1 });
      const got = await h.api('rx.download', found.value?.[0]?.ticket, token);
      await h.clearFaults();
      expect(got.ok).toBe(false);
      expect(got.error?.code).toBe(kind === 'timeout' ? 'CENTER_UNREACHABLE' : 'CENTER_BAD_REPLY');
      expect(got.error?.message).toMatch(/下载电子处方失败/);
      expect(storedVerification(rx.hiRxno)).toBeUndefined();
    }
  });

  it('an excluded drug class blocks with its class and citation [R-EXCLUDED]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN, DIAZEPAM] });
    const v = (await download(rx)).value;
    const block = blocking(v).find((f) => f.ruleId === 'R-EXCLUDED');
    expect(block?.message).toContain('第二类精神药品');
    expect(block?.citation).toContain('渝医保办〔2023〕70号');
    expect(v?.lines.find((l) => l.medListCodg === DIAZEPAM)?.tags).toContain('第二类精神药品');
    expect(v?.reviewable).toBe(false);
  });

  it('dual-channel lines are tagged for the extra checks at review [R-HISTORY]', async () => {
    const rx = await create({ patient: zhang, drugs: [OSIMERTINIB] });
    const v = (await download(rx)).value;
    expect(v?.lines[0]?.dualChannel).toBe(true);
    expect(v?.lines[0]?.tags).toContain('双通道');
  });

  it('a long prescription over 12 weeks is blocked [R-LONGRX]', async () => {
    const rx = await create({
      patient: zhang,
      drugs: [{ medListCodg: AMLODIPINE, days: 90 }],
      longRx: true,
    });
    const v = (await download(rx)).value;
    expect(v?.longRx).toBe(true);
    expect(blocking(v).find((f) => f.ruleId === 'R-LONGRX')?.message).toMatch(/90/);
  });

  it('uploaded 10 days ago: valid at the center, expired under Chongqing’s 7 days from upload [R-VALID]', async () => {
    const rx = await create({
      patient: zhang,
      drugs: [AMLODIPINE],
      valiDays: 15,
      clockOffsetMs: -10 * DAY,
    });
    const v = (await download(rx)).value;
    expect(v?.status.name).toBe('有效');
    const block = blocking(v).find((f) => f.ruleId === 'R-VALID');
    expect(block?.message).toMatch(/7/);
    expect(v?.reviewable).toBe(false);
  });

  it('another region’s institution is refused, and switching the pharmacy’s region pack does not make it acceptable [R-REGION]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN], hospital: 'H44190000003' });
    const v = (await download(rx)).value;
    expect(v?.policy.regionId).toBe('500000');
    expect(blocking(v).map((f) => f.ruleId)).toContain('R-REGION');

    const denied = await h.api('settings.setRegion', { regionId: '441900' }, token);
    expect(denied.ok).toBe(false);
    expect(denied.error?.code).toBe('FORBIDDEN');

    const switched = await h.api<{ regionId: string }>(
      'settings.setRegion',
      { regionId: '441900' },
      adminToken,
    );
    expect(switched.value?.regionId).toBe('441900');
    const after = (await h.api<PrescriptionView>('rx.get', { hiRxno: rx.hiRxno }, token)).value;
    expect(after?.policy.regionName).toBe('东莞市');
    const region = blocking(after).find((f) => f.ruleId === 'R-REGION');
    expect(region?.code).toBe('OUT_OF_REGISTERED_AREA');
    expect(region?.message).toContain('切换地区政策包不改变药店所属统筹地区');
    expect(after?.reviewable).toBe(false);
    const review = await h.api(
      'review.submit',
      { hiRxno: rx.hiRxno, result: 'pass', opinion: '处方合理', ecToken: 'x' },
      token,
    );
    expect(review.ok).toBe(false);
    await h.api('settings.setRegion', { regionId: '500000' }, adminToken);
  });

  it('a prescription the hospital revoked is not offered, and its QR downloads as 已撤销 and blocks [R-STATUS]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN] });
    await revokePrescription(
      { baseUrl: h.sandboxUrl },
      { hiRxno: rx.hiRxno, fixmedinsCode: rx.fixmedinsCode },
    );
    const listed = await h.api<RxCandidate[]>(
      'rx.find',
      { by: 'cert', certType: '01', certNo: zhang.ecToken },
      token,
    );
    expect(listed.value?.some((c) => c.hiRxno === rx.hiRxno)).toBe(false);
    const v = (await download(rx)).value;
    expect(v?.status.name).toBe('已撤销');
    expect(blocking(v).find((f) => f.ruleId === 'R-STATUS')?.message).toContain('已撤销');
    expect(v?.reviewable).toBe(false);
  });

  it('exports a downloaded prescription as .rx.json that the offline verifier accepts, and refuses it altered [R-SIGN][ST-EPC-02-008]', async () => {
    const rx = await create({ patient: zhang, drugs: [AMOXICILLIN] });
    expect((await download(rx)).value?.reviewable).toBe(true);
    const root = path.resolve(import.meta.dirname, '../../..');
    const out = path.join(h.services.config.dataDir, `${rx.hiRxno}.rx.json`);
    // Asynchronous, so the counter's HTTP server in this process keeps serving (and its
    // keep-alive timers keep time) while the CLI runs.
    const cli = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', path.join(root, 'scripts/rx.ts'), ...args],
          { cwd: root, env: { ...process.env, EPC_DATA_DIR: h.services.config.dataDir } },
          (err, stdout, stderr) => {
            const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
            resolve({ status: code, stdout, stderr });
          },
        );
      });
    const exported = await cli('export', rx.hiRxno, '--out', out);
    expect(exported.status, exported.stderr).toBe(0);
    const crlDir = h.services.config.trust.crlDir;
    const crl = path.join(crlDir, readdirSync(crlDir).find((f) => f.endsWith('.crl')) ?? '');
    const ok = await cli('verify', out, '--crl', crl);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, code: 'OK' });

    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      rxdrugdetail: Array<{ drug_cnt: unknown }>;
    };
    const first = file.rxdrugdetail[0];
    if (first) first.drug_cnt = '99';
    writeFileSync(out, JSON.stringify(file));
    const bad = await cli('verify', out, '--crl', crl);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, code: 'DRUG_LINES_TAMPERED' });
  });

  it('lists downloaded prescriptions with names masked [ARCH]', async () => {
    const list = await h.api<Array<{ hiRxno: string; patientName: string }>>('rx.list', {}, token);
    expect(list.ok).toBe(true);
    expect(list.value?.length).toBeGreaterThan(3);
    expect(
      list.value?.every((r) => !r.patientName.includes(zhang.name) || zhang.name.length < 2),
    ).toBe(true);
  });
});
