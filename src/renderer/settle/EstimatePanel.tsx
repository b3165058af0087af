import { Checkbox, Spin } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useEstimateStore } from './estimate-store';
import { Notices } from './Notices';
import { SplitSummary } from './SplitSummary';

/**
 * The price before completion (F5 on an open dispensing): the center's 2101 split of the
 * prescribed quantities, so the patient can decide before the packs are scanned and handed over.
 */
export function EstimatePanel({ dispensingId }: { dispensingId: number }) {
  const estimate = useEstimateStore((s) => (s.dispensingId === dispensingId ? s.estimate : null));
  const loading = useEstimateStore((s) => s.dispensingId === dispensingId && s.loading);
  const error = useEstimateStore((s) => (s.dispensingId === dispensingId ? s.error : null));
  const useAccount = useEstimateStore((s) => s.useAccount);
  useEffect(() => () => useEstimateStore.getState().reset(), []);

  if (!estimate && !loading && !error) {
    return (
      <p className="estimate-hint" data-testid="estimate-hint">
        患者想先知道要付多少？按 <kbd>F5</kbd> 按处方数量向医保中心估算（不扣费）。
      </p>
    );
  }
  return (
    <section className="rx-pane estimate-panel" aria-label="费用估算" data-testid="estimate-panel">
      <h3 className="pane-title">费用估算（按处方数量，未结算）</h3>
      {loading && (
        <div className="loading">
          <Spin /> 正在向医保中心估算（2101）…
        </div>
      )}
      {error && <ErrorAlert error={error} testId="estimate-error" lead="费用估算失败：" />}
      {estimate && (
        <>
          <Checkbox
            className="settle-account-choice"
            data-testid="estimate-use-account"
            checked={useAccount}
            disabled={loading}
            onChange={(e) => void useEstimateStore.getState().chooseAccount(e.target.checked)}
          >
            使用个人账户支付个人负担部分
          </Checkbox>
          <SplitSummary split={estimate.split} />
          <Notices items={estimate.selfPayNotices} testId="estimate-notices" />
          <p className="estimate-note">
            估算时间 {estimate.estimatedAt}。实际金额以调剂完成后的医保结算为准。
          </p>
        </>
      )}
    </section>
  );
}
