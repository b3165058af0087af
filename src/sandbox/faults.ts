import { z } from 'zod';
import type { SandboxDb } from './db';

/**
 * Fault injection (tests and demos). A rule names a target (an FSI infno such as `9001` or
 * `fsi:9001`, `fsi:*`, `epc:<name>`, `epc:*`, or `*`) and what goes wrong:
 * - delay:     wait `delayMs`, then answer normally;
 * - timeout:   never answer (until the client gives up, or the cap);
 * - http5xx:   HTTP 503 with a non-protocol body;
 * - malformed: HTTP 200 with a body that is not JSON;
 * - badsig:    EPC: a reply signed with a wrong key; FSI: a wrapper whose output is not an object;
 * - oversize:  HTTP 200 with an endless chunked body (until the client hangs up, at most 1 GB):
 *   a client must stop reading at its reply cap;
 * - tamper-field / tamper-drugline / swap-layout / swap-cert: FSI 7203/7204 only, the reply is
 *   well-formed but altered in transit (a structured field, a drug line, another prescription's
 *   layout file, another institution's certificate), so the pharmacy's verification must notice.
 * - unchecked-signers: EPC, before: the center skips its check that the prescribing physician,
 *   the reviewing pharmacist and the review time are filled in (uploadChk, rxFixmedinsSign), so a
 *   hospital can issue a correctly signed prescription without them and the pharmacy's own
 *   R-SIGNERS check must refuse it.
 * - settle-negative-cash / settle-nonnumeric / settle-wrong-total / settle-foreign-psn /
 *   settle-foreign-mdtrt / settle-reused-setl-id: FSI 2101/2102/2103 only, the settlement
 *   processed normally but its reply carries a negative cash amount, a non-numeric amount, a
 *   total other than the request's (still adding up), another person, another settlement's
 *   mdtrt_id, or a setl_id the center already gave another settlement.
 * - bizfail:  FSI only, before: infcode 0 with a failed business result (3501–3507 `retRslt`
 *   "0", 7206–7208 `msg_code` ≠ "0", others no output), nothing carried out or stored.
 * `phase` says whether the fault strikes before the center processes the request (no effect)
 * or after (the effect happened, only the reply is lost or spoilt). Defaults: delay, http5xx
 * before; timeout, malformed, badsig after (malformed and badsig are always after).
 */
