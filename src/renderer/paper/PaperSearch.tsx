import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import type { PaperListItem } from '../../api/types-paper';
import { ImagePreview } from './ImagePreview';
import { usePaperStore } from './paper-store';
import { ROW, STACK } from './paper-styles';

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

/** The archive: indexed search, paginated, ID numbers masked; a row shows its verified image. */
export function PaperSearch() {
  const { results, preview } = usePaperStore();
  const [q, setQ] = useState<Partial<Record<Field, string>>>({});
  const run = (page = 1) => {
    const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v?.trim()));
    void usePaperStore.getState().search({ ...query, page, pageSize: 10 });
  };
  return (
    <section className="paper-search" style={STACK}>
      <div className="paper-search-form" style={ROW}>
        {FIELDS.map(([key, label, testId]) => (
          <Input
            key={key}
            data-testid={testId}
            prefix={label}
            type={key === 'from' || key === 'to' ? 'date' : 'text'}
            value={q[key] ?? ''}
            onChange={(e) => setQ({ ...q, [key]: e.target.value })}
            onPressEnter={() => run()}
            style={{ width: 220 }}
          />
        ))}
        <Button data-testid="paper-search-submit" onClick={() => run()}>
          查询（Enter）
        </Button>
      </div>
      <Table<PaperListItem>
        data-testid="paper-results"
        size="small"
        rowKey="id"
        dataSource={results?.items ?? []}
        onRow={(r) => ({ onClick: () => void usePaperStore.getState().showImage(r.id) })}
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
        ]}
      />
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
