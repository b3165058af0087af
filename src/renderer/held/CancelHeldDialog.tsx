import type { DispensingView } from '../../contract/types-dispense';
import { ReasonDialog } from '../components/ReasonDialog';
import { useUiStore } from '../stores/ui-store';
import { useHeldStore } from './held-store';

/** 撤销调剂 (Shift+F9): a held dispensing goes back — reason required, confirmed once more. */
export function CancelHeldDialog({ view }: { view: DispensingView }) {
  const open = useUiStore((s) => s.overlay === 'cancelHeld');
  const cancelling = useHeldStore((s) => s.cancelling);
  const error = useHeldStore((s) => s.cancelError);
  const codes = view.lines.reduce((n, l) => n + l.codes.length, 0);
  const close = () => {
    useHeldStore.getState().clearCancelError();
    useUiStore.getState().setOverlay(null);
  };
  const cancel = async (reason: string) => {
    const ok = await useHeldStore.getState().cancelShown(reason);
    if (ok) useUiStore.getState().setOverlay(null);
    return ok;
  };
  return (
    <ReasonDialog
      open={open}
      title="撤销调剂（Shift+F9）"
      confirmLabel="确认撤销调剂"
      placeholder="撤销原因（必填，至少2个字），如：医保中心故障，患者不再等待"
      busy={cancelling}
      error={error}
      errorLead="不能撤销调剂："
      testIdPrefix="cancel-held"
      onClose={close}
      onSubmit={cancel}
    >
      <p className="refund-what">
        {view.source === 'paper' ? '纸质处方' : '处方'} <span className="mono">{view.rxno}</span> ·
        调剂单 {view.dispensingId} · 患者 {view.patient.name}
      </p>
      <p>
        该处方已调剂但尚未结算。撤销后本次调剂作废（记录与原因保留），药品退回库存，{codes}{' '}
        个追溯码可再次销售；未结算，无需退费。请先将药品收回再确认。
      </p>
    </ReasonDialog>
  );
}