export const TAMPER_KINDS = [
  'tamper-field',
  'tamper-drugline',
  'swap-layout',
  'swap-cert',
] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];
export const SETTLE_SPOIL_KINDS = [
  'settle-negative-cash',
  'settle-nonnumeric',
  'settle-wrong-total',
  'settle-foreign-psn',
  'settle-foreign-mdtrt',
  'settle-reused-setl-id',
] as const;
export type SettleSpoilKind = (typeof SETTLE_SPOIL_KINDS)[number];
export const FAULT_KINDS = [
  'delay',
  'timeout',
  'http5xx',
  'malformed',
  'badsig',
  'oversize',
  'bizfail',
  ...TAMPER_KINDS,
  ...SETTLE_SPOIL_KINDS,
  'unchecked-signers',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
const REPLY_ONLY: ReadonlySet<FaultKind> = new Set([
  'malformed',
  'badsig',
  'oversize',
  ...TAMPER_KINDS,
  ...SETTLE_SPOIL_KINDS,
]);
export type FaultPhase = 'before' | 'after';

export interface FaultRule {
  id: number;
  target: string;
  kind: FaultKind;
  phase: FaultPhase;
  delayMs: number;
  /** Uses left; null = until cleared. */
  remaining: number | null;
}

const TARGET = /^(\*|fsi:\*|epc:\*|(fsi:)?\d{4}[A-Z]?|epc:[A-Za-z]{1,40})$/;

export const faultInput = z
  .object({
    target: z.string().regex(TARGET, '目标应为交易号（如 9001）、fsi:*、epc:<接口名>、epc:* 或 *'),
    kind: z.enum(FAULT_KINDS, { error: `类型应为 ${FAULT_KINDS.join('/')}` }),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    times: z.number().int().positive().optional(),
    phase: z.enum(['before', 'after']).optional(),
  })
  .strict()
  .refine((f) => f.kind !== 'delay' || f.delayMs !== undefined, {
    message: 'delay 类型须给出 delayMs',
  })
  .refine((f) => !(f.kind === 'unchecked-signers' && f.phase === 'after'), {
    message: 'unchecked-signers 只能作用于中心处理前（phase 须为 before）',
  })
  .refine((f) => !(f.phase === 'before' && REPLY_ONLY.has(f.kind)), {
    message: 'malformed、badsig、oversize 与篡改类故障只能作用于应答（phase 须为 after）',
  })
  .refine((f) => f.kind !== 'bizfail' || (f.phase !== 'after' && !/^(\*|epc:)/.test(f.target)), {
    message: 'bizfail 只作用于 FSI 交易，且在中心处理之前（phase 须为 before）',
  });
export type FaultInput = z.infer<typeof faultInput>;

const DEFAULT_PHASE: Record<FaultKind, FaultPhase> = {
  ...(Object.fromEntries(SETTLE_SPOIL_KINDS.map((k) => [k, 'after'])) as Record<
    SettleSpoilKind,
    FaultPhase
  >),
  delay: 'before',
  timeout: 'after',
  http5xx: 'before',
  malformed: 'after',
  badsig: 'after',
  oversize: 'after',
  bizfail: 'before',
  'tamper-field': 'after',
  'tamper-drugline': 'after',
  'swap-layout': 'after',
  'swap-cert': 'after',
  'unchecked-signers': 'before',
};

interface Row {
  id: number;
  target: string;
  kind: FaultKind;
  phase: FaultPhase;
  delay_ms: number;
  remaining: number | null;
}

const toRule = (r: Row): FaultRule => ({
  id: r.id,
  target: r.target,
  kind: r.kind,
  phase: r.phase,
  delayMs: r.delay_ms,
  remaining: r.remaining,
});

export class FaultStore {
  constructor(private readonly db: SandboxDb) {}

  add(input: FaultInput): FaultRule {
    const target = /^\d{4}[A-Z]?$/.test(input.target) ? `fsi:${input.target}` : input.target;
    const row = this.db
      .prepare(
        `INSERT INTO fault_rules (target, kind, phase, delay_ms, remaining, created_at) VALUES (?, ?, ?, ?, ?, ?)
         RETURNING id, target, kind, phase, delay_ms, remaining`,
      )
      .get(
        target,
        input.kind,
        input.phase ?? DEFAULT_PHASE[input.kind],
        input.delayMs ?? 0,
        input.times ?? null,
        Date.now(),
      ) as Row;
    return toRule(row);
  }

  list(): FaultRule[] {
    return (this.db.prepare('SELECT * FROM fault_rules ORDER BY id').all() as Row[]).map(toRule);
  }

  clear(): number {
    return this.db.prepare('DELETE FROM fault_rules').run().changes;
  }

  /**
   * Consumes the oldest rule matching the route at this phase, if any. `route` is null when the
   * request could not even be read (only wildcard rules apply).
   */
  take(channel: 'fsi' | 'epc', route: string | null, phase: FaultPhase): FaultRule | null {
    const targets = ['*', `${channel}:*`];
    if (route !== null) targets.push(`${channel}:${route}`);
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          `SELECT id, target, kind, phase, delay_ms, remaining FROM fault_rules
           WHERE phase = ? AND target IN (${targets.map(() => '?').join(',')}) AND (remaining IS NULL OR remaining > 0)
           ORDER BY id LIMIT 1`,
        )
        .get(phase, ...targets) as Row | undefined;
      if (!row) return null;
      if (row.remaining !== null) {
        if (row.remaining <= 1) this.db.prepare('DELETE FROM fault_rules WHERE id = ?').run(row.id);
        else
          this.db
            .prepare('UPDATE fault_rules SET remaining = remaining - 1 WHERE id = ?')
            .run(row.id);
      }
      return toRule(row);
    })();
  }
}
