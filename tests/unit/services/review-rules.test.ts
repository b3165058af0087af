import { describe, expect, it } from 'vitest';
import type { PrescriptionView, RxDrugLineView } from '../../../src/contract/types';
import { AppError } from '../../../src/domain/errors';
import type { StaffMember } from '../../../src/domain/staff';
import {
  assertDualChannel,
  assertIdentityRegistered,
  assertMayReviewAgain,
  assertOnShift,
  assertOpinion,
  assertPassable,
  assertReviewer,
  reReviewRefusal,
} from '../../../src/services/review/review-rules';

const staff = (over: Partial<StaffMember>): StaffMember => ({
  id: 1,
  username: 'yaoshi',
  displayName: '张敏',
  role: 'pharmacist',
  pharmacistCode: 'Y500103000123',
  ...over,
});

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const line = (dualChannel: boolean): RxDrugLineView => ({
  medListCodg: 'X',
  genname: '奥希替尼片',
  spec: '80mg',
  dosform: '片剂',
  quantity: '1',
  unit: '盒',
  usage: '',
  days: null,
  tags: [],
  dualChannel,
});

const view = (over: Partial<PrescriptionView>): PrescriptionView =>
  ({
    findings: [],
    reviewable: true,
    signature: { center: { state: 'passed', message: '', verifySn: 'SN1' } },
    lines: [],
    ...over,
  }) as unknown as PrescriptionView;

describe('review rules', () => {
  it('only a pharmacist with a national code may review; cashier and admin get FORBIDDEN [R-PHARMACIST][ST-EPC-02-006]', () => {
    expect(() => assertReviewer(staff({}))).not.toThrow();
    for (const role of ['cashier', 'admin'] as const) {
      const e = refusal(() => assertReviewer(staff({ role, pharmacistCode: null })));
      expect(e).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
      expect(e.message).toContain('执业药师');
    }
    expect(refusal(() => assertReviewer(staff({ pharmacistCode: ' ' }))).message).toContain(
      '国家药师编码',
    );
    expect(refusal(() => assertIdentityRegistered(null)).ruleId).toBe('R-PHARMACIST');
  });

  it('a pharmacist off duty is refused [R-PHARMACIST][ST-EPC-02-006]', () => {
    expect(refusal(() => assertOnShift(false))).toMatchObject({
      code: 'POLICY',
      ruleId: 'R-PHARMACIST',
    });
    expect(() => assertOnShift(true)).not.toThrow();
  });

  it('a reject needs a written reason, a pass at least a short opinion [R-OPINION][ST-EPC-02-007]', () => {
    expect(refusal(() => assertOpinion('reject', '不行'))).toMatchObject({
      code: 'VALIDATION',
      ruleId: 'R-OPINION',
    });
    expect(() => assertOpinion('reject', '剂量超出范围')).not.toThrow();
    expect(refusal(() => assertOpinion('pass', ' ')).message).toContain('审核意见');
    expect(() => assertOpinion('pass', '合理')).not.toThrow();
  });

  it('a pass needs a reviewable prescription with a 7205 serial; the blocking rule is reported [R-CHECKS][R-SIGN]', () => {
    const blocked = view({
      reviewable: false,
      findings: [
        {
          ruleId: 'R-EXCLUDED',
          code: 'X',
          severity: 'block',
          message: '含第二类精神药品',
          citation: '',
        },
      ],
    });
    expect(refusal(() => assertPassable(blocked))).toMatchObject({
      code: 'POLICY',
      ruleId: 'R-EXCLUDED',
    });
    const unverified = view({
      signature: { center: { state: 'unreachable', message: '', verifySn: null } },
    } as Partial<PrescriptionView>);
    expect(refusal(() => assertPassable(unverified)).ruleId).toBe('R-SIGN');
    expect(() => assertPassable(view({}))).not.toThrow();
  });

  it('dual-channel lines need all three checks and a note for a pass; a reject may go without [R-HISTORY]', () => {
    const lines = [line(true)];
    const all = {
      identityChecked: true,
      prescriptionChecked: true,
      medicalRecordChecked: true,
      note: '已核对',
    };
    expect(refusal(() => assertDualChannel('pass', lines, undefined)).ruleId).toBe('R-HISTORY');
    expect(
      refusal(() => assertDualChannel('pass', lines, { ...all, identityChecked: false })).message,
    ).toContain('患者身份');
    expect(refusal(() => assertDualChannel('pass', lines, { ...all, note: '' })).message).toContain(
      '登记说明',
    );
    expect(() => assertDualChannel('pass', lines, all)).not.toThrow();
    expect(() => assertDualChannel('reject', lines, undefined)).not.toThrow();
    expect(() => assertDualChannel('pass', [], undefined)).not.toThrow();
  });

  it('one standing review: a pass is final unless the center refused it; a reject may be followed [R-STATUS][R-OPINION]', () => {
    const standing = {
      result: 'pass' as const,
      reviewerName: '张敏',
      reviewedAt: '2025-03-01 10:00:00',
      uploadState: 'delivered' as const,
    };
    const e = refusal(() => assertMayReviewAgain(standing));
    expect(e).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
    expect(e.message).toContain('张敏于2025-03-01 10:00:00审核通过');
    expect(reReviewRefusal({ ...standing, uploadState: 'queued' })).not.toBeNull();
    expect(reReviewRefusal({ ...standing, uploadState: 'parked' })).toBeNull();
    expect(reReviewRefusal({ ...standing, result: 'reject' })).toBeNull();
    expect(reReviewRefusal(null)).toBeNull();
  });
});
