import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecPasswordDigest } from '../../../src/center/rx/ec-password';
import type { RxCandidate } from '../../../src/contract/types';
import { ecVoucherHelpFor } from '../../../src/domain/ec-voucher';
import { EC_PASSWORD_MAX_FAILURES } from '../../../src/sandbox/ec-voucher';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { createLogger } from '../../../src/services/logger';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [, li, wang, liu] = DEMO_PATIENTS;
if (!pharmacist || !li || !wang || !liu) throw new Error('demo data missing');

/** A password no demo data contains, so finding it anywhere means the counter kept it. */
const SECRET = '864209';

describe('authorisation by ID number or card is confirmed with the e-voucher password', () => {
  let h: Harness;
  let token: string;
  const logLines: string[] = [];

  const findByCert = (
    q: { certType: '02' | '03'; certNo: string; cardSn?: string },
    pwd?: string,
  ) =>
    h.api<RxCandidate[]>(
      'rx.find',
      { by: 'cert', ...q, ...(pwd === undefined ? {} : { ecPassword: pwd }) },
      token,
    );
  /** The patient in the national medical-insurance app: activates the voucher or resets its password. */
  const patientSetsPassword = async (certno: string, password: string) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/ec-voucher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certno, password }),
    });
    expect(res.ok).toBe(true);
  };

  beforeAll(async () => {
    h = await startHarness({ logger: createLogger((line) => logLines.push(line)) });
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  it('a typed ID number or card alone reveals no prescription or diagnosis at the counter [R-AUTH][ST-EPC-02-005]', async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: li, drugs: [AMLODIPINE] },
    );
    for (const q of [
      { certType: '02' as const, certNo: li.certno },
      { certType: '03' as const, certNo: li.cardNo, cardSn: li.cardSn },
    ]) {
      const bare = await findByCert(q);
      expect(bare.ok).toBe(false);
      expect(bare.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-AUTH' });
      expect(bare.error?.message).toContain('医保电子凭证密码');
      expect(JSON.stringify(bare)).not.toContain(rx.hiRxno);
    }

    const confirmed = await findByCert({ certType: '02', certNo: li.certno }, li.ecPassword ?? '');
    expect(confirmed.ok, confirmed.error?.message).toBe(true);
    expect(confirmed.value?.map((c) => c.hiRxno)).toContain(rx.hiRxno);
    const byCard = await findByCert(
      { certType: '03', certNo: li.cardNo, cardSn: li.cardSn },
      li.ecPassword ?? '',
    );
    expect(byCard.value?.map((c) => c.hiRxno)).toContain(rx.hiRxno);
  });

  it('a wrong password is refused with the tries left; the fifth locks it, the patient’s reset lifts it, and the counter never keeps or logs it [R-AUTH][ST-EPC-02-005][ST-EPC-02-001]', async () => {
    await createPrescription({ baseUrl: h.sandboxUrl }, { patient: wang, drugs: [AMLODIPINE] });
    const id = { certType: '02' as const, certNo: wang.certno };
    for (let i = 1; i < EC_PASSWORD_MAX_FAILURES; i++) {
      const wrong = await findByCert(id, '000000');
      expect(wrong.error).toMatchObject({ code: 'CENTER_REJECTED', ruleId: 'R-AUTH' });
      expect(wrong.error?.message).toContain(`还可尝试${EC_PASSWORD_MAX_FAILURES - i}次`);
      expect(wrong.error?.citation).toMatch(/\S/);
    }
    const locking = await findByCert(id, '000000');
    expect(locking.error?.message).toContain('已锁定');
    // Locked: even the right password is refused until the patient resets it.
    const locked = await findByCert(id, wang.ecPassword ?? '');
    expect(locked.ok).toBe(false);
    expect(ecVoucherHelpFor(locked.error?.message ?? '')?.kind).toBe('reset');

    await patientSetsPassword(wang.certno, SECRET);
    const after = await findByCert(id, SECRET);
    expect(after.ok, after.error?.message).toBe(true);
    expect(after.value?.length).toBeGreaterThan(0);

    const dataDir = h.services.config.dataDir;
    const stored = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
      .join('\n');
    for (const secret of [SECRET, ecPasswordDigest(SECRET)]) {
      expect(stored).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
  });

  it('an e-voucher never activated is refused with the activation steps; once the patient activates it the same query lists the prescriptions [R-AUTH][ST-EPC-02-001]', async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: liu, drugs: [AMLODIPINE] },
    );
    expect(liu.ecPassword).toBeNull();
    const refused = await findByCert({ certType: '02', certNo: liu.certno }, '123456');
    expect(refused.ok).toBe(false);
    expect(refused.error?.ruleId).toBe('R-AUTH');
    const help = ecVoucherHelpFor(refused.error?.message ?? '');
    expect(help?.kind).toBe('activate');
    expect(help?.steps.join('')).toContain('设置6位医保电子凭证密码');

    await patientSetsPassword(liu.certno, '246810');
    const listed = await findByCert({ certType: '02', certNo: liu.certno }, '246810');
    expect(listed.ok, listed.error?.message).toBe(true);
    expect(listed.value?.map((c) => c.hiRxno)).toContain(rx.hiRxno);
  });
});
