import type { SandboxDb } from '../db';
import { Refusal } from '../refusal';
import type { Finding } from './rules';

/** Keeps the findings a 3101/3102 gave, so that the pharmacy's 3103 feedback can name them. */
export function recordFindings(
  db: SandboxDb,
  at: { infno: '3101' | '3102'; msgid: string; fixmedinsCode: string; psnNo: string; now: Date },
  findings: readonly Finding[],
): void {
  const insert = db.prepare(
    `INSERT INTO supervision_findings (jr_id, infno, msgid, fixmedins_code, psn_no, rule_id,
       sev_deg, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings) {
    insert.run(
      f.jr_id,
      at.infno,
      at.msgid,
      at.fixmedinsCode,
      at.psnNo,
      f.rule_id,
      f.sev_deg,
      at.now.getTime(),
    );
  }
}

export interface Feedback {
  jrId: string;
  dspoWay: '1' | '2';
  reason: string;
}

/**
 * Records the pharmacy's handling of its own findings, once each: an unknown finding, another
 * institution's, a second feedback, or 继续 on a 明确违规 is refused and nothing is kept.
 */
export function recordFeedback(
  db: SandboxDb,
  by: { msgid: string; fixmedinsCode: string; opter: string; now: Date },
  feedbacks: readonly Feedback[],
): void {
  for (const f of feedbacks) {
    const finding = db
      .prepare('SELECT fixmedins_code, sev_deg FROM supervision_findings WHERE jr_id = ?')
      .get(f.jrId) as { fixmedins_code: string; sev_deg: string } | undefined;
    if (!finding || finding.fixmedins_code !== by.fixmedinsCode) {
      throw new Refusal(`监管结果 ${f.jrId} 不存在或不属于本机构`);
    }
    if (finding.sev_deg === '1' && f.dspoWay === '1') {
      throw new Refusal(`监管结果 ${f.jrId} 为明确违规，不能反馈为继续执行`);
    }
    const done = db.prepare('SELECT 1 FROM supervision_feedbacks WHERE jr_id = ?').get(f.jrId);
    if (done) throw new Refusal(`监管结果 ${f.jrId} 的处理情况已反馈，不能重复反馈`);
    db.prepare(
      `INSERT INTO supervision_feedbacks (jr_id, msgid, dspo_way, dspo_way_rea, opter, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(f.jrId, by.msgid, f.dspoWay, f.reason, by.opter, by.now.getTime());
  }
}
