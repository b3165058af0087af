import { Modal, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { StoreClashSale, StoreClashView } from '../../contract/types-store';
import { api, toShape } from '../api';
import { RuleDetails } from '../components/RuleDetails';

function Sale({ label, sale }: { label: string; sale: StoreClashSale & { docNo?: string } }) {
  return (
    <div className="store-clash-sale">
      <span className="store-clash-label">{label}</span>
      <span>柜台 {sale.counterId ?? '（未知）'}</span>
      <span>{sale.soldAt ?? '未售出（已扫码待调剂）'}</span>
      <span>{sale.docNo ? `单号 ${sale.docNo}` : ''}</span>
      <span className="store-clash-ref">{sale.saleRef ?? ''}</span>
    </div>
  );
}

/**
 * Pack codes this counter sold offline that another counter sold meanwhile (R-TRACE-ONCE, D42):
 * both sales side by side, for the pharmacist to check the packs and the sales; and offline sales
 * the store's stock could not cover (R-STOCK, D53), for a count.
 */
export function StoreClashDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [clashes, setClashes] = useState<StoreClashView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (clashes) first.current?.focus();
  }, [clashes]);
  useEffect(() => {
    if (!open) return;
    setClashes(null);
    api
      .call('store.clashes', {})
      .then(setClashes)
      .catch((e: unknown) => setError(toShape(e).message));
  }, [open]);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      // The dialog takes the focus when its opening ends: hand it to the first clash then too.
      afterOpenChange={(opened) => {
        if (opened) first.current?.focus();
      }}
      footer={null}
      width={900}
      title="离线零售待核实：追溯码冲突或门店库存不足"
      destroyOnHidden
    >
      {error && <div role="alert">{error}</div>}
      {!clashes && !error && <Spin />}
      {clashes && (
        <ul className="store-clash-list" data-testid="store-clashes" aria-label="离线零售待核实">
          {clashes.map((c, i) => (
            <li key={c.id} data-testid="store-clash" data-code={c.code}>
              <button type="button" className="store-clash-item" ref={i === 0 ? first : undefined}>
                <div className="store-clash-code">追溯码 {c.code}</div>
                <Sale label="本柜台（离线零售）" sale={c.ours} />
                {c.kind === 'codeClash' ? (
                  <Sale label="其他柜台" sale={c.other} />
                ) : (
                  <div className="store-clash-short">门店库存不足：已售出，请盘点该药品</div>
                )}
                <div className="store-clash-message">门店服务器：{c.message}</div>
                <div className="store-clash-found">发现于 {c.foundAt}</div>
              </button>
            </li>
          ))}
        </ul>
      )}
      {clashes
        ?.filter((c, i) => clashes.findIndex((x) => x.ruleId === c.ruleId) === i)
        .map((c) => (
          <RuleDetails key={c.ruleId} ruleId={c.ruleId} citation={c.citation} />
        ))}
    </Modal>
  );
}
