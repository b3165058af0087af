import { Button, Radio, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ReceiptFormat, ReceiptView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';
import { PdfPages } from './PdfPages';
import { printReceipt } from './print-receipt';

export type ReceiptOf = { settlementId: number } | { saleId: number };

const FORMATS: Array<{ value: ReceiptFormat; label: string }> = [
  { value: 'thermal80', label: '80mm 小票' },
  { value: 'thermal58', label: '58mm 小票' },
  { value: 'a4', label: 'A4（PDF）' },
];

type Loaded = { receipt: ReceiptView } | { error: AppErrorShape } | null;

function useReceipt(of: ReceiptOf, format: ReceiptFormat, version: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const saleId = 'saleId' in of ? of.saleId : null;
  const settlementId = 'settlementId' in of ? of.settlementId : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (e.g. refunded) must fetch the receipt again
  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    const target = saleId === null ? { settlementId: settlementId ?? 0 } : { saleId };
    api
      .call('receipt.get', { ...target, format })
      .then((receipt) => {
        if (!cancelled) setLoaded({ receipt });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const error = toShape(err);
        if (isUnauthenticated(err)) useSessionStore.getState().expire(error.message);
        setLoaded({ error });
      });
    return () => {
      cancelled = true;
    };
  }, [saleId, settlementId, format, version]);
  return loaded;
}

export function ThermalReceipt({ receipt }: { receipt: ReceiptView }) {
  return (
    <pre
      className="receipt-thermal"
      data-testid="receipt-text"
      data-format={receipt.format}
      // Run-time: the receipt's own column count sets the paper width.
      style={{ width: `${receipt.columns ?? 48}ch` }}
    >
      {(receipt.lines ?? []).join('\n')}
    </pre>
  );
}

/** R-SETTLE: the receipt (split, prescription number, pack codes), on screen and printed. */
export function ReceiptPanel({ of, version }: { of: ReceiptOf; version: string }) {
  const [format, setFormat] = useState<ReceiptFormat>('thermal80');
  const loaded = useReceipt(of, format, version);
  const receipt = loaded && 'receipt' in loaded ? loaded.receipt : null;
  return (
    <section className="receipt-panel" aria-label="结算凭证" data-testid="receipt">
      <header className="upload-head no-print">
        <h4 className="pane-subtitle">结算凭证</h4>
        <Radio.Group
          optionType="button"
          value={format}
          options={FORMATS}
          onChange={(e) => setFormat(e.target.value as ReceiptFormat)}
          data-testid="receipt-format"
        />
        <Button
          type="primary"
          size="large"
          disabled={!receipt}
          data-testid="receipt-print"
          onClick={printReceipt}
        >
          打印 <kbd>Shift+F5</kbd>
        </Button>
      </header>
      {loaded === null && (
        <div className="loading">
          <Spin /> 正在生成凭证…
        </div>
      )}
      {loaded && 'error' in loaded && (
        <p className="bad-text" role="alert" data-testid="receipt-error">
          凭证读取失败：{loaded.error.message}
        </p>
      )}
      <div className="receipt-print-area">
        {receipt?.lines && <ThermalReceipt receipt={receipt} />}
        {receipt?.pdfBase64 && <PdfPages pdfBase64={receipt.pdfBase64} label="结算凭证（A4）" />}
      </div>
    </section>
  );
}
