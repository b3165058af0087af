import { Button, Input, Table, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PaperStoreIndexEntry } from '../../contract/types-paper';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { useStoreIndexStore } from './store-index-store';

interface Query {
  key: string;
  from: string;
  to: string;
  counterId: string;
}

function Verification({ entry }: { entry: PaperStoreIndexEntry }) {
  if (!entry.verification) {
    return <span className="hint">请在柜台 {entry.counterId} 核验</span>;
  }
  const ok = entry.verification.image === 'match' && entry.verification.record === 'match';
  return (
    <Tag color={ok ? 'success' : 'error'} data-testid={`store-index-check-${entry.localId}`}>
      {entry.verification.label}
    </Tag>
  );
}

/**
 * 全店索引 (Alt+Shift+F, D56): where each paper prescription of the pharmacy is archived — by
 * 机构-编号, archiving date and counter. Entries archived at this counter are verified against the
 * store's SM3 digests; the others name the counter where the image is kept.
 */
export function StoreIndexPanel() {
  const { result, error, busy } = useStoreIndexStore();
  const [q, setQ] = useState<Query>({ key: '', from: '', to: '', counterId: '' });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const run = (page = 1) => {
    const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v.trim()));
    void useStoreIndexStore.getState().search({ ...query, page, pageSize: 10 });
  };
  const set = (k: keyof Query) => (v: string) => setQ({ ...q, [k]: v });
  return (
    <section className="paper-search paper-store-index work-area-stack" data-testid="store-index">
      <h3>全店纸质处方索引（各柜台归档位置与 SM3 摘要）</h3>
      <div className="paper-search-form work-area-row">
        <Input
          ref={(el) => {
            first.current = el?.input ?? null;
          }}
          data-testid="store-index-key"
          prefix="机构编码-处方编号"
          value={q.key}
          onChange={(e) => set('key')(e.target.value)}
          onPressEnter={() => run()}
          className="paper-field store-index-key"
        />
        <DateField
          testId="store-index-from"
          prefix="归档日期起"
          value={q.from}
          onChange={set('from')}
          onPressEnter={() => run()}
          className="paper-field"
        />
        <DateField
          testId="store-index-to"
          prefix="归档日期止"
          value={q.to}
          onChange={set('to')}
          onPressEnter={() => run()}
          className="paper-field"
        />
        <Input
          data-testid="store-index-counter"
          prefix="柜台"
          value={q.counterId}
          onChange={(e) => set('counterId')(e.target.value)}
          onPressEnter={() => run()}
          className="paper-field"
        />
        <Button data-testid="store-index-submit" loading={busy} onClick={() => run()}>
          查询（Enter）
        </Button>
      </div>
      {error && <ErrorAlert error={error} testId="store-index-error" lead="全店索引：" />}
      <Table<PaperStoreIndexEntry>
        data-testid="store-index-results"
        size="small"
        rowKey={(r) => `${r.counterId}-${r.localId}`}
        dataSource={result?.entries ?? []}
        pagination={{
          current: result?.page ?? 1,
          pageSize: result?.pageSize ?? 10,
          total: result?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page) => run(page),
        }}
        columns={[
          { title: '机构编码-处方编号', dataIndex: 'key' },
          { title: '柜台', dataIndex: 'counterId' },
          { title: '该柜台序号', dataIndex: 'localId' },
          { title: '归档时间', dataIndex: 'capturedAt' },
          { title: '开具日期', dataIndex: 'rxDate' },
          { title: '登记人', dataIndex: 'capturedBy' },
          { title: '状态', dataIndex: 'stateLabel' },
          {
            title: '影像 SM3',
            key: 'sm3',
            render: (_, r) => <code title={r.imageSm3}>{r.imageSm3.slice(0, 16)}…</code>,
          },
          { title: '核验', key: 'check', render: (_, r) => <Verification entry={r} /> },
        ]}
      />
    </section>
  );
}
