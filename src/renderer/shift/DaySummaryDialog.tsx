import { Button, Input, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DaySummary, DaySummaryHeld } from '../../contract/types-reports';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatFen } from '../format/money';
import { DAY_SUMMARY_KEY } from '../keyboard/function-keys';
import { useUiStore } from '../stores/ui-store';
import { useDaySummaryStore } from './day-summary-store';
import { useShiftStore } from './shift-store';
import './day-summary.css';

const close = () => useUiStore.getState().setOverlay(null);

function Figures({ s }: { s: DaySummary }) {
  const t = s.settlements;
  const rows: Array<[string, string]> = [
    ['医保结算', `${t.settlements} 笔　${formatFen(t.medfeeFen)}`],
    ['统筹基金', formatFen(t.fundFen)],
    ['个人账户', formatFen(t.acctFen)],
    ['现金', formatFen(t.cashFen)],
    ['自费零售', `${t.selfPaySales} 笔　${formatFen(t.selfPayFen)}`],
    ['退费', `${t.refunds} 笔　${formatFen(t.refundedFen)}`],
    ['净额', formatFen(t.netFen)],
  ];
  return (
    <dl className="day-summary-figures" data-testid="day-summary-settlements">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function HeldRow({ h, first }: { h: DaySummaryHeld; first: boolean }) {
  const [reason, setReason] = useState('');
  const busy = useDaySummaryStore((s) => s.busy);
  const carry = () => void useDaySummaryStore.getState().carryOver(h.dispensingId, reason);
  return (
    <li data-testid="day-summary-held-row" data-carried={h.carriedOver !== null}>
      <span className="mono">尾号 {h.rxnoTail}</span>
      <span>{h.patientMasked}</span>
      <span className="mono">{h.completedAt}</span>
      <span className="day-summary-drugs">{h.drugs}</span>
      {h.carriedOver ? (
        <span className="ok-text">
          已结转：{h.carriedOver.reason}（{h.carriedOver.staffName}）
        </span>
      ) : (
        <span className="day-summary-carry">
          <Input
            autoFocus={first}
            data-testid={`day-summary-reason-${h.dispensingId}`}
            placeholder="结转原因（至少4个字），Enter 结转"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={(e) => {
              e.stopPropagation();
              carry();
            }}
          />
          <Button
            data-testid={`day-summary-carry-${h.dispensingId}`}
            loading={busy}
            onClick={carry}
          >
            结转
          </Button>
        </span>
      )}
    </li>
  );
}

function Held({ s, colleagues }: { s: DaySummary; colleagues: readonly string[] }) {
  if (s.held.length === 0) return <p>无待结算调剂</p>;
  const firstOpen = s.held.find((h) => h.carriedOver === null)?.dispensingId;
  return (
    <>
      {s.openHeld > 0 && colleagues.length === 0 && (
        <p className="logout-held-warning" data-testid="off-duty-warning" role="alert">
          还有 {s.openHeld} 笔待结算调剂未处理：请结算或撤销调剂（Shift+F8），或填写原因结转后再下岗
        </p>
      )}
      {s.openHeld > 0 && colleagues.length > 0 && (
        <p className="hint" data-testid="off-duty-handover">
          还有 {s.openHeld} 笔待结算调剂：{colleagues.join('、')}{' '}
          仍在岗，由在岗药师继续处理；最后一位药师下岗前须全部处理
        </p>
      )}
      <ul className="day-summary-held">
        {s.held.map((h) => (
          <HeldRow key={h.dispensingId} h={h} first={h.dispensingId === firstOpen} />
        ))}
      </ul>
    </>
  );
}

function Others({ s }: { s: DaySummary }) {
  return (
    <ul className="day-summary-others" data-testid="day-summary-others">
      {s.outbox.length === 0 ? (
        <li>上传队列：全部已上传</li>
      ) : (
        s.outbox.map((o) => (
          <li key={o.infno}>
            上传队列 · {o.name}：待上传 {o.waiting} 笔
            {o.parked > 0 ? `，暂停待处理 ${o.parked} 笔` : ''}
          </li>
        ))
      )}
      <li>扫码拒收：{s.scanRefusals} 次</li>
      <li>纸质处方待药师确认：{s.paperAwaitingPharmacist} 张</li>
    </ul>
  );
}

/** 日结汇总: at F12's close of a shift (下岗 only once no held dispensing is left open) or on demand. */
export function DaySummaryDialog() {
  const open = useUiStore((s) => s.overlay === 'daySummary');
  const { mode, summary, error } = useDaySummaryStore();
  const confirm = useRef<HTMLButtonElement>(null);
  const offDuty = mode === 'offDuty';
  const colleagues = useShiftStore(
    useShallow((st) =>
      (st.status?.onDuty ?? [])
        .filter((x) => x.staffId !== st.status?.mine?.staffId)
        .map((x) => x.pharmacistName),
    ),
  );
  // the counter's day closes with its last pharmacist on duty (R-KEEP)
  const mayClose = summary !== null && (summary.openHeld === 0 || colleagues.length > 0);
  // once nothing is left open (on arrival, or after the last 结转) Enter goes off duty
  useEffect(() => {
    if (open && mayClose) confirm.current?.focus();
  }, [open, mayClose]);
  const goOffDuty = () => {
    if (!mayClose) return;
    close();
    void useShiftStore.getState().switchShift();
  };
  return (
    <Modal
      open={open}
      onCancel={close}
      title={offDuty ? '日结汇总 · 药师下岗（F12）' : `日结汇总（${DAY_SUMMARY_KEY}）`}
      width={760}
      destroyOnHidden
      footer={[
        <Button
          key="print"
          data-testid="day-summary-print"
          onClick={() => void useDaySummaryStore.getState().printPdf()}
        >
          打印（A4 PDF）
        </Button>,
        <Button key="cancel" onClick={close} data-testid="off-duty-cancel">
          {offDuty ? '先不下岗' : '关闭'} <kbd>Esc</kbd>
        </Button>,
        ...(offDuty
          ? [
              <Button
                key="ok"
                type="primary"
                ref={confirm}
                disabled={!mayClose}
                data-testid="off-duty-confirm"
                onClick={goOffDuty}
              >
                确认下岗 <kbd>Enter</kbd>
              </Button>,
            ]
          : []),
      ]}
    >
      <div className="day-summary" data-testid="day-summary">
        {error && <ErrorAlert error={error} testId="day-summary-error" />}
        {!summary ? (
          <p>正在汇总…</p>
        ) : (
          <>
            <p className="hint">
              {summary.day} 本柜台 · 生成于 {summary.at}
            </p>
            <h4>结算（与每日结算报表一致）</h4>
            <Figures s={summary} />
            <h4>待结算调剂（已调剂未结算）</h4>
            <Held s={summary} colleagues={offDuty ? colleagues : []} />
            <h4>其他</h4>
            <Others s={summary} />
          </>
        )}
      </div>
    </Modal>
  );
}
