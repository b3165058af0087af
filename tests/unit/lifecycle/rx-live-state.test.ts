import { describe, expect, it } from 'vitest';
import { type RxProgress, rxLiveState } from '../../../src/domain/lifecycle/rx-live-state';
import { SETTLEMENT_STATE_LABELS } from '../../../src/domain/lifecycle/state-labels';
import type { DispensingState, SettlementState } from '../../../src/domain/lifecycle/states';

const DISPENSING: Array<DispensingState | null> = [
  null,
  'open',
  'completed',
  'cancelled',
  'returned',
];
const SETTLEMENT: Array<SettlementState | null> = [
  null,
  ...(Object.keys(SETTLEMENT_STATE_LABELS) as SettlementState[]),
];
const REVIEW: Array<RxProgress['review']> = [null, 'pass', 'reject'];

const at = (p: Partial<RxProgress>) =>
  rxLiveState({
    reviewable: true,
    review: null,
    dispensing: null,
    settlement: null,
    selfPaid: false,
    ...p,
  });

describe('one live status per prescription', () => {
  it('walks review → dispense → settle → refund with the next step and its key at each point [R-STATUS]', () => {
    const walk = [
      at({}),
      at({ review: 'pass' }),
      at({ review: 'pass', dispensing: 'open' }),
      at({ review: 'pass', dispensing: 'completed' }),
      at({ review: 'pass', dispensing: 'completed', settlement: 'settling' }),
      at({ review: 'pass', dispensing: 'completed', settlement: 'settled' }),
      at({ review: 'pass', dispensing: 'completed', settlement: 'refunding' }),
      at({ review: 'pass', dispensing: 'returned', settlement: 'refunded' }),
    ].map((s) => [s.code, s.label, s.next?.key ?? null]);
    expect(walk).toEqual([
      ['to_review', '有效·待审方', 'F6'],
      ['to_dispense', '审核通过·待调剂', 'F7'],
      ['dispensing', '调剂中', 'F7'],
      ['to_settle', '已调剂·待结算', 'F5'],
      ['settling', '结算中', null],
      ['settled', '已结算', null],
      ['refunding', '退费中', null],
      ['refunded', '已退费', null],
    ]);
  });

  it('never offers review (有效·待审方) once the prescription was reviewed, dispensed or settled [R-STATUS]', () => {
    for (const review of REVIEW)
      for (const dispensing of DISPENSING)
        for (const settlement of SETTLEMENT) {
          if (review === null && (dispensing === null || dispensing === 'cancelled')) continue;
          const s = at({ review, dispensing, settlement });
          expect(s.code, `${review}/${dispensing}/${settlement}`).not.toBe('to_review');
          expect(s.next?.action, `${review}/${dispensing}/${settlement}`).not.toBe('review');
        }
  });

  it('offers nothing after a settlement that stands or is with the center, and settles only a completed dispensing [R-STATUS][R-SETTLE]', () => {
    for (const dispensing of DISPENSING)
      for (const settlement of SETTLEMENT) {
        const s = at({ review: 'pass', dispensing, settlement });
        const standing = settlement !== null && settlement !== 'refused' && settlement !== 'voided';
        const where = `${dispensing}/${settlement}`;
        if (standing && dispensing !== 'cancelled') {
          expect(s.next, where).toBeNull();
          expect(s.label, where).toBe(SETTLEMENT_STATE_LABELS[settlement]);
        }
        if (s.next?.action === 'settle') expect(dispensing, where).toBe('completed');
      }
  });

  it('a refused or reversed settlement goes back to 待结算; a cancelled dispensing back to 待调剂 [R-STATUS][R-REVERSE]', () => {
    for (const settlement of ['refused', 'voided'] as const)
      expect(at({ review: 'pass', dispensing: 'completed', settlement }).code).toBe('to_settle');
    expect(at({ review: 'pass', dispensing: 'cancelled', settlement: 'voided' }).code).toBe(
      'to_dispense',
    );
  });

  it('a dispensing handed to the hospital’s inpatient settlement is 已调剂·随住院结算 with nothing left to do here; withdrawn (cancelled) it goes back to 待调剂 [R-MT-SETTLE][R-STATUS]', () => {
    expect(at({ review: 'pass', dispensing: 'completed', withStay: true })).toMatchObject({
      code: 'with_stay',
      label: '已调剂·随住院结算',
      tone: 'done',
      next: null,
    });
    expect(at({ review: 'pass', dispensing: 'cancelled', withStay: false }).code).toBe(
      'to_dispense',
    );
  });

  it('a rejected or unreviewable prescription is shown blocked with no next step [R-STATUS][R-OPINION]', () => {
    expect(at({ review: 'reject' })).toMatchObject({
      code: 'rejected',
      label: '已驳回',
      next: null,
    });
    expect(at({ reviewable: false })).toMatchObject({
      code: 'blocked',
      label: '不可审方',
      next: null,
    });
  });

  it('a standing 自费结算 shows as settled 自费 with nothing left to do; refunded, it falls back to the review [R-STATUS][R-SETTLE]', () => {
    expect(at({ review: 'pass', selfPaid: true })).toMatchObject({
      code: 'self_paid',
      label: '已自费结算',
      tone: 'done',
      next: null,
    });
    expect(at({ review: 'pass', selfPaid: false })).toMatchObject({ code: 'to_dispense' });
  });

  it('every combination has a Chinese label and a tone [R-STATUS]', () => {
    for (const reviewable of [true, false])
      for (const review of REVIEW)
        for (const dispensing of DISPENSING)
          for (const settlement of SETTLEMENT) {
            const s = rxLiveState({ reviewable, review, dispensing, settlement, selfPaid: false });
            expect(s.label).toMatch(/[\u4e00-\u9fff]/);
            expect(['ok', 'busy', 'done', 'block']).toContain(s.tone);
          }
  });
});
