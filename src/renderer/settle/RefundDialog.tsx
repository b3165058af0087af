import type { SettlementView } from '../../contract/types-settlement';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatFen } from '../format/money';
import { useUiStore } from '../stores/ui-store';
import { useSettleStore } from './settle-store';

/** R-REVERSE: a refund needs a reason and a second look at what is given back. */
export function RefundDialog({ settlement }: { settlement: SettlementView }) {
  const open = useUiStore((s) => s.overlay === 'refund');
  const refunding = useSettleStore((s) => s.refunding);
  const error = useSettleStore((s) => s.error);
  const close = () => useUiStore.getState().setOverlay(null);
  const refund = async (reason: string) => {
    const ok = await useSettleStore.getState().refund(reason);
    if (ok) close();
    return ok;
  };
  return (
    <ReasonDialog
      open={open}
      title="退费（撤销医保结算 2103）"
      confirmLabel="确认退费"
      placeholder="退费原因（必填，至少2个字），如：患者退药"
      busy={refunding}
      error={error}
      testIdPrefix="refund"
      onClose={close}
      onSubmit={refund}
    >
      <p className="refund-what">
        {settlement.paper ? '纸质处方' : '处方'} <span className="mono">{settlement.hiRxno}</span> ·
        结算号 <span className="mono">{settlement.setlId}</span>
        {settlement.split && <> · 总额 {formatFen(settlement.split.total.fen)}</>}
      </p>
      <p>
        退费后医保中心撤销该笔结算，基金与个人账户原路退回，现金部分请当面退还患者；本机恢复库存与追溯码，并上传退货（
        {settlement.paper ? '3506' : '7208、3506'}）。
      </p>
    </ReasonDialog>
  );
}
