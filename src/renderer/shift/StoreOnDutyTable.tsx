import { Table, Tag } from 'antd';
import type { StoreOnDutyView } from '../../contract/types-review';
import { type OnDutyRow, onDutyRows } from './on-duty-rows';

/**
 * 门店在岗: who is on duty at which counter now (R-PHARMACIST). A pharmacist on two counters at
 * once is marked for the owner to see; it is allowed (D50), so the mark is a note, not an alarm.
 */
export function StoreOnDutyTable({ view }: { view: StoreOnDutyView }) {
  const rows = onDutyRows(view);
  return (
    <Table<OnDutyRow>
      data-testid="store-on-duty"
      size="middle"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '门店当前无执业药师在岗' }}
      onRow={(r) => ({ 'data-testid': 'store-on-duty-row', 'data-counter': r.counter }) as never}
      columns={[
        { title: '柜台', dataIndex: 'counter', width: 110 },
        { title: '执业药师', dataIndex: 'name', width: 140 },
        { title: '医保药师代码', dataIndex: 'pharmacistCode', width: 180 },
        { title: '上岗时间', dataIndex: 'openedAt', width: 200 },
        {
          title: '备注',
          dataIndex: 'note',
          render: (note: string) =>
            note ? (
              <Tag color="blue" data-testid="store-on-duty-several">
                {note}
              </Tag>
            ) : null,
        },
      ]}
    />
  );
}
