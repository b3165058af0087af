import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerApiCall } from '../../../electron/ipc-api';
import { RENDERER_ORIGIN } from '../../../electron/ipc-guard';
import { contract } from '../../../src/contract/contract';
import { DEFAULT_MAX_REQUEST_BYTES, type MethodPolicy } from '../../../src/contract/method-policy';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

/** An input whose JSON is exactly `bytes` long: {"pad":"xxx…"}. */
const inputOfSize = (bytes: number) => ({ pad: 'x'.repeat(bytes - '{"pad":""}'.length) });

/** A valid input for each role-restricted method: the role is checked after the input. */
const VALID_INPUT: Record<string, unknown> = {
  'settings.setRegion': { regionId: 'default' },
  'refund.start': { settlementId: 1, reason: '顾客退货' },
  'audit.verify': {},
  'audit.list': { from: '2025-01-01', to: '2025-01-01' },
  'audit.store': { from: '2025-01-01', to: '2025-01-01' },
  'paper.storeIndex': { key: 'H50010300001-ZX1' },
  'rx.reverifyAll': {},
  'rx.selfPayConsent': {
    hiRxno: 'RX1',
    confirmedBy: '王小明',
    confirmerRelation: 'self',
    words: '本人医保暂停，自愿以自费方式结算本张电子处方，知悉医保基金不予支付。',
  },
  'sale.rxSelfPay': {
    hiRxno: 'RX1',
    items: [{ medListCodg: 'X1', codes: ['81234567890123456789'] }],
  },
  'sale.rxSelfPayRefund': { saleId: 1, reason: '患者要求退药' },
  'stay.record': { dispensingId: 1, hospital: '沙箱示范医院', stayNo: 'ZY001', formSeen: true },
  'stay.withdraw': { dispensingId: 1, reason: '医院未同意' },
  'reports.acceptanceSelfCheck': { format: 'csv' },
  'dispense.cancelHeld': { dispensingId: 1, reason: '患者不接受价格' },
  'complaints.followUp': { id: 1, to: 'checking' },
  'backup.run': {},
  'backup.setFolder': { folder: null },
  'backup.list': {},
  'backup.check': { name: '柜台备份_x' },
  'backup.restore': { name: '柜台备份_x', confirm: '确认恢复' },
  'log.export': { folder: null },
  'paper.confirm': { id: 1 },
  'paper.reject': { id: 1, reason: '影像与登记不符' },
  'desktop.setPrint': { printerName: null, paper: 'A4', kickCashDrawer: false },
  'desktop.setUpdateFeed': { feedUrl: null },
  'stock.saveSupplier': {
    name: '沙箱医药',
    licenceNo: '沪AA1',
    licenceValidUntil: '2030-01-01',
    active: true,
  },
  'supervision.handle': { dispensingId: 1, checkId: 1, choice: 'cancel', reason: '用药周期未结束' },
  'staff.list': {},
  'staff.create': {
    username: 'wangfang',
    displayName: '王芳',
    role: 'cashier',
    password: 'Counter2024',
  },
  'staff.update': { id: 1, displayName: '张敏', role: 'pharmacist' },
  'staff.deactivate': { id: 1 },
  'staff.reactivate': { id: 1 },
  'staff.resetPassword': { id: 1, password: 'Counter2024' },
};

describe('per-method policy from the contract entry, over both transports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const overIpc = (method: string, input: unknown, token: string | null = null) =>
    answerApiCall(`${RENDERER_ORIGIN}/index.html`, [method, input, token], h.dispatch);
  const overHttp = (method: string, input: unknown, token: string | null = null) =>
    h.api(method, input, token).catch((err: unknown) => ({ transportError: String(err) }));

  it.each([
    ['app.info', DEFAULT_MAX_REQUEST_BYTES],
    ['paper.capture', contract['paper.capture'].maxRequestBytes],
  ])(
    'IPC and HTTP refuse an oversize %s request alike, at the limit its entry declares [ARCH][R-PAPER-KEEP]',
    async (method, limit) => {
      const over = inputOfSize(limit + 1);
      const refusal = { ok: false, error: { code: 'VALIDATION', message: '请求过大' } };
      expect(await overHttp(method, over)).toEqual(refusal);
      expect(await overIpc(method, over)).toEqual(refusal);

      const atLimit = inputOfSize(limit);
      const http = await overHttp(method, atLimit);
      expect(http).toMatchObject({ ok: false });
      expect(http).not.toEqual(refusal);
      expect(await overIpc(method, atLimit)).toEqual(http);
    },
  );

  it('a role the entry does not allow is refused before the handler, alike over IPC and HTTP [ARCH][R-REVERSE][R-REGION][R-KEEP][R-SUPPLY]', async () => {
    const cashier = DEMO_STAFF.find((x) => x.role === 'cashier');
    const login = await h.api<{ token: string }>('auth.login', {
      username: cashier?.username,
      password: cashier?.password,
    });
    const token = login.value?.token ?? null;
    const restricted = (Object.entries(contract) as Array<[string, MethodPolicy]>).filter(
      ([, p]) => p.roles && !p.roles.allowed.includes('cashier'),
    );
    expect(restricted.map(([m]) => m).sort()).toEqual(Object.keys(VALID_INPUT).sort());
    for (const [method, policy] of restricted) {
      const refusal = {
        ok: false,
        error: { code: 'FORBIDDEN', message: policy.roles?.refusal, ruleId: policy.roles?.ruleId },
      };
      expect(await overHttp(method, VALID_INPUT[method], token)).toMatchObject(refusal);
      expect(await overIpc(method, VALID_INPUT[method], token)).toMatchObject(refusal);
    }
  });
});
