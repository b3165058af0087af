import { Button, Input, Table, Tag } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import type { PaperListItem } from '../../contract/types-paper';
import { DateField } from '../components/DateField';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { ImagePreview } from './ImagePreview';
import { PaperRejectDialog } from './PaperRejectDialog';
import { awaitingPharmacist, dispensable, usePaperStore } from './paper-store';

const FIELDS = [
  ['patientName', '患者姓名', 'paper-search-name'],
  ['patientCertno', '身份证号', 'paper-search-certno'],
  ['institutionCode', '机构编码', 'paper-search-inst'],
  ['serialNo', '处方编号', 'paper-search-serial'],
  ['medListCodg', '药品编码', 'paper-search-drug'],
  ['from', '开具日期起', 'paper-search-from'],
  ['to', '开具日期止', 'paper-search-to'],
] as const;
type Field = (typeof FIELDS)[number][0];

/** Where the record is on the dispense/settle path: 已归档待调剂, 调剂中, 已结算, 已退费 … */
function SaleState({ item }: { item: PaperListItem }) {
  const confirmed = item.confirmation.state === 'confirmed';
  const label = !confirmed
    ? item.confirmation.label
    : (item.sale?.label ?? (item.status === 'dispensed' ? '已调剂' : '已归档待调剂'));
  const color = !confirmed
    ? item.confirmation.state === 'pending'
      ? 'gold'
      : 'red'
    : item.sale?.settlementState === 'settled'
      ? 'success'
      : item.sale
        ? 'blue'
        : 'default';
  return (
    <Tag color={color} data-testid={`paper-state-${item.id}`}>
      {label}
    </Tag>
  );
}

/** A pharmacist confirms (Enter / Alt+D on the row) or sends back a cashier's capture. */
function ConfirmButtons({ item }: { item: PaperListItem }) {
  const pharmacist = useSessionStore((s) => s.session?.staff.role === 'pharmacist');
  if (!pharmacist) return <span className="hint">待执业药师确认</span>;
  const select = () => {
    usePaperStore.getState().select(item.id);
    void usePaperStore.getState().showImage(item.id);
  };
  return (
    <span className="work-area-row">
      <Button
        type="primary"
        data-testid={`paper-confirm-${item.id}`}
        onClick={(e) => {
          e.stopPropagation();
          select();
          void usePaperStore.getState().confirm(item.id);
        }}
      >
        药师确认
      </Button>
      <Button
        danger
        data-testid={`paper-reject-${item.id}`}
        onClick={(e) => {
          e.stopPropagation();
          select();
          useUiStore.getState().setOverlay('paperReject');
        }}
      >
        退回
      </Button>
    </span>
  );
}

function DispenseButton({ item }: { item: PaperListItem }) {
  if (awaitingPharmacist(item)) return <ConfirmButtons item={item} />;
  if (!dispensable(item)) return null;
  const resume = item.sale?.dispensingState === 'open';
  return (
    <Button
      type="primary"
      data-testid={`paper-dispense-${item.id}`}
      onClick={(e) => {
        e.stopPropagation();
        void usePaperStore.getState().dispense(item.id);
      }}
    >
      {resume ? '继续调剂' : '调剂'}
    </Button>
  );
}

/** Arrow keys move the selected row; Enter dispenses it (Alt+D does from anywhere on the page). */
function onResultsKey(ev: KeyboardEvent<HTMLDivElement>): void {
  if (ev.target !== ev.currentTarget) return;
  const store = usePaperStore.getState();
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    store.moveSelection(ev.key === 'ArrowDown' ? 1 : -1);
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    void store.dispenseSelected();
  }
}

/** The archive: indexed search, paginated, ID numbers masked; a row shows its verified image. */
export function PaperSearch() {
  const { results, preview, selectedId } = usePaperStore();
  const [q, setQ] = useState<Partial<Record<Field, string>>>({});
  const run = (page = 1) => {
    const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v?.trim()));
    void usePaperStore.getState().search({ ...query, page, pageSize: 10 });
  };
  return (
    <section className="paper-search work-area-stack">
      <div className="paper-search-form work-area-row">
        {FIELDS.map(([key, label, testId]) =>
          key === 'from' || key === 'to' ? (
            <DateField
              key={key}
              testId={testId}
              prefix={label}
              value={q[key] ?? ''}
              onChange={(v) => setQ({ ...q, [key]: v })}
              onPressEnter={() => run()}
              className="paper-field"
            />
          ) : (
            <Input
              key={key}
              data-testid={testId}
              prefix={label}
              value={q[key] ?? ''}
              onChange={(e) => setQ({ ...q, [key]: e.target.value })}
              onPressEnter={() => run()}
              className="paper-field"
            />
          ),
        )}
        <Button data-testid="paper-search-submit" onClick={() => run()}>
          查询（Enter）
        </Button>
      </div>
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the focus holder of the result list's ↑↓ / Enter / Alt+D keys
        tabIndex={0}
        data-testid="paper-results-keys"
        aria-label="纸质处方查询结果：上下键选择，Enter 或 Alt+D 调剂"
        onKeyDown={onResultsKey}
      >
        <Table<PaperListItem>
          data-testid="paper-results"
          size="small"
          rowKey="id"
          dataSource={results?.items ?? []}
          onRow={(r) => ({
            'data-selected': r.id === selectedId,
            className: r.id === selectedId ? 'paper-row-selected' : undefined,
            onClick: () => {
              usePaperStore.getState().select(r.id);
              void usePaperStore.getState().showImage(r.id);
            },
          })}
          pagination={{
            current: results?.page ?? 1,
            pageSize: results?.pageSize ?? 10,
            total: results?.total ?? 0,
            showTotal: (t) => `共 ${t} 张`,
            onChange: (page) => run(page),
          }}
          columns={[
            { title: '序号', dataIndex: 'id' },
            { title: '开具日期', dataIndex: 'rxDate' },
            { title: '机构', dataIndex: 'institutionName' },
            { title: '编号', dataIndex: 'serialNo' },
            { title: '患者', dataIndex: 'patientName' },
            { title: '身份证号', dataIndex: 'certnoMasked' },
            { title: '药品', dataIndex: 'drugs' },
            { title: '归档时间', dataIndex: 'capturedAt' },
            { title: '状态', key: 'state', render: (_, r) => <SaleState item={r} /> },
            {
              title: '操作（Alt+D）',
              key: 'dispense',
              render: (_, r) => <DispenseButton item={r} />,
            },
          ]}
        />
      </section>
      <PaperRejectDialog />
      {preview && (
        <ImagePreview
          image={{
            name: `第${preview.id}号`,
            mime: preview.mime,
            size: (preview.base64.length * 3) / 4,
            base64: preview.base64,
          }}
          sm3={preview.sm3}
        />
      )}
    </section>
  );
}
