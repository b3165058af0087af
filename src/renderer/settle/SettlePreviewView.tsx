import { Button, Checkbox, Radio } from 'antd';
import type { SettlePreview } from '../../contract/types-settlement';
import { RECEIPT_CHOICES, type ReceiptChoice } from '../../domain/settlement/receipt-choice';
import { Notices } from './Notices';
import { SelfPayLines } from './SelfPayLines';
import { SplitSummary } from './SplitSummary';
import { SupervisionPanel } from './SupervisionPanel';
import { useSettleStore } from './settle-store';

/**
 * 2101: what the patient will pay and why, and the platform's supervision check (R-SUPERVISE),
 * confirmed by Enter (2102) once the check allows, or dropped by Esc.
 */
export function SettlePreviewView({ preview }: { preview: SettlePreview }) {
  const confirming = useSettleStore((s) => s.phase === 'confirming');
  const choice = useSettleStore((s) => s.receiptChoice);
  const useAccount = useSettleStore((s) => s.useAccount);
  const allowed = preview.supervision.settleAllowed;
  return (
    <div
      className="settle-preview"
      data-testid="settle-preview"
      data-preview-id={preview.previewId}
    >
      <p className="settle-patient">
        参保人 {preview.patient.nameMasked}{' '}
        <span className="mono">{preview.patient.certnoMasked}</span> ·{' '}
        {preview.patient.insutypeLabel}
      </p>
      <Checkbox
        className="settle-account-choice"
        data-testid="use-account"
        checked={useAccount}
        disabled={confirming}
        onChange={(e) => void useSettleStore.getState().chooseAccount(e.target.checked)}
      >
        使用个人账户支付个人负担部分（患者可选择不用，改付现金）
      </Checkbox>
      <SplitSummary split={preview.split} />
      <SupervisionPanel supervision={preview.supervision} />
      <Notices items={preview.selfPayNotices} testId="selfpay-notices" />
      <Notices items={preview.split.centerWarnings} testId="center-warnings" />
      <SelfPayLines lines={preview.lines} />
      <div className="settle-receipt-choice" data-testid="receipt-choice">
        <span>患者所需票据：</span>
        <Radio.Group
          value={choice}
          disabled={confirming}
          onChange={(e) => useSettleStore.getState().chooseReceipt(e.target.value as ReceiptChoice)}
          options={Object.entries(RECEIPT_CHOICES).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <div className="settle-actions">
        <Button
          type="primary"
          size="large"
          autoFocus={allowed}
          disabled={!allowed}
          loading={confirming}
          data-testid="settle-confirm"
          onClick={() => void useSettleStore.getState().confirm()}
        >
          患者确认，结算 <kbd>Enter</kbd>
        </Button>
        <Button
          size="large"
          disabled={confirming}
          data-testid="settle-cancel"
          onClick={() => useSettleStore.getState().cancelPreview()}
        >
          取消 <kbd>Esc</kbd>
        </Button>
      </div>
    </div>
  );
}
