import { Button, Tabs } from 'antd';
import type { DeliveryOrderView } from '../../contract/types-delivery';
import { yuanText } from '../../domain/money';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { useUiStore } from '../stores/ui-store';
import { DeliveryReceiptDialog } from './DeliveryReceiptDialog';
import { type PublicTab, usePublicStore } from './public-store';
import './publicinfo.css';

function PricesTab() {
  const prices = usePublicStore((s) => s.prices);
  const store = usePublicStore.getState;
  if (!prices) return null;
  return (
    <section data-testid="public-prices">
      <div className="public-actions">
        <span>
          {prices.pharmacyName} · 公示日期 {prices.date} · 共 {prices.rows.length} 种
        </span>
        <Button
          size="large"
          type="primary"
          onClick={() => void store().download('public-prices', 'pdf')}
        >
          打印公示单（A4 PDF）
        </Button>
        <Button size="large" onClick={() => void store().download('public-prices', 'csv')}>
          导出 CSV
        </Button>
      </div>
      <table className="public-table">
        <thead>
          <tr>
            <th>药品名称</th>
            <th>规格</th>
            <th>单位</th>
            <th>生产企业</th>
            <th className="num">零售价（元）</th>
          </tr>
        </thead>
        <tbody>
          {prices.rows.map((r) => (
            <tr key={r.medListCodg}>
              <td>{r.genname}</td>
              <td>{r.spec}</td>
              <td>{r.packUnit}</td>
              <td>{r.prdrName}</td>
              <td className="num">{yuanText(r.priceFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AvailabilityTab() {
  const a = usePublicStore((s) => s.availability);
  const store = usePublicStore.getState;
  if (!a) return null;
  return (
    <section data-testid="public-availability">
      <div className="public-actions">
        <span>统计时间 {a.asOf} · 仅药品与可售数量，不含批号与个人信息</span>
        <Button
          size="large"
          type="primary"
          onClick={() => void store().download('stock-availability', 'json')}
        >
          导出 JSON（公共服务渠道）
        </Button>
        <Button size="large" onClick={() => void store().download('stock-availability', 'csv')}>
          导出 CSV
        </Button>
      </div>
      <table className="public-table">
        <thead>
          <tr>
            <th>医保目录编码</th>
            <th>药品名称</th>
            <th>规格</th>
            <th className="num">可售数量</th>
          </tr>
        </thead>
        <tbody>
          {a.rows.map((r) => (
            <tr key={r.medListCodg} className={r.availablePacks === 0 ? 'is-out' : ''}>
              <td className="mono">{r.medListCodg}</td>
              <td>{r.genname}</td>
              <td>{r.spec}</td>
              <td className="num">
                {r.availablePacks} {r.packUnit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ReceiptsTab() {
  const receipts = usePublicStore((s) => s.receipts);
  const store = usePublicStore.getState;
  if (receipts.length === 0) return <p className="public-empty">今日尚无电子票据。</p>;
  return (
    <table className="public-table" data-testid="public-receipts">
      <thead>
        <tr>
          <th>电子票据号</th>
          <th>开具时间</th>
          <th>患者选择</th>
          <th>红字票据（退费）</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {receipts.map((r) => (
          <tr key={r.settlementId}>
            <td className="mono">{r.receiptNo}</td>
            <td>{r.issuedAt}</td>
            <td>{r.choiceLabel}</td>
            <td className="mono">{r.reversal?.receiptNo ?? '—'}</td>
            <td>
              <Button onClick={() => void store().exportReceipt(r.settlementId)}>导出 PDF</Button>
              {r.reversal && (
                <Button onClick={() => void store().exportReceipt(r.settlementId, 'reversal')}>
                  导出红字 PDF
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeliveryActions({ d }: { d: DeliveryOrderView }) {
  const store = usePublicStore.getState;
  if (d.state === 'ordered') {
    return (
      <Button data-testid="delivery-handover" onClick={() => void store().handOver(d.orderId)}>
        交付配送 <kbd>Alt+Shift+J</kbd>
      </Button>
    );
  }
  if (d.state === 'handed_over') {
    return (
      <Button
        data-testid="delivery-receive"
        onClick={() => {
          store().select(d.orderId);
          useUiStore.getState().setOverlay('deliveryReceipt');
        }}
      >
        确认签收 <kbd>Alt+Shift+Q</kbd>
      </Button>
    );
  }
  return null;
}

function DeliveriesTab() {
  const deliveries = usePublicStore((s) => s.deliveries);
  const selected = usePublicStore((s) => s.selectedOrderId);
  const store = usePublicStore.getState;
  return (
    <section data-testid="public-deliveries">
      <div className="public-actions">
        <span>
          今日配送记录 {deliveries.length} 单 · 地址与电话已隐去 · 配送费由患者自付 · ↑↓ 选择
        </span>
        <Button size="large" onClick={() => void store().exportDeliveries()}>
          导出 CSV
        </Button>
      </div>
      <table className="public-table">
        <thead>
          <tr>
            <th>处方号</th>
            <th>状态</th>
            <th>收件人</th>
            <th>地址</th>
            <th>配送方</th>
            <th className="num">配送费</th>
            <th>冷链</th>
            <th>交接</th>
            <th>签收</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr
              key={d.orderId}
              data-testid="delivery-row"
              data-state={d.state}
              className={d.orderId === selected ? 'is-selected' : ''}
              onClick={() => store().select(d.orderId)}
            >
              <td className="mono">{d.hiRxno}</td>
              <td>{d.stateLabel}</td>
              <td>
                {d.recipientName} {d.recipientPhone}
              </td>
              <td>{d.address}</td>
              <td>{d.courier}</td>
              <td className="num">{d.feeYuan}</td>
              <td>{d.coldChain ? '是' : '否'}</td>
              <td>{d.handedOverAt ?? '—'}</td>
              <td>{d.receivedAt ? `${d.receivedAt} ${d.receiverName ?? ''}` : '—'}</td>
              <td>
                <DeliveryActions d={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <DeliveryReceiptDialog />
    </section>
  );
}

const TABS: Array<{ key: PublicTab; label: string; View: () => React.ReactNode }> = [
  { key: 'prices', label: '药品价格公示', View: PricesTab },
  { key: 'availability', label: '药品在售信息', View: AvailabilityTab },
  { key: 'receipts', label: '电子票据', View: ReceiptsTab },
  { key: 'deliveries', label: '配送记录', View: DeliveriesTab },
];

/** 公示与配送 (Shift+F4): what the pharmacy publishes, its electronic receipts and deliveries. */
export function PublicScreen() {
  const open = useNavigation((s) => isOpen(s, 'public'));
  const tab = usePublicStore((s) => s.tab);
  const error = usePublicStore((s) => s.error);
  if (!open) return null;
  return (
    <main className="work-area-screen public-screen" data-testid="public-screen">
      <header className="work-area-row work-area-row-spread">
        <h2 className="public-title">公示与配送</h2>
        <span>Esc 或 Shift+F4 关闭</span>
        <Button size="large" onClick={() => useNavigation.getState().close('public')}>
          关闭
        </Button>
      </header>
      {error && <ErrorAlert error={error} testId="public-error" />}
      <Tabs
        activeKey={tab}
        onChange={(k) => usePublicStore.getState().setTab(k as PublicTab)}
        items={TABS.map((t) => ({ key: t.key, label: t.label, children: <t.View /> }))}
      />
    </main>
  );
}
