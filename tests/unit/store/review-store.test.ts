import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import { type NewReview, ReviewRepository } from '../../../src/store/review-repository';
import { ShiftRepository } from '../../../src/store/shift-repository';
import { StaffIdentityRepository } from '../../../src/store/staff-identity-repository';
import { StaffRepository } from '../../../src/store/staff-repository';

function setup() {
  const db = openDatabase(':memory:');
  const staff = new StaffRepository(db);
  const pharmacist = staff.create({
    username: 'yaoshi',
    displayName: '张敏',
    role: 'pharmacist',
    pharmacistCode: 'Y500103000123',
    passwordHash: 'h',
  });
  db.prepare(
    `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name, patient_name, certno,
       prsc_time, status_codg, status_name, epc_token, reply, rx_file, local_valid, local_code, local_reason,
       cert_info, altered_fields, center_state, center_message, rx_sign_verify_sn, verification,
       downloaded_by, downloaded_at, checked_at)
     VALUES ('RX1', 'T1', 'H1', '医院', '张伟', '500103197803151238', '2025-03-01 09:00:00', '1', '有效',
       'TOKEN', '{}', x'00', 1, 'OK', '', NULL, '[]', 'passed', '', 'SN', 'verified', ?, 0, 0)`,
  ).run(pharmacist.id);
  return { db, pharmacist, shifts: new ShiftRepository(db), reviews: new ReviewRepository(db) };
}

const review = (over: Partial<NewReview>): NewReview => ({
  hiRxno: 'RX1',
  result: 'reject',
  stasCodg: '2',
  opinion: '请补充病历',
  reviewerId: 1,
  reviewerName: '张敏',
  layout: null,
  pharmacistCode: 'Y500103000123',
  shiftId: 1,
  identityCheck: 'center_1101',
  reviewedAt: 1_000,
  uploadMsgid: 'M1',
  dualChannel: null,
  ...over,
});

describe('review store (migration 3)', () => {
  it('one open shift per pharmacist; opening twice returns it, closing ends it [R-PHARMACIST]', () => {
    const { shifts, pharmacist } = setup();
    const a = shifts.open(pharmacist.id, 100);
    expect(shifts.open(pharmacist.id, 200).id).toBe(a.id);
    expect(shifts.onDuty().map((s) => s.pharmacistCode)).toEqual(['Y500103000123']);
    expect(shifts.close(pharmacist.id, 300)?.closedAt).toBe(300);
    expect(shifts.onDuty()).toEqual([]);
    expect(shifts.close(pharmacist.id, 400)).toBeNull();
  });

  it('keeps every review: frozen content, no delete, one standing review per prescription [R-OPINION][R-KEEP]', () => {
    const { db, shifts, reviews, pharmacist } = setup();
    shifts.open(pharmacist.id, 100);
    const first = reviews.insert(review({}));
    expect(() =>
      db.prepare("UPDATE rx_reviews SET opinion = 'x' WHERE id = ?").run(first.id),
    ).toThrow('不可修改');
    expect(() => db.prepare('DELETE FROM rx_reviews').run()).toThrow('不可删除');
    const second = reviews.insert(
      review({ result: 'pass', stasCodg: '1', uploadMsgid: 'M2', reviewedAt: 2_000 }),
    );
    expect(reviews.live('RX1')?.id).toBe(second.id);
    expect(reviews.history('RX1').map((r) => r.supersededAt)).toEqual([2_000, null]);
    expect(reviews.recordUpload('M2', 'S'.repeat(30), 3_000)).toBe(true);
    expect(reviews.recordUpload('M2', 'T'.repeat(30), 4_000)).toBe(false);
    expect(reviews.live('RX1')?.rxChkBizSn).toBe('S'.repeat(30));
  });

  it('stores the pharmacist’s ID number apart from log-in data, and only a valid shape [R-PHARMACIST]', () => {
    const { db, pharmacist } = setup();
    const ids = new StaffIdentityRepository(db);
    expect(ids.get(pharmacist.id)).toBeNull();
    ids.set(pharmacist.id, '500103198604123028');
    expect(ids.get(pharmacist.id)).toEqual({ certType: '01', certno: '500103198604123028' });
    expect(() => ids.set(pharmacist.id, '123')).toThrow();
  });
});
