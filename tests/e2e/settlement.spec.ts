import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import {
  dispensed,
  ensureOnDuty,
  openRx,
  prescribe,
  ready,
  reviewPass,
  traceCodes,
} from './counter-flow';
import { login, sandboxCall, scanUntil } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

/** config/catalog/drugs.json; prices and Chongqing's payment standard: config/sandbox-settlement.json. */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371', priceFen: 1280 };
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741', gtin: '6902500022466' };
/** 乙类非处方药: sellable for cash without a prescription (R-GSP-RX). */
const LORATADINE = {
  code: 'XR06AXL020A001010101672',
  productId: '8062221',
  gtin: '6906500066284',
  priceFen: 1820,
};
/** 双通道, 52.80 a pack: at Chongqing's payment standard, never above it (R-PRICE). */
const EMPAGLIFLOZIN = { code: 'XA10BKE020A001010103765', productId: '8124441' };

/** Serials apart from review-dispense.spec.ts's, so the two files never reuse a code. */
const traceCode = traceCodes(5_000_000_000);

/**
 * F5 pre-settles. The backend waits (bounded) for the review's 7206 itself; should that wait
 * run out (CONFLICT, R-OPINION) the counter simply presses F5 again.
 */
async function preview(page: Page) {
  const shown = page.getByTestId('settle-preview');
  await expect(async () => {
    if (!(await shown.isVisible())) await page.keyboard.press('F5');
    await expect(shown).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  return shown;
}

async function settle(page: Page) {
  await preview(page);
  await page.keyboard.press('Enter');
  const result = page.getByTestId('settle-result');
  await expect(result).toHaveAttribute('data-state', 'settled', { timeout: 30_000 });
  return result;
}

async function uploadsDelivered(page: Page, infnos: string[]): Promise<void> {
  await expect(async () => {
    await page.getByTestId('uploads-refresh').first().click();
    for (const infno of infnos) {
      await expect(
        page.locator(`[data-testid=sale-upload][data-infno="${infno}"]`).first(),
      ).toHaveAttribute('data-state', 'delivered', { timeout: 2_000 });
    }
  }).toPass({ timeout: 60_000 });
}

test.beforeEach(async ({ page }) => {
  await login(page, pharmacist.username, pharmacist.password);
});

test('review → dispense → pre-settlement split → Enter settles → the receipt shows the split, the prescription and every pack code [R-SETTLE][ST-EPC-02-010]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { hiRxno, codes } = await dispensed(page, traceCode, [
    { ...AMOXICILLIN, packs: 2 },
    { ...AMLODIPINE },
  ]);
  await expect(page.getByTestId('settle-idle')).toBeVisible();

  const shown = await preview(page);
  await expect(shown.getByTestId('split-line')).toHaveCount(2);
  const total = Number(await page.getByTestId('split-total').getAttribute('data-fen'));
  const parts = await Promise.all(
    ['split-fund', 'split-account', 'split-cash'].map(async (id) =>
      Number(await page.getByTestId(id).getAttribute('data-fen')),
    ),
  );
  expect(total).toBeGreaterThan(0);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByTestId('settle-confirm')).toBeFocused();

  const result = await settle(page);
  await expect(page.getByTestId('settle-result-title')).toHaveText('结算成功');
  await expect(page.getByTestId('settle-setl-id')).not.toHaveText('—');
  await expect(result.getByTestId('split-total')).toHaveAttribute('data-fen', String(total));

  const receipt = page.getByTestId('receipt-text');
  await expect(receipt).toContainText(hiRxno, { timeout: 20_000 });
  for (const code of codes) await expect(receipt).toContainText(code);
  await expect(receipt).toHaveAttribute('data-format', 'thermal80');

  await page.getByText('58mm 小票').click();
  await expect(receipt).toHaveAttribute('data-format', 'thermal58', { timeout: 20_000 });
  const widest = await receipt.evaluate((el) =>
    Math.max(
      ...(el.textContent ?? '')
        .split('\n')
        .map((l) => [...l].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2), 0)),
    ),
  );
  expect(widest).toBeLessThanOrEqual(32);

  await page.evaluate(() => {
    const w = window as Window & { printedReceipt?: boolean };
    window.print = () => {
      w.printedReceipt = document.body.classList.contains('printing-receipt');
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.keyboard.press('Shift+F5');
  await expect
    .poll(() =>
      page.evaluate(() => (window as Window & { printedReceipt?: boolean }).printedReceipt),
    )
    .toBe(true);
  await expect(page.locator('body')).not.toHaveClass(/printing-receipt/);

  await page.getByText('A4（PDF）').click();
  await expect(page.getByTestId('receipt-pdf')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('receipt-canvas').first()).toBeVisible();
});

test('after settling, the sale outbound detail (7207) and stock outbound (3505) are queued and delivered [R-SALES-UP][ST-EPC-02-009]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { hiRxno } = await dispensed(page, traceCode, [AMLODIPINE]);
  await settle(page);
  await expect(page.locator('[data-testid=sale-upload][data-infno="7207"]')).toHaveAttribute(
    'data-state',
    /queued|delivered|waiting/,
  );
  await expect(page.locator('[data-testid=sale-upload][data-infno="3505"]')).toHaveCount(1);
  await uploadsDelivered(page, ['7207', '3505']);
  const sales = await sandboxCall<{ sales: unknown[] }>(
    `/x/sandbox/sales?hi_rxno=${encodeURIComponent(hiRxno)}`,
  );
  expect(sales.sales.length).toBeGreaterThanOrEqual(1);
});

