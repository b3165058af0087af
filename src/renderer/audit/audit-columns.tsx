import { Tag } from 'antd';
import type { AuditEntryView } from '../../contract/types-audit';
import { detailText } from './detail-text';

const OUTCOME_COLORS = {
  ok: 'success',
  refused: 'warning',
  failed: 'error',
  interrupted: 'processing',
} as const;

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The columns of an audit entry, at this counter's log and in the store-wide trail alike. */
export const AUDIT_COLUMNS = [
  { title: '序号', dataIndex: 'seq', width: 70 },
  { title: '时间', dataIndex: 'at', width: 170, render: when },
  { title: '人员', dataIndex: 'username', width: 150, render: (u: string | null) => u ?? '—' },
  { title: '操作', dataIndex: 'actionLabel', width: 130 },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 90,
    render: (_: unknown, e: AuditEntryView) => (
      <Tag color={OUTCOME_COLORS[e.outcome]}>{e.outcomeLabel}</Tag>
    ),
  },
  { title: '对象', dataIndex: 'subject', width: 190, render: (s: string | null) => s ?? '' },
  { title: '详情', dataIndex: 'detail', render: detailText },
];
