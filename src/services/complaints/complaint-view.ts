import type { ComplaintDetail, ComplaintView } from '../../contract/types-complaints';
import { COMPLAINT_CHANNELS } from '../../domain/complaint/complaint';
import { COMPLAINT_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { maskName, maskPhone } from '../../domain/mask';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { ComplaintEventRow, ComplaintRow } from '../../store/complaint-repository';

const at = (ms: number) => formatBeijingDateTime(new Date(ms));
const atOrNull = (ms: number | null) => (ms === null ? null : at(ms));

/** A register row as screens show it: who complained is masked, states and channels in Chinese. */
export function complaintView(r: ComplaintRow): ComplaintView {
  return {
    id: r.id,
    receivedAt: at(r.receivedAt),
    receivedByName: r.receivedByName,
    channel: r.channel,
    channelLabel: COMPLAINT_CHANNELS[r.channel],
    complainant: r.complainantName === null ? '匿名' : maskName(r.complainantName),
    complainantPhone: r.complainantPhone === null ? null : maskPhone(r.complainantPhone),
    subject: r.subject,
    hiRxno: r.hiRxno,
    dispensingId: r.dispensingId,
    state: r.state,
    stateLabel: COMPLAINT_STATE_LABELS[r.state],
    checkResult: r.checkResult,
    correction: r.correction,
    agency: r.agency,
    referredAt: atOrNull(r.referredAt),
    closedByName: r.closedByName,
    closedAt: atOrNull(r.closedAt),
  };
}

export function complaintDetail(r: ComplaintRow, events: ComplaintEventRow[]): ComplaintDetail {
  return {
    ...complaintView(r),
    events: events.map((e) => ({
      at: at(e.at),
      staffName: e.staffName,
      fromLabel: e.fromState === null ? null : COMPLAINT_STATE_LABELS[e.fromState],
      toLabel: COMPLAINT_STATE_LABELS[e.toState],
      note: e.note,
    })),
  };
}
