import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { ReasonDialog } from '../components/ReasonDialog';
import { useBlobUrl } from '../paper/use-blob-url';
import { PdfPages } from '../settle/PdfPages';
import { useUiStore } from '../stores/ui-store';
import { useStayStore } from './stay-store';
import './stay.css';

const UPLOAD_LABELS: Record<string, string> = {
  pending: '排队中',
  in_flight: '发送中',
  delivered: '已送达',
  parked: '被医保中心拒收',
};

/**
 * A dispensing handed to the hospital's inpatient settlement: the record, its 3505, the
 * materials for the hospital (A4 PDF), and 撤销 (Shift+F9) before the hospital settles.
 */
export function StayPanel({ dispensingId }: { dispensingId: number }) {
  const record = useStayStore((s) => s.record);
  const materials = useStayStore((s) => s.materials);
  const pdfUrl = useBlobUrl(materials?.pdfBase64 ?? null, 'application/pdf');
  useEffect(() => {
    void useStayStore.getState().load(dispensingId);
  }, [dispensingId]);
  const travelling = record?.upload3505 === 'pending' || record?.upload3505 === 'in_flight';
  useEffect(() => {
    if (!travelling) return;
    const timer = setInterval(() => void useStayStore.getState().refresh(dispensingId), 2_000);
    return () => clearInterval(timer);
  }, [travelling, dispensingId]);
  if (!record || record.dispensingId !== dispensingId) return null;
  return (
    <section
      className="stay-panel"
      data-testid="stay-panel"
      data-upload-3505={record.upload3505 ?? ''}
    >
      <Alert
        type="success"
        showIcon
        title={`${record.stateLabel}：${record.hospital} · 住院号 ${record.stayNo}`}
        description={`单号 ${record.docNo} · ${record.recordedAt} · 药师 ${record.recordedBy} · 商品销售上传（3505）${UPLOAD_LABELS[record.upload3505 ?? ''] ?? '待排队'}`}
      />
      {pdfUrl && materials && (
        <a
          href={pdfUrl}
          download={materials.fileName}
          target="_blank"
          rel="noreferrer"
          data-testid="stay-materials-link"
        >
          打开并打印随住院结算材料（PDF，交患者带回医院）
        </a>
      )}
      <Button
        danger
        data-testid="stay-withdraw"
        onClick={() => useUiStore.getState().setOverlay('stayWithdraw')}
      >
        撤销随住院结算 <kbd>Shift+F9</kbd>
      </Button>
      {materials && <PdfPages pdfBase64={materials.pdfBase64} label="随住院结算材料（A4）" />}
      <StayWithdrawDialog />
    </section>
  );
}

function StayWithdrawDialog() {
  const open = useUiStore((s) => s.overlay === 'stayWithdraw');
  const busy = useStayStore((s) => s.busy);
  const error = useStayStore((s) => s.error);
  const close = () => {
    useStayStore.getState().clearError();
    useUiStore.getState().setOverlay(null);
  };
  const withdraw = async (reason: string) => {
    const ok = await useStayStore.getState().withdraw(reason);
    if (ok) useUiStore.getState().setOverlay(null);
    return ok;
  };
  return (
    <ReasonDialog
      open={open}
      title="撤销随住院结算（Shift+F9）"
      confirmLabel="确认撤销"
      placeholder="撤销原因（必填，至少2个字），如：医院改为院内供药"
      busy={busy}
      error={error}
      errorLead="不能撤销："
      testIdPrefix="stay-withdraw"
      onClose={close}
      onSubmit={withdraw}
    >
      <p>
        仅限医院尚未办理住院结算时撤销。撤销后本次调剂作废（记录与原因保留），药品退回库存，追溯码可再次销售；已上传的商品销售（3505）以销售退货（3506）冲回。请先将药品收回再确认。
      </p>
    </ReasonDialog>
  );
}
