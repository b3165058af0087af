import { Button, Spin, Tag } from 'antd';
import type { PrescriptionView } from '../../contract/types';
import { RxLiveTag } from '../components/RxLiveTag';
import { useDispenseStore } from '../dispense/dispense-store';
import { useReviewStore } from '../review/review-store';
import { useUiStore } from '../stores/ui-store';
import { usePrescriptionStore } from './prescription-store';

export function RxHeader({ view, loading }: { view: PrescriptionView; loading: boolean }) {
  const reviewOpen = useReviewStore((s) => s.hiRxno !== null);
  const starting = useDispenseStore((s) => s.starting);
  const next = view.live.next?.action;
  const toggleReview = () => {
    const review = useReviewStore.getState();
    if (review.hiRxno) review.closePanel();
    else void review.openPanel(view.hiRxno);
  };
  return (
    <header className="rx-header">
      <div className="rx-header-title">
        <h2 className="section-title">电子处方</h2>
        <span className="mono rx-no" data-testid="rx-hi-rxno">
          {view.hiRxno}
        </span>
        <RxLiveTag live={view.live} testId="rx-status" />
        <Tag className="status-tag" data-testid="rx-region" data-region={view.policy.regionId}>
          政策地区：{view.policy.regionName}
        </Tag>
        {loading && <Spin />}
      </div>
      <div className="rx-header-actions">
        <Button
          size="large"
          data-testid="rx-refresh"
          loading={loading}
          onClick={() => void usePrescriptionStore.getState().refresh()}
        >
          重新核验 <kbd>Shift+F6</kbd>
        </Button>
        <Button
          size="large"
          type={!reviewOpen && next === 'review' ? 'primary' : 'default'}
          data-testid="rx-review"
          onClick={toggleReview}
        >
          {reviewOpen ? '收起审方' : '审方'} <kbd>F6</kbd>
        </Button>
        <Button
          size="large"
          type={next === 'dispense' || next === 'settle' ? 'primary' : 'default'}
          data-testid="rx-dispense"
          loading={starting}
          onClick={() => void useDispenseStore.getState().start(view.hiRxno)}
        >
          调剂发药 <kbd>F7</kbd>
        </Button>
        <Button size="large" onClick={() => useUiStore.getState().setOverlay('recent')}>
          最近处方 <kbd>F8</kbd>
        </Button>
        <Button
          size="large"
          data-testid="rx-back"
          onClick={() => usePrescriptionStore.getState().close()}
        >
          返回柜台 <kbd>Esc</kbd>
        </Button>
      </div>
    </header>
  );
}
