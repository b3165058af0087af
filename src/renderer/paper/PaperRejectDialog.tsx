import { ReasonDialog } from '../components/ReasonDialog';
import { useUiStore } from '../stores/ui-store';
import { usePaperStore } from './paper-store';

/** 药师退回: a cashier's capture the image does not support goes back with a reason (R-PHARMACIST). */
export function PaperRejectDialog() {
  const open = useUiStore((s) => s.overlay === 'paperReject');
  const { busy, error, selectedId } = usePaperStore();
  const item = usePaperStore((s) => s.results?.items.find((i) => i.id === selectedId));
  if (!item) return null;
  const reject = async (reason: string) => {
    const ok = await usePaperStore.getState().reject(item.id, reason);
    if (ok) useUiStore.getState().setOverlay(null);
    return ok;
  };
  return (
    <ReasonDialog
      open={open}
      title="退回纸质处方"
      confirmLabel="确认退回"
      placeholder="退回原因（必填，至少2个字），如：影像中的剂量与登记不符"
      busy={busy}
      error={open ? error : null}
      errorLead="不能退回："
      testIdPrefix="paper-reject"
      onClose={() => useUiStore.getState().setOverlay(null)}
      onSubmit={reject}
    >
      <p className="refund-what">
        第{item.id}号 · {item.institutionName} {item.serialNo} · 患者 {item.patientName}
      </p>
      <p>退回后该处方仍保留在归档中（2年），但不能调剂；原因记入审计记录。</p>
    </ReasonDialog>
  );
}
