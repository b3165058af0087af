import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { ready, traceCodes } from './counter-flow';
import { login, scanUntil } from './support';

const cashier = DEMO_STAFF.find((x) => x.role === 'cashier');
if (!cashier) throw new Error('demo cashier missing');
/** config/catalog/drugs.json: 乙类非处方药 (sellable for cash) and a prescription drug. */
const LORATADINE = { code: 'XR06AXL020A001010101672', productId: '8062221', priceFen: 1820 };
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
/** Serials apart from the other specs', so no file reuses a code. */
const traceCode = traceCodes(9_400_000_000);

test('the cashier’s self-pay screen lists only goods without a prescription; scanning a pack adds its goods, prices and total show before payment; a prescription drug’s pack is refused [R-GSP-RX][R-TRACE]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await ready(page);
  await page.keyboard.press('Alt+KeyZ');
  await expect(page.getByTestId('sale-screen')).toBeVisible();
  const options = page.getByTestId('goods-option');
  await expect(options.first()).toBeVisible();
  for (const cls of await page.getByTestId('goods-rx-class').allTextContents()) {
    expect(cls).not.toBe('处方药');
  }
  await expect(
    page.locator(`[data-testid=goods-option][data-code="${AMOXICILLIN.code}"]`),
  ).toHaveCount(0);

  // nothing picked: the pack itself names its goods
  const line = page.locator(`[data-testid=basket-line][data-code="${LORATADINE.code}"]`);
  const codes = [traceCode(LORATADINE.productId), traceCode(LORATADINE.productId)];
  for (const [i, code] of codes.entries()) {
    await scanUntil(page, code, () =>
      expect(line).toHaveAttribute('data-packs', String(i + 1), { timeout: 3_000 }),
    );
  }
  await expect(line).toHaveAttribute('data-active', 'true');
  await expect(line.getByTestId('basket-line-price')).toHaveAttribute(
    'data-fen',
    String(2 * LORATADINE.priceFen),
  );
  await expect(line.getByTestId('basket-line-price')).toContainText('¥18.20 × 2 = ¥36.40');
  const total = page.getByTestId('basket-total');
  await expect(total).toHaveAttribute('data-fen', String(2 * LORATADINE.priceFen));
  await expect(total).toContainText('¥36.40');

  await scanUntil(page, traceCode(AMOXICILLIN.productId), () =>
    expect(page.getByTestId('sale-error')).toContainText('处方药须凭处方', { timeout: 3_000 }),
  );
  await expect(
    page.locator(`[data-testid=basket-line][data-code="${AMOXICILLIN.code}"]`),
  ).toHaveCount(0);
  await expect(total).toHaveAttribute('data-fen', String(2 * LORATADINE.priceFen));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/selfpay-basket-1366.png' });
});
