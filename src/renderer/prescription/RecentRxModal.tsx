import { Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { RxListItem } from '../../contract/types';
import { maskName } from '../../domain/mask';
import { api, isUnauthenticated, toShape } from '../api';
import { KeyList } from '../components/KeyList';
import { RxLiveTag } from '../components/RxLiveTag';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { usePrescriptionStore } from './prescription-store';

type ListState = { items: RxListItem[] | null; error: string | null };

function useRecentList(open: boolean): ListState {
  const [state, setState] = useState<ListState>({ items: null, error: null });
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setState({ items: null, error: null });
    api
      .call('rx.list', {})
      .then((items) => {
        if (!cancelled) setState({ items, error: null });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const shape = toShape(err);
        if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
        else setState({ items: null, error: shape.message });
      });
    return () => {
      cancelled = true;
    };
  }, [open]);
  return state;
}

/** Names masked; drugs, prescriber and the number's last digits tell one patient's rows apart. */
function RecentRow({ item }: { item: RxListItem }) {
  return (
    <>
      <div className="row-main">
        <span className="row-title">{item.fixmedinsName}</span>
        <span className="row-sub">患者 {maskName(item.patientName)}</span>
        <span className="row-sub" data-testid="recent-rx-drugs">
          {item.drugs.join('、')} · 医师 {item.doctorName}
        </span>
      </div>
      <div className="row-facts">
        <span className="mono" data-testid="recent-rx-tail">
          尾号 {item.rxnoTail}
        </span>
        <span>开方 {item.prscTime}</span>
        <span>下载 {item.downloadedAt}</span>
      </div>
      <div className="row-tags">
        <RxLiveTag live={item.live} testId="recent-rx-status" />
      </div>
    </>
  );
}

function RecentList({ items }: { items: RxListItem[] }) {
  const [selected, setSelected] = useState(0);
  return (
    <KeyList
      items={items}
      itemKey={(i) => i.hiRxno}
      renderItem={(i) => <RecentRow item={i} />}
      selected={selected}
      onSelect={setSelected}
      onActivate={(i) => void usePrescriptionStore.getState().open(i.hiRxno)}
      label="最近下载的电子处方"
      idPrefix="recent-rx-list"
      itemTestId="recent-rx"
      itemData={(i) => ({ 'hi-rxno': i.hiRxno, reviewable: i.reviewable })}
      autoFocus
    />
  );
}

/** F8: the prescriptions downloaded to this counter; Enter opens one (rx.get re-evaluates it). */
export function RecentRxModal() {
  const open = useUiStore((s) => s.overlay === 'recent');
  const { items, error } = useRecentList(open);
  return (
    <Modal
      open={open}
      onCancel={() => useUiStore.getState().setOverlay(null)}
      footer={null}
      title="最近处方（F8）"
      width={860}
      destroyOnHidden
    >
      <div data-testid="recent-rx-modal" className="overlay-body">
        {error && (
          <div className="layout-error" role="alert">
            {error}
          </div>
        )}
        {!error && !items && (
          <div className="loading">
            <Spin /> 正在读取…
          </div>
        )}
        {items?.length === 0 && <div className="patient-none">本柜台尚未下载过电子处方</div>}
        {items && items.length > 0 && <RecentList items={items} />}
        <p className="hint">
          <kbd>↑</kbd> <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 打开，<kbd>Esc</kbd> 关闭
        </p>
      </div>
    </Modal>
  );
}
