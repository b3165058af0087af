import { Button, Spin, Tag } from 'antd';
import type { PrescriptionView } from '../../api/types';
import { usePrescriptionStore } from '../stores/prescription-store';
import { useUiStore } from '../stores/ui-store';

export function RxHeader({ view, loading }: { view: PrescriptionView; loading: boolean }) {
  return (
    <header className="rx-header">
      <div className="rx-header-title">
        <h2 className="section-title">电子处方</h2>
        <span className="mono rx-no" data-testid="rx-hi-rxno">
          {view.hiRxno}
        </span>
        <Tag color="blue" className="status-tag" data-testid="rx-status">
          {view.status.name}
        </Tag>
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
          重新核验 <kbd>F5</kbd>
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