test('a dual-channel drug priced above its payment standard is refused at pre-settlement, saying the price must be lowered; no split is shown [R-PRICE]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // The center announces a lower negotiated standard than the counter's price of 52.80.
  await sandboxCall('/x/sandbox/pay-standards', {
    poolarea: '50',
    medListCodg: EMPAGLIFLOZIN.code,
    fen: 5000,
  });
  try {
    await dispensed(page, traceCode, [EMPAGLIFLOZIN]);
    const error = page.getByTestId('settle-error');
    // F5 again while the review's 7206 is still on its way (R-OPINION), as a pharmacist would.
    await expect(async () => {
      if ((await error.getAttribute('data-rule', { timeout: 500 }).catch(() => null)) !== 'R-PRICE')
        await page.keyboard.press('F5');
      await expect(error).toHaveAttribute('data-rule', 'R-PRICE', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(error).toContainText('支付标准 50.00 元');
    await expect(error).toContainText('下调');
    await expect(page.getByTestId('settle-preview')).toHaveCount(0);
    await expect(page.getByTestId('dispense-screen')).toBeVisible();
  } finally {
    await fetch(`${process.env.E2E_SANDBOX_URL}/x/sandbox/pay-standards`, { method: 'DELETE' });
  }
});

test('a lost 2102 reply shows the unknown state, is reversed by 2601, and only then settles again — never charging twice [R-SETTLE][R-REVERSE][ST-EPC-02-010]', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { hiRxno } = await dispensed(page, traceCode, [AMLODIPINE]);
  await preview(page);
  await sandboxCall('/x/sandbox/faults', {
    target: '2102',
    kind: 'timeout',
    phase: 'after',
    times: 1,
  });
  // The first 2601s go unanswered too, so the unknown state lasts long enough to be looked at.
  await sandboxCall('/x/sandbox/faults', {
    target: '2601',
    kind: 'timeout',
    phase: 'before',
    times: 2,
  });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-confirming')).toBeVisible();

  const unknown = page.getByTestId('settle-unknown');
  await expect(unknown).toBeVisible({ timeout: 40_000 });
  await expect(unknown).toContainText(
    '结算结果未知，正在向医保中心核实（冲正 2601）……请勿重复收费',
  );
  await expect(page.getByTestId('settle-again')).toHaveCount(0);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('settle-preview')).toHaveCount(0);

  const result = page.getByTestId('settle-result');
  await expect(result).toHaveAttribute('data-state', 'voided', { timeout: 60_000 });
  await expect(page.getByTestId('settle-again')).toBeVisible();
  const live = async () =>
    (
      await sandboxCall<{ settlements: Array<{ stas: string }> }>(
        `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(hiRxno)}`,
      )
    ).settlements.filter((s) => s.stas === '1').length;
  expect(await live()).toBe(0);

  await settle(page);
  await expect(page.getByTestId('settle-result-title')).toHaveText('结算成功');
  expect(await live()).toBe(1);
});

