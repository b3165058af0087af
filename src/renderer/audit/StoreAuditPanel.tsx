import { Button, Input, Select, Table } from 'antd';
import { useEffect, useRef } from 'react';
import type { StoreAuditListView } from '../../contract/types-audit';
import { AUDIT_ACTIONS } from '../../domain/audit/audit-actions';
import { DateRangeFields } from '../components/DateRangeFields';
import { ErrorAlert } from '../components/ErrorAlert';
import { AUDIT_COLUMNS } from './audit-columns';
import { STORE_AUDIT_PAGE_SIZE, useStoreAuditStore } from './store-audit-store';

type StoreEntry = StoreAuditListView['entries'][number];

const COLUMNS = [{ title: '柜台', dataIndex: 'counterId', width: 70 }, ...AUDIT_COLUMNS];

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

/** Period, counter and action of the store-wide trail; Enter (in any field) reads the first page. */
function Filters() {
  const filters = useStoreAuditStore((s) => s.filters);
  const busy = useStoreAuditStore((s) => s.busy);
  const store = useStoreAuditStore.getState;
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector('input')?.focus();
  }, []);
  return (
    <div className="work-area-row audit-store-filters" ref={first}>
      <DateRangeFields
        testIdPrefix="audit-store"
        from={filters.from}
        to={filters.to}
        className="audit-store-date"
        onChange={(from, to) => store().setFilters({ from, to })}
      />
      <Input
        data-testid="audit-store-counter"
        aria-label="柜台"
        prefix="柜台"
        placeholder="全部"
        maxLength={32}
        className="audit-store-counter"
        value={filters.counterId}
        onChange={(e) => store().setFilters({ counterId: e.target.value })}
      />
      <Select
        data-testid="audit-store-action"
        aria-label="操作"
        placeholder="全部操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="audit-store-action"
        options={ACTION_OPTIONS}
        value={filters.action || undefined}
        onChange={(action?: string) => store().setFilters({ action: action ?? '' })}
      />
      <Button
        type="primary"
        data-testid="audit-store-search"
        loading={busy}
        onClick={() => void store().refresh(1)}
      >
        查询 <kbd>Enter</kbd>
      </Button>
    </div>
  );
}

/**
 * 全店审计日志 (issue 17, R-KEEP): every counter's entries from the store server, newest first, a
 * page at a time. Details are shown as the counter wrote them — masked there — and never unmasked.
 */
export function StoreAuditPanel() {
  const list = useStoreAuditStore((s) => s.list);
  const page = useStoreAuditStore((s) => s.page);
  const error = useStoreAuditStore((s) => s.error);
  const busy = useStoreAuditStore((s) => s.busy);
  return (
    <div data-testid="audit-store-panel" className="overlay-body">
      <Filters />
      {error && <ErrorAlert error={error} testId="audit-store-error" lead="全店审计日志：" />}
      <p className="hint">
        {list ? `共 ${list.total} 条，最新的在前；` : ''}
        各柜台的审计记录由门店服务器汇总，身份证号、电话已在记录的柜台脱敏；哈希链校验请在各柜台“本柜台”中进行。
        <kbd>Esc</kbd> 关闭。
      </p>
      <Table<StoreEntry>
        data-testid="audit-store-entries"
        rowKey={(e) => `${e.counterId}-${e.seq}`}
        size="middle"
        loading={busy}
        columns={COLUMNS}
        dataSource={list?.entries ?? []}
        scroll={{ y: 360 }}
        pagination={{
          current: page,
          pageSize: STORE_AUDIT_PAGE_SIZE,
          total: list?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (next) => void useStoreAuditStore.getState().refresh(next),
        }}
        onRow={(e) =>
          ({
            'data-testid': 'audit-store-entry',
            'data-counter': e.counterId,
            'data-action': e.action,
          }) as never
        }
      />
    </div>
  );
}
