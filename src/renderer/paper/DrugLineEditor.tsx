import { Button, Input, Select, Table } from 'antd';
import { useState } from 'react';
import type { PaperDrugOption } from '../../contract/types-paper';

export interface DraftLine {
  medListCodg: string;
  quantity: number;
  days: number;
}

interface Props {
  drugs: PaperDrugOption[];
  lines: DraftLine[];
  onChange(lines: DraftLine[]): void;
}

/** Drug lines picked from the catalog: choose, quantity, days, Enter adds. */
export function DrugLineEditor({ drugs, lines, onChange }: Props) {
  const [code, setCode] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [days, setDays] = useState('7');
  const byCode = new Map(drugs.map((d) => [d.medListCodg, d]));
  const add = () => {
    if (!code) return;
    onChange([...lines, { medListCodg: code, quantity: Number(quantity), days: Number(days) }]);
    setCode(null);
  };
  return (
    <div className="paper-lines">
      <div className="paper-line-editor work-area-row">
        <Select
          data-testid="paper-drug-select"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择药品（输入名称检索）"
          value={code}
          onChange={setCode}
          className="paper-drug-select"
          options={drugs.map((d) => ({
            value: d.medListCodg,
            label: `${d.genname} ${d.spec}${d.tags.length ? `（${d.tags.join('、')}）` : ''}`,
          }))}
        />
        <Input
          data-testid="paper-line-qty"
          prefix="数量"
          type="number"
          min={1}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          onPressEnter={add}
          className="paper-line-number"
        />
        <Input
          data-testid="paper-line-days"
          prefix="天数"
          type="number"
          min={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          onPressEnter={add}
          className="paper-line-number"
        />
        <Button data-testid="paper-add-line" onClick={add} disabled={!code}>
          添加药品
        </Button>
      </div>
      <Table<DraftLine & { key: number }>
        size="small"
        pagination={false}
        dataSource={lines.map((l, i) => ({ ...l, key: i }))}
        locale={{ emptyText: '尚未添加药品' }}
        columns={[
          { title: '药品', render: (_, l) => byCode.get(l.medListCodg)?.genname ?? l.medListCodg },
          { title: '规格', render: (_, l) => byCode.get(l.medListCodg)?.spec ?? '' },
          {
            title: '数量',
            render: (_, l) => `${l.quantity}${byCode.get(l.medListCodg)?.unit ?? ''}`,
          },
          { title: '天数', dataIndex: 'days' },
          {
            title: '',
            render: (_, l) => (
              <Button size="small" onClick={() => onChange(lines.filter((_x, i) => i !== l.key))}>
                删除
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
