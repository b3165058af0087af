import type { StayHandoverState } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

/** The stay's reference the patient brings from the hospital, as the pharmacist typed it. */
export interface StayReference {
  hospital: string;
  stayNo: string;
}

export interface StayHandover extends StayReference {
  id: number;
  dispensingId: number;
  state: StayHandoverState;
  recordedBy: number;
  recordedAt: number;
  withdrawnBy: number | null;
  withdrawnAt: number | null;
  withdrawReason: string | null;
}

function fromRow(r: Record<string, unknown>): StayHandover {
  return {
    id: r.id as number,
    dispensingId: r.dispensing_id as number,
    hospital: r.hospital as string,
    stayNo: r.stay_no as string,
    state: r.state as StayHandoverState,
    recordedBy: r.recorded_by as number,
    recordedAt: r.recorded_at as number,
    withdrawnBy: (r.withdrawn_by as number | null) ?? null,
    withdrawnAt: (r.withdrawn_at as number | null) ?? null,
    withdrawReason: (r.withdraw_reason as string | null) ?? null,
  };
}

/** Dispensings handed to the hospital's inpatient settlement (migration file 032, D47). */
export class StayHandoverRepository {
  constructor(private readonly db: Db) {}

  record(dispensingId: number, ref: StayReference, staffId: number, at: number): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO stay_handovers
             (dispensing_id, hospital, stay_no, form_seen, recorded_by, recorded_at, state)
           VALUES (?, ?, ?, 1, ?, ?, 'handed_over')`,
        )
        .run(dispensingId, ref.hospital, ref.stayNo, staffId, at).lastInsertRowid,
    );
  }

  /** The record that stands for the dispensing; undefined when none (or only withdrawn ones). */
  live(dispensingId: number): StayHandover | undefined {
    const r = this.db
      .prepare("SELECT * FROM stay_handovers WHERE dispensing_id = ? AND state = 'handed_over'")
      .get(dispensingId);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  latest(dispensingId: number): StayHandover | undefined {
    const r = this.db
      .prepare('SELECT * FROM stay_handovers WHERE dispensing_id = ? ORDER BY id DESC LIMIT 1')
      .get(dispensingId);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  withdraw(id: number, by: { staffId: number; reason: string }, at: number): void {
    assertTransition('stay', 'handed_over', 'withdrawn');
    const changed = this.db
      .prepare(
        `UPDATE stay_handovers SET state = 'withdrawn', withdrawn_by = ?, withdrawn_at = ?,
           withdraw_reason = ? WHERE id = ? AND state = 'handed_over'`,
      )
      .run(by.staffId, at, by.reason, id).changes;
    if (changed !== 1) throw new Error(`stay handover ${id} is not handed over`);
  }
}