test('a refund needs a reason, reverses the settlement (2103), queues 7208/3506 and restores stock and codes [R-REVERSE][ST-EPC-02-010]', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { hiRxno, codes } = await dispensed(page, traceCode, [AMOXICILLIN]);
  await settle(page);
  await uploadsDelivered(page, ['7207', '3505']);

  await page.getByTestId('refund-open').click();
  const dialog = page.getByTestId('refund-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('refund-reason')).toBeFocused();
  await expect(page.getByTestId('refund-confirm')).toBeDisabled();
  await page.keyboard.type('患者退药');
  await page.keyboard.press('Enter');

  const result = page.getByTestId('settle-result');
  await expect(result).toHaveAttribute('data-state', 'refunded', { timeout: 40_000 });
  await expect(page.getByTestId('refund-summary')).toContainText('患者退药');
  await expect(page.getByTestId('refund-restored')).toContainText('库存与追溯码已恢复');
  await expect(page.locator('[data-testid=sale-upload][data-infno="7208"]')).toHaveCount(1);
  await expect(page.locator('[data-testid=sale-upload][data-infno="3506"]')).toHaveCount(1);
  const settlements = await sandboxCall<{ settlements: Array<{ stas: string }> }>(
    `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(hiRxno)}`,
  );
  expect(settlements.settlements.filter((s) => s.stas === '1')).toHaveLength(0);

  await openRx(page, await prescribe([AMOXICILLIN.code]));
  await reviewPass(page);
  await page.keyboard.press('F7');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-state', 'open', {
    timeout: 20_000,
  });
  const again = codes[0] ?? '';
  await scanUntil(page, again, () =>
    expect(page.locator(`[data-testid=line-code][data-code="${again}"]`)).toHaveCount(1, {
      timeout: 5_000,
    }),
  );
  await expect(page.getByTestId('scan-verdict')).toHaveAttribute('data-verdict', 'accepted');
});

test('a self-pay sale of non-prescription goods: only OTC and non-drug goods listed, pick, scan each pack, F5, total, receipt and the queued 3505 [R-STOCK][R-TRACE][R-GSP-RX]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ready(page);
  await page.keyboard.press('Alt+KeyZ');
  await expect(page.getByTestId('sale-screen')).toBeVisible();
  const list = page.getByTestId('goods-list');
  await expect(list).toBeFocused();
  const option = page.locator(`[data-testid=goods-option][data-code="${LORATADINE.code}"]`);
  await expect(option).toBeVisible();
  await expect(option).toContainText('乙类非处方药');
  await expect(
    page.locator(`[data-testid=goods-option][data-code="${AMOXICILLIN.code}"]`),
  ).toHaveCount(0);
  while ((await option.getAttribute('aria-selected')) !== 'true') {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const line = page.locator(`[data-testid=basket-line][data-code="${LORATADINE.code}"]`);
  await expect(line).toHaveAttribute('data-active', 'true');

  await scanUntil(page, LORATADINE.gtin, () =>
    expect(page.getByTestId('sale-error')).toContainText('商品条码', { timeout: 3_000 }),
  );
  await expect(line).toHaveAttribute('data-packs', '0');

  const codes = [traceCode(LORATADINE.productId), traceCode(LORATADINE.productId)];
  for (const [i, code] of codes.entries()) {
    await scanUntil(page, code, () =>
      expect(line).toHaveAttribute('data-packs', String(i + 1), { timeout: 3_000 }),
    );
  }
  await scanUntil(page, codes[0] ?? '', () =>
    expect(page.getByTestId('sale-error')).toContainText('一盒一码', { timeout: 3_000 }),
  );
  await expect(line).toHaveAttribute('data-packs', '2');

  await page.keyboard.press('F5');
  const result = page.getByTestId('sale-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/sale-paid-1366.png' });
  await expect(page.getByTestId('sale-total')).toHaveAttribute(
    'data-fen',
    String(2 * LORATADINE.priceFen),
  );
  await expect(page.locator('[data-testid=sale-upload][data-infno="3505"]')).toHaveAttribute(
    'data-state',
    /waiting|queued|delivered/,
  );
  const receipt = page.getByTestId('receipt-text');
  for (const code of codes) await expect(receipt).toContainText(code, { timeout: 20_000 });
  await uploadsDelivered(page, ['3505']);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sale-screen')).toHaveCount(0);
});

