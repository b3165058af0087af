import { Button, Checkbox, Input, InputNumber } from 'antd';
import { useState } from 'react';
import type { DeliveryOrderView } from '../../contract/types-delivery';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * 登记配送 for a settled prescription (R-DELIVERY): recipient, address, courier, the patient's
 * fee and, for a cold-chain drug, the cold-chain flag with its storage record.
 */
export function DeliveryForm({ settlementId }: { settlementId: number }) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    recipientName: '',
    recipientPhone: '',
    address: '',
    courier: '',
    feeYuan: 0,
    coldChain: false,
    coldChainRecord: '',
  });
  const [saved, setSaved] = useState<DeliveryOrderView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<typeof f>) => setF({ ...f, ...patch });

  if (saved) {
    return (
      <p className="delivery-saved" data-testid="delivery-saved">
        已登记配送：{saved.recipientName} {saved.address}，{saved.courier}，配送费 ¥{saved.feeYuan}
        （患者自付）{saved.coldChain ? '，冷链' : ''}
      </p>
    );
  }
  if (!open) {
    return (
      <Button size="large" data-testid="delivery-open" onClick={() => setOpen(true)}>
        登记配送…
      </Button>
    );
  }
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { feeYuan, coldChainRecord, ...rest } = f;
      setSaved(
        await api.call('delivery.create', {
          settlementId,
          ...rest,
          feeFen: Math.round(feeYuan * 100),
          ...(coldChainRecord.trim() ? { coldChainRecord } : {}),
        }),
      );
    } catch (err) {
      setError(toShape(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="delivery-form"
      data-testid="delivery-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="delivery-name">
        收件人
        <Input
          id="delivery-name"
          data-testid="delivery-name"
          value={f.recipientName}
          onChange={(e) => edit({ recipientName: e.target.value })}
        />
      </label>
      <label htmlFor="delivery-phone">
        电话
        <Input
          id="delivery-phone"
          data-testid="delivery-phone"
          value={f.recipientPhone}
          onChange={(e) => edit({ recipientPhone: e.target.value })}
        />
      </label>
      <label htmlFor="delivery-address" className="delivery-wide">
        地址
        <Input
          id="delivery-address"
          data-testid="delivery-address"
          value={f.address}
          onChange={(e) => edit({ address: e.target.value })}
        />
      </label>
      <label htmlFor="delivery-courier">
        配送方
        <Input
          id="delivery-courier"
          data-testid="delivery-courier"
          value={f.courier}
          onChange={(e) => edit({ courier: e.target.value })}
        />
      </label>
      <label htmlFor="delivery-fee">
        配送费（元，患者自付）
        <InputNumber
          id="delivery-fee"
          data-testid="delivery-fee"
          min={0}
          step={1}
          value={f.feeYuan}
          onChange={(v) => edit({ feeYuan: Number(v ?? 0) })}
        />
      </label>
      <Checkbox
        data-testid="delivery-cold"
        checked={f.coldChain}
        onChange={(e) => edit({ coldChain: e.target.checked })}
      >
        冷链配送
      </Checkbox>
      {f.coldChain && (
        <label htmlFor="delivery-cold-record" className="delivery-wide">
          储运措施
          <Input
            id="delivery-cold-record"
            value={f.coldChainRecord}
            placeholder="如：保温箱+冰排，2–8℃，温度记录仪编号"
            onChange={(e) => edit({ coldChainRecord: e.target.value })}
          />
        </label>
      )}
      {error && <ErrorAlert error={error} testId="delivery-error" />}
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        loading={busy}
        data-testid="delivery-submit"
      >
        保存配送单
      </Button>
    </form>
  );
}
