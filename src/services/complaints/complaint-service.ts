import type { ComplaintDetail, ComplaintView } from '../../contract/types-complaints';
import type { ComplaintChannel, ComplaintFollowUp } from '../../domain/complaint/complaint';
import {
  checkComplaintFollowUp,
  checkComplaintSubject,
} from '../../domain/complaint/complaint-rules';
import { AppError } from '../../domain/errors';
import { ComplaintRepository } from '../../store/complaint-repository';
import type { Db } from '../../store/database';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import { complaintDetail, complaintView } from './complaint-view';

export interface ComplaintInput {
  channel: ComplaintChannel;
  complainantName?: string | undefined;
  complainantPhone?: string | undefined;
  subject: string;
  hiRxno?: string | undefined;
  dispensingId?: number | undefined;
}

/** The complaint and report register (R-COMPLAINT): register, check, correct or refer, close. */
export function createComplaintService(deps: { db: Db; log: Logger; now: () => Date }) {
  const repo = new ComplaintRepository(deps.db);
  const exists = (sql: string, key: string | number) =>
    deps.db.prepare(sql).pluck().get(key) !== undefined;

  const detail = (id: number): ComplaintDetail => {
    const row = repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的投诉举报登记`);
    return complaintDetail(row, repo.events(id));
  };

  return {
    list(openOnly: boolean): ComplaintView[] {
      return repo.list(openOnly).map(complaintView);
    },

    get: detail,

    register(session: AuthenticatedSession, c: ComplaintInput): ComplaintDetail {
      checkComplaintSubject(c.subject);
      if (c.hiRxno && !exists('SELECT 1 FROM prescriptions WHERE hi_rxno = ?', c.hiRxno))
        throw new AppError('NOT_FOUND', `本店没有处方 ${c.hiRxno}，请核对处方编号或不填`);
      if (c.dispensingId && !exists('SELECT 1 FROM dispensings WHERE id = ?', c.dispensingId))
        throw new AppError('NOT_FOUND', `本店没有调剂单 ${c.dispensingId}，请核对或不填`);
      const id = repo.insert({
        receivedAt: deps.now().getTime(),
        receivedBy: session.staff.id,
        channel: c.channel,
        complainantName: c.complainantName?.trim() || null,
        complainantPhone: c.complainantPhone?.trim() || null,
        subject: c.subject.trim(),
        hiRxno: c.hiRxno ?? null,
        dispensingId: c.dispensingId ?? null,
      });
      deps.log.info('complaint.registered', { id, channel: c.channel });
      return detail(id);
    },

    followUp(session: AuthenticatedSession, id: number, step: ComplaintFollowUp): ComplaintDetail {
      const row = repo.get(id);
      if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的投诉举报登记`);
      checkComplaintFollowUp(row.state, step);
      if (!repo.advance(id, row.state, step, session.staff.id, deps.now().getTime()))
        throw new AppError('CONFLICT', '该投诉举报刚被他人处理，请刷新后再试');
      deps.log.info('complaint.followUp', { id, from: row.state, to: step.to });
      return detail(id);
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
