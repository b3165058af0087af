import { describe, expect, it } from 'vitest';
import { createTrustStore } from '../../../src/center/rx/trust-store';
import { verifyRxFile } from '../../../src/center/rx/verify-rx';
import { createPkiFixture } from '../../support/pki';
import { buildRxFile } from './rx-fixture';

const pki = createPkiFixture();
const ctx = { trust: createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]), at: pki.now };

describe('verifyRxFile: who signed the prescription', () => {
  it.each([
    ['an empty prescribing physician', { drCode: '', prscDrName: '' }, '开方医师代码'],
    ['a blank physician name', { prscDrName: '  ' }, '开方医师姓名'],
    ['an empty reviewing pharmacist', { pharName: '', pharCode: '' }, '审核药师姓名'],
    ['an empty review time', { pharChkTime: '' }, '审核时间'],
    ['a review time that is no time', { pharChkTime: '2026-02-30 09:00:00' }, '不是有效时间'],
  ])('a correctly signed prescription with %s is refused [R-SIGNERS]', (_what, fields, label) => {
    const v = verifyRxFile(buildRxFile(pki.valid, { fields }), ctx);
    expect(v).toMatchObject({ valid: false, code: 'SIGNERS_MISSING', ruleId: 'R-SIGNERS' });
    expect(v.reason).toContain(label);
    expect(v.cert?.serial).toBe('1001');
  });

  it('the same prescription with both signatures passes [R-SIGNERS][R-SIGN]', () => {
    expect(verifyRxFile(buildRxFile(pki.valid), ctx).code).toBe('OK');
  });
});
