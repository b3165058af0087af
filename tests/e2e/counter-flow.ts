import { expect, type Page } from '@playwright/test';
import {
  createPrescription,
  type PrescriptionOrder,
} from '../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { scanUntil } from './support';

/**
 * The counter's e-prescription path as the settlement and held-dispensing specs walk it: the
 * hospital prescribes in the sandbox, the pharmacist scans its QR, goes on duty and passes the
 * review with her own e-voucher.
 */
const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist.certno)?.ecToken;
if (!ownVoucher) throw new Error('demo pharmacist e-voucher missing');

/** Pack codes of one spec file: `base` keeps each file's serials apart from the others'. */
export function traceCodes(base: number): (productId: string) => string {
  let serial = (Date.now() % 1_000_000_000) + base;
  return (productId) => `${productId}${String(serial++).padStart(13, '0')}`;
}

export async function prescribe(
  drugs: Array<string | DrugOrder>,
  patient = '张伟',
  visit: Pick<PrescriptionOrder, 'medType'> = {},
): Promise<string> {
  const baseUrl = process.env.E2E_SANDBOX_URL;
  if (!baseUrl) throw new Error('E2E_SANDBOX_URL missing');
  return (await createPrescription({ baseUrl }, { ...visit, patient, drugs })).qr;
}

export async function openRx(page: Page, qr: string): Promise<void> {
  await scanUntil(page, qr, () =>
    expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true', {
      timeout: 15_000,
    }),
  );
}

export async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-pending', /\d+/);
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-may-review', /true|false/);
}

export async function ensureOnDuty(page: Page): Promise<void> {
  const chip = page.getByTestId('shift-status');
  await ready(page);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-may-review', 'true');
}

/** F6, pass with an opinion (and the dual-channel checks when asked), the pharmacist's own e-voucher. */
export async function reviewPass(page: Page): Promise<void> {
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-panel')).toHaveAttribute('data-waiting', 'true', {
    timeout: 20_000,
  });
  const pass = page.getByRole('radio', { name: '审核通过' });
  await expect(pass).toBeFocused();
  await page.keyboard.press('Space');
  await expect(pass).toBeChecked();
  const dual = await page.getByTestId('dual-channel-checks').isVisible();
  if (dual) {
    for (const label of ['已核验患者身份', '已核验处方', '已核验病历']) {
      await page.getByText(label).click();
    }
  }
  const fillForm = async () => {
    await page.getByTestId('review-opinion').fill('处方合理，用法用量适宜');
    if (dual) await page.getByTestId('dual-note').fill('病历号 MR-E2E，2型糖尿病');
    await expect(page.getByTestId('voucher-prompt')).toHaveAttribute('data-state', 'ready');
  };
  await fillForm();
  await scanUntil(page, ownVoucher ?? '', async () => {
    const outcome = page.getByTestId('review-outcome');
    await expect(outcome)
      .toHaveAttribute('data-result', 'pass', { timeout: 10_000 })
      .catch(async (err: unknown) => {
        await fillForm();
        throw err;
      });
  });
}

/** Review, dispense one code per pack (`reuse` first, then new ones), complete; returns the prescription number and the codes. */
export async function dispensed(
  page: Page,
  traceCode: (productId: string) => string,
  drugs: Array<{
    code: string;
    productId: string;
    packs?: number;
    hospApprFlag?: '0' | '1' | '2';
    instruction?: string;
  }>,
  reuse: string[] = [],
  patient = '张伟',
  visit: Pick<PrescriptionOrder, 'medType'> = {},
): Promise<{ hiRxno: string; codes: string[] }> {
  await ensureOnDuty(page);
  await openRx(
    page,
    await prescribe(
      drugs.map((d) => ({
        medListCodg: d.code,
        packs: d.packs ?? 1,
        ...(d.hospApprFlag ? { hospApprFlag: d.hospApprFlag } : {}),
        ...(d.instruction ? { instruction: d.instruction } : {}),
      })),
      patient,
      visit,
    ),
  );
  await reviewPass(page);
  await page.keyboard.press('F7');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  const codes: string[] = [];
  for (const d of drugs) {
    for (let i = 0; i < (d.packs ?? 1); i++) {
      const code = reuse.shift() ?? traceCode(d.productId);
      await scanUntil(page, code, () =>
        expect(page.locator(`[data-testid=line-code][data-code="${code}"]`)).toHaveCount(1, {
          timeout: 5_000,
        }),
      );
      codes.push(code);
    }
  }
  await expect(screen).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('F9');
  await expect(screen).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });
  return { hiRxno: (await screen.getAttribute('data-hi-rxno')) ?? '', codes };
}
