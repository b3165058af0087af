import { Tag } from 'antd';
import type { RxLiveState } from '../../domain/lifecycle/rx-live-state';

const TONE_COLORS: Record<RxLiveState['tone'], string> = {
  ok: 'processing',
  busy: 'warning',
  done: 'default',
  block: 'error',
};

/** A prescription's one live status, the same on the header, in F8 and wherever it is listed. */
export function RxLiveTag({ live, testId }: { live: RxLiveState; testId?: string }) {
  const next = live.next ? `，下一步：${live.next.label}（${live.next.key}）` : '';
  return (
    <Tag
      color={TONE_COLORS[live.tone]}
      className="status-tag"
      data-testid={testId}
      data-live={live.code}
      data-next={live.next?.action ?? ''}
      title={`${live.label}${next}`}
    >
      {live.label}
    </Tag>
  );
}
