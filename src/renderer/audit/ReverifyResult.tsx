import { Alert, Table } from 'antd';
import type { RxReverifyFailure } from '../../contract/types-reverify';
import { useAuditStore } from './audit-store';

const COLUMNS = [
  { title: '处方编号', dataIndex: 'hiRxno', width: 220 },
  { title: '开方机构', dataIndex: 'fixmedinsName', width: 220 },
  { title: '原因', dataIndex: 'reason' },
];

/** rx.reverifyAll's summary: the counts and each prescription that no longer verifies (R-SIGN). */
export function ReverifyResult() {
  const r = useAuditStore((s) => s.reverified);
  if (!r) return null;
  const ok = r.failed === 0;
  if (r.checked === 0)
    return (
      <div data-testid="rx-reverify-result" data-failed={0} role="status">
        <Alert type="info" showIcon title="本机尚无存档的电子处方，无需重新验签" />
      </div>
    );
  const listed =
    r.failures.length < r.failed ? `（列出前 ${r.failures.length} 张，按处方编号）` : '';
  return (
    <div data-testid="rx-reverify-result" data-failed={r.failed} role="status">
      <Alert
        type={ok ? 'success' : 'error'}
        showIcon
        title={
          ok
            ? `存档处方 ${r.checked} 张全部重新验签通过`
            : `存档处方 ${r.checked} 张中 ${r.failed} 张重新验签未通过`
        }
        description={`用时 ${(r.ms / 1000).toFixed(1)} 秒，${r.threads} 个后台线程${listed}；未通过的处方不得再审核、调剂或结算，请联系开方医院`}
      />
      {!ok && (
        <Table<RxReverifyFailure>
          data-testid="rx-reverify-failures"
          rowKey="hiRxno"
          size="small"
          columns={COLUMNS}
          dataSource={r.failures}
          pagination={false}
          scroll={{ y: 200 }}
        />
      )}
    </div>
  );
}
