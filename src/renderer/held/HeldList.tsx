import { Tag } from 'antd';
import { useEffect } from 'react';
import type { HeldDispensingView } from '../../contract/types-dispense';
import { KeyList } from '../components/KeyList';
import { RxLiveTag } from '../components/RxLiveTag';
import { useHeldStore } from './held-store';

const POLL_MS = 30_000;

function HeldRow({ d }: { d: HeldDispensingView }) {
  return (
    <>
      <div className="row-main">
        <span className="row-title">
          {d.patient.name} <span className="held-certno mono">{d.patient.certnoMasked}</span>
        </span>
        <span className="row-sub">{d.drugs}</span>
      </div>
      <div className="row-facts">
        <span>处方 {d.rxno}</span>
        <span>调剂完成 {d.completedAt}</span>
      </div>
      <div className="row-tags">
        <RxLiveTag live={d.live} testId="held-status" />
      </div>
    </>
  );
}

/**
 * 待结算 at the counter (issue 19): dispensings completed but never settled, whose packs left
 * stock and whose codes are sold. Shift+F8 focuses the list; ↑↓ choose, Enter reopens one.
 */
export function HeldList() {
  const items = useHeldStore((s) => s.items);
  const selected = useHeldStore((s) => s.selected);
  const focusRequest = useHeldStore((s) => s.focusRequest);
  const focusPending = useHeldStore((s) => s.focusPending);

  useEffect(() => {
    const { load } = useHeldStore.getState();
    void load();
    const id = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(id);
  }, []);
  // The list (rendered before this effect runs) has taken the focus Shift+F8 asked for.
  useEffect(() => {
    if (focusPending) useHeldStore.getState().focusTaken();
  }, [focusPending]);

  const count = items?.length ?? 0;
  return (
    <section className="counter-held" aria-label="待结算调剂" data-testid="held-list">
      <h2 className="section-title">
        待结算
        <Tag
          color={count > 0 ? 'warning' : 'default'}
          className="status-tag held-count"
          data-testid="held-count"
          data-count={count}
        >
          {items === null ? '读取中…' : `${count} 笔`}
        </Tag>
        <span className="section-count">
          <kbd>Shift+F8</kbd> 选择
        </span>
      </h2>
      {count === 0 ? (
        <div className="patient-none">没有已调剂未结算的处方</div>
      ) : (
        <>
          <p className="hint">
            已出库、追溯码已登记，但尚未结算：↑↓ 选择，Enter
            打开后结算（F5）或撤销调剂（Shift+F9）。
          </p>
          <KeyList
            key={focusRequest}
            items={items ?? []}
            itemKey={(d) => String(d.dispensingId)}
            renderItem={(d) => <HeldRow d={d} />}
            selected={selected}
            onSelect={(i) => useHeldStore.getState().select(i)}
            onActivate={(d) => void useHeldStore.getState().reopen(d)}
            label="待结算调剂列表"
            idPrefix="held-item"
            itemTestId="held-item"
            itemData={(d) => ({ 'dispensing-id': String(d.dispensingId), rxno: d.rxno })}
            autoFocus={focusPending}
          />
        </>
      )}
    </section>
  );
}
