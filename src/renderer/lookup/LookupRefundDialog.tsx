import { ReasonDialog } from '../components/ReasonDialog';
import { useLookupStore } from './lookup-store';

/** R-REVERSE: the refund of a looked-up settlement, through the one refund path (refund.start). */
export function LookupRefundDialog() {
  const open = useLookupStore((s) => s.refundOpen);
  const busy = useLookupStore((s) => s.busy);
  const row = useLookupStore((s) => s.rows[s.selected]);
  const error = useLookupStore((s) => s.error);
  const selfPaid = row?.settlementId === null;
  return (
    <ReasonDialog
      open={open}
      title={selfPaid ? '退费（自费结算，退还现金）' : '退费（撤销医保结算 2103）'}
      confirmLabel="确认退费"
      placeholder="退费原因（必填，至少2个字），如：患者退药"
      busy={busy}
      error={error}
      testIdPrefix="lookup-refund"
      onClose={() => useLookupStore.getState().closeRefund()}
      onSubmit={(reason) => useLookupStore.getState().refund(reason)}
    >
      {row && selfPaid && (
        <p>
          处方 <span className="mono">{row.hiRxno}</span> · {row.patient.nameMasked} · 自费{' '}
          {row.total?.yuan ?? '—'} 元。退费后药品退回库存，请当面退还患者现金。
        </p>
      )}
      {row && !selfPaid && (
        <p>
          结算ID <span className="mono">{row.setlId}</span> · {row.patient.nameMasked} · 总额{' '}
          {row.total?.yuan ?? '—'}{' '}
          元。退费后医保中心撤销该笔结算，基金与个人账户原路退回，现金部分请当面退还患者。
        </p>
      )}
    </ReasonDialog>
  );
}
