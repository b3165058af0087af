import type { ComplaintDetail } from '../../contract/types-complaints';
import { FollowUpForm } from './FollowUpForm';

const row = (label: string, value: string | number | null) =>
  value === null ? null : (
    <div className="complaint-field">
      <span className="complaint-label">{label}</span>
      <span>{value}</span>
    </div>
  );

/** The selected complaint: what was received, what was found and done, each step, the next one. */
export function ComplaintDetailPane({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <section className="complaint-detail" data-testid="complaint-detail" data-state={c.state}>
      <h3 className="complaint-detail-title">
        第 {c.id} 号 · {c.stateLabel}
      </h3>
      {row('登记', `${c.receivedAt} ${c.receivedByName} · ${c.channelLabel}`)}
      {row('投诉人', `${c.complainant}${c.complainantPhone ? ` ${c.complainantPhone}` : ''}`)}
      {row('事由', c.subject)}
      {row('处方号', c.hiRxno)}
      {row('调剂单', c.dispensingId)}
      {row('核查结果', c.checkResult)}
      {row('纠正措施', c.correction)}
      {row('反馈机构', c.agency === null ? null : `${c.agency}（${c.referredAt}）`)}
      {row('办结', c.closedAt === null ? null : `${c.closedAt} ${c.closedByName}`)}
      <ol className="complaint-events" data-testid="complaint-events">
        {c.events.map((e) => (
          <li key={`${e.at}-${e.toLabel}`}>
            {e.at} {e.staffName}：{e.fromLabel ? `${e.fromLabel} → ` : ''}
            {e.toLabel}
            {e.note ? `（${e.note}）` : ''}
          </li>
        ))}
      </ol>
      <FollowUpForm complaint={c} />
    </section>
  );
}