test('the patient may decline the personal account: a new 2101 moves that share to cash; 实收 gives 找零, less is refused [R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await dispensed(page, traceCode, [{ ...AMOXICILLIN, packs: 2 }]);
  await preview(page);
  const fen = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-fen'));
  const accountBefore = await fen('split-account');
  const cashBefore = await fen('split-cash');
  expect(accountBefore).toBeGreaterThan(0);

  const previewId = await page.getByTestId('settle-preview').getAttribute('data-preview-id');
  await page.getByTestId('use-account').click();
  const shown = page.getByTestId('settle-preview');
  await expect(shown).not.toHaveAttribute('data-preview-id', previewId ?? '', { timeout: 30_000 });
  await expect(page.getByTestId('use-account')).not.toBeChecked();
  await expect(page.getByTestId('split-account')).toHaveAttribute('data-fen', '0');
  await expect(page.getByTestId('split-cash')).toHaveAttribute(
    'data-fen',
    String(accountBefore + cashBefore),
  );

  await page.getByTestId('settle-confirm').focus();
  await page.keyboard.press('Enter');
  const result = page.getByTestId('settle-result');
  await expect(result).toHaveAttribute('data-state', 'settled', { timeout: 30_000 });
  await expect(result.getByTestId('split-account')).toHaveAttribute('data-fen', '0');

  const due = accountBefore + cashBefore;
  const tendered = page.getByTestId('cash-tendered');
  await tendered.fill('0.01');
  await expect(page.getByTestId('cash-tender-error')).toContainText('实收不足');
  await tendered.fill(String(Math.ceil(due / 100) + 50));
  const change = Math.ceil(due / 100) * 100 + 5_000 - due;
  await expect(page.getByTestId('cash-change')).toContainText(
    `${Math.floor(change / 100)}.${String(change % 100).padStart(2, '0')}`,
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('cash-tender').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/settle-cash-change-1366.png' });
});

test('F5 before the packs are scanned estimates the price of the prescribed quantities; the settlement later asks again [R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([{ medListCodg: AMOXICILLIN.code, packs: 2 }]));
  await reviewPass(page);
  await page.keyboard.press('F7');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  await expect(page.getByTestId('estimate-hint')).toBeVisible();

  const panel = page.getByTestId('estimate-panel');
  await expect(async () => {
    await page.keyboard.press('F5');
    await expect(panel.getByTestId('split-total')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(panel.getByTestId('split-total')).toHaveAttribute(
    'data-fen',
    String(2 * AMOXICILLIN.priceFen),
  );
  await expect(screen).toHaveAttribute('data-state', 'open');
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // The top bar (who is on duty, the queue, the center) stays in view below the fold.
  await expect(page.getByTestId('shift-status')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/dispense-estimate-1366.png' });
});
