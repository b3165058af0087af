import { Button, Input } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { printReceipt } from '../settle/print-receipt';
import { ThermalReceipt } from '../settle/ReceiptPanel';
import { LookupRefundDialog } from './LookupRefundDialog';
import { LookupResults } from './LookupResults';
import { useLookupStore } from './lookup-store';
import './lookup.css';
import { DateRangeFields } from '../components/DateRangeFields';

function QueryBar() {
  const text = useLookupStore((s) => s.text);
  const from = useLookupStore((s) => s.from);
  const to = useLookupStore((s) => s.to);
  const busy = useLookupStore((s) => s.busy);
  const lookup = useLookupStore.getState;
  return (
    <div className="work-area-row">
      <Input
        autoFocus
        size="large"
        className="lookup-query"
        data-testid="lookup-query"
        value={text}
        maxLength={64}
        placeholder="扫描或输入结算ID；或参保人姓名（可含 *）/身份证号后4位"
        onChange={(e) => lookup().setText(e.target.value)}
      />
      <DateRangeFields
        testIdPrefix="lookup"
        from={from}
        to={to}
        className="lookup-date"
        onChange={(f, t) => lookup().setDates(f, t)}
      />
      <Button size="large" type="primary" loading={busy} onClick={() => void lookup().search()}>
        查找 <kbd>Enter</kbd>
      </Button>
    </div>
  );
}

function Actions() {
  const row = useLookupStore((s) => s.rows[s.selected]);
  if (!row) return null;
  return (
    <div className="work-area-row">
      <Button
        size="large"
        danger
        disabled={!row.canRefund}
        data-testid="lookup-refund"
        onClick={() => useLookupStore.getState().openRefund()}
      >
        退费 <kbd>Alt+Y</kbd>
      </Button>
      <Button
        size="large"
        disabled={!row.canReprint}
        data-testid="lookup-reprint"
        onClick={() => void useLookupStore.getState().reprint()}
      >
        补打凭证 <kbd>Shift+F5</kbd>
      </Button>
    </div>
  );
}

function ShownReceipt() {
  const receipt = useLookupStore((s) => s.receipt);
  if (!receipt) return null;
  const title = receipt.kind === 'reprint' ? '补打凭证' : '退费凭证';
  return (
    <section
      className="receipt-panel"
      aria-label={title}
      data-testid={`lookup-receipt-${receipt.kind}`}
    >
      <header className="upload-head no-print">
        <h4 className="pane-subtitle">{title}</h4>
        <Button type="primary" size="large" onClick={printReceipt}>
          打印 <kbd>Shift+F5</kbd>
        </Button>
      </header>
      <div className="receipt-print-area">
        <ThermalReceipt receipt={receipt.view} />
      </div>
    </section>
  );
}

/** 结算查询 (Alt+H): find a past settlement, then refund it or reprint its receipt. */
export function LookupScreen() {
  const open = useNavigation((s) => isOpen(s, 'lookup'));
  const error = useLookupStore((s) => s.error);
  if (!open) return null;
  return (
    <main className="work-area-screen lookup-screen" data-testid="lookup-screen">
      <header className="work-area-row work-area-row-spread">
        <h2 className="lookup-title">结算查询 · 退费 · 补打凭证</h2>
        <span>Enter 查找 · ↑↓ 选择 · Alt+Y 退费 · Shift+F5 补打 · Esc 关闭</span>
        <Button size="large" onClick={() => useNavigation.getState().close('lookup')}>
          关闭
        </Button>
      </header>
      <QueryBar />
      {error && <ErrorAlert error={error} testId="lookup-error" />}
      <LookupResults />
      <Actions />
      <ShownReceipt />
      <LookupRefundDialog />
    </main>
  );
}
